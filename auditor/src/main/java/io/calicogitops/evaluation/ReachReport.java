package io.calicogitops.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.eval.Verdict;
import io.calicogitops.report.JsonStyle;

import java.io.UncheckedIOException;
import java.util.Locale;

/** The answer of {@code reach}: the enforced verdict with its trace and the staged verdict with its own. */
public record ReachReport(LoadedModel source, Verdict enforced, Verdict staged, boolean hasStaged) {

    public static final String SCHEMA = "calico-gitops/reach/v1";

    public String text() {
        StringBuilder b = new StringBuilder();
        b.append(enforced.word().toUpperCase(Locale.ROOT)).append("  ").append(enforced.flow().display())
                .append("   (staged: ").append(staged.word()).append(")\n");
        b.append("  ").append(enforced.egress().display()).append('\n');
        b.append("  ").append(enforced.ingress().display()).append('\n');
        if (hasStaged && !staged.equals(enforced)) {
            b.append("staged (every staged policy enforced): ").append(staged.word()).append('\n');
            b.append("  ").append(staged.egress().display()).append('\n');
            b.append("  ").append(staged.ingress().display()).append('\n');
        } else if (hasStaged) {
            b.append("staged policies do not change this flow\n");
        }
        b.append("policies: ").append(source.policySource()).append('\n');
        return b.toString();
    }

    public String json() {
        ObjectNode n = JsonStyle.MAPPER.createObjectNode();
        n.put("schemaVersion", SCHEMA);
        n.put("cluster", source.cluster());
        n.put("policies", source.policySource());
        n.set("flow", TraceJson.flow(enforced.flow()));
        n.put("verdict", enforced.word());
        n.put("stagedVerdict", staged.word());
        n.set("trace", TraceJson.trace(enforced));
        n.set("stagedTrace", TraceJson.trace(staged));
        try {
            return JsonStyle.PRETTY.writeValueAsString(n) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
