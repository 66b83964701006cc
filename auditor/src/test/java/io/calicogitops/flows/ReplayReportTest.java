package io.calicogitops.flows;

import io.calicogitops.diag.SourceLocation;
import io.calicogitops.flows.Disagreement.Category;
import io.calicogitops.output.OutputFormat;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The four renderings of a replay: counts, one entry per disagreement, record text escaped. */
class ReplayReportTest {

    private static final ReplayResult RESULT = new ReplayResult("c1", "clusters/c1 at abc", List.of("flows.log"), 4, 2, 1,
            List.of(new FlowLogReader.Skipped(SourceLocation.of("flows.log", 4, 1), "missing action")),
            List.of(new Disagreement("flows.log:3", Category.VERDICT, "deny 0|t|<x>|deny|0", "allow t|y|allow|0",
                    "dev/a -> dev/b tcp/80 (dst): the dataplane recorded deny, the policies in Git allow")));

    @Test
    void text_summaryCategoriesAndLines() {
        String t = ReplayReport.REPORTER.render(RESULT, OutputFormat.TEXT);
        assertTrue(t.contains("4 records: 2 agree with Git, 1 disagree, 1 skipped"), t);
        assertTrue(t.contains("  verdict: 1"), t);
        assertTrue(t.contains("flows.log:3: verdict: dev/a -> dev/b"), t);
        assertTrue(t.contains("flows.log:4:1: missing action"), t);
    }

    @Test
    void html_escapesRecordText() {
        String h = ReplayReport.REPORTER.render(RESULT, OutputFormat.HTML);
        assertTrue(h.contains("0|t|&lt;x&gt;|deny|0"), h);
        assertTrue(!h.contains("<x>"), h);
    }

    @Test
    void junit_oneFailurePerDisagreement_skippedRecordsSkipped() {
        String x = ReplayReport.REPORTER.render(RESULT, OutputFormat.JUNIT);
        assertTrue(x.contains("tests=\"3\" failures=\"1\" errors=\"0\" skipped=\"1\""), x);
        assertTrue(x.contains("<failure type=\"verdict\""), x);
        assertEquals(x, ReplayReport.REPORTER.render(RESULT, OutputFormat.JUNIT), "deterministic");
    }

    @Test
    void json_countsAreIntegers() {
        String j = ReplayReport.REPORTER.render(RESULT, OutputFormat.JSON);
        assertTrue(j.contains("\"records\": 4"), j);
        assertTrue(j.contains("\"skipped\": 1"), j);
        assertTrue(j.contains("\"category\": \"verdict\""), j);
    }
}
