package io.calicogitops.report;

import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.audit.AuditReport;
import io.calicogitops.audit.Change;
import io.calicogitops.audit.Coverage;
import io.calicogitops.output.Renderer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The machine-readable report, schema {@value #SCHEMA_VERSION} ({@code schemas/audit-report.v1.schema.json} on the
 * classpath, fields described in {@code schemas/README-audit-json.md}). Keys in a fixed order, two-space indent.
 */
public final class JsonReporter implements Renderer<AuditReport> {

    /** Bumped when a field is removed, renamed or changes type; adding a field keeps the version. */
    public static final String SCHEMA_VERSION = "calico-gitops/audit/v1";

    private static final ObjectMapper MAPPER = JsonStyle.MAPPER;

    private static final ObjectWriter PRETTY = JsonStyle.PRETTY;

    // One line per value with a space after ':' and ',': how patches read best in Markdown and HTML.
    private static final ObjectWriter ONE_LINE = MAPPER.writer(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEntrySpacing(Separators.Spacing.AFTER)
                    .withArrayValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(DefaultPrettyPrinter.NopIndenter.instance)
            .withArrayIndenter(DefaultPrettyPrinter.NopIndenter.instance));

    @Override
    public void write(AuditReport report, Writer out) throws IOException {
        PRETTY.writeValue(out, toJson(report));
        out.write('\n');
        out.flush();
    }


    /** The report as a JSON tree in schema order (also useful to embed the report in another document). */
    public static ObjectNode toJson(AuditReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("cluster", report.cluster());
        root.put("desiredCommit", report.desiredCommit());
        root.put("desiredRef", report.desiredRef());
        root.put("liveSource", report.liveSource());
        root.put("inSync", report.inSync());
        root.put("worstSeverity", report.worst().label());
        ObjectNode summary = root.putObject("summary");
        report.summary().forEach(summary::put);
        root.set("coverage", coverage(report.coverage()));
        ArrayNode expired = root.putArray("expiredIgnoreRules");
        report.expiredIgnoreRules().forEach(expired::add);
        ArrayNode resources = root.putArray("resources");
        report.entries().forEach(e -> resources.add(resource(new EntryView(e))));
        return root;
    }

    private static ObjectNode coverage(Coverage coverage) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("managedPolicies", coverage.managedPolicies());
        node.put("livePolicies", coverage.livePolicies());
        node.put("ratio", Math.round(coverage.ratio() * 10_000) / 10_000.0);
        return node;
    }

    private static ObjectNode resource(EntryView e) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("kind", e.kind());
        node.put("apiGroup", e.entry().id().group());
        node.put("namespace", e.entry().id().namespace());
        node.put("name", e.entry().id().name());
        node.put("status", e.status());
        node.put("severity", e.severity());
        node.put("desiredFile", e.where());
        node.set("patch", e.patch().deepCopy());
        ArrayNode changes = node.putArray("changes");
        for (Change c : e.changes()) {
            changes.addObject()
                    .put("pointer", c.pointer())
                    .put("sentence", c.sentence())
                    .put("severity", c.severity().label());
        }
        node.put("ignoredBy", e.ignoredBy());
        return node;
    }

    /** A patch with one operation per line, for people: {@code {"op": "replace", "path": "/spec/order", "value": 100}}. */
    static String onePerLine(ArrayNode patch) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < patch.size(); i++) {
            try {
                b.append(i == 0 ? "\n  " : ",\n  ").append(ONE_LINE.writeValueAsString(patch.get(i)));
            } catch (IOException e) {
                throw new UncheckedIOException("print JSON", e);
            }
        }
        return b.append(patch.isEmpty() ? "]" : "\n]").toString();
    }
}
