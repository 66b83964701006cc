package io.calicogitops.policy;

import java.util.ArrayList;
import java.util.List;

/** Every ordered pair of distinct workloads on every port the destination declares, with the enforced verdict. */
public final class ConnectivityMatrix {

    /**
     * One cell: source, destination, protocol/port, whether it is allowed for every source port and, when the answer
     * depends on the source port, which sub-ranges allow and which deny (empty otherwise).
     */
    public record Cell(Endpoint from, Endpoint to, DestinationPorts.ProtoPort port, boolean allowed,
                       List<Verdicts.Split> bySourcePort) {
        public Cell {
            bySourcePort = List.copyOf(bySourcePort);
        }

        public boolean dependsOnSourcePort() {
            return !bySourcePort.isEmpty();
        }

        /** {@code allow}, {@code deny} or {@code depends-on-source-port}. */
        public String word() {
            return dependsOnSourcePort() ? Verdicts.DEPENDS : allowed ? "allow" : "deny";
        }
    }

    /** All cells in a stable order (source, destination, port). */
    public record Result(List<Endpoint> workloads, List<Cell> cells) {
        public long allowedCount() {
            return cells.stream().filter(Cell::allowed).count();
        }

        public long dependsCount() {
            return cells.stream().filter(Cell::dependsOnSourcePort).count();
        }
    }

    private ConnectivityMatrix() {
    }

    public static Result compute(ClusterModel model, Evaluator evaluator) {
        return compute(model, evaluator, SourcePorts.LINUX_EPHEMERAL);
    }

    public static Result compute(ClusterModel model, Evaluator evaluator, SourcePorts sourcePorts) {
        return compute(model, evaluator, Integer.MAX_VALUE, sourcePorts);
    }

    /** Only the first {@code sources} workloads as sources (every workload stays a destination), for benchmarks. */
    public static Result compute(ClusterModel model, Evaluator evaluator, int sources) {
        return compute(model, evaluator, sources, SourcePorts.LINUX_EPHEMERAL);
    }

    public static Result compute(ClusterModel model, Evaluator evaluator, int sources, SourcePorts sourcePorts) {
        Inventory inv = model.inventory();
        List<Endpoint> ws = inv.workloads();
        List<List<DestinationPorts.ProtoPort>> ports = new ArrayList<>();
        for (Endpoint w : ws) {
            ports.add(DestinationPorts.of(w, inv));
        }
        List<Cell> cells = new ArrayList<>();
        for (Endpoint from : ws.subList(0, Math.min(sources, ws.size()))) {
            for (int j = 0; j < ws.size(); j++) {
                Endpoint to = ws.get(j);
                if (to == from) {
                    continue;
                }
                for (DestinationPorts.ProtoPort p : ports.get(j)) {
                    Verdicts v = evaluator.evaluate(new Flow(from, to, p.protocol(), p.port(), -1, sourcePorts));
                    cells.add(new Cell(from, to, p, v.allowed(), v.dependsOnSourcePort() ? v.splits() : List.of()));
                }
            }
        }
        return new Result(ws, cells);
    }
}
