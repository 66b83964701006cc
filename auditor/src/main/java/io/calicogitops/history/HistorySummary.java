package io.calicogitops.history;

import io.calicogitops.model.Kinds;
import io.calicogitops.model.ResourceId;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Counts over an interval, named like the columns of Calico's policy-audit report ({@code numCreatedPolicies},
 * {@code numModifiedPolicies}, {@code numDeletedPolicies}): the number of distinct policies (the five Calico policy
 * kinds the report audits) created, modified or deleted in the interval, so a policy changed five times counts once.
 * A promotion or demotion counts as a modification of the policy it leaves in place: the policy keeps its name and
 * selector and only its mode changes, and events.json lists it as one {@code patch}, so the two files agree.
 * The {@code Resources} counts are the same over every kind; {@code numCommits} counts the commits listed.
 */
public record HistorySummary(int numCreatedPolicies, int numModifiedPolicies, int numDeletedPolicies,
                             int numPromotedPolicies, int numDemotedPolicies, int numCreatedResources,
                             int numModifiedResources, int numDeletedResources, int numCommits) {

    /** The counts over {@code commits}, only for the changes {@code which} accepts. */
    public static HistorySummary of(List<HistoryCommit> commits, Predicate<ResourceChange> which) {
        record Key(String cluster, ResourceId id) {
        }
        Set<Key> created = new HashSet<>();
        Set<Key> modified = new HashSet<>();
        Set<Key> deleted = new HashSet<>();
        Set<Key> promoted = new HashSet<>();
        Set<Key> demoted = new HashSet<>();
        int numCommits = 0;
        for (HistoryCommit c : commits) {
            boolean any = false;
            for (ResourceChange r : c.changes()) {
                if (!which.test(r)) {
                    continue;
                }
                any = true;
                Key key = new Key(r.cluster(), r.id());
                switch (r.change()) {
                    case CREATED -> created.add(key);
                    case DELETED -> deleted.add(key);
                    case MODIFIED -> modified.add(key);
                    case PROMOTED -> {
                        modified.add(key);
                        promoted.add(key);
                    }
                    case DEMOTED -> {
                        modified.add(key);
                        demoted.add(key);
                    }
                }
            }
            numCommits += any ? 1 : 0;
        }
        Predicate<Key> policy = k -> Kinds.isCalicoPolicy(k.id().group(), k.id().kind());
        return new HistorySummary(count(created, policy), count(modified, policy), count(deleted, policy),
                count(promoted, policy), count(demoted, policy), created.size(), modified.size(), deleted.size(), numCommits);
    }

    private static <T> int count(Set<T> keys, Predicate<T> p) {
        return (int) keys.stream().filter(p).count();
    }
}
