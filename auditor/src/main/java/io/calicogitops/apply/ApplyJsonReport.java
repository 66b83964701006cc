package io.calicogitops.apply;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.audit.Change;
import io.calicogitops.audit.DriftEntry;
import io.calicogitops.report.JsonStyle;

import java.io.IOException;
import java.io.Writer;

/**
 * {@code apply --format json}: schema {@code calico-gitops/apply/v1}
 * ({@code auditor/src/main/resources/schemas/apply-result.v1.schema.json}).
 */
public final class ApplyJsonReport {

    public static final String SCHEMA = "calico-gitops/apply/v1";

    private ApplyJsonReport() {
    }

    public static void write(ApplyResult result, Writer out) throws IOException {
        ApplyPlan plan = result.plan();
        ObjectNode root = JsonStyle.MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA);
        root.put("cluster", plan.cluster());
        root.put("ref", plan.ref());
        root.put("commit", plan.commit());
        root.put("target", plan.liveSource());
        root.put("strategy", result.strategy().label());
        root.put("dryRun", result.dryRun());
        root.put("prune", result.prune());
        root.put("outcome", outcome(result));
        if (result.failure().isPresent()) {
            root.put("error", result.failure().get());
        } else {
            root.putNull("error");
        }
        ObjectNode summary = root.putObject("summary");
        for (StepStatus s : StepStatus.values()) {
            summary.put(camel(s.label()), result.count(s));
        }
        ArrayNode steps = root.putArray("steps");
        for (StepResult step : result.steps()) {
            PlannedChange c = step.change();
            ObjectNode o = steps.addObject();
            o.put("action", c.action().label());
            o.put("status", step.status().label());
            o.put("group", c.id().group());
            o.put("kind", c.id().kind());
            o.put("namespace", c.id().namespace());
            o.put("name", c.name());
            if (c.action() == ApplyAction.DELETE) {
                o.putNull("source");
            } else {
                o.put("source", c.object().origin().file());
            }
            o.put("partial", c.partial());
            DriftEntry entry = c.action() == ApplyAction.ADOPT ? null : c.entry().orElse(null);
            o.put("severity", entry == null ? "none" : entry.severity().label());
            ArrayNode sentences = o.putArray("sentences");
            if (entry != null) {
                entry.changes().stream().map(Change::sentence).forEach(sentences::add);
            }
            o.set("patch", entry == null ? JsonStyle.MAPPER.createArrayNode() : entry.patch().deepCopy());
            if (step.error().isPresent()) {
                o.put("error", step.error().get());
            } else {
                o.putNull("error");
            }
        }
        JsonStyle.PRETTY.writeValue(out, root);
        out.write('\n');
        out.flush();
    }

    private static String outcome(ApplyResult result) {
        if (result.failure().isPresent()) {
            return "failed";
        }
        if (result.plan().changes().isEmpty()) {
            return "in-sync";
        }
        return result.dryRun() ? "planned" : "applied";
    }

    private static String camel(String label) {
        int dash = label.indexOf('-');
        return dash < 0 ? label : label.substring(0, dash) + Character.toUpperCase(label.charAt(dash + 1)) + label.substring(dash + 2);
    }
}
