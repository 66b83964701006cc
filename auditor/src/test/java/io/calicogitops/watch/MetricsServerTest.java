package io.calicogitops.watch;

import io.calicogitops.audit.AuditReport;
import io.calicogitops.audit.Coverage;
import io.calicogitops.audit.DriftEntry;
import io.calicogitops.audit.DriftSeverity;
import io.calicogitops.audit.DriftStatus;
import io.calicogitops.model.ResourceId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The watch loop's metrics and probes over real HTTP on 127.0.0.1 (issue 16 item 4). */
@Timeout(60)
class MetricsServerTest {

    private final WatchMetrics metrics = new WatchMetrics("eks-prod");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private MetricsServer server;

    @BeforeEach
    void start() throws IOException {
        server = MetricsServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), metrics);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static DriftEntry entry(String name, DriftStatus status, DriftSeverity severity) {
        return new DriftEntry(new ResourceId("projectcalico.org", "GlobalNetworkPolicy", null, name), status, severity,
                null, List.of(), Optional.empty(), Optional.empty());
    }

    private static AuditReport report(DriftEntry... entries) {
        return new AuditReport("eks-prod", "abc", "main", "in-cluster", List.of(entries), null, List.of());
    }

    @Test
    void beforeTheFirstAudit_notReady_metricsSayNoSuccessYet() throws Exception {
        HttpResponse<String> ready = get("/readyz");
        HttpResponse<String> m = get("/metrics");

        assertEquals(503, ready.statusCode());
        assertEquals(200, m.statusCode());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", m.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(m.body().contains("calico_gitops_last_successful_audit_timestamp_seconds{cluster=\"eks-prod\"} 0\n"), m.body());
        assertEquals(200, get("/healthz").statusCode());
    }

    @Test
    void afterASuccessfulAudit_ready_driftBySeverityAndStatus() throws Exception {
        metrics.succeeded(report(entry("default.a", DriftStatus.MODIFIED, DriftSeverity.CRITICAL),
                        entry("default.b", DriftStatus.MODIFIED, DriftSeverity.CRITICAL),
                        entry("default.c", DriftStatus.MISSING, DriftSeverity.WARNING),
                        entry("default.d", DriftStatus.IN_SYNC, DriftSeverity.NONE),
                        entry("default.e", DriftStatus.IGNORED, DriftSeverity.INFO)),
                Instant.parse("2026-12-07T05:00:00.250Z"), Duration.ofMillis(1500));

        String body = get("/metrics").body();

        assertEquals(200, get("/readyz").statusCode());
        assertTrue(body.contains("calico_gitops_drift_resources{cluster=\"eks-prod\",severity=\"critical\",status=\"modified\"} 2\n"), body);
        assertTrue(body.contains("calico_gitops_drift_resources{cluster=\"eks-prod\",severity=\"warning\",status=\"missing\"} 1\n"), body);
        assertTrue(body.contains("calico_gitops_drift_resources{cluster=\"eks-prod\",severity=\"info\",status=\"unmanaged\"} 0\n"), body);
        assertTrue(body.contains("calico_gitops_last_successful_audit_timestamp_seconds{cluster=\"eks-prod\"} 1796619600.250\n"), body);
        assertTrue(body.contains("calico_gitops_audit_duration_seconds{cluster=\"eks-prod\"} 1.500\n"), body);
        assertTrue(body.contains("calico_gitops_audits_total{cluster=\"eks-prod\",result=\"drift\"} 1\n"), body);
        assertTrue(body.contains("# TYPE calico_gitops_audits_total counter\n"), body);
        assertTrue(body.lines().filter(l -> !l.startsWith("#"))
                .allMatch(l -> l.matches("calico_gitops_[a-z_]+\\{[^}]*} [0-9.]+")), "every sample line is well formed: " + body);
    }

    @Test
    void afterAFailure_notReady_failuresCounted_theLastDriftKept() throws Exception {
        metrics.succeeded(report(entry("default.a", DriftStatus.UNMANAGED, DriftSeverity.WARNING)),
                Instant.parse("2026-12-07T05:00:00Z"), Duration.ofSeconds(2));
        metrics.failed(Duration.ofSeconds(30));
        metrics.failed(Duration.ofSeconds(31));

        String body = get("/metrics").body();

        assertEquals(503, get("/readyz").statusCode());
        assertTrue(body.contains("calico_gitops_consecutive_failed_audits{cluster=\"eks-prod\"} 2\n"), body);
        assertTrue(body.contains("calico_gitops_drift_resources{cluster=\"eks-prod\",severity=\"warning\",status=\"unmanaged\"} 1\n"), body);
        assertTrue(body.contains("calico_gitops_last_successful_audit_timestamp_seconds{cluster=\"eks-prod\"} 1796619600\n"), body);

        metrics.succeeded(report(), Instant.parse("2026-12-07T05:10:00Z"), Duration.ofSeconds(2));
        assertEquals(200, get("/readyz").statusCode(), "ready again after a success");
    }

    @Test
    void onlyGetAndHeadOnExactPaths() throws Exception {
        assertEquals(405, send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                .POST(HttpRequest.BodyPublishers.ofString("x"))).statusCode());
        assertEquals(404, get("/metrics/extra").statusCode());
        assertEquals(404, get("/").statusCode());
        assertEquals(200, send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())).statusCode());
    }

    @Test
    void labelValuesAreEscaped() {
        assertEquals("a\\\"b\\\\c\\nd", WatchMetrics.escape("a\"b\\c\nd"));
    }
}
