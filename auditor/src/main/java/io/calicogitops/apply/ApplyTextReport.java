package io.calicogitops.apply;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.audit.Change;
import io.calicogitops.report.TextReporter;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The terminal form of an {@link ApplyResult}: one line per change in the order it was (or would be) made, with the
 * audit's sentences and the RFC 6902 patch below each update, then a one-line summary. Text from the cluster or Git
 * is made printable as the drift report does.
 */
public final class ApplyTextReport {

    private static final String INDENT = "      ";

    private ApplyTextReport() {
    }

    public static void write(ApplyResult result, Writer out) throws IOException {
        ApplyPlan plan = result.plan();
        StringBuilder b = new StringBuilder();
        b.append("apply ").append(p(plan.cluster())).append(" @ ").append(plan.commit(), 0, 12).append(" (").append(p(plan.ref()))
                .append(") -> ").append(p(plan.liveSource())).append('\n');
        b.append("strategy ").append(result.strategy().label()).append(", prune ").append(result.prune() ? "on" : "off")
                .append(result.dryRun() ? ", dry run: nothing is written" : "").append('\n');
        int width = result.steps().stream().mapToInt(s -> status(s).length()).max().orElse(0);
        for (StepResult step : result.steps()) {
            PlannedChange c = step.change();
            String status = status(step);
            b.append(status).append(" ".repeat(width - status.length())).append("  ")
                    .append(String.format("%-6s", c.action().label())).append("  ").append(p(c.id().display()));
            if (c.action() != ApplyAction.DELETE) {
                b.append("  (").append(p(c.object().origin().file())).append(')');
            }
            b.append('\n');
            for (String line : details(c, plan)) {
                b.append(INDENT).append(p(line)).append('\n');
            }
            step.error().ifPresent(e -> b.append(INDENT).append("error: ").append(p(e.replace("\n    ", " "))).append('\n'));
        }
        b.append(summary(result)).append('\n');
        out.write(b.toString());
        out.flush();
    }

    /** The audit's sentences (drift as the auditor words it, Git vs live) and the patch apply writes. */
    static List<String> details(PlannedChange c, ApplyPlan plan) {
        List<String> lines = new ArrayList<>();
        if (c.action() == ApplyAction.ADOPT) {
            lines.add("in sync; writes the calico-gitops stamps (labels and annotations) only");
            return lines;
        }
        if (c.action() == ApplyAction.DELETE) {
            lines.add("pruned: stamped as managed for " + plan.cluster() + ", no longer in "
                    + io.calicogitops.model.RepoLayout.clusterRoot(plan.cluster()) + "/ at " + plan.commit().substring(0, 12));
        }
        c.entry().ifPresent(entry -> {
            for (Change change : entry.changes()) {
                lines.add(change.severity().label() + ": " + change.sentence());
            }
            for (JsonNode op : entry.patch()) {
                lines.add("patch: " + op.path("op").asText() + " " + op.path("path").asText()
                        + (op.has("value") ? " " + op.get("value") : ""));
            }
        });
        return lines;
    }

    private static String status(StepResult step) {
        return switch (step.status()) {
            case PLANNED -> "would";
            case APPLIED -> "applied";
            case FAILED -> "FAILED";
            case NOT_APPLIED -> "not applied";
        };
    }

    static String summary(ApplyResult result) {
        ApplyPlan plan = result.plan();
        String counts = plan.count(ApplyAction.CREATE) + " create, " + plan.count(ApplyAction.UPDATE) + " update, "
                + plan.count(ApplyAction.ADOPT) + " adopt, " + plan.count(ApplyAction.DELETE) + " delete";
        if (plan.changes().isEmpty()) {
            return "nothing to apply: the cluster matches " + plan.commit().substring(0, 12);
        }
        if (result.dryRun()) {
            return "dry run: " + changes(plan.changes().size()) + " (" + counts + "); run without --dry-run to make them";
        }
        if (result.failure().isPresent()) {
            return "failed: " + result.count(StepStatus.APPLIED) + " applied, " + result.count(StepStatus.FAILED)
                    + " failed, " + result.count(StepStatus.NOT_APPLIED) + " not applied; fix the cause and run apply"
                    + " again: it picks up from what the cluster holds";
        }
        return "applied " + changes(plan.changes().size()) + " (" + counts + ")";
    }

    private static String changes(int n) {
        return n + (n == 1 ? " change" : " changes");
    }

    private static String p(String s) {
        return TextReporter.printable(s);
    }
}
