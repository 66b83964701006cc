package io.calicogitops.apply;

import io.calicogitops.audit.AuditReport;
import io.calicogitops.audit.DesiredState;
import io.calicogitops.audit.DriftEntry;
import io.calicogitops.audit.DriftStatus;
import io.calicogitops.audit.LiveSnapshot;
import io.calicogitops.audit.normalise.GeneratedObjects;
import io.calicogitops.audit.normalise.Normaliser;
import io.calicogitops.model.Kinds;
import io.calicogitops.model.Resource;
import io.calicogitops.model.ResourceId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every write apply will make, in order: creates, updates and adoptions in dependency order (Kinds' apply rank: tiers,
 * network sets, policies, alerts/feeds/reports, Felix and operator settings), then prunes in reverse dependency order
 * (policies before the tiers they live in). Derived from the audit of the same desired and live state, so the plan is
 * exactly the audit's drift plus unstamped objects.
 */
public record ApplyPlan(String cluster, String commit, String ref, String liveSource, List<PlannedChange> changes) {

    private static final Comparator<PlannedChange> WRITE_ORDER = Comparator
            .comparingInt((PlannedChange c) -> Kinds.applyRank(c.id())).thenComparing(PlannedChange::id);
    private static final Comparator<PlannedChange> DELETE_ORDER = Comparator
            .comparingInt((PlannedChange c) -> -Kinds.applyRank(c.id())).thenComparing(PlannedChange::id);

    public ApplyPlan {
        changes = List.copyOf(changes);
    }

    /**
     * The plan that makes the live state equal to {@code desired}: MISSING objects created, MODIFIED ones updated,
     * in-sync ones without this cluster's stamps adopted and, with {@code prune}, objects stamped as managed for this
     * cluster that Git no longer holds deleted, unless {@link #prunable} says no.
     */
    public static ApplyPlan of(String cluster, String ref, DesiredState desired, LiveSnapshot live, AuditReport audit,
                               boolean prune) {
        Map<ResourceId, DriftEntry> entries = new LinkedHashMap<>();
        audit.entries().forEach(e -> entries.put(e.id(), e));
        Map<ResourceId, Resource> liveById = new LinkedHashMap<>();
        live.resources().forEach(r -> liveById.putIfAbsent(r.id(), r));
        List<PlannedChange> writes = new ArrayList<>();
        for (Resource d : desired.resources().values()) {
            Optional<DriftEntry> entry = Optional.ofNullable(entries.get(d.id()));
            Optional<Resource> l = Optional.ofNullable(liveById.get(d.id()));
            ApplyAction action = action(entry, l, cluster);
            if (action != null) {
                Resource object = Stamps.stamp(d, cluster, desired.commit());
                writes.add(new PlannedChange(action, d.id(), object, l, Normaliser.isPartiallyManaged(d.id()),
                        action == ApplyAction.ADOPT ? Optional.empty() : entry));
            }
        }
        writes.sort(WRITE_ORDER);
        List<PlannedChange> deletes = new ArrayList<>();
        if (prune) {
            for (Resource l : liveById.values()) {
                if (!desired.resources().containsKey(l.id()) && Stamps.managedFor(l.body(), cluster) && prunable(l)) {
                    deletes.add(new PlannedChange(ApplyAction.DELETE, l.id(), l, Optional.of(l), false,
                            Optional.ofNullable(entries.get(l.id()))));
                }
            }
            deletes.sort(DELETE_ORDER);
        }
        List<PlannedChange> all = new ArrayList<>(writes);
        all.addAll(deletes);
        return new ApplyPlan(cluster, desired.commit(), ref, live.source(), all);
    }

    /**
     * Whether prune may delete a live object: only whole Calico objects. Never partial objects (FelixConfiguration,
     * operator kinds, Services and every other Kubernetes kind: Git states only some of their fields, and deleting
     * them would take the rest with them) and never objects Calico or the operator generate.
     */
    static boolean prunable(Resource live) {
        return Kinds.CALICO_GROUP.equals(live.id().group()) && !live.id().kind().equals("FelixConfiguration")
                && !Normaliser.isPartiallyManaged(live.id()) && !GeneratedObjects.isGenerated(live.id(), live.body());
    }

    private static ApplyAction action(Optional<DriftEntry> entry, Optional<Resource> live, String cluster) {
        if (live.isEmpty()) {
            return ApplyAction.CREATE;
        }
        DriftStatus status = entry.map(DriftEntry::status).orElse(DriftStatus.IN_SYNC);
        if (status == DriftStatus.MODIFIED || status == DriftStatus.MISSING) {
            return ApplyAction.UPDATE;
        }
        return Stamps.managedFor(live.get().body(), cluster) ? null : ApplyAction.ADOPT;
    }

    public long count(ApplyAction action) {
        return changes.stream().filter(c -> c.action() == action).count();
    }
}
