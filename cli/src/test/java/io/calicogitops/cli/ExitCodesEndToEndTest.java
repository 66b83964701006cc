package io.calicogitops.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.calicogitops.cli.CliRun.sampleFleet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exit codes of the README, with the messages that tell the user what to do, on stderr. */
class ExitCodesEndToEndTest {

    private static final Pattern DIAGNOSTIC = Pattern.compile("(?m)^(\\S+):(\\d+):(\\d+): error: (.+)$");

    @TempDir
    Path tmp;

    @Test
    void help_and_version_exit0() {
        CliRun help = CliRun.of("--help");
        CliRun renderHelp = CliRun.of("render", "--help");
        CliRun version = CliRun.of("--version");

        assertEquals(0, help.exitCode(), help.transcript());
        assertTrue(help.out().contains("Usage: calico-gitops"), help.transcript());
        assertTrue(help.out().contains("render") && help.out().contains("validate") && help.out().contains("demo"), help.transcript());
        assertTrue(help.out().contains("Exit codes: 0 ok"), help.transcript());
        assertEquals(0, renderHelp.exitCode(), renderHelp.transcript());
        assertTrue(renderHelp.out().contains("--dry-run"), renderHelp.transcript());
        assertEquals(0, version.exitCode(), version.transcript());
        assertTrue(version.out().startsWith("calico-gitops "), version.transcript());
    }

    @Test
    void unknownOption_exits2WithUsage() {
        CliRun run = CliRun.of("render", "--fleet", sampleFleet(), "--repo", tmp.resolve("r").toString(), "--frobnicate");

        assertEquals(2, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("Unknown option: '--frobnicate'"), run.transcript());
        assertTrue(run.err().contains("Usage: calico-gitops render"), run.transcript());
        assertFalse(Files.exists(tmp.resolve("r")));
    }

    @Test
    void missingFleet_exits2NamingTheOption() {
        CliRun run = CliRun.of("render", "--repo", tmp.resolve("r").toString());

        assertEquals(2, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("Missing required option: '--fleet=DIR'"), run.transcript());
        assertFalse(Files.exists(tmp.resolve("r")));
    }

    @Test
    void noSubcommand_exits2() {
        CliRun run = CliRun.of();

        assertEquals(2, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("missing subcommand"), run.transcript());
    }

    @Test
    void fleetFolderNotFound_exits2() {
        CliRun run = CliRun.of("validate", "--fleet", tmp.resolve("nowhere").toString());

        assertEquals(2, run.exitCode(), run.transcript());
        assertTrue(run.err().startsWith("error: fleet folder not found: "), run.transcript());
    }

    @Test
    void unknownCluster_exits2ListingTheClustersThereAre() {
        Path repo = tmp.resolve("r");

        CliRun run = CliRun.of("render", "--fleet", sampleFleet(), "--repo", repo.toString(), "--cluster", "gke-prod");

        assertEquals(2, run.exitCode(), run.transcript());
        assertTrue(run.err().startsWith("error: no cluster 'gke-prod' in "), run.transcript());
        assertTrue(run.err().contains("(clusters: aks-dev, aks-prod, eks-dev, eks-minimal, eks-prod)"), run.transcript());
        assertFalse(run.err().contains("\tat "), "no stack trace without --stacktrace");
        assertFalse(Files.exists(repo));
    }

