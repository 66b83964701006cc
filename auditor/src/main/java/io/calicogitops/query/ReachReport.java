package io.calicogitops.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.output.OutputFormat;
import io.calicogitops.output.Reporter;
import io.calicogitops.policy.Verdict;
import io.calicogitops.policy.Verdicts;
import io.calicogitops.report.JsonStyle;

import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The answer of {@code reach}: the enforced verdict with its trace and the staged verdict with its own; when the
 * verdict or trace changes across the client's source-port range, one per sub-range.
 */
public record ReachReport(LoadedModel source, Verdicts enforced, Verdicts staged, boolean hasStaged) {

    public static final String SCHEMA = "calico-gitops/reach/v1";

    /** Text for people (the default) and JSON (schema {@value #SCHEMA}). */
    public static final Reporter<ReachReport> REPORTER = Reporter.<ReachReport>builder("reach result")
            .text(OutputFormat.TEXT, ReachReport::text).text(OutputFormat.JSON, ReachReport::json).build();

    public String text() {
        StringBuilder b = new StringBuilder();
        b.append(headline(enforced)).append("  ").append(enforced.flow().display())
                .append("   (staged: ").append(staged.word()).append(")\n");
        traces(b, enforced, "  ");
        if (hasStaged && !staged.equals(enforced)) {
            b.append("staged (every staged policy enforced): ").append(staged.word()).append('\n');
            traces(b, staged, "  ");
        } else if (hasStaged) {
            b.append("staged policies do not change this flow\n");
        }
        b.append("policies: ").append(source.policySource()).append('\n');
        return b.toString();
    }

    /** {@code ALLOW}, {@code DENY} or {@code DEPENDS ON SOURCE PORT}. */
    private static String headline(Verdicts v) {
        return v.word().toUpperCase(Locale.ROOT).replace('-', ' ');
    }

    /** Both ends' traces; per source-port sub-range when they differ across the range. */
    private static void traces(StringBuilder b, Verdicts vs, String indent) {
        if (vs.parts().size() == 1) {
            b.append(indent).append(vs.first().egress().display()).append('\n');
            b.append(indent).append(vs.first().ingress().display()).append('\n');
            return;
        }
        for (Verdict v : vs.parts()) {
            b.append(indent).append("source ports ").append(v.flow().sourcePorts().display()).append(": ").append(v.word()).append('\n');
            b.append(indent).append("  ").append(v.egress().display()).append('\n');
            b.append(indent).append("  ").append(v.ingress().display()).append('\n');
        }
    }

    public String json() {
        ObjectNode n = JsonStyle.MAPPER.createObjectNode();
        n.put("schemaVersion", SCHEMA);
        n.put("cluster", source.cluster());
        n.put("policies", source.policySource());
        n.set("flow", TraceJson.flow(enforced.flow()));
        n.put("verdict", enforced.word());
        n.put("stagedVerdict", staged.word());
        n.set("trace", TraceJson.trace(enforced.first()));
        n.set("stagedTrace", TraceJson.trace(staged.first()));
        if (enforced.parts().size() > 1) {
            n.set("bySourcePort", bySourcePort(enforced));
        }
        if (staged.parts().size() > 1) {
            n.set("stagedBySourcePort", bySourcePort(staged));
        }
        try {
            return JsonStyle.PRETTY.writeValueAsString(n) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ArrayNode bySourcePort(Verdicts vs) {
        ArrayNode a = JsonStyle.MAPPER.createArrayNode();
        for (Verdict v : vs.parts()) {
            ObjectNode o = a.addObject();
            o.set("sourcePorts", TraceJson.ports(v.flow().sourcePorts()));
            o.put("verdict", v.word());
            o.set("trace", TraceJson.trace(v));
        }
        return a;
    }
}
