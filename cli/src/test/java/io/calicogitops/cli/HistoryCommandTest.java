package io.calicogitops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.calicogitops.history.HistoryFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code calico-gitops history} end to end, in process: formats, output files and exit codes. */
class HistoryCommandTest {

    @TempDir
    static Path repo;

    @TempDir
    Path tmp;

    @BeforeAll
    static void writeRepo() {
        HistoryFixtures.writeFleet(repo);
    }

    private static CliRun history(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "history";
        all[1] = "--repo";
        all[2] = repo.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return CliRun.of(all);
    }

    @Test
    void text_isTheDefaultAndPrintsTheTimeline() {
        CliRun run = history("--cluster", "eks-prod", "--since", "2026-11-10", "--until", "2026-11-12");
        assertEquals(0, run.exitCode(), run.transcript());
        assertTrue(run.out().startsWith("history of eks-prod, 2026-11-10T00:00:00Z .. 2026-11-12T23:59:59Z"), run.transcript());
        assertTrue(run.out().contains("2026-11-10 14:03  299fb37  Alice  open the PCI whitelist\n"
                + "  ~ modified GlobalNetworkPolicy security.pci-whitelist\n"
                + "      security.pci-whitelist: ingress rule 1: source selector PCI != \"true\" -> all()\n"), run.transcript());
        assertTrue(run.out().contains("summary: 2 commits;"), run.transcript());
        assertEquals("", run.err());
    }

    @Test
    void json_toAFile_writesTheReportAndSaysWhere() throws Exception {
        Path out = tmp.resolve("reports/history.json");
        CliRun run = history("-o", "json", "--output-file", out.toString());
        assertEquals(0, run.exitCode(), run.transcript());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("10 commits: report written to "), run.transcript());
        JsonNode json = new ObjectMapper().readTree(Files.readString(out));
        assertEquals("calico-gitops/history/v1", json.get("schemaVersion").asText());
        assertEquals(10, json.get("commits").size());
    }

    @Test
    void csv_withAnOutputFolder_writesSummaryCsvAndEventsJson() throws Exception {
        Path dir = tmp.resolve("policy-audit");
        CliRun run = history("--cluster", "eks-prod", "-o", "csv", "--output-file", dir.toString());
        assertEquals(0, run.exitCode(), run.transcript());
        assertTrue(Files.readString(dir.resolve("summary.csv")).startsWith("startTime,endTime,"), run.transcript());
        assertEquals(11, new ObjectMapper().readTree(Files.readString(dir.resolve("events.json"))).size());
        assertTrue(run.err().contains("written: ") && run.err().contains("events.json"), run.transcript());
    }

    @Test
    void csv_withAnOutputFile_exits2() throws Exception {
        Path file = Files.writeString(tmp.resolve("summary.csv"), "x");
        CliRun run = history("-o", "csv", "--output-file", file.toString());
        assertEquals(2, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("with -o csv, a folder"), run.transcript());
    }

    @Test
    void csv_toStdout_printsSummaryCsvAndNotesWhereEventsGo() {
        CliRun run = history("--cluster", "eks-prod", "-o", "CSV");
        assertEquals(0, run.exitCode(), run.transcript());
        assertEquals(2, run.out().lines().count(), run.transcript());
        assertTrue(run.err().contains("events.json and drift-spans.csv are written only with --output-file DIR"), run.transcript());
    }

    @ParameterizedTest
    @CsvSource({"markdown, ### History: eks-prod", "html, <!DOCTYPE html>"})
    void otherFormats_printToStdout(String format, String start) {
        CliRun run = history("--cluster", "eks-prod", "-o", format);
        assertEquals(0, run.exitCode(), run.transcript());
        assertTrue(run.out().startsWith(start), run.transcript());
    }

    @Test
    void badDate_exits2NamingTheOption() {
        CliRun run = history("--since", "last tuesday");
        assertEquals(2, run.exitCode(), run.transcript());
        assertEquals("error: --since: expected a date (2026-01-31) or an instant (2026-01-31T12:00:00Z),"
                + " got 'last tuesday'\n", run.err());
    }

    @Test
    void sinceAfterUntil_exits2() {
        CliRun run = history("--since", "2026-11-20", "--until", "2026-11-10");
        assertEquals(2, run.exitCode());
        assertEquals("error: --since: 2026-11-20T00:00:00Z is after the end of the interval, 2026-11-10T23:59:59Z\n", run.err(),
                "the library names the input, the command line its option");
    }

    @Test
    void unknownFormat_exits2ListingTheFormats() {
        CliRun run = history("-o", "junit");
        assertEquals(2, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("expected text, json, markdown, html, csv"), run.transcript());
    }

    @Test
    void missingRepo_exits2() {
        assertEquals(2, CliRun.of("history").exitCode());
    }

    @Test
    void notARepository_exits4() throws Exception {
        Files.writeString(tmp.resolve("notes.txt"), "x");
        CliRun run = CliRun.of("history", "--repo", tmp.toString());
        assertEquals(4, run.exitCode(), run.transcript());
        assertTrue(run.err().startsWith("error: not a Git repository: "), run.transcript());
    }

    @Test
    void unknownRef_exits4() {
        CliRun run = history("--ref", "no-such-branch");
        assertEquals(4, run.exitCode(), run.transcript());
    }

    @Test
    void rootHelp_listsHistory() {
        CliRun run = CliRun.of("--help");
        assertTrue(run.out().contains("history"), run.transcript());
    }

    @Test
    void everyFormat_printsTheSameBytesFromAnEmptyCacheAndFromTheCacheTheRunBeforeLeft() throws Exception {
        Path cache = repo.resolve(".git/calico-gitops");
        for (String cluster : List.of("eks-prod", "aks-dev", "")) {
            for (String format : List.of("text", "json", "markdown", "html", "csv")) {
                deleteTree(cache);
                List<String> args = new ArrayList<>(List.of("-o", format));
                if (!cluster.isEmpty()) {
                    args.addAll(List.of("--cluster", cluster));
                }
                CliRun first = history(args.toArray(String[]::new));
                assertTrue(Files.isDirectory(cache.resolve("history")), "the first run leaves its cache");
                CliRun again = history(args.toArray(String[]::new));
                assertEquals(0, first.exitCode(), first.transcript());
                assertEquals(0, again.exitCode(), again.transcript());
                assertEquals(first.out(), again.out(), cluster + " " + format);
                assertEquals(first.err(), again.err(), cluster + " " + format);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
