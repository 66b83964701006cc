package io.calicogitops.policy;

import io.calicogitops.output.OutputFormat;
import io.calicogitops.output.Reporter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The network diagram (PCI DSS 1.2.3) and data flows (1.2.4): workloads grouped by namespace, external endpoints
 * apart, and an arrow for every allowed flow labelled with its ports. Formats: Graphviz dot, Mermaid, and a
 * self-contained SVG laid out by Eclipse ELK's layered algorithm (no fonts, scripts or external references).
 */
public final class Diagram {

    /** SVG (the default), Graphviz dot, Mermaid or text. */
    public static final Reporter<Diagram> REPORTER = reporter(Diagram::text);

    /** The same formats, with {@code text} given (the observed-traffic diagram adds its table of unused flows). */
    public static Reporter<Diagram> reporter(java.util.function.Function<Diagram, String> text) {
        return Reporter.<Diagram>builder("diagram")
                .text(OutputFormat.SVG, Diagram::svg).text(OutputFormat.DOT, Diagram::dot)
                .text(OutputFormat.MERMAID, Diagram::mermaid).text(OutputFormat.TEXT, text).build();
    }

    /** An arrow: from, to, and the allowed ports ("TCP/8080"). */
    public record Edge(String from, String to, List<String> ports) {
    }

    private final SortedMap<String, List<String>> groups;
    private final List<String> externals;
    private final List<Edge> edges;

    private Diagram(SortedMap<String, List<String>> groups, List<String> externals, List<Edge> edges) {
        this.groups = groups;
        this.externals = externals;
        this.edges = edges;
    }

    /** Allowed flows between workloads (destination ports as declared) and to/from the declared external endpoints. */
    public static Diagram of(ClusterModel model, Evaluator evaluator) {
        return of(model, evaluator, SourcePorts.LINUX_EPHEMERAL);
    }

    /** As {@link #of(ClusterModel, Evaluator)}, clients using {@code sourcePorts}; a flow allowed from some of them is drawn, marked. */
    public static Diagram of(ClusterModel model, Evaluator evaluator, SourcePorts sourcePorts) {
        Inventory inv = model.inventory();
        SortedMap<String, List<String>> groups = new TreeMap<>();
        for (Endpoint w : inv.workloads()) {
            groups.computeIfAbsent(w.namespace(), k -> new ArrayList<>()).add(w.display());
        }
        groups.values().forEach(l -> l.sort(null));
        SortedMap<String, TreeSet<String>> arrows = new TreeMap<>();
        for (ConnectivityMatrix.Cell c : ConnectivityMatrix.compute(model, evaluator, sourcePorts).cells()) {
            if (c.allowed() || c.dependsOnSourcePort()) {
                // Allowed from some source ports only: still a flow that can happen, marked as such.
                arrows.computeIfAbsent(c.from().display() + "\u0000" + c.to().display(), k -> new TreeSet<>())
                        .add(c.port().display() + (c.allowed() ? "" : " (some source ports)"));
            }
        }
        for (Endpoint x : inv.externals()) {
            for (Endpoint w : inv.workloads()) {
                for (DestinationPorts.ProtoPort p : DestinationPorts.of(w, inv)) {
                    if (evaluator.evaluate(new Flow(x, w, p.protocol(), p.port(), -1, sourcePorts)).anyAllowed()) {
                        arrows.computeIfAbsent(x.display() + "\u0000" + w.display(), k -> new TreeSet<>()).add(p.display());
                    }
                }
                for (int[] p : new int[][]{{Protocols.TCP, 443}, {Protocols.TCP, 80}}) {
                    if (evaluator.evaluate(new Flow(w, x, p[0], p[1], -1, sourcePorts)).anyAllowed()) {
                        arrows.computeIfAbsent(w.display() + "\u0000" + x.display(), k -> new TreeSet<>())
                                .add(Protocols.name(p[0]) + "/" + p[1]);
                    }
                }
            }
        }
        List<Edge> edges = new ArrayList<>();
        arrows.forEach((k, v) -> {
            String[] parts = k.split("\u0000");
            edges.add(new Edge(parts[0], parts[1], List.copyOf(v)));
        });
        return new Diagram(groups, inv.externals().stream().map(Endpoint::display).sorted().toList(), edges);
    }