    @Test
    void invalidFleet_exits3PrintsEveryErrorCompilerStyleAndWritesNothing() throws Exception {
        Path fleet = CliRun.copySampleFleet(tmp.resolve("sample"));
        Files.writeString(fleet.resolve("gke-prod.yaml"), String.join("\n",
                "name: gke-prod",
                "provider: GKE",
                "cni: calico",
                "wireguard: true",
                "dnsEgress:",
                "  namespace: dev",
                "  workloadSelector: app = \"centos\"",
                "  domains: ['*.twilio.com']",
                "blockedIps:",
                "  cidrs: [198.51.100.7/33]",
                ""));
        Path repo = tmp.resolve("r");

        CliRun run = CliRun.of("render", "--fleet", fleet.toString(), "--repo", repo.toString());

        assertEquals(3, run.exitCode(), run.transcript());
        Matcher m = DIAGNOSTIC.matcher(run.err());
        List<String[]> diagnostics = new ArrayList<>();
        while (m.find()) {
            diagnostics.add(new String[] {m.group(1), m.group(2), m.group(3), m.group(4)});
        }
        assertTrue(diagnostics.size() >= 3, "every problem at once:\n" + run.transcript());
        assertTrue(diagnostics.stream().allMatch(d -> d[0].endsWith("fleet/gke-prod.yaml")), run.transcript());
        List<Integer> lines = diagnostics.stream().map(d -> Integer.parseInt(d[1])).toList();
        assertEquals(lines.stream().sorted().toList(), lines, "sorted by line");
        assertTrue(lines.contains(2), "provider on line 2: " + run.transcript());
        assertTrue(lines.contains(7), "selector on line 7: " + run.transcript());
        assertTrue(lines.contains(10), "CIDR on line 10: " + run.transcript());
        assertTrue(Pattern.compile("(?m)^\\d+ errors; nothing was written$").matcher(run.err()).find(), run.transcript());
        assertEquals("", run.out());
        assertFalse(Files.exists(repo), "nothing was written");
    }

    @Test
    void validateInvalidFleet_exits3() throws Exception {
        Path fleet = CliRun.copySampleFleet(tmp.resolve("sample"));
        Files.writeString(fleet.resolve("bad.yaml"), "name: bad\nprovider: EKS\ncni: calico\nwiregard: true\n");

        CliRun run = CliRun.of("validate", "--fleet", fleet.toString());

        assertEquals(3, run.exitCode(), run.transcript());
        assertTrue(Pattern.compile("(?m)^\\S+fleet/bad\\.yaml:4:1: error: ").matcher(run.err()).find(), run.transcript());
        assertTrue(run.err().contains("wireguard"), "closest known key suggested: " + run.transcript());
        assertTrue(run.err().contains("1 error; nothing was written"), run.transcript());
    }

    @Test
    void repoIsANonEmptyFolderWithoutGit_exits4() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(folder.resolve("index.md"), "# docs\n");

        CliRun run = CliRun.of("render", "--fleet", sampleFleet(), "--repo", folder.toString());

        assertEquals(4, run.exitCode(), run.transcript());
        assertTrue(run.err().startsWith("error: not a Git repository: "), run.transcript());
        assertFalse(run.err().contains("\tat "), "no stack trace without --stacktrace: " + run.transcript());
        assertFalse(Files.exists(folder.resolve(".git")));
        assertFalse(Files.exists(folder.resolve("clusters")));
    }

    @Test
    void stacktraceOption_addsTheStackTraceAfterTheMessage() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(folder.resolve("index.md"), "# docs\n");

        CliRun after = CliRun.of("render", "--fleet", sampleFleet(), "--repo", folder.toString(), "--stacktrace");
        CliRun before = CliRun.of("--stacktrace", "render", "--fleet", sampleFleet(), "--repo", folder.toString());

        for (CliRun run : List.of(after, before)) {
            assertEquals(4, run.exitCode(), run.transcript());
            assertTrue(run.err().startsWith("error: not a Git repository: "), run.transcript());
            assertTrue(run.err().contains("io.calicogitops.diag.GitAccessException: not a Git repository"), run.transcript());
            assertTrue(run.err().contains("\tat io.calicogitops.git.GitRepo.openOrInit("), run.transcript());
        }
    }

    @Test
    void uncommittedEditOfGeneratedFile_exits4AndKeepsTheEdit() throws Exception {
        Path repo = tmp.resolve("gitops");
        CliRun.of("render", "--fleet", sampleFleet(), "--repo", repo.toString());
        Path file = repo.resolve("clusters/eks-prod/calico/tier-security.yaml");
        String edited = Files.readString(file) + "# local hot fix\n";
        Files.writeString(file, edited);

        CliRun run = CliRun.of("render", "--fleet", sampleFleet(), "--repo", repo.toString());

        assertEquals(4, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("error: generated files have uncommitted edits: clusters/eks-prod/calico/tier-security.yaml"),
                run.transcript());
        assertEquals(edited, Files.readString(file));
    }
}
