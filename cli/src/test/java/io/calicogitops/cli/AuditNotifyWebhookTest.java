package io.calicogitops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.calicogitops.cli.CliRun.sampleFleet;
import static io.calicogitops.cli.CliRun.sampleRepo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code audit --notify-webhook} against a real HTTP server on loopback: one message when drift appears, none while it
 * stays the same (across separate runs, through the drift log), one when it changes, one when it is resolved, one when
 * the audit fails (once); a webhook answering 500 does not change the audit's exit code; the URL is never printed.
 */
class AuditNotifyWebhookTest {

    private static final String SECRET_PATH = "/services/T000/B000/s3cr3t-webhook-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema SCHEMA = loadSchema();

    @TempDir
    Path tmp;

    private HttpServer server;
    private final List<JsonNode> received = Collections.synchronizedList(new ArrayList<>());
    private final List<String> contentTypes = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger answer = new AtomicInteger(200);
    private Path repo;
    private String url;

    @BeforeEach
    void startServerAndRenderEksDev() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestMethod().equals("POST") && exchange.getRequestURI().getPath().equals(SECRET_PATH)) {
                received.add(JSON.readTree(body));
                contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
            }
            byte[] reply = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.get(), reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        server.start();
        url = "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort() + SECRET_PATH;
        repo = tmp.resolve("repo");
        CliRun render = CliRun.of("render", "--fleet", sampleFleet(), "--repo", repo.toString(), "--cluster", "eks-dev");
        assertEquals(0, render.exitCode(), render.transcript());
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    /** The in-sync snapshot of eks-dev with {@code edits} applied (pairs of text to replace once). */
    private Path live(String name, String... edits) throws IOException {
        String text = Files.readString(sampleRepo().resolve("live/eks-dev.yaml"));
        for (int i = 0; i < edits.length; i += 2) {
            assertTrue(text.contains(edits[i]), edits[i]);
            text = text.replaceFirst(java.util.regex.Pattern.quote(edits[i]), edits[i + 1]);
        }
        Path file = tmp.resolve(name + ".yaml");
        Files.writeString(file, text);
        return file;
    }

    private CliRun audit(Path live, String... extra) {
        List<String> args = new ArrayList<>(List.of("audit", "--repo", repo.toString(), "--cluster", "eks-dev",
                "--live", live.toString(), "--record", "--now", "2026-11-22T10:00:00Z", "--notify-webhook", url));
        args.addAll(List.of(extra));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertFalse(run.out().contains(url) || run.err().contains(url) || run.err().contains("s3cr3t"), run.transcript());
        return run;
    }

    private CliRun failingAudit() throws IOException {
        Path kubeconfig = tmp.resolve("missing-kubeconfig");
        CliRun run = CliRun.of("audit", "--repo", repo.toString(), "--cluster", "eks-dev", "--kubeconfig",
                kubeconfig.toString(), "--record", "--now", "2026-11-22T10:00:00Z", "--notify-webhook", url);
        assertFalse(run.out().contains("s3cr3t") || run.err().contains("s3cr3t"), run.transcript());
        return run;
    }

    @Test
    void notify_appearsStaysChangesResolves_oneMessagePerChange() throws IOException {
        Path clean = live("clean");
        Path drift = live("drift", "    order: 2000\n", "    order: 2100\n");
        Path worse = live("worse", "    order: 2000\n", "    order: 2100\n", "schedule: '*/15 * * * *'", "schedule: '*/30 * * * *'");

        assertEquals(0, audit(clean).exitCode());
        assertEquals(0, received.size(), "in sync from the start: nothing to say");

        CliRun first = audit(drift);
        assertEquals(1, first.exitCode(), first.transcript());
        assertEquals(1, received.size());
        JsonNode appeared = received.get(0);
        assertEquals("calico-gitops/notification/v1", appeared.path("schemaVersion").asText());
        assertEquals("drift-appeared", appeared.path("event").asText());
        assertEquals("eks-dev", appeared.path("cluster").asText());
        assertEquals("drift", appeared.path("verdict").asText());
        assertEquals(64, appeared.path("fingerprint").asText().length());
        assertEquals(1, appeared.path("drift").size());
        assertEquals("StagedGlobalNetworkPolicy", appeared.at("/drift/0/kind").asText());
        assertEquals("modified", appeared.at("/drift/0/status").asText());
        assertTrue(appeared.path("text").asText().startsWith(":warning: *eks-dev*: drift appeared"), appeared.path("text").asText());
        assertTrue(appeared.path("text").asText().contains("order"), appeared.path("text").asText());
        assertTrue(contentTypes.get(0).startsWith("application/json"));
        assertTrue(first.err().contains("notified: drift-appeared (eks-dev)"), first.transcript());

        CliRun again = audit(drift);
        assertEquals(1, again.exitCode());
        assertEquals(1, received.size(), "the same drift in a second run (a new process) sends nothing: " + again.transcript());

        audit(worse);
        assertEquals(2, received.size());
        JsonNode changed = received.get(1);
        assertEquals("drift-changed", changed.path("event").asText());
        assertEquals(appeared.path("fingerprint").asText(), changed.path("previousFingerprint").asText());
        assertEquals(2, changed.path("drift").size());
        assertEquals(1, changed.path("appeared").size(), "only the report's schedule is new");
        assertEquals(0, changed.path("resolved").size());

        assertEquals(0, audit(clean).exitCode());
        assertEquals(3, received.size());
        JsonNode resolved = received.get(2);
        assertEquals("drift-resolved", resolved.path("event").asText());
        assertEquals("in-sync", resolved.path("verdict").asText());
        assertEquals(2, resolved.path("resolved").size());
        assertTrue(resolved.path("fingerprint").isNull());

        audit(clean);
        assertEquals(3, received.size(), "in sync again: nothing");
        received.forEach(AuditNotifyWebhookTest::assertConforms);
        com.fasterxml.jackson.databind.node.ObjectNode broken = received.get(0).deepCopy();
        broken.put("event", "drift-happened");
        broken.put("extra", 1);
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("drift").get(0)).put("status", "drifted");
        assertEquals(3, SCHEMA.validate(broken).size(), "the schema is strict: " + SCHEMA.validate(broken));
    }

    @Test
    void notify_theUrlNeverReachesTheDriftLogItsCommitMessagesOrAnEvidenceBundle() throws IOException {
        Path drift = live("drift", "    order: 2000\n", "    order: 2100\n");
        assertEquals(1, audit(drift).exitCode());
        assertEquals(4, failingAudit().exitCode(), "the failed audit is recorded too");
        assertEquals(2, received.size(), "drift-appeared and audit-failed were delivered");

        List<String> seen = new ArrayList<>();
        try (io.calicogitops.git.GitRepo git = io.calicogitops.git.GitRepo.open(repo)) {
            List<io.calicogitops.git.BranchCommit> log = git.history("refs/heads/calico-gitops/audit-log");
            assertEquals(2, log.size(), "two audits recorded");
            for (io.calicogitops.git.BranchCommit c : log) {
                seen.add(c.message());
                git.forEachFile(c.id(), "", (path, bytes) -> seen.add(path + "\n" + new String(bytes, StandardCharsets.UTF_8)));
            }
        }
        Path zip = tmp.resolve("evidence.zip");
        CliRun export = CliRun.of("evidence", "export", "--repo", repo.toString(), "--cluster", "eks-dev", "--since", "2000-01-01",
                "--until", "2100-12-31", "--out", zip.toString(), "--generated-at", "2026-11-22T10:00:00Z", "--live", drift.toString());
        assertEquals(0, export.exitCode(), export.transcript());
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                seen.add(e.getName() + "\n" + new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertTrue(seen.size() > 10, "read the log's files and the bundle's: " + seen.size());
        for (String text : seen) {
            assertFalse(text.contains("s3cr3t") || text.contains(SECRET_PATH) || text.contains(url), text);
        }
    }

    /** Every message follows the published schema {@code schemas/notification.v1.schema.json}. */
    private static void assertConforms(JsonNode message) {
        assertEquals(List.of(), SCHEMA.validate(message).stream().map(Object::toString).toList(), message.toString());
    }

    private static Schema loadSchema() {
        try (var in = AuditNotifyWebhookTest.class.getResourceAsStream("/schemas/notification.v1.schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(JSON.readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void notify_auditFailed_oneMessageThenQuietWhileTheSameErrorRepeats() throws IOException {
        CliRun failed = failingAudit();
        assertEquals(4, failed.exitCode(), failed.transcript());
        assertEquals(1, received.size());
        assertEquals("audit-failed", received.get(0).path("event").asText());
        assertEquals("failed", received.get(0).path("verdict").asText());
        assertTrue(received.get(0).path("error").asText().contains("kubeconfig"), received.get(0).toString());
        assertTrue(received.get(0).path("text").asText().startsWith(":x: *eks-dev*: the audit failed"));

        assertEquals(4, failingAudit().exitCode());
        assertEquals(1, received.size(), "the same failure again: nothing new");

        // Recovering into drift after a failure: compared with the last successful audit (none), so it is news.
        assertEquals(1, audit(live("drift", "    order: 2000\n", "    order: 2100\n")).exitCode());
        assertEquals(2, received.size());
        assertEquals("drift-appeared", received.get(1).path("event").asText());
        received.forEach(AuditNotifyWebhookTest::assertConforms);
    }

    @Test
    void notify_webhookAnswers500_reportedOnStderrAndTheExitCodeIsTheAudits() throws IOException {
        answer.set(500);

        CliRun run = audit(live("drift", "    order: 2000\n", "    order: 2100\n"));

        assertEquals(1, run.exitCode(), "drift is exit 1 whether or not the webhook took the message: " + run.transcript());
        assertEquals(1, received.size(), "it was posted");
        assertTrue(run.err().contains("notify: drift-appeared was not delivered: the webhook answered HTTP 500"), run.transcript());
        assertTrue(run.err().contains("recorded: eks-dev"), "the audit was still recorded: " + run.transcript());
    }

    @Test
    void notify_unreachableWebhook_doesNotQuoteTheUrl() throws IOException {
        server.stop(0);

        CliRun run = audit(live("drift", "    order: 2000\n", "    order: 2100\n"));

        assertEquals(1, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("notify: drift-appeared was not delivered: the webhook could not be reached"), run.transcript());
    }

    @Test
    void notify_urlFromAFile_andABadUrlIsAUsageErrorThatDoesNotQuoteIt() throws IOException {
        Path file = tmp.resolve("webhook-url");
        Files.writeString(file, url + "\n");
        CliRun run = CliRun.of("audit", "--repo", repo.toString(), "--cluster", "eks-dev", "--live",
                live("drift", "    order: 2000\n", "    order: 2100\n").toString(), "--notify-webhook-file", file.toString());
        assertEquals(1, run.exitCode(), run.transcript());
        assertEquals(1, received.size(), "no drift log yet: the drift is new");

        CliRun bad = CliRun.of("audit", "--repo", repo.toString(), "--cluster", "eks-dev", "--live",
                live("clean").toString(), "--notify-webhook", "ftp://hooks.example/s3cr3t");
        assertEquals(2, bad.exitCode(), bad.transcript());
        assertTrue(bad.err().contains("--notify-webhook: not an http(s) URL"), bad.transcript());
        assertFalse(bad.err().contains("s3cr3t"), bad.transcript());
    }

    @Test
    void notify_watchWithoutRecord_remembersWhatItSentInTheProcess() throws IOException {
        Path drift = live("drift", "    order: 2000\n", "    order: 2100\n");

        CliRun run = CliRun.of("audit", "--repo", repo.toString(), "--cluster", "eks-dev", "--live", drift.toString(),
                "--watch", "--interval", "1ms", "--max-runs", "3", "--notify-webhook", url);

        assertEquals(1, run.exitCode(), run.transcript());
        assertEquals(1, received.size(), "three audits of the same drift, one message: " + run.transcript());
        assertFalse(run.err().contains(url), run.transcript());
    }

    @Test
    void notify_watchAfterAFailedDelivery_sendsAgainAfterTheNextAudit() throws IOException {
        answer.set(503);
        Path drift = live("drift", "    order: 2000\n", "    order: 2100\n");
        server.removeContext("/");
        server.createContext("/", exchange -> {
            received.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(received.size() == 1 ? 503 : 204, -1);
            exchange.close();
        });

        CliRun run = CliRun.of("audit", "--repo", repo.toString(), "--cluster", "eks-dev", "--live", drift.toString(),
                "--watch", "--interval", "1ms", "--max-runs", "3", "--record", "--notify-webhook", url);

        assertEquals(1, run.exitCode(), run.transcript());
        assertEquals(2, received.size(), "refused once, delivered on the next audit, then quiet: " + run.transcript());
        assertEquals("drift-appeared", received.get(1).path("event").asText());
        assertTrue(run.err().contains("notify: drift-appeared was not delivered: the webhook answered HTTP 503"), run.transcript());
        assertTrue(run.err().contains("notified: drift-appeared (eks-dev)"), run.transcript());
    }
}
