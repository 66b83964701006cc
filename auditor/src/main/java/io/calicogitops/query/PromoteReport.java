package io.calicogitops.query;

import io.calicogitops.flows.ImpactRow;
import io.calicogitops.flows.ObservedChanges;
import io.calicogitops.report.TextReporter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.output.OutputFormat;
import io.calicogitops.output.Reporter;
import io.calicogitops.policy.Decision;
import io.calicogitops.query.Promoter.FlowChange;
import io.calicogitops.query.Promoter.Result;
import io.calicogitops.report.JsonStyle;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

/** The text and JSON forms of a {@link Promoter.Result}. */
public final class PromoteReport {

    public static final String SCHEMA = "calico-gitops/promote/v1";

    /** Text for people (the default) and JSON (schema {@value #SCHEMA}). */
    public static final Reporter<Result> REPORTER = Reporter.<Result>builder("promotion")
            .text(OutputFormat.TEXT, PromoteReport::text).text(OutputFormat.JSON, PromoteReport::json).build();

    private PromoteReport() {
    }

    public static String text(Result r) {
        StringBuilder b = new StringBuilder();
        if (r.outcome() == Promoter.Outcome.ALREADY_ENFORCED) {
            return b.append(r.policy()).append(" is already enforced on ").append(r.cluster()).append(" (")
                    .append(r.toKind()).append("): nothing to promote\n").toString();
        }
        b.append("promote ").append(r.policy()).append(" on ").append(r.cluster()).append(": ").append(r.fromKind())
                .append(" -> ").append(r.toKind()).append('\n');
        b.append("  profile ").append(r.profileFile()).append(": ").append(r.promotion().pointer()).append(' ')
                .append(r.fromValue()).append(" -> ").append(r.promotion().value()).append("  (declared at ")
                .append(r.promotion().template()).append(':').append(r.promotion().line()).append(")\n");
        b.append("  flows evaluated: ").append(r.flowsEvaluated()).append("; become denied: ").append(r.denied().size())
                .append("; become allowed: ").append(r.allowed().size()).append('\n');
        table(b, "flows that become denied", r.denied(), true);
        table(b, "flows that become allowed", r.allowed(), false);
        r.observed().ifPresent(o -> observed(b, o));
        b.append(switch (r.outcome()) {
            case DRY_RUN -> "dry run: nothing written\n";
            case NEEDS_ACCEPT -> r.denied().size() + (r.denied().size() == 1 ? " flow" : " flows")
                    + (r.observedDenied().isEmpty() ? "" : " and " + r.observedDenied().size() + " observed source/destination pairs")
                    + " would become denied: re-run with --yes to accept; nothing written\n";
            case PROMOTED -> r.commit().map(c -> "committed " + c.substring(0, 12) + ": " + r.filesChanged() + " files")
                    .orElse("no changes to commit") + "; profile " + r.profileFile() + " edited (commit it with your fleet)\n";
            case ALREADY_ENFORCED -> "";
        });
        return b.toString();
    }

    /** Observed flows from the flow logs next to the evaluated ones: real traffic, with its counts. */
    private static void observed(StringBuilder b, ObservedChanges.Result o) {
        b.append("\nobserved flows (").append(o.records()).append(" flow-log records, ").append(o.notEvaluated())
                .append(" not evaluated): become denied: ").append(o.denied().size()).append("; become allowed: ")
                .append(o.rows().size() - o.denied().size()).append('\n');
        for (ImpactRow row : o.rows()) {
            b.append("  ").append(row.change().id()).append(' ').append(TextReporter.printable(row.source())).append(" -> ")
                    .append(TextReporter.printable(row.destination())).append(' ').append(TextReporter.printable(row.port())).append(": ")
                    .append(row.counts().numFlows()).append(" flows, ").append(row.counts().bytesIn() + row.counts().bytesOut())
                    .append(" bytes (").append(row.decidingRule()).append(")\n");
        }
    }

    private static void table(StringBuilder b, String title, List<FlowChange> changes, boolean byAfter) {
        if (changes.isEmpty()) {
            return;
        }
        b.append('\n').append(title).append(":\n");
        int width = Math.max(4, changes.stream().mapToInt(c -> c.flow().display().length()).max().orElse(4));
        b.append(String.format("  %-" + width + "s  %s%n", "FLOW", byAfter ? "DENIED BY" : "NOW ALLOWED BY"));
        for (FlowChange c : changes) {
            b.append(String.format("  %-" + width + "s  %s%n", c.flow().display(),
                    c.after().deciding().stream().map(Decision::display).collect(Collectors.joining("; "))));
        }
    }

    public static String json(Result r) {
        ObjectNode n = JsonStyle.MAPPER.createObjectNode();
        n.put("schemaVersion", SCHEMA);
        n.put("cluster", r.cluster());
        n.put("policy", r.policy());
        n.put("outcome", r.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        n.put("fromKind", r.fromKind());
        n.put("toKind", r.toKind());
        ObjectNode profile = n.putObject("profile");
        profile.put("file", r.profileFile());
        profile.put("pointer", r.promotion().pointer());
        profile.put("from", r.fromValue());
        profile.put("to", r.promotion().value());
        n.put("flowsEvaluated", r.flowsEvaluated());
        n.set("becomeDenied", flows(r.denied()));
        n.set("becomeAllowed", flows(r.allowed()));
        r.observed().ifPresent(o -> {
            ObjectNode obs = n.putObject("observed");
            obs.put("records", o.records());
            obs.put("notEvaluated", o.notEvaluated());
            ArrayNode rows = obs.putArray("changes");
            for (ImpactRow row : o.rows()) {
                rows.addObject().put("change", row.change().id()).put("source", row.source()).put("destination", row.destination())
                        .put("port", row.port()).put("decidingRule", row.decidingRule()).put("records", row.records())
                        .put("flows", row.counts().numFlows()).put("bytes", row.counts().bytesIn() + row.counts().bytesOut())
                        .put("packets", row.counts().packetsIn() + row.counts().packetsOut());
            }
        });
        r.commit().ifPresentOrElse(c -> n.put("commit", c), () -> n.putNull("commit"));
        try {
            return JsonStyle.PRETTY.writeValueAsString(n) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ArrayNode flows(List<FlowChange> changes) {
        ArrayNode a = JsonStyle.MAPPER.createArrayNode();
        for (FlowChange c : changes) {
            ObjectNode f = a.addObject();
            f.set("flow", TraceJson.flow(c.flow()));
            f.set("before", TraceJson.trace(c.before()));
            f.set("after", TraceJson.trace(c.after()));
        }
        return a;
    }
}
