package io.calicogitops.flows;

import java.util.List;

/** The text summary of a {@link RecommendRun}: each policy and rule with its evidence, what was withheld, what next. */
public final class RecommendReport {

    private RecommendReport() {
    }

    public static String text(RecommendRun.Result result, String packDirShown, String templatesDirShown) {
        Recommendation rec = result.recommendation();
        StringBuilder out = new StringBuilder();
        out.append("recommend ").append(rec.cluster()).append(": ").append(rec.policies().size())
                .append(rec.policies().size() == 1 ? " policy" : " policies").append(" from ").append(rec.recordsUsed())
                .append(" unprotected of ").append(rec.recordsRead()).append(" records (tier ").append(rec.tier())
                .append(", seen in at least ").append(rec.minIntervals()).append(rec.minIntervals() == 1 ? " interval" : " intervals")
                .append(")\n");
        if (rec.recordsWithoutTrace() > 0) {
            out.append("  ").append(rec.recordsWithoutTrace()).append(" records carry no policy trace (Felix's"
                    + " flowLogsFileIncludePolicies is off) and were not used\n");
        }
        for (RecommendedPolicy p : rec.policies()) {
            out.append("  StagedNetworkPolicy ").append(p.namespace()).append('/').append(p.name()).append('\n');
            rules(out, "ingress", p.ingress());
            rules(out, "egress", p.egress());
        }
        if (!rec.withheld().isEmpty()) {
            out.append("withheld: ").append(rec.withheld().size()).append('\n');
            for (Recommendation.Withheld w : rec.withheld()) {
                out.append("  ").append(w.what()).append(": ").append(w.reason()).append('\n');
            }
        }
        out.append("wrote ").append(packDirShown).append(": ").append(String.join(", ",
                result.written().stream().map(f -> f.substring(f.indexOf('/') + 1)).toList())).append('\n');
        if (!rec.policies().isEmpty()) {
            out.append("next: render with --templates ").append(templatesDirShown).append(", then promote --cluster ")
                    .append(rec.cluster()).append(" --policy ").append(rec.policies().get(0).name())
                    .append(" --templates ").append(templatesDirShown).append(" (one policy at a time)\n");
        }
        return out.toString();
    }

    private static void rules(StringBuilder out, String direction, List<RecommendedRule> rules) {
        for (RecommendedRule r : rules) {
            out.append("    ").append(direction).append(' ').append(r.display()).append("  (").append(r.evidence().annotation())
                    .append(")\n");
        }
    }
}
