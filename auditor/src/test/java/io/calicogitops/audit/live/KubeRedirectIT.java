package io.calicogitops.audit.live;

import com.sun.net.httpserver.HttpServer;
import io.calicogitops.diag.ClusterAccessException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An API server that answers with a redirect to another host never gets the bearer token forwarded there: the reader
 * and the writer refuse every redirect (exit 4) instead of following it.
 */
@Timeout(60)
class KubeRedirectIT {

    private static final String TOKEN = "redirect-bearer-token-0123456789abcdef";

    @TempDir
    Path dir;
    HttpServer api;
    HttpServer elsewhere;
    final List<String> elsewhereSaw = new CopyOnWriteArrayList<>();
    Path kubeconfig;

    @BeforeEach
    void servers() throws IOException {
        elsewhere = HttpServer.create(new InetSocketAddress("127.0.0.2", 0), 0);
        elsewhere.createContext("/", exchange -> {
            elsewhereSaw.add(exchange.getRequestURI() + " Authorization=" + exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "{\"kind\":\"APIGroupList\",\"apiVersion\":\"v1\",\"groups\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        elsewhere.start();
        api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        api.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Location",
                    "http://127.0.0.2:" + elsewhere.getAddress().getPort() + exchange.getRequestURI());
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        api.start();
        kubeconfig = Files.writeString(dir.resolve("config"), """
                apiVersion: v1
                kind: Config
                current-context: redirecting
                clusters:
                - name: redirecting
                  cluster: {server: "http://127.0.0.1:%d"}
                users:
                - name: auditor
                  user: {token: %s}
                contexts:
                - name: redirecting
                  context: {cluster: redirecting, user: auditor}
                """.formatted(api.getAddress().getPort(), TOKEN));
    }

    @AfterEach
    void stop() {
        api.stop(0);
        elsewhere.stop(0);
    }

    @Test
    void read_redirectToAnotherHost_refusedAndTokenNeverSentThere() {
        KubeLiveReader reader = new KubeLiveReader(Optional.of(kubeconfig), Optional.empty(), Duration.ofSeconds(5));

        ClusterAccessException e = assertThrows(ClusterAccessException.class,
                () -> reader.read(Set.of("projectcalico.org/GlobalNetworkPolicy")));

        assertEquals(List.of(), elsewhereSaw);
        assertTrue(e.getMessage().contains("HTTP 302"), e.getMessage());
        assertTrue(e.getMessage().contains("redirect"), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
    }

    @Test
    void write_redirectToAnotherHost_refusedAndTokenNeverSentThere() {
        ClusterAccessException e;
        try (KubeObjectWriter writer = new KubeObjectWriter(Optional.of(kubeconfig), Optional.empty())) {
            e = assertThrows(ClusterAccessException.class, () -> writer.delete("projectcalico.org/GlobalNetworkPolicy", "", "x"));
        }

        assertEquals(List.of(), elsewhereSaw);
        assertTrue(e.getMessage().contains("redirect"), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
    }
}
