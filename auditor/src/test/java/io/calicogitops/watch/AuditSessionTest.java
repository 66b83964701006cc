package io.calicogitops.watch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.calicogitops.audit.AuditReport;
import io.calicogitops.audit.LiveReader;
import io.calicogitops.audit.ignore.IgnoreRules;
import io.calicogitops.audit.live.FileLiveReader;
import io.calicogitops.diag.ClusterAccessException;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.diag.ExitCodes;
import io.calicogitops.driftlog.DriftLog;
import io.calicogitops.driftlog.DriftLogPush;
import io.calicogitops.driftlog.LiveDigest;
import io.calicogitops.driftlog.LogEntry;
import io.calicogitops.git.GitRepo;
import io.calicogitops.notify.WebhookTarget;
import io.calicogitops.progress.Progress;
import io.calicogitops.render.Generator;
import io.calicogitops.render.RepoUpdate;
import io.calicogitops.yaml.YamlReader;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit session without the CLI: a rendered cluster in a temporary Git repository, snapshot files as the live
 * state, the drift log read back, a remote to push to and a webhook server on loopback.
 */
class AuditSessionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final String POLICY = """
            apiVersion: projectcalico.org/v3
            kind: GlobalNetworkPolicy
            metadata:
              name: default.allow-dns
            spec:
              tier: default
              order: 100
              selector: all()
              types: [Egress]
              egress:
              - action: Allow
                protocol: UDP
                destination:
                  ports: [53]
            """;

    @TempDir
    Path tmp;

    private Path repo;
    private JsonNode rendered;
    private final StringWriter err = new StringWriter();
    private final List<AuditReport> written = new ArrayList<>();
    private HttpServer server;
    private final List<JsonNode> posted = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void renderOneCluster() throws IOException {
        write("templates/mine/allow-dns.yaml.mustache", POLICY);
        write("fleet/c1.yaml", "name: c1\nprovider: EKS\ncni: calico\npacks: [mine]\n");
        Generator.RenderResult result = new Generator().render(new Generator.RenderRequest(tmp.resolve("fleet"),
                Optional.of(tmp.resolve("templates")), Optional.empty(), List.of(), Path::toString));
        byte[] policy = result.clusters().get(0).files().entrySet().stream()
                .filter(e -> e.getKey().startsWith("globalnetworkpolicy-")).findFirst().orElseThrow().getValue();
        rendered = new YamlReader().read(new String(policy, StandardCharsets.UTF_8), "x.yaml", new Diagnostics()).get(0).body();
        repo = tmp.resolve("repo");
        assertTrue(RepoUpdate.write(result, repo, true, false, "render").commitId().isPresent());
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void write(String relative, String text) throws IOException {
        Path p = tmp.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    /** A snapshot of the rendered policy, its order set to {@code order} (100: in sync). */
    private LiveReader live(int order) throws IOException {
        JsonNode body = rendered.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) body.get("spec")).put("order", order);
        Path file = tmp.resolve("live-" + order + ".yaml");
        Files.writeString(file, JSON.writeValueAsString(body) + "\n");
        return new FileLiveReader(List.of(file));
    }

    private AuditSession.Request request(LiveReader live, Optional<AuditSession.Recording> recording) {
        return new AuditSession.Request("HEAD", () -> live, "files: live.yaml", IgnoreRules.none(), LocalDate.of(2026, 12, 1),
                Optional.empty(), recording, Progress.none());
    }

    private AuditSession session(Optional<WebhookTarget> notify) {
        return new AuditSession(repo, "c1", Optional.of(NOW), notify, new PrintWriter(err, true));
    }

    private static Optional<AuditSession.Recording> locally() {
        return Optional.of(new AuditSession.Recording(Optional.empty(), Optional.empty()));
    }

    private List<LogEntry> entries(Path at) {
        try (GitRepo git = GitRepo.open(at)) {
            return new DriftLog().read(git, "c1", Optional.empty(), Optional.empty());
        }
    }

    @Test
    void once_inSync_writesTheReportThenRecordsItWithTheDigestOfTheSnapshotItCarries() throws IOException {
        LiveReader live = live(100);
        AuditSession.Result result = session(Optional.empty()).once(() -> request(live, locally()), written::add);

        assertEquals(ExitCodes.OK, result.exitCode());
        assertEquals(List.of(result.report()), written);
        assertEquals(1, result.report().live().resources().size(), "the report returns what it read");
        List<LogEntry> log = entries(repo);
        assertEquals(1, log.size());
        assertEquals("in sync", log.get(0).verdict());
        assertEquals(NOW, log.get(0).time());
        assertEquals(LiveDigest.of(result.report().live()), log.get(0).liveDigest().orElseThrow());
        assertTrue(err.toString().startsWith("recorded: c1 entry 1 (in sync)"), err.toString());
    }

    @Test
    void watch_withMetrics_keepsEachAuditsOutcome_driftKeptThroughAFailure() {
        List<LiveReader> runs = new ArrayList<>();
        try {
            runs.add(live(100));
            runs.add(live(200));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        runs.add(query -> {
            throw new ClusterAccessException("the API server answered 500");
        });
        java.util.Iterator<LiveReader> next = runs.iterator();
        WatchMetrics metrics = new WatchMetrics("c1");
        AuditLoop loop = new AuditLoop(Duration.ofMinutes(10), Backoff.forInterval(Duration.ofMinutes(10), new Random(1)),
                new PrintWriter(err, true), pause -> true);

        session(Optional.empty()).watch(loop, 3, () -> request(next.next(), Optional.empty()), written::add, Optional.of(metrics));

        String text = metrics.exposition();
        assertTrue(text.contains("calico_gitops_drift_resources{cluster=\"c1\",severity=\"warning\",status=\"modified\"} 1\n")
                || text.contains("calico_gitops_drift_resources{cluster=\"c1\",severity=\"critical\",status=\"modified\"} 1\n"), text);
        assertTrue(text.contains("calico_gitops_last_successful_audit_timestamp_seconds{cluster=\"c1\"} " + NOW.getEpochSecond() + "\n"), text);
        assertTrue(text.contains("calico_gitops_consecutive_failed_audits{cluster=\"c1\"} 1\n"), text);
        assertTrue(text.contains("calico_gitops_audits_total{cluster=\"c1\",result=\"in_sync\"} 1\n"), text);
        assertTrue(text.contains("calico_gitops_audits_total{cluster=\"c1\",result=\"drift\"} 1\n"), text);
        assertTrue(text.contains("calico_gitops_audits_total{cluster=\"c1\",result=\"failed\"} 1\n"), text);
        assertFalse(metrics.ready(), "the latest audit failed");
    }

    @Test
    void once_withoutRecording_writesNothingToTheLog() throws IOException {
        LiveReader live = live(200);
        AuditSession.Result result = session(Optional.empty()).once(() -> request(live, Optional.empty()), written::add);

        assertEquals(ExitCodes.FINDINGS, result.exitCode());
        assertEquals(List.of(), entries(repo));
        assertEquals("", err.toString());
    }

    @Test
    void once_auditFails_failureRecordedAndRethrown_nothingWritten() {
        LiveReader broken = query -> {
            throw new ClusterAccessException("the API server answered 500");
        };
        AuditSession s = session(Optional.empty());

        ClusterAccessException e = assertThrows(ClusterAccessException.class, () -> s.once(() -> request(broken, locally()), written::add));

        assertEquals("the API server answered 500", e.getMessage());
        assertEquals(List.of(), written);
        List<LogEntry> log = entries(repo);
        assertEquals(1, log.size());
        assertTrue(log.get(0).failed());
    }

    @Test
    void once_liveSourceCannotBeOpened_isAFailedAuditAndRecorded() {
        AuditSession s = session(Optional.empty());
        AuditSession.Request unopenable = new AuditSession.Request("HEAD", () -> {
            throw new ClusterAccessException("kubeconfig k does not exist");
        }, "kubeconfig k", IgnoreRules.none(), null, Optional.empty(), locally(), Progress.none());

        assertThrows(ClusterAccessException.class, () -> s.once(() -> unopenable, written::add));
        List<LogEntry> log = entries(repo);
        assertEquals(1, log.size());
        assertEquals(Optional.of("kubeconfig k does not exist"), log.get(0).error());
    }

    @Test
    void once_requestThatCannotBeBuilt_isNotRecorded() {
        AuditSession s = session(Optional.empty());

        assertThrows(IllegalStateException.class, () -> s.once(() -> {
            throw new IllegalStateException("bad option");
        }, written::add));
        assertEquals(List.of(), entries(repo));
    }

    @Test
    void once_push_recordsOnTheRemotesLog() throws Exception {
        Path bare = tmp.resolve("origin.git");
        Git.cloneRepository().setURI(repo.toUri().toString()).setDirectory(bare.toFile()).setBare(true).call().close();
        Path clone = tmp.resolve("clone");
        Git.cloneRepository().setURI(bare.toUri().toString()).setDirectory(clone.toFile()).call().close();
        LiveReader live = live(100);
        Optional<AuditSession.Recording> pushed = Optional.of(new AuditSession.Recording(
                Optional.of(new DriftLogPush("origin", Optional.empty())), Optional.empty()));
        AuditSession s = new AuditSession(clone, "c1", Optional.of(NOW), Optional.empty(), new PrintWriter(err, true));

        s.once(() -> new AuditSession.Request("HEAD", () -> live, "files: live.yaml", IgnoreRules.none(),
                LocalDate.of(2026, 12, 1), Optional.empty(), pushed, Progress.none()), written::add);

        assertEquals(1, entries(bare).size());
        assertTrue(err.toString().contains(", pushed"), err.toString());
    }

    @Test
    void watch_driftAppearsThenStays_oneNotification_everyRunRecorded_lastExitCode() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            posted.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        String url = "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort() + "/hook";
        Optional<WebhookTarget> hook = WebhookTarget.resolve(url, null, Map.of());
        assertTrue(hook.isPresent());
        LiveReader drift = live(200);
        List<Duration> pauses = new ArrayList<>();
        AuditLoop loop = new AuditLoop(Duration.ofMinutes(10), Backoff.forInterval(Duration.ofMinutes(10), new Random(1)),
                new PrintWriter(err, true), pause -> pauses.add(pause));

        int code = session(hook).watch(loop, 3, () -> request(drift, locally()), written::add);

        assertEquals(ExitCodes.FINDINGS, code);
        assertEquals(3, written.size());
        assertEquals(3, entries(repo).size());
        assertEquals(1, posted.size(), "drift appeared once, then stayed the same: " + posted);
        assertEquals(2, pauses.size());
        assertFalse(err.toString().contains(url), "the webhook URL is never printed");
    }
}