    /** The flows into and out of {@code focus} (e.g. the in-scope workloads) and the endpoints they connect. */
    public Diagram touching(java.util.Set<String> focus) {
        List<Edge> kept = edges.stream().filter(e -> focus.contains(e.from()) || focus.contains(e.to())).toList();
        java.util.Set<String> shown = new java.util.HashSet<>(focus);
        kept.forEach(e -> {
            shown.add(e.from());
            shown.add(e.to());
        });
        SortedMap<String, List<String>> g = new TreeMap<>();
        groups.forEach((ns, ws) -> {
            List<String> in = ws.stream().filter(shown::contains).toList();
            if (!in.isEmpty()) {
                g.put(ns, in);
            }
        });
        return new Diagram(g, externals.stream().filter(shown::contains).toList(), kept);
    }

    /**
     * The same workloads with other arrows (an overlay such as observed traffic relabels them and adds its own), plus
     * endpoints the new arrows name that the diagram does not have, drawn as external endpoints.
     */
    public Diagram withEdges(List<Edge> replaced) {
        java.util.Set<String> known = new java.util.HashSet<>(externals);
        groups.values().forEach(known::addAll);
        TreeSet<String> more = new TreeSet<>(externals);
        for (Edge e : replaced) {
            for (String end : List.of(e.from(), e.to())) {
                if (!known.contains(end)) {
                    more.add(end);
                }
            }
        }
        return new Diagram(groups, List.copyOf(more), List.copyOf(replaced));
    }

    public List<Edge> edges() {
        return edges;
    }

    public String dot() {
        StringBuilder b = new StringBuilder("digraph network {\n  rankdir=LR;\n  node [shape=box, fontsize=10];\n");
        int i = 0;
        for (Map.Entry<String, List<String>> g : groups.entrySet()) {
            b.append("  subgraph cluster_").append(i++).append(" {\n    label=").append(q("namespace " + g.getKey())).append(";\n");
            for (String w : g.getValue()) {
                b.append("    ").append(q(w)).append(";\n");
            }
            b.append("  }\n");
        }
        for (String x : externals) {
            b.append("  ").append(q(x)).append(" [shape=ellipse];\n");
        }
        for (Edge e : edges) {
            b.append("  ").append(q(e.from())).append(" -> ").append(q(e.to())).append(" [label=")
                    .append(q(String.join(", ", e.ports()))).append("];\n");
        }
        return b.append("}\n").toString();
    }

    public String mermaid() {
        Map<String, String> ids = ids();
        StringBuilder b = new StringBuilder("flowchart LR\n");
        for (Map.Entry<String, List<String>> g : groups.entrySet()) {
            b.append("  subgraph ns_").append(safe(g.getKey())).append("[\"namespace ").append(g.getKey()).append("\"]\n");
            for (String w : g.getValue()) {
                b.append("    ").append(ids.get(w)).append("[\"").append(w).append("\"]\n");
            }
            b.append("  end\n");
        }
        for (String x : externals) {
            b.append("  ").append(ids.get(x)).append("((\"").append(x).append("\"))\n");
        }
        for (Edge e : edges) {
            b.append("  ").append(ids.get(e.from())).append(" -->|").append(String.join(", ", e.ports())).append("| ")
                    .append(ids.get(e.to())).append("\n");
        }
        return b.toString();
    }

    private Map<String, String> ids() {
        Map<String, String> ids = new TreeMap<>();
        int n = 0;
        for (List<String> ws : groups.values()) {
            for (String w : ws) {
                ids.put(w, "w" + n++);
            }
        }
        for (String x : externals) {
            ids.put(x, "x" + n++);
        }
        return ids;
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9_]", "_");
    }

    private static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** A self-contained SVG, laid out by Eclipse ELK (see {@link ElkDiagramLayout} and {@link SvgLayout}). */
    public String svg() {
        return SvgLayout.render(ElkDiagramLayout.layout(groups, externals, edges));
    }

    /** For the text format: one line per arrow. */
    public String text() {
        return edges.stream().map(e -> e.from() + " -> " + e.to() + "  " + String.join(", ", e.ports()))
                .collect(Collectors.joining("\n", "", edges.isEmpty() ? "" : "\n"));
    }
}
