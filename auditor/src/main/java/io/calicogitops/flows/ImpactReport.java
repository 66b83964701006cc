package io.calicogitops.flows;

import io.calicogitops.output.OutputFormat;
import io.calicogitops.output.Reporter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.report.JsonStyle;
import io.calicogitops.report.TextReporter;

import java.io.UncheckedIOException;

/** Renders an {@link ImpactResult} as text (one line per row) or JSON (schema {@code calico-gitops/flow-impact/v1}). */
public final class ImpactReport {

    public static final String SCHEMA_VERSION = "calico-gitops/flow-impact/v1";

    /** Text (the default) and JSON of a staged-impact result. */
    public static final Reporter<ImpactResult> REPORTER = Reporter.<ImpactResult>builder("impact report")
            .text(OutputFormat.TEXT, r -> new ImpactReport(r).text())
            .text(OutputFormat.JSON, r -> new ImpactReport(r).json())
            .build();

    private final ImpactResult r;

    public ImpactReport(ImpactResult result) {
        this.r = result;
    }

    public String text() {
        StringBuilder b = new StringBuilder("Staged impact on observed traffic, cluster " + r.cluster() + " (" + r.policySource() + ")"
                + r.policy().map(p -> ", policy " + p).orElse("") + "\n");
        b.append(r.records()).append(" records read, ").append(r.notEvaluated()).append(" could not be evaluated (their recorded pending trace still counts)\n");
        if (r.rows().isEmpty()) {
            return b.append("No observed flow would change.\n").toString();
        }
        for (ImpactRow row : r.rows()) {
            b.append(TextReporter.printable(row.policy())).append(": ").append(row.change().id()).append(' ')
                    .append(TextReporter.printable(row.source())).append(" -> ").append(TextReporter.printable(row.destination()))
                    .append(' ').append(TextReporter.printable(row.port())).append(": ").append(row.counts().numFlows()).append(" flows, ")
                    .append(row.counts().bytesIn() + row.counts().bytesOut()).append(" bytes, ")
                    .append(row.counts().packetsIn() + row.counts().packetsOut()).append(" packets (").append(row.basis()).append("; ")
                    .append(TextReporter.printable(row.decidingRule())).append(")\n");
        }
        return b.toString();
    }

    public ObjectNode tree() {
        ObjectNode n = JsonStyle.MAPPER.createObjectNode();
        n.put("schema", SCHEMA_VERSION);
        n.put("cluster", r.cluster());
        n.put("policies", r.policySource());
        r.policy().ifPresent(p -> n.put("policy", p));
        n.put("records", r.records());
        n.put("notEvaluated", r.notEvaluated());
        ArrayNode rows = n.putArray("impact");
        for (ImpactRow row : r.rows()) {
            ObjectNode o = rows.addObject();
            o.put("policy", row.policy());
            o.put("change", row.change().id());
            o.put("source", row.source());
            o.put("destination", row.destination());
            o.put("port", row.port());
            o.put("decidingRule", row.decidingRule());
            o.put("basis", row.basis());
            o.put("records", row.records());
            o.put("flows", row.counts().numFlows());
            o.put("bytes", row.counts().bytesIn() + row.counts().bytesOut());
            o.put("packets", row.counts().packetsIn() + row.counts().packetsOut());
        }
        return n;
    }

    public String json() {
        try {
            return JsonStyle.PRETTY.writeValueAsString(tree()) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
