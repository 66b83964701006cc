package io.calicogitops.policy;

import java.util.List;

/**
 * Where everything of a laid-out diagram goes, in absolute SVG user units (origin top left): the group boxes
 * (namespaces, "outside the cluster"), the endpoint boxes, and the arrows as polylines with their port labels.
 */
record DiagramGeometry(double width, double height, List<Group> groups, List<Node> nodes, List<Arrow> arrows) {

    /** A point. */
    record Point(double x, double y) {
    }

    /** A box: top-left corner and size. */
    record Box(double x, double y, double width, double height) {
    }

    /** A namespace (or the outside) with its title, drawn at the box's top left inside it. */
    record Group(String title, Box box, boolean external) {
    }

    /** A workload or external endpoint. */
    record Node(String name, Box box, boolean external) {
    }

    /** An allowed flow: the route from the source's border to the target's, and the label box with one port a line. */
    record Arrow(String from, String to, List<String> ports, List<Point> route, Box label) {
    }
}
