package io.calicogitops.report;

import io.calicogitops.history.ChangeType;
import io.calicogitops.history.HistoryCommit;
import io.calicogitops.history.HistoryReport;
import io.calicogitops.history.HistorySummary;
import io.calicogitops.history.ResourceChange;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the human history formats share: the title, the interval in words, times, change symbols and count phrases. */
record HistoryView(HistoryReport report) {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    /** {@code eks-prod}, or {@code all clusters}. */
    String scope() {
        return report.cluster().orElse("all clusters");
    }

    /** {@code 2026-11-01T00:00:00Z .. 2026-11-30T23:59:59Z}, {@code since ...}, {@code until ...} or {@code all commits}. */
    String interval() {
        var since = report.interval().since();
        var until = report.interval().until();
        if (since.isPresent() && until.isPresent()) {
            return since.get() + " .. " + until.get();
        }
        return since.map(s -> "since " + s).orElse(until.map(u -> "until " + u).orElse("all commits"));
    }

    /** The first 12 characters of the commit walked back from, or {@code no commits}. */
    String head() {
        return report.headCommit().map(h -> h.length() > 12 ? h.substring(0, 12) : h).orElse("no commits");
    }

    /** {@code 2026-11-20 14:03}: commit times in UTC to the minute, as the timeline shows them. */
    static String minute(Instant t) {
        return MINUTE.format(t);
    }

    /** The mark before a change in the text timeline. */
    static String symbol(ChangeType t) {
        return switch (t) {
            case CREATED -> "+";
            case MODIFIED -> "~";
            case DELETED -> "-";
            case PROMOTED -> "^";
            case DEMOTED -> "v";
        };
    }

    /** {@code GlobalNetworkPolicy security.x}, plus {@code (was StagedGlobalNetworkPolicy)} for a promotion or demotion. */
    static String subject(ResourceChange c) {
        return c.id().kind() + " " + c.displayName() + c.previousId().map(p -> " (was " + p.kind() + ")").orElse("");
    }

    /** The changes of a commit by cluster, clusters in name order (the changes are sorted by cluster already). */
    static Map<String, List<ResourceChange>> byCluster(HistoryCommit c) {
        Map<String, List<ResourceChange>> out = new LinkedHashMap<>();
        c.changes().forEach(ch -> out.computeIfAbsent(ch.cluster(), k -> new ArrayList<>()).add(ch));
        return out;
    }

    /** {@code 8 commits; policies: 3 created, 3 modified (1 promoted, 1 demoted), 1 deleted; all resources: ...}. */
    static String counts(HistorySummary s) {
        List<String> moved = new ArrayList<>();
        if (s.numPromotedPolicies() > 0) {
            moved.add(s.numPromotedPolicies() + " promoted");
        }
        if (s.numDemotedPolicies() > 0) {
            moved.add(s.numDemotedPolicies() + " demoted");
        }
        return s.numCommits() + (s.numCommits() == 1 ? " commit" : " commits") + "; policies: " + s.numCreatedPolicies()
                + " created, " + s.numModifiedPolicies() + " modified"
                + (moved.isEmpty() ? "" : " (" + String.join(", ", moved) + ")") + ", " + s.numDeletedPolicies()
                + " deleted; all resources: " + s.numCreatedResources() + " created, " + s.numModifiedResources()
                + " modified, " + s.numDeletedResources() + " deleted";
    }
}
