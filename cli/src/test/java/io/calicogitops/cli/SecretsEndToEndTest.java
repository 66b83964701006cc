package io.calicogitops.cli;

import com.sun.net.httpserver.HttpServer;
import io.calicogitops.driftlog.DriftLog;
import io.calicogitops.git.FileChange;
import io.calicogitops.git.GitRepo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static io.calicogitops.audit.SecretFixtures.DESIRED;
import static io.calicogitops.audit.SecretFixtures.LIVE;
import static io.calicogitops.audit.SecretFixtures.assertNoValue;
import static io.calicogitops.audit.SecretFixtures.desiredYaml;
import static io.calicogitops.audit.SecretFixtures.liveSecretYaml;
import static io.calicogitops.audit.SecretFixtures.otherSecretYaml;
import static io.calicogitops.cli.CliRun.sampleFleet;
import static io.calicogitops.cli.CliRun.sampleRepo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Secret committed in {@code clusters/eks-dev/} whose password differs in the cluster (live snapshot files): the
 * audit reports the drift naming the key, and no value (plain, base64 or SHA-256) reaches any report format, the drift
 * log, a webhook body, an evidence bundle, the history, stdout or stderr.
 */
class SecretsEndToEndTest {

    private static final String FILE = "clusters/eks-dev/calico/secret-db-credentials.yaml";
    private static final String HOOK = "/hooks/secrets";

    @TempDir
    Path tmp;

    private Path repo;
    private HttpServer server;
    private final List<String> received = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void renderEksDevWithASecret() {
        repo = tmp.resolve("repo");
        CliRun render = CliRun.of("render", "--fleet", sampleFleet(), "--repo", repo.toString(), "--cluster", "eks-dev");
        assertEquals(0, render.exitCode(), render.transcript());
        try (GitRepo git = GitRepo.open(repo)) {
            git.commit(List.of(new FileChange(FILE, FileChange.Type.ADDED, null, bytes(desiredYaml(DESIRED)))),
                    "add the database credentials", git.identity());
        }
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** The in-sync eks-dev snapshot plus a file with the Secret as the cluster holds it and one Git does not name. */
    private List<String> live(String password) throws IOException {
        // The file name must not hold the value: the report names its live source.
        Path secrets = tmp.resolve(password.equals(LIVE) ? "secrets-drifted.yaml" : "secrets-in-sync.yaml");
        Files.writeString(secrets, liveSecretYaml(password) + "---\n" + otherSecretYaml());
        return List.of("--live", sampleRepo().resolve("live/eks-dev.yaml").toString(), secrets.toString());
    }

    private CliRun audit(String password, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("audit", "--repo", repo.toString(), "--cluster", "eks-dev"));
        args.addAll(live(password));
        args.addAll(List.of(extra));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertNoValue("the audit's output", run.out() + run.err());
        return run;
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json", "markdown", "html", "junit", "sarif"})
    void audit_secretValueDiffers_reportNamesTheKeyNeverAValue(String format) throws IOException {
        CliRun run = audit(LIVE, "-o", format);

        assertEquals(1, run.exitCode(), "a changed value is drift: " + run.transcript());
        assertTrue(run.out().contains("data.password changed (values hidden)"), run.transcript());
        assertTrue(run.out().contains("db-credentials"), run.transcript());
        assertFalse(run.out().contains("data.username"), "an equal value is no drift: " + run.transcript());
    }

    @Test
    void audit_secretValueEqual_inSync() throws IOException {
        CliRun run = audit(DESIRED);

        assertEquals(0, run.exitCode(), run.transcript());
    }

    @Test
    void audit_record_driftLogEntriesHoldNoValue() throws IOException {
        assertEquals(1, audit(LIVE, "--record", "--now", "2026-11-22T10:00:00Z").exitCode());
        assertEquals(0, audit(DESIRED, "--record", "--now", "2026-11-22T11:00:00Z").exitCode());

        List<String> entries = new ArrayList<>();
        try (GitRepo git = GitRepo.open(repo)) {
            String tip = git.tip(DriftLog.BRANCH).orElseThrow();
            git.forEachFile(tip, "log", (path, bytes) -> entries.add(path + "\n" + new String(bytes, StandardCharsets.UTF_8)));
            git.history(DriftLog.BRANCH).forEach(c -> entries.add(c.message()));
        }
        assertEquals(2, entries.stream().filter(e -> e.startsWith("log/eks-dev/")).count(), entries.toString());
        assertTrue(entries.stream().anyMatch(e -> e.contains("data.password changed (values hidden)")), entries.toString());
        entries.forEach(e -> assertNoValue("a drift-log file or commit", e));
        CliRun show = CliRun.of("log", "show", "--repo", repo.toString(), "--cluster", "eks-dev", "-o", "json",
                "--since", "2026-11-01", "--until", "2026-11-30");
        assertEquals(0, show.exitCode(), show.transcript());
        assertNoValue("log show", show.out() + show.err());
    }

    @Test
    void audit_notifyWebhook_bodyHoldsNoValue() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        String url = "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort() + HOOK;

        CliRun run = audit(LIVE, "--record", "--now", "2026-11-22T10:00:00Z", "--notify-webhook", url);

        assertEquals(1, run.exitCode(), run.transcript());
        assertEquals(1, received.size(), run.transcript());
        assertTrue(received.get(0).contains("data.password changed (values hidden)"), received.get(0));
        assertNoValue("the webhook body", received.get(0));
    }

