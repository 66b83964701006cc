package io.calicogitops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;

import static io.calicogitops.cli.CliRun.sampleFleet;
import static io.calicogitops.cli.CliRun.sampleRepo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code calico-gitops audit} with {@code --live} snapshots of the sample clusters: every format, the exit codes of the
 * README (0 in sync, 1 drift, 2 usage, 3 invalid input, 4 Git access), {@code --output}, {@code --ref} and
 * {@code --ignore}.
 */
class AuditCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;
    static Path repo;

    @TempDir
    Path tmp;

    @BeforeAll
    static void renderTheSampleFleet() {
        repo = shared.resolve("gitops");
        CliRun render = CliRun.of("render", "--fleet", sampleFleet(), "--repo", repo.toString());
        assertEquals(0, render.exitCode(), render.transcript());
    }

    private static String live(String cluster) {
        return sampleRepo().resolve("live").resolve(cluster + ".yaml").toString();
    }

    private static CliRun audit(String cluster, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("audit", "--repo", repo.toString(), "--cluster", cluster,
                "--live", live(cluster)));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void progressOption_changesNeitherTheReportNorTheExitCode() {
        CliRun plain = audit("eks-prod", "-o", "json");
        CliRun withBar = audit("eks-prod", "-o", "json", "--progress");
        CliRun without = audit("eks-prod", "-o", "json", "--no-progress");
        assertEquals(1, plain.exitCode(), plain.transcript());
        assertEquals(plain.exitCode(), withBar.exitCode(), withBar.transcript());
        assertEquals(plain.out(), withBar.out());
        assertEquals(plain.out(), without.out());
        assertEquals("", without.err(), without.transcript());
    }

    @Test
    void text_inSyncCluster_exits0AndSaysInSync() {
        CliRun run = audit("eks-dev");

        assertEquals(0, run.exitCode(), run.transcript());
        assertTrue(run.out().startsWith("cluster eks-dev @ "), run.transcript());
        assertTrue(run.out().contains("\nIN SYNC\n"), run.transcript());
        assertEquals("", run.err());
    }

    @Test
    void text_driftedCluster_exits1WithVerdictTableAndSentences() {
        CliRun run = audit("eks-prod");

        assertEquals(1, run.exitCode(), run.transcript());
        assertTrue(run.out().contains("\nDRIFT: 2 critical, 3 warning, 1 info\n"), run.transcript());
        assertTrue(run.out().contains("critical  modified   GlobalNetworkPolicy  security.pci-whitelist"), run.transcript());
        assertTrue(run.out().contains("- egress rule 2: action Deny -> Allow\n"), run.transcript());
        assertTrue(run.out().contains("- in the cluster, not in Git; ingress rule 1 is Allow\n"), run.transcript());
        assertFalse(run.out().contains("IN SYNC"), run.transcript());
    }

    @ParameterizedTest
    @CsvSource({"eks-dev, 0, true", "eks-prod, 1, false"})
    void json_validatesAgainstThePublishedSchema(String cluster, int exit, boolean inSync) throws IOException {
        CliRun run = audit(cluster, "-o", "json");

        assertEquals(exit, run.exitCode(), run.transcript());
        JsonNode report = JSON.readTree(run.out());
        assertEquals(List.of(), schema().validate(report).stream().map(Error::toString).toList());
        assertEquals(inSync, report.path("inSync").asBoolean());
        assertEquals(cluster, report.path("cluster").asText());
        assertEquals("HEAD", report.path("desiredRef").asText());
        assertTrue(report.path("desiredCommit").asText().matches("[0-9a-f]{40}"), report.path("desiredCommit").asText());
    }

    @Test
    void json_driftedCluster_carriesStatusSeveritySentenceAndPatch() throws IOException {
        JsonNode report = JSON.readTree(audit("eks-prod", "-o", "json").out());

        JsonNode pci = null;
        for (JsonNode r : report.path("resources")) {
            if (r.toString().contains("security.pci-whitelist")) {
                pci = r;
            }
        }
        assertTrue(pci != null, report.toString());
        assertEquals("modified", pci.path("status").asText());
        assertEquals("critical", pci.path("severity").asText());
        assertTrue(pci.toString().contains("egress rule 2: action Deny -> Allow"), pci.toString());
        assertTrue(pci.path("patch").toString().contains("\"path\":\"/spec/egress/1/action\""), pci.toString());
    }

    @ParameterizedTest
    @CsvSource({"eks-dev, 0", "eks-prod, 1"})
    void markdown_exitCodesAndVerdict(String cluster, int exit) {
        CliRun run = audit(cluster, "-o", "markdown");

        assertEquals(exit, run.exitCode(), run.transcript());
        assertTrue(run.out().startsWith("#"), run.transcript());
        assertTrue(run.out().contains(exit == 0 ? "IN SYNC" : "DRIFT: 2 critical, 3 warning, 1 info"), run.transcript());
        // Markdown escapes the arrow as -\> (CommonMark renders it ->).
        assertTrue(exit == 0 || run.out().contains("- critical: egress rule 2: action Deny -\\> Allow\n"), run.transcript());
    }

    @ParameterizedTest
    @CsvSource({"eks-dev, 0", "eks-prod, 1"})
    void html_isOneSelfContainedDocument(String cluster, int exit) {
        CliRun run = audit(cluster, "-o", "html");

        assertEquals(exit, run.exitCode(), run.transcript());
        assertTrue(run.out().startsWith("<!DOCTYPE html>"), run.transcript());
        assertTrue(run.out().strip().endsWith("</html>"), run.transcript());
        assertFalse(Pattern.compile("<(script|link)[^>]+(src|href)=\"https?:").matcher(run.out()).find(), "no external resources");
        assertTrue(run.out().contains(exit == 0 ? "<span class=\"verdict-label\">In sync</span>"
                : "egress rule 2: action Deny -&gt; Allow"), run.transcript());
    }

    @ParameterizedTest
    @CsvSource({"eks-dev, 0, 0", "eks-prod, 1, 6"})
    void junit_parsesWithOneFailurePerDriftingResource(String cluster, int exit, int failures) throws Exception {
        CliRun run = audit(cluster, "-o", "junit");

        assertEquals(exit, run.exitCode(), run.transcript());
        Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(run.out()))).getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals("calico-gitops audit " + cluster, suite.getAttribute("name"));
        assertEquals(String.valueOf(failures), suite.getAttribute("failures"));
        assertEquals(suite.getElementsByTagName("testcase").getLength(), Integer.parseInt(suite.getAttribute("tests")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json", "markdown", "html", "junit"})
    void output_writesTheReportToTheFileAndKeepsTheExitCode(String format) throws IOException {
        Path file = tmp.resolve("reports/drift." + format);

        CliRun run = audit("eks-prod", "-o", format, "--output-file", file.toString());

        assertEquals(1, run.exitCode(), run.transcript());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("drift: report written to "), run.transcript());
        String written = Files.readString(file);
        assertTrue(written.contains("security.pci-whitelist"), written);
        assertEquals(audit("eks-prod", "-o", format).out(), written, "the same report as on stdout");
    }

    @Test
    void output_inSync_saysSoOnStderr() {
        CliRun run = audit("eks-dev", "--output-file", tmp.resolve("ok.txt").toString());

        assertEquals(0, run.exitCode(), run.transcript());
        assertTrue(run.err().startsWith("in sync: report written to "), run.transcript());
    }

    @Test
    void format_unknown_exits2ListingTheFormats() {
        CliRun run = audit("eks-dev", "-o", "xml");

        assertEquals(2, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("unknown output format 'xml' for the audit report (expected text, json, markdown, html, junit, sarif)"),
                run.transcript());
        assertEquals("", run.out());
    }

    @Test
    void cluster_missing_exits2() {
        CliRun run = CliRun.of("audit", "--repo", repo.toString(), "--live", live("eks-dev"));

        assertEquals(2, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("Missing required option: '--cluster=NAME'"), run.transcript());
    }

    @Test
    void liveAndKubeconfigTogether_exits2() {
        CliRun run = audit("eks-dev", "--kubeconfig", tmp.resolve("config").toString());

        assertEquals(2, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("mutually exclusive"), run.transcript());
    }

    @Test
    void neitherLiveNorKubeconfig_readsTheFilesKubeconfigLists_likeKubectl() throws IOException {
        // KUBECONFIG may list several files (':'); the context lives in the second. fabric8 reads the system property
        // "kubeconfig" before the KUBECONFIG variable, which a test cannot set.
        Path second = tmp.resolve("second-config");
        Files.writeString(second, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: closed
                  cluster: {server: "https://127.0.0.1:1"}
                users:
                - name: u
                  user: {token: not-a-real-token}
                contexts:
                - name: from-second-file
                  context: {cluster: closed, user: u}
                current-context: from-second-file
                """);
        String list = tmp.resolve("missing-config") + java.io.File.pathSeparator + second;
        String before = System.getProperty("kubeconfig");
        System.setProperty("kubeconfig", list);
        try {
            CliRun named = CliRun.of("audit", "--repo", repo.toString(), "--cluster", "eks-dev", "--context", "from-second-file");
            assertEquals(4, named.exitCode(), named.transcript());
            assertTrue(named.err().contains("127.0.0.1:1"), "the second file's server was tried: " + named.transcript());
            assertFalse(named.err().contains("not-a-real-token"), named.transcript());

            CliRun unknown = CliRun.of("audit", "--repo", repo.toString(), "--cluster", "eks-dev", "--context", "nowhere");
            assertEquals(4, unknown.exitCode(), unknown.transcript());
            assertTrue(unknown.err().contains("context 'nowhere' is not in the kubeconfig (contexts: from-second-file)"),
                    unknown.transcript());
        } finally {
            if (before == null) {
                System.clearProperty("kubeconfig");
            } else {
                System.setProperty("kubeconfig", before);
            }
        }
    }

    @Test
    void ref_thatDoesNotExist_exits4() {
        CliRun run = audit("eks-dev", "--ref", "no-such-branch");

        assertEquals(4, run.exitCode(), run.transcript());
        assertTrue(run.err().startsWith("error: ref 'no-such-branch' does not name a commit in "), run.transcript());
        assertEquals("", run.out());
    }

    @Test
    void clusterFolderAbsentAtTheRef_exits2WithAClearMessage() {
        CliRun run = CliRun.of("audit", "--repo", repo.toString(), "--cluster", "gke-prod", "--live", live("eks-dev"));

        assertEquals(2, run.exitCode(), run.transcript());
        assertTrue(Pattern.compile("^error: no folder clusters/gke-prod/calico/ \\(nor clusters/gke-prod/\\) at commit [0-9a-f]{12} \\(render the cluster first,"
                + " or check --cluster and --ref\\)\\n").matcher(run.err()).find(), run.transcript());
        assertFalse(run.err().contains("\tat "), run.transcript());
    }

    @Test
    void live_invalidYaml_exits3WithFileLineAndColumn() throws IOException {
        Path broken = Files.writeString(tmp.resolve("broken.yaml"), """
                apiVersion: v1
                kind: List
                items:
                - apiVersion: projectcalico.org/v3
                  kind: Tier
                  metadata: {name: security
                  spec: {order: 400}
                """);

        CliRun run = CliRun.of("audit", "--repo", repo.toString(), "--cluster", "eks-dev", "--live", broken.toString());

        assertEquals(3, run.exitCode(), run.transcript());
        assertTrue(Pattern.compile("(?m)^" + Pattern.quote(broken.toString()) + ":\\d+:\\d+: error: ").matcher(run.err()).find(),
                run.transcript());
        assertEquals("", run.out());
    }

    @Test
    void live_fileNotFound_exits3NamingIt() {
        Path missing = tmp.resolve("nope.yaml");

        CliRun run = CliRun.of("audit", "--repo", repo.toString(), "--cluster", "eks-dev", "--live", missing.toString());

        assertEquals(3, run.exitCode(), run.transcript());
        assertTrue(run.err().contains(missing + ": error: file not found"), run.transcript());
    }

    @Test
    void ref_headTilde1_auditsTheOlderCommitAndTheReportNamesIt() throws Exception {
        Path fleet = CliRun.copySampleFleet(tmp.resolve("sample"));
        Path gitops = tmp.resolve("gitops");
        assertEquals(0, CliRun.of("render", "--fleet", fleet.toString(), "--repo", gitops.toString()).exitCode());
        Path profile = fleet.resolve("eks-dev.yaml");
        Files.writeString(profile, Files.readString(profile).replace("{name: security, order: 400}", "{name: security, order: 450}"));
        CliRun second = CliRun.of("render", "--fleet", fleet.toString(), "--repo", gitops.toString());
        assertEquals(0, second.exitCode(), second.transcript());

        CliRun head = CliRun.of("audit", "--repo", gitops.toString(), "--cluster", "eks-dev", "--live", live("eks-dev"));
        CliRun older = CliRun.of("audit", "--repo", gitops.toString(), "--cluster", "eks-dev", "--live", live("eks-dev"),
                "--ref", "HEAD~1", "-o", "json");

        assertEquals(1, head.exitCode(), head.transcript());
        assertTrue(head.out().contains("- order: 450 -> 400\n"), head.transcript());
        assertEquals(0, older.exitCode(), older.transcript());
        JsonNode report = JSON.readTree(older.out());
        assertEquals("HEAD~1", report.path("desiredRef").asText());
        try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.open(gitops.toFile())) {
            assertEquals(git.getRepository().resolve("HEAD~1").name(), report.path("desiredCommit").asText());
        }
        CliRun olderText = CliRun.of("audit", "--repo", gitops.toString(), "--cluster", "eks-dev", "--live", live("eks-dev"),
                "--ref", "HEAD~1");
        assertTrue(olderText.out().startsWith("cluster eks-dev @ " + report.path("desiredCommit").asText().substring(0, 12)
                + " (HEAD~1) vs "), olderText.transcript());
    }

    @Test
    void ignore_everyDifferenceAccepted_exits0AndListsThemAsIgnored() throws IOException {
        Path rules = Files.writeString(tmp.resolve("ignore.yaml"), """
                ignore:
                  - kind: '*'
                    owner: secops@example.com
                    reason: incident 4711, cleanup tracked in SEC-12
                    expires: 2026-12-31
                """);

        CliRun run = audit("eks-prod", "--ignore", rules.toString(), "--today", "2026-11-22");

        assertEquals(0, run.exitCode(), run.transcript());
        assertTrue(run.out().contains("\nIN SYNC\n"), run.transcript());
        assertTrue(run.out().contains(" 6 ignored;"), run.transcript());
        assertTrue(run.out().contains("ignored by secops@example.com: incident 4711, cleanup tracked in SEC-12 (until 2026-12-31)"),
                run.transcript());
    }

    @Test
    void ignore_expiredRule_exits1AndListsTheRuleAsExpired() throws IOException {
        Path rules = Files.writeString(tmp.resolve("ignore.yaml"), """
                ignore:
                  - kind: '*'
                    owner: secops@example.com
                    reason: incident 4711
                    expires: 2026-12-31
                """);

        CliRun run = audit("eks-prod", "--ignore", rules.toString(), "--today", "2027-01-01");

        assertEquals(1, run.exitCode(), run.transcript());
        assertTrue(run.out().contains("expired ignore rules (renew or delete them): secops@example.com: incident 4711"
                + " (expired 2026-12-31) ["), run.transcript());
    }

    @Test
    void ignore_ruleWithoutOwnerOrWithABadDate_exits3WithFileLineAndColumn() throws IOException {
        Path rules = Files.writeString(tmp.resolve("ignore.yaml"), """
                ignore:
                  - kind: GlobalReport
                    reason: reports run every 5 minutes
                    expires: 2026-02-30
                """);

        CliRun run = audit("eks-prod", "--ignore", rules.toString());

        assertEquals(3, run.exitCode(), run.transcript());
        String file = Pattern.quote(rules.toString());
        assertTrue(Pattern.compile("(?m)^" + file + ":2:5: error: ignore\\[0]\\.owner: required$").matcher(run.err()).find(),
                run.transcript());
        assertTrue(Pattern.compile("(?m)^" + file + ":4:14: error: ignore\\[0]\\.expires: expected a date YYYY-MM-DD"
                + " \\(got '2026-02-30'\\)$").matcher(run.err()).find(), run.transcript());
        assertEquals("", run.out());
    }

    private static Schema schema() throws IOException {
        try (InputStream in = AuditCommandTest.class.getResourceAsStream("/schemas/audit-report.v1.schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(JSON.readTree(in));
        }
    }
}
