package io.calicogitops.audit.live;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A tiny API server on 127.0.0.1 for what fabric8's mock server cannot do: send a list body slowly, one byte at a
 * time, or send more bytes than a client should take. It serves discovery for projectcalico.org/v3 Tier and the Tier
 * list through {@link Body}. Every loop is bounded and ends by itself, or when the client hangs up.
 */
final class LoopbackApiServer implements AutoCloseable {

    /** How the Tier list is answered. */
    interface Body {
        void send(OutputStream out) throws IOException, InterruptedException;
    }

    static final String TIER_PATH = "/apis/projectcalico.org/v3/tiers";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final AtomicInteger listRequests = new AtomicInteger();
    private final AtomicInteger bodiesCompleted = new AtomicInteger();
    private final AtomicInteger clientHangUps = new AtomicInteger();
    private final AtomicInteger handlersRunning = new AtomicInteger();
    private final AtomicLong bytesSent = new AtomicLong();

    LoopbackApiServer(Body tiers) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/apis", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/apis")) {
                json(exchange, """
                        {"kind":"APIGroupList","apiVersion":"v1","groups":[{"name":"projectcalico.org",
                        "versions":[{"groupVersion":"projectcalico.org/v3","version":"v3"}],
                        "preferredVersion":{"groupVersion":"projectcalico.org/v3","version":"v3"}}]}""");
            } else if (path.equals("/apis/projectcalico.org/v3")) {
                json(exchange, """
                        {"kind":"APIResourceList","apiVersion":"v1","groupVersion":"projectcalico.org/v3",
                        "resources":[{"name":"tiers","singularName":"","namespaced":false,"kind":"Tier",
                        "verbs":["get","list","watch"]}]}""");
            } else if (path.equals(TIER_PATH)) {
                list(exchange, tiers);
            } else {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
            }
        });
        server.start();
    }

    /** The body of an empty Tier list, sent one byte every {@code millis} ms. */
    static Body trickle(long millis) {
        byte[] body = "{\"apiVersion\":\"projectcalico.org/v3\",\"kind\":\"TierList\",\"metadata\":{\"resourceVersion\":\"1\"},\"items\":[]}"
                .getBytes(StandardCharsets.UTF_8);
        return out -> {
            for (byte b : body) {
                out.write(b);
                out.flush();
                Thread.sleep(millis);
            }
        };
    }

    /** A valid Tier list of {@code count} Tiers, each with a 64 KiB annotation, sent as fast as the client takes it. */
    static Body large(int count) {
        return out -> {
            out.write("{\"apiVersion\":\"projectcalico.org/v3\",\"kind\":\"TierList\",\"metadata\":{},\"items\":["
                    .getBytes(StandardCharsets.UTF_8));
            String filler = "x".repeat(64 * 1024);
            for (int i = 0; i < count; i++) {
                out.write(((i == 0 ? "" : ",") + "{\"apiVersion\":\"projectcalico.org/v3\",\"kind\":\"Tier\",\"metadata\":"
                        + "{\"name\":\"t-" + i + "\",\"annotations\":{\"filler\":\"" + filler + "\"}},\"spec\":{\"order\":" + i + "}}")
                        .getBytes(StandardCharsets.UTF_8));
            }
            out.write("]}".getBytes(StandardCharsets.UTF_8));
        };
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    int listRequests() {
        return listRequests.get();
    }

    /** List bodies the server sent to the end. */
    int bodiesCompleted() {
        return bodiesCompleted.get();
    }

    /** List bodies cut short because the client closed the connection. */
    int clientHangUps() {
        return clientHangUps.get();
    }

    long bytesSent() {
        return bytesSent.get();
    }

    /** Waits, at most {@code seconds}, until no list body is being sent any more. */
    void awaitIdle(int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (handlersRunning.get() > 0 && System.nanoTime() < end) {
            Thread.sleep(50);
        }
    }

    private void list(HttpExchange exchange, Body body) throws IOException {
        listRequests.incrementAndGet();
        handlersRunning.incrementAndGet();
        try {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = new CountingOut(exchange.getResponseBody(), bytesSent);
            body.send(out);
            out.close();
            bodiesCompleted.incrementAndGet();
        } catch (IOException e) {
            clientHangUps.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
            handlersRunning.decrementAndGet();
        }
    }

    private static void json(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    /** Counts the bytes written through it. */
    private static final class CountingOut extends java.io.FilterOutputStream {
        private final AtomicLong count;

        CountingOut(OutputStream out, AtomicLong count) {
            super(out);
            this.count = count;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count.addAndGet(len);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count.incrementAndGet();
        }
    }
}
