package io.calicogitops.report;

import io.calicogitops.testing.Golden;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static io.calicogitops.report.ReportFixtures.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pull-request comment. */
class MarkdownReporterTest {

    @Test
    void write_driftReport_matchesGolden() throws IOException {
        Golden.assertText(ReportFixtures.golden("drift.md"), render(new MarkdownReporter(), ReportFixtures.drift()));
    }

    @Test
    void write_inSyncReport_matchesGolden() throws IOException {
        Golden.assertText(ReportFixtures.golden("in-sync.md"), render(new MarkdownReporter(), ReportFixtures.inSync()));
    }

    @Test
    void write_hostileText_cannotBreakTablesOrInjectMarkup() {
        String out = render(new MarkdownReporter(), ReportFixtures.hostile());
        // Code fences show their content literally: only the text outside them matters.
        String prose = out.replaceAll("(?s)\n(`{3,})json\n.*?\n\\1\n", "\n");
        assertFalse(prose.contains("<script>"), prose);
        assertFalse(prose.contains("<b>10"), prose);
        assertTrue(out.contains("x\\<script\\>alert(\"x\")\\</script\\>\\&y\\|z\\`w"), out);
        // Every row of the findings table still has exactly its six cell separators.
        List<String> rows = out.lines().filter(l -> l.startsWith("| **")).toList();
        assertEquals(3, rows.size(), out);
        for (String row : rows) {
            assertEquals(6, row.replace("\\|", "").chars().filter(c -> c == '|').count(), row);
        }
    }

    @Test
    void write_linkAndScriptInANameOrLabel_neverBecomeALinkOrMarkup() {
        String out = render(new MarkdownReporter(), ReportFixtures.linkShaped());

        // Lines that start with an HTML tag belong to an HTML block (CommonMark 4.6), where no Markdown link is
        // parsed and the text is HTML-escaped; everywhere else the brackets must be escaped.
        String markdown = String.join("\n", out.lines().filter(l -> !l.startsWith("<")).toList());
        assertFalse(markdown.contains("[x](javascript:") || markdown.contains("[y](javascript:"), out);
        assertFalse(out.contains("<script>"), out);
        assertTrue(out.contains("\\[x\\](javascript:alert(1))"), out);
        assertTrue(out.contains("ns\\|x"), out);
    }

    @Test
    void write_patchWithBackticks_getsALongerFence() {
        String out = render(new MarkdownReporter(), ReportFixtures.hostile());
        assertTrue(out.contains("\n`````json\n"), out);
    }

    @Test
    void md_escapesPipesBackticksAndMarkupAndJoinsLines() {
        assertEquals("a\\|b \\`c\\` \\<d\\> \\*e\\* f g", MarkdownReporter.md("a|b `c` <d> *e* f\ng"));
    }

    @Test
    void code_usesALongerDelimiterThanTheBackticksInside() {
        assertEquals("`main`", MarkdownReporter.code("main"));
        assertEquals("`` a`b ``".replace("`` a", "``a").replace("b ``", "b``"), MarkdownReporter.code("a`b"));
        assertEquals("`` `x ``", MarkdownReporter.code("`x"));
        assertEquals("`a\\|b`", MarkdownReporter.code("a|b"));
    }
}
