package io.calicogitops.report;

import io.calicogitops.testing.Golden;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.regex.Pattern;

import static io.calicogitops.report.ReportFixtures.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The self-contained HTML page. */
class HtmlReporterTest {

    @Test
    void write_driftReport_matchesGolden() throws IOException {
        Golden.assertText(ReportFixtures.golden("drift.html"), render(new HtmlReporter(), ReportFixtures.drift()));
    }

    @Test
    void write_inSyncReport_matchesGolden() throws IOException {
        Golden.assertText(ReportFixtures.golden("in-sync.html"), render(new HtmlReporter(), ReportFixtures.inSync()));
    }

    @Test
    void write_hostileText_isEscapedEverywhere() {
        String out = render(new HtmlReporter(), ReportFixtures.hostile());
        assertFalse(Pattern.compile("<script", Pattern.CASE_INSENSITIVE).matcher(out).find(), out);
        assertFalse(out.contains("<b>") || out.contains("<i>") || out.contains("<angle>") || out.contains("<rule>"), out);
        assertTrue(out.contains("<title>Drift report: prod&lt;script&gt;alert(1)&lt;/script&gt;&amp;co</title>"), out);
        assertTrue(out.contains("x&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;y|z`w"), out);
        assertTrue(out.contains("&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;x()&lt;/script&gt;"), out);
        assertTrue(out.contains("dir with &lt;angle&gt;&amp;amp/p.yaml:2"), out);
    }

    @Test
    void write_linkAndScriptInANameOrLabel_stayText() {
        String out = render(new HtmlReporter(), ReportFixtures.linkShaped());

        assertFalse(Pattern.compile("<script|href=\"javascript:", Pattern.CASE_INSENSITIVE).matcher(out).find(), out);
        assertTrue(out.contains("[x](javascript:alert(1))"), out);
        assertTrue(out.contains("label app: &lt;script&gt;a()&lt;/script&gt; [y](javascript:b())"), out);
    }

    @Test
    void write_isSelfContained() {
        String out = render(new HtmlReporter(), ReportFixtures.drift());
        assertFalse(out.contains("<script"), "no scripts");
        assertFalse(out.contains("<link") || out.contains("<img") || out.contains("@import") || out.contains("url("),
                "no external stylesheets, images or fonts");
        assertFalse(out.contains("http://") || out.contains("https://"), "no remote references");
        assertTrue(out.startsWith("<!DOCTYPE html>\n") && out.endsWith("</html>\n"));
    }

    @Test
    void write_driftReport_showsVerdictCardsAndOneDetailsPerFinding() {
        String out = render(new HtmlReporter(), ReportFixtures.drift());
        assertTrue(out.contains("<section class=\"verdict sev-critical\"><span class=\"verdict-label\">Drift</span>"), out);
        assertEquals(5, count(out, "<details class=\"finding"));
        assertEquals(5, count(out, "<a href=\"#finding-"));
        assertTrue(out.contains("id=\"finding-1\""));
        assertEquals(3, count(out, "<pre class=\"patch\">"), "the modified, the info-modified and the ignored entry");
    }

    @Test
    void write_inSyncReport_hasAGreenBannerAndNoTable() {
        String out = render(new HtmlReporter(), ReportFixtures.empty());
        assertTrue(out.contains("verdict sev-ok"), out);
        assertFalse(out.contains("<table"), out);
    }

    @Test
    void escape_coversTheFiveSpecialCharacters() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", HtmlReporter.escape("<a href=\"x\">&'"));
    }

    private static int count(String s, String part) {
        return s.split(Pattern.quote(part), -1).length - 1;
    }
}
