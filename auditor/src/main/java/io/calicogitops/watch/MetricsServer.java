package io.calicogitops.watch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The watch loop's HTTP endpoints, on the JDK's own server (no extra dependency): {@code /metrics} (Prometheus text
 * format), {@code /readyz} (200 once an audit succeeded and while the latest one did, 503 otherwise: the pod's
 * readiness probe) and {@code /healthz} (200 while the process serves: the liveness probe). GET and HEAD only; no
 * request data is read and nothing but counts and times is served (no resource names, no Secret values).
 */
public final class MetricsServer implements AutoCloseable {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;

    private MetricsServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Serves {@code metrics} on {@code address} (port 0: any free port, see {@link #port()}). */
    public static MetricsServer start(InetSocketAddress address, WatchMetrics metrics) {
        HttpServer server;
        try {
            server = HttpServer.create(address, 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + address.getPort() + ": " + e.getMessage(), e);
        }
        // One daemon thread: scrapes are small and rare, and the server must never keep the JVM alive on its own.
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "calico-gitops-metrics");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/metrics", x -> reply(x, 200, metrics.exposition()));
        server.createContext("/readyz", x -> reply(x, metrics.ready() ? 200 : 503,
                metrics.ready() ? "ready\n" : "not ready: no successful audit yet, or the latest audit failed\n"));
        server.createContext("/healthz", x -> reply(x, 200, "ok\n"));
        server.start();
        return new MetricsServer(server, executor);
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    private static void reply(HttpExchange x, int status, String body) throws IOException {
        try (x) {
            String method = x.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                x.getResponseHeaders().set("Allow", "GET, HEAD");
                x.sendResponseHeaders(405, -1);
                return;
            }
            // An exact path only: /metrics/anything is not a second name for the same page.
            String path = x.getRequestURI().getPath();
            if (!path.equals(x.getHttpContext().getPath())) {
                x.sendResponseHeaders(404, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            x.getResponseHeaders().set("Cache-Control", "no-store");
            if (method.equals("HEAD")) {
                x.sendResponseHeaders(status, -1);
                return;
            }
            x.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
