package io.calicogitops.audit;

import io.calicogitops.model.ResourceId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A staged policy in Git whose enforced twin runs in the cluster (someone pressed "enforce" in the UI), or the
 * reverse: Calico sees two different kinds, a person sees one policy whose mode changed. Both entries get a sentence
 * that says so, and both are critical: enforcing changes verdicts, and so does unenforcing.
 */
final class StagedSwaps {

    private static final Map<String, String> TWIN = Map.of(
            "StagedGlobalNetworkPolicy", "GlobalNetworkPolicy",
            "StagedNetworkPolicy", "NetworkPolicy");

    private StagedSwaps() {
    }

    static List<DriftEntry> annotate(List<DriftEntry> entries) {
        List<DriftEntry> out = new ArrayList<>(entries);
        for (int i = 0; i < out.size(); i++) {
            DriftEntry e = out.get(i);
            for (var t : TWIN.entrySet()) {
                String staged = t.getKey();
                String enforced = t.getValue();
                if (e.id().kind().equals(staged) && e.status() == DriftStatus.MISSING) {
                    find(out, e.id(), enforced, DriftStatus.UNMANAGED).ifPresent(j -> {
                        String s = "staged policy " + e.id().name() + " is enforced in the cluster (" + enforced + " exists, "
                                + staged + " does not)";
                        mark(out, out.indexOf(e), s);
                        mark(out, j, s);
                    });
                }
                if (e.id().kind().equals(enforced) && e.status() == DriftStatus.MISSING) {
                    find(out, e.id(), staged, DriftStatus.UNMANAGED).ifPresent(j -> {
                        String s = "enforced policy " + e.id().name() + " is only staged in the cluster (" + staged
                                + " exists, " + enforced + " does not)";
                        mark(out, out.indexOf(e), s);
                        mark(out, j, s);
                    });
                }
            }
        }
        return out;
    }

    private static Optional<Integer> find(List<DriftEntry> entries, ResourceId id, String kind, DriftStatus status) {
        for (int j = 0; j < entries.size(); j++) {
            ResourceId o = entries.get(j).id();
            if (o.kind().equals(kind) && o.group().equals(id.group()) && o.namespace().equals(id.namespace())
                    && o.name().equals(id.name()) && entries.get(j).status() == status) {
                return Optional.of(j);
            }
        }
        return Optional.empty();
    }

    private static void mark(List<DriftEntry> entries, int index, String sentence) {
        DriftEntry e = entries.get(index);
        List<Change> changes = new ArrayList<>(e.changes());
        changes.add(0, new Change("", sentence, DriftSeverity.CRITICAL));
        entries.set(index, new DriftEntry(e.id(), e.status(), DriftSeverity.CRITICAL, e.patch(), changes, e.desiredAt(), e.ignoredBy()));
    }
}
