package io.calicogitops.query;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.diag.Diagnostic;
import io.calicogitops.output.DiagnosticSarif;
import io.calicogitops.output.OutputFormat;
import io.calicogitops.output.Reporter;
import io.calicogitops.policy.LintSarif;
import io.calicogitops.report.JsonStyle;
import io.calicogitops.version.BuildInfo;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The findings of {@code lint} over one cluster's policies: compiler-style lines for people, JSON (schema
 * {@value #SCHEMA}) and SARIF 2.1.0 (rules CG-L001..) for machines.
 *
 * @param findings     the warnings, sorted by location
 * @param policySource where the policies were read ("clusters/eks-prod at 1a2b3c4d5e6f (HEAD)")
 * @param note         what the text summary adds in brackets (which checks lacked input), or empty
 */
public record LintReport(List<Diagnostic> findings, String policySource, String note) {

    public static final String SCHEMA = "calico-gitops/lint/v1";

    public static final Reporter<LintReport> REPORTER = Reporter.<LintReport>builder("lint report")
            .add(OutputFormat.TEXT, LintReport::text)
            .add(OutputFormat.JSON, LintReport::json)
            .text(OutputFormat.SARIF, LintReport::sarif)
            .build();

    public LintReport {
        findings = List.copyOf(findings);
        note = note == null ? "" : note;
    }

    private static String sarif(LintReport r) {
        return DiagnosticSarif.write(BuildInfo.current().version(), LintSarif.rules(), r.findings, LintSarif::rule, LintSarif::message);
    }

    private static void text(LintReport r, Writer out) throws IOException {
        StringBuilder b = new StringBuilder();
        r.findings.forEach(f -> b.append(f.format()).append('\n'));
        b.append(r.findings.size()).append(" warning").append(r.findings.size() == 1 ? "" : "s").append(" in ")
                .append(r.policySource).append(r.note.isEmpty() ? "" : " (" + r.note + ")").append('\n');
        out.write(b.toString());
    }

    private static void json(LintReport r, Writer out) throws IOException {
        ObjectNode root = JsonStyle.MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA);
        root.put("policies", r.policySource);
        root.put("count", r.findings.size());
        ArrayNode list = root.putArray("findings");
        r.findings.forEach(d -> LintSarif.addJson(list, d));
        if (!r.note.isEmpty()) {
            root.put("note", r.note);
        }
        out.write(JsonStyle.PRETTY.writeValueAsString(root));
        out.write('\n');
    }
}
