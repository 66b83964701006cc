package io.calicogitops.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.output.OutputFormat;
import io.calicogitops.output.Reporter;
import io.calicogitops.policy.SegmentationCheck;
import io.calicogitops.policy.Verdict;
import io.calicogitops.report.JsonStyle;

import java.io.UncheckedIOException;

/** The result of {@code check segmentation} as text for people and JSON for the evidence bundle. */
public record SegmentationReport(String cluster, String policySource, SegmentationCheck.Result result) {

    public static final String SCHEMA = "calico-gitops/segmentation/v1";

    /** Text for people (the default) and JSON (schema {@value #SCHEMA}). */
    public static final Reporter<SegmentationReport> REPORTER = Reporter.<SegmentationReport>builder("segmentation result")
            .text(OutputFormat.TEXT, SegmentationReport::text).text(OutputFormat.JSON, SegmentationReport::json).build();

    public String text() {
        StringBuilder b = new StringBuilder();
        b.append("segmentation of ").append(cluster).append(" by ").append(result.label()).append(": ")
                .append(result.holds() ? "HOLDS" : "VIOLATED").append('\n');
        b.append("  policies: ").append(policySource).append('\n');
        b.append("  in scope (").append(result.inScope().size()).append("): ").append(String.join(", ", result.inScope())).append('\n');
        if (result.inScope().isEmpty()) {
            b.append("  note: no workload carries ").append(result.label()).append(": there was nothing to prove (check --label and the workloads)\n");
        }
        b.append("  out of scope: ").append(result.outOfScope().size()).append(" workloads\n");
        b.append("  flows checked: ").append(result.flowsChecked()).append(" (both directions, every port the destination declares, source ports ")
                .append(result.sourcePorts().display()).append(")\n");
        b.append("  allowed by an explicit exception: ").append(result.excepted().size()).append('\n');
        for (SegmentationCheck.AllowedFlow x : result.exceptions()) {
            b.append("    exception: ").append(x.display()).append('\n');
        }
        if (!result.holds()) {
            b.append("counter-examples (").append(result.violations().size()).append("):\n");
            for (Verdict v : result.violations()) {
                b.append("  ALLOW ").append(v.flow().display());
                if (v.flow().hasSourcePort() && !v.flow().sourcePorts().equals(result.sourcePorts())) {
                    b.append(" from source ports ").append(v.flow().sourcePorts().display()).append(" only");
                }
                b.append('\n');
                b.append("    ").append(v.egress().display()).append('\n');
                b.append("    ").append(v.ingress().display()).append('\n');
            }
        }
        return b.toString();
    }

    public String json() {
        ObjectNode n = JsonStyle.MAPPER.createObjectNode();
        n.put("schemaVersion", SCHEMA);
        n.put("cluster", cluster);
        n.put("policies", policySource);
        n.put("label", result.label());
        n.put("holds", result.holds());
        result.inScope().forEach(n.withArray("inScope")::add);
        n.put("outOfScopeCount", result.outOfScope().size());
        n.put("flowsChecked", result.flowsChecked());
        n.set("sourcePorts", TraceJson.ports(result.sourcePorts()));
        ArrayNode ex = n.putArray("exceptions");
        result.exceptions().forEach(x -> ex.add(x.display()));
        ArrayNode allowed = n.putArray("excepted");
        result.excepted().forEach(v -> allowed.add(TraceJson.flow(v.flow())));
        ArrayNode vs = n.putArray("violations");
        for (Verdict v : result.violations()) {
            ObjectNode o = vs.addObject();
            o.set("flow", TraceJson.flow(v.flow()));
            o.set("trace", TraceJson.trace(v));
        }
        try {
            return JsonStyle.PRETTY.writeValueAsString(n) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
