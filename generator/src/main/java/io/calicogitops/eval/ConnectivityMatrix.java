package io.calicogitops.eval;

import java.util.ArrayList;
import java.util.List;

/** Every ordered pair of distinct workloads on every port the destination declares, with the enforced verdict. */
public final class ConnectivityMatrix {

    /** One cell: source, destination, protocol/port and whether it is allowed. */
    public record Cell(Endpoint from, Endpoint to, DestinationPorts.ProtoPort port, boolean allowed) {
    }

    /** All cells in a stable order (source, destination, port). */
    public record Result(List<Endpoint> workloads, List<Cell> cells) {
        public long allowedCount() {
            return cells.stream().filter(Cell::allowed).count();
        }
    }

    private ConnectivityMatrix() {
    }

    public static Result compute(ClusterModel model, Evaluator evaluator) {
        return compute(model, evaluator, Integer.MAX_VALUE);
    }

    /** Only the first {@code sources} workloads as sources (every workload stays a destination), for benchmarks. */
    public static Result compute(ClusterModel model, Evaluator evaluator, int sources) {
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
                    boolean ok = evaluator.evaluate(new Flow(from, to, p.protocol(), p.port())).allowed();
                    cells.add(new Cell(from, to, p, ok));
                }
            }
        }
        return new Result(ws, cells);
    }
}
