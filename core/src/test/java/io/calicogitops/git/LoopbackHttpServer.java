package io.calicogitops.git;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A fake Git HTTP(S) server on a loopback address that records the Authorization header of every request and answers
 * either 401 (asking for Basic credentials, as GitHub does) or a redirect. TLS uses the vendored self-signed
 * {@code tls/loopback.p12} (made with keytool, valid for 127.0.0.1 and 127.0.0.2); clients skip its verification.
 */
final class LoopbackHttpServer implements AutoCloseable {

    private final HttpServer server;
    private final String scheme;
    /** One line per request: {@code <path> Authorization=<header or null>}. */
    final List<String> requests = new CopyOnWriteArrayList<>();

    private LoopbackHttpServer(HttpServer server, String scheme, Function<HttpExchange, String> redirect) {
        this.server = server;
        this.scheme = scheme;
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI().getPath() + " Authorization="
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            String location = redirect.apply(exchange);
            if (location != null) {
                exchange.getResponseHeaders().add("Location", location);
                exchange.sendResponseHeaders(302, -1);
            } else {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"git\"");
                exchange.sendResponseHeaders(401, -1);
            }
            exchange.close();
        });
        server.start();
    }

    /** A server on {@code host} answering 401 to everything, or redirecting where {@code redirect} says (null: 401). */
    static LoopbackHttpServer start(String host, boolean tls, Function<HttpExchange, String> redirect) {
        try {
            InetSocketAddress address = new InetSocketAddress(host, 0);
            if (!tls) {
                return new LoopbackHttpServer(HttpServer.create(address, 0), "http", redirect);
            }
            HttpsServer https = HttpsServer.create(address, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(sslContext()));
            return new LoopbackHttpServer(https, "https", redirect);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL of {@code path} on this server. */
    String url(String path) {
        return scheme + "://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort() + path;
    }

    private static SSLContext sslContext() {
        try (InputStream in = LoopbackHttpServer.class.getResourceAsStream("/tls/loopback.p12")) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, "changeit".toCharArray());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, "changeit".toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
