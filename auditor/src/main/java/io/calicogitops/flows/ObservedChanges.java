package io.calicogitops.flows;

import io.calicogitops.flows.FlowRecord.FlowAction;
import io.calicogitops.flows.ImpactRow.Change;
import io.calicogitops.policy.ClusterModel;
import io.calicogitops.policy.Decision;
import io.calicogitops.policy.Evaluator;
import io.calicogitops.policy.Flow;
import io.calicogitops.policy.SourcePorts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Observed flows whose verdict changes between two policy sets (before and after a promotion): each record is rebuilt
 * against the workloads and evaluated at its side under both; records summed per pair and port. Records that cannot
 * be rebuilt are counted, not judged.
 */
public final class ObservedChanges {

    /** The changed observed flows (basis {@code observed}), the records read and those that could not be evaluated. */
    public record Result(List<ImpactRow> rows, long records, long notEvaluated) {
        public Result {
            rows = List.copyOf(rows);
        }

        /** Observed flows allowed before and denied after: real traffic the change would cut. */
        public List<ImpactRow> denied() {
            return rows.stream().filter(r -> r.change() == Change.WOULD_DENY).toList();
        }
    }

    private ObservedChanges() {
    }

    /** Reads {@code files} (malformed input: exit 3) and compares every record under {@code before} and {@code after}. */
    public static Result between(ClusterModel before, ClusterModel after, SourcePorts ports, String policy, List<Path> files) {
        RecordFlows flows = new RecordFlows(before.inventory(), ports);
        Evaluator b = before.compiled();
        Evaluator a = after.compiled();
        Map<String, ImpactRow> rows = new TreeMap<>();
        RecordFlows.Counts counts = flows.forEachFlow(files, (r, f) -> {
            Decision was = b.decision(f, RecordFlows.end(r.reporter()), r.action() == FlowAction.ALLOW);
            Decision will = a.decision(f, RecordFlows.end(r.reporter()), !was.allows());
            if (was.allows() == will.allows()) {
                return;
            }
            Change change = was.allows() ? Change.WOULD_DENY : Change.WOULD_ALLOW;
            String src = (r.source().namespace() == null ? "" : r.source().namespace() + "/") + r.source().nameAggr();
            String dst = (r.destination().namespace() == null ? "" : r.destination().namespace() + "/") + r.destination().nameAggr();
            String port = r.proto() + (r.destPort() == null ? "" : "/" + r.destPort());
            String key = String.join("\u0000", change.id(), src, dst, port, will.display());
            ImpactRow old = rows.get(key);
            rows.put(key, old == null ? new ImpactRow(policy, change, src, dst, port, will.display(), "observed", 1, r.counts())
                    : new ImpactRow(policy, change, src, dst, port, will.display(), "observed", old.records() + 1, old.counts().plus(r.counts())));
        });
        List<ImpactRow> out = new ArrayList<>(rows.values());
        out.sort(ImpactRow.ORDER);
        return new Result(out, counts.records(), counts.notEvaluated());
    }
}
