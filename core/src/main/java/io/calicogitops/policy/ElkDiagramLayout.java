package io.calicogitops.policy;

import io.calicogitops.policy.DiagramGeometry.Arrow;
import io.calicogitops.policy.DiagramGeometry.Box;
import io.calicogitops.policy.DiagramGeometry.Group;
import io.calicogitops.policy.DiagramGeometry.Node;
import io.calicogitops.policy.DiagramGeometry.Point;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.math.KVector;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.options.SizeConstraint;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.ElkShape;
import org.eclipse.elk.graph.util.ElkGraphUtil;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Lays the diagram out with Eclipse ELK's layered algorithm (the Sugiyama method Graphviz's dot also uses): flows run
 * left to right, namespaces are compound nodes laid out with their contents (hierarchy handling INCLUDE_CHILDREN, so
 * edges between namespaces are routed across them), edges are orthogonal and their port labels are placed as part of
 * the layout, so no two labels or boxes overlap. Input order is sorted and the random seed fixed, so one input gives
 * one geometry.
 */
final class ElkDiagramLayout {

    static final double NODE_FONT = 11;
    static final double TITLE_FONT = 13;
    static final double LABEL_FONT = 10;
    static final double NODE_HEIGHT = 28;
    static final double NODE_PAD_X = 10;
    static final double GROUP_PAD = 12;
    static final double TITLE_BAND = TITLE_FONT * TextMetrics.LINE_HEIGHT + 10;
    private static final double MARGIN = 20;

    private ElkDiagramLayout() {
    }

    static DiagramGeometry layout(SortedMap<String, List<String>> groups, List<String> externals, List<Diagram.Edge> edges) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(CoreOptions.HIERARCHY_HANDLING, HierarchyHandling.INCLUDE_CHILDREN);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        root.setProperty(CoreOptions.RANDOM_SEED, 1);
        root.setProperty(CoreOptions.PADDING, new ElkPadding(MARGIN));
        root.setProperty(CoreOptions.SPACING_NODE_NODE, 18.0);
        root.setProperty(CoreOptions.SPACING_EDGE_LABEL, 3.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 36.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 16.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_EDGE_BETWEEN_LAYERS, 10.0);
        root.setProperty(CoreOptions.SEPARATE_CONNECTED_COMPONENTS, false);

        Map<String, ElkNode> nodes = new LinkedHashMap<>();
        Map<ElkNode, String> titles = new LinkedHashMap<>();
        groups.forEach((ns, members) -> group(root, "namespace " + ns, members, false, nodes, titles));
        if (!externals.isEmpty()) {
            group(root, "outside the cluster", externals, true, nodes, titles);
        }
        Map<ElkEdge, Diagram.Edge> drawn = new LinkedHashMap<>();
        for (Diagram.Edge e : edges) {
            ElkNode from = nodes.get(e.from());
            ElkNode to = nodes.get(e.to());
            if (from == null || to == null) {
                continue;
            }
            ElkEdge edge = ElkGraphUtil.createSimpleEdge(from, to);
            ElkGraphUtil.updateContainment(edge);
            ElkLabel label = ElkGraphUtil.createLabel(String.join("\n", e.ports()), edge);
            label.setDimensions(labelWidth(e.ports()), labelHeight(e.ports().size()));
            label.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
            drawn.put(edge, e);
        }

        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

        List<Group> outGroups = new ArrayList<>();
        titles.forEach((g, title) -> outGroups.add(new Group(title, box(g), g.getProperty(EXTERNAL))));
        List<Node> outNodes = new ArrayList<>();
        nodes.forEach((name, n) -> outNodes.add(new Node(name, box(n), n.getProperty(EXTERNAL))));
        List<Arrow> arrows = new ArrayList<>();
        drawn.forEach((edge, e) -> arrows.add(arrow(edge, e)));
        return new DiagramGeometry(root.getWidth(), root.getHeight(), outGroups, outNodes, arrows);
    }

    private static final org.eclipse.elk.graph.properties.IProperty<Boolean> EXTERNAL =
            new org.eclipse.elk.graph.properties.Property<>("io.calicogitops.external", false);

    private static void group(ElkNode root, String title, List<String> members, boolean external, Map<String, ElkNode> nodes,
                              Map<ElkNode, String> titles) {
        ElkNode g = ElkGraphUtil.createNode(root);
        g.setProperty(EXTERNAL, external);
        g.setProperty(CoreOptions.PADDING, new ElkPadding(TITLE_BAND + GROUP_PAD, GROUP_PAD, GROUP_PAD, GROUP_PAD));
        // The title is drawn by us in the top band: the minimum width keeps it inside the box.
        g.setProperty(CoreOptions.NODE_SIZE_CONSTRAINTS, EnumSet.of(SizeConstraint.MINIMUM_SIZE));
        g.setProperty(CoreOptions.NODE_SIZE_MINIMUM, new KVector(TextMetrics.width(title, TITLE_FONT, true) + 2 * GROUP_PAD,
                TITLE_BAND + NODE_HEIGHT + 2 * GROUP_PAD));
        titles.put(g, title);
        for (String m : members) {
            ElkNode n = ElkGraphUtil.createNode(g);
            n.setProperty(EXTERNAL, external);
            n.setDimensions(TextMetrics.width(m, NODE_FONT, false) + 2 * NODE_PAD_X, NODE_HEIGHT);
            nodes.put(m, n);
        }
    }

    static double labelWidth(List<String> ports) {
        return ports.stream().mapToDouble(p -> TextMetrics.width(p, LABEL_FONT, false)).max().orElse(0) + 4;
    }

    static double labelHeight(int lines) {
        return lines * LABEL_FONT * TextMetrics.LINE_HEIGHT + 2;
    }

    private static Arrow arrow(ElkEdge edge, Diagram.Edge e) {
        KVector offset = absolute(edge.getContainingNode());
        List<Point> route = new ArrayList<>();
        for (ElkEdgeSection s : edge.getSections()) {
            route.add(new Point(offset.x + s.getStartX(), offset.y + s.getStartY()));
            for (ElkBendPoint b : s.getBendPoints()) {
                route.add(new Point(offset.x + b.getX(), offset.y + b.getY()));
            }
            route.add(new Point(offset.x + s.getEndX(), offset.y + s.getEndY()));
        }
        ElkLabel l = edge.getLabels().get(0);
        return new Arrow(e.from(), e.to(), e.ports(), route,
                new Box(offset.x + l.getX(), offset.y + l.getY(), l.getWidth(), l.getHeight()));
    }

    private static Box box(ElkNode n) {
        KVector p = absolute(n);
        return new Box(p.x, p.y, n.getWidth(), n.getHeight());
    }

    /** ELK gives a node's position relative to its parent, and an edge's points relative to the edge's container. */
    private static KVector absolute(ElkShape shape) {
        KVector p = new KVector();
        for (ElkShape s = shape; s instanceof ElkNode n && n.getParent() != null; s = n.getParent()) {
            p.add(n.getX(), n.getY());
        }
        return p;
    }
}