    @Test
    void evidenceExport_bundleHoldsNoValue_andSaysTheDesiredCopyIsMasked() throws IOException {
        Path zip = tmp.resolve("bundle.zip");
        List<String> args = new ArrayList<>(List.of("evidence", "export", "--repo", repo.toString(), "--cluster",
                "eks-dev", "--since", "2000-01-01", "--until", "2100-12-31", "--out", zip.toString(),
                "--generated-at", "2100-12-31T10:00:00Z"));
        args.addAll(live(LIVE));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.transcript());
        assertNoValue("evidence export's output", run.out() + run.err());

        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                names.add(e.getName());
                assertNoValue("bundle entry " + e.getName(), text);
                if (e.getName().endsWith("secret-db-credentials.yaml")) {
                    assertTrue(text.startsWith("# calico-gitops: Secret values are replaced by ***"), text);
                    assertTrue(text.contains("password: '***'") || text.contains("password: \"***\""), text);
                }
                if (e.getName().equals("live/snapshot.yaml")) {
                    assertTrue(text.contains("name: db-credentials"), "the compared Secret is in the snapshot, masked");
                    assertFalse(text.contains("cloud-token"), "a Secret Git does not name is not even kept");
                }
            }
        }
        assertTrue(names.contains("desired/" + FILE), names.toString());
        assertTrue(names.contains("live/snapshot.yaml"), names.toString());
    }

    @Test
    void history_secretValueChangedInGit_namesTheKeyNeverAValue() throws IOException {
        try (GitRepo git = GitRepo.open(repo)) {
            git.commit(List.of(new FileChange(FILE, FileChange.Type.MODIFIED, bytes(desiredYaml(DESIRED)),
                    bytes(desiredYaml(LIVE)))), "rotate the database password", git.identity());
        }
        for (String format : List.of("text", "json", "markdown", "html", "csv")) {
            CliRun run = CliRun.of("history", "--repo", repo.toString(), "--cluster", "eks-dev", "--since", "2000-01-01",
                    "--until", "2100-12-31", "-o", format);
            assertEquals(0, run.exitCode(), run.transcript());
            // The CSV holds counts only.
            assertTrue(format.equals("csv") || run.out().contains("data.password changed (values hidden)"),
                    format + ":\n" + run.transcript());
            assertNoValue("history " + format, run.out() + run.err());
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
