package io.calicogitops.flows;

import io.calicogitops.flows.FlowRecord.FlowAction;
import io.calicogitops.policy.Diagram;
import io.calicogitops.policy.Flow;
import io.calicogitops.policy.Protocols;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Observed traffic over the allowed-flow diagram: every allowed port is marked {@code [used]} or {@code [never used]}
 * (the latter are candidates to tighten, also listed in a table), observed allowed flows the diagram does not draw
 * are added as used, and observed denied attempts are drawn with {@code [denied attempt]}. The marks are part of the
 * arrows' labels, so SVG, DOT, Mermaid and text all carry them.
 */
public final class ObservedDiagram {

    static final String USED = " [used]";
    static final String UNUSED = " [never used]";
    static final String DENIED = " [denied attempt]";
    private static final String SOME_PORTS = " (some source ports)";

    /** The overlaid diagram, the allowed but unused arrows, the records read and those that name no known endpoint. */
    public record Result(Diagram diagram, List<Diagram.Edge> unused, long records, long notAttributed) {
        public Result {
            unused = List.copyOf(unused);
        }

        /** The diagram's text form followed by the table of allowed but never used flows. */
        public String text() {
            StringBuilder b = new StringBuilder(diagram.text());
            b.append("\nAllowed but never used (candidates to tighten): ").append(unused.size()).append('\n');
            unused.forEach(e -> b.append("  ").append(e.from()).append(" -> ").append(e.to()).append("  ")
                    .append(String.join(", ", e.ports())).append('\n'));
            b.append(records).append(" flow-log records, ").append(notAttributed).append(" not attributed to known endpoints\n");
            return b.toString();
        }
    }

    private ObservedDiagram() {
    }

    public static Result of(FlowModel model, Diagram allowed, List<Path> files) {
        RecordFlows flows = new RecordFlows(model.model().inventory(), model.sourcePorts());
        Set<String> used = new TreeSet<>();
        Map<String, TreeSet<String>> denied = new TreeMap<>();
        Map<String, TreeSet<String>> usedOutside = new TreeMap<>();
        RecordFlows.Counts counts = flows.forEachFlow(files, (r, f) -> {
            String pair = f.source().display() + "\u0000" + f.destination().display();
            String port = Protocols.name(f.protocol()) + (r.destPort() == null ? "" : "/" + r.destPort());
            if (r.action() == FlowAction.ALLOW) {
                used.add(pair + "\u0000" + port);
                usedOutside.computeIfAbsent(pair, k -> new TreeSet<>()).add(port);
            } else {
                denied.computeIfAbsent(pair, k -> new TreeSet<>()).add(port);
            }
        });
        Map<String, List<String>> labels = new TreeMap<>();
        List<Diagram.Edge> unused = new ArrayList<>();
        for (Diagram.Edge e : allowed.edges()) {
            String pair = e.from() + "\u0000" + e.to();
            List<String> neverUsed = new ArrayList<>();
            for (String p : e.ports()) {
                String bare = p.endsWith(SOME_PORTS) ? p.substring(0, p.length() - SOME_PORTS.length()) : p;
                boolean wasUsed = used.contains(pair + "\u0000" + bare);
                labels.computeIfAbsent(pair, k -> new ArrayList<>()).add(p + (wasUsed ? USED : UNUSED));
                if (usedOutside.containsKey(pair)) {
                    usedOutside.get(pair).remove(bare);
                }
                if (!wasUsed) {
                    neverUsed.add(p);
                }
            }
            if (!neverUsed.isEmpty()) {
                unused.add(new Diagram.Edge(e.from(), e.to(), neverUsed));
            }
        }
        usedOutside.forEach((pair, ports) -> ports.forEach(p -> labels.computeIfAbsent(pair, k -> new ArrayList<>()).add(p + USED)));
        denied.forEach((pair, ports) -> ports.forEach(p -> labels.computeIfAbsent(pair, k -> new ArrayList<>()).add(p + DENIED)));
        List<Diagram.Edge> edges = new ArrayList<>();
        labels.forEach((pair, ports) -> {
            String[] ends = pair.split("\u0000");
            edges.add(new Diagram.Edge(ends[0], ends[1], List.copyOf(ports)));
        });
        return new Result(allowed.withEdges(edges), unused, counts.records(), counts.notEvaluated());
    }
}
