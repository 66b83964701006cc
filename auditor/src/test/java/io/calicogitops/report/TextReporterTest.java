package io.calicogitops.report;

import io.calicogitops.testing.Golden;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static io.calicogitops.report.ReportFixtures.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The terminal report. */
class TextReporterTest {

    @Test
    void write_driftReport_matchesGolden() throws IOException {
        Golden.assertText(ReportFixtures.golden("drift.txt"), render(new TextReporter(false), ReportFixtures.drift()));
    }

    @Test
    void write_inSyncReport_matchesGolden() throws IOException {
        Golden.assertText(ReportFixtures.golden("in-sync.txt"), render(new TextReporter(false), ReportFixtures.inSync()));
    }

    @Test
    void write_withColour_matchesGolden() throws IOException {
        Golden.assertText(ReportFixtures.golden("drift-color.txt"), render(new TextReporter(true), ReportFixtures.drift()));
    }

    @Test
    void write_withoutColour_hasNoEscapeCodes() {
        assertFalse(render(new TextReporter(false), ReportFixtures.drift()).contains("\u001B"));
        assertFalse(AuditReporters.PLAIN.render(ReportFixtures.drift(), io.calicogitops.output.OutputFormat.TEXT).contains("\u001B"));
    }

    @Test
    void write_driftReport_headerVerdictAndSummaryComeFirst() {
        List<String> lines = render(new TextReporter(false), ReportFixtures.drift()).lines().toList();
        assertEquals("cluster eks-prod @ 1a2b3c4d5e6f (HEAD) vs context eks-prod (projectcalico.org/v3)", lines.get(0));
        assertEquals("DRIFT: 2 critical, 1 warning, 1 info", lines.get(1));
        assertEquals("7 resources: 2 in sync, 2 modified, 1 missing, 1 unmanaged, 1 ignored; coverage 77.8% (7/9)",
                lines.get(2));
    }

    @Test
    void write_table_listsFindingsMostSevereFirstAndLeavesInSyncOut() {
        String out = render(new TextReporter(false), ReportFixtures.drift());
        List<String> rows = out.lines().filter(l -> l.matches("^(critical|warning|info|none) .*")).toList();
        assertEquals(5, rows.size(), out);
        assertTrue(rows.get(0).contains("debug-allow-all") && rows.get(1).contains("deny-egress-internet"), out);
        assertTrue(rows.get(2).startsWith("warning"), out);
        assertFalse(out.contains("default-deny") || out.contains("allow-cluster-dns"), out);
        assertTrue(out.contains("          - egress rule 2: action Deny -> Allow\n"), out);
    }

    @Test
    void write_longNamesAndPaths_areShortenedInTheTableToFit100Columns() {
        String out = render(new TextReporter(false), ReportFixtures.drift());
        int tableStart = out.indexOf("SEVERITY");
        for (String line : out.substring(tableStart).lines().filter(l -> !l.startsWith(" ")).toList()) {
            assertTrue(line.length() <= TextReporter.WIDTH, () -> line.length() + " columns: " + line);
        }
        assertTrue(out.contains("  payments/allow-ingress-fro…  "), out);
        assertTrue(out.contains("  …/deny-egress-internet.yaml:4\n"), out);
        assertTrue(out.contains("  …d-prometheus-scrapers.yaml:1\n"), out);
    }

    @Test
    void write_emptyReport_saysInSyncWithoutATable() {
        String out = render(new TextReporter(false), ReportFixtures.empty());
        assertEquals("""
                cluster kind-local @ ffffffffffff vs context kind-local
                IN SYNC
                0 resources: 0 in sync, 0 modified, 0 missing, 0 unmanaged, 0 ignored; coverage 100.0% (0/0)
                """, out);
    }

    @Test
    void write_hostileText_cannotDriveTheTerminalOrBreakLines() {
        String out = render(new TextReporter(false), ReportFixtures.hostile());
        assertFalse(out.chars().anyMatch(c -> c < 0x20 && c != '\n'), out);
        assertTrue(out.contains("          - net <b>10.0.0.0/8</b> & ```|``` \uFFFD added second line\n"), out);
    }

    @Test
    void printable_replacesControlAndBidiCharacters() {
        assertEquals("a b \uFFFD[31m \uFFFDc", TextReporter.printable("a\tb \u001B[31m \u202Ec"));
    }

    @Test
    void truncate_keepsTheWidthWithAnEllipsis() {
        assertEquals("abcd…", TextReporter.truncateEnd("abcdefgh", 5));
        assertEquals("…efgh", TextReporter.truncateStart("abcdefgh", 5));
        assertEquals("abc", TextReporter.truncateEnd("abc", 5));
        assertEquals("…/b/c.yaml:1", TextReporter.shortenPath("a/b/c.yaml:1", 12));
        assertEquals("…/c.yaml:1", TextReporter.shortenPath("a/b/c.yaml:1", 11));
        assertEquals("…yaml:1", TextReporter.shortenPath("a/b/c.yaml:1", 7));
    }
}
