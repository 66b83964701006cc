package io.calicogitops.policy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SVG diagram's layout (issue 16 item 3): a dense diagram shaped like the one that stacked arrows, ran port labels
 * together ("TCP/9555TCP/8080") and clipped names at the right edge, checked by geometry, and the same bytes every time.
 */
class DiagramLayoutTest {

    private static final SortedMap<String, List<String>> GROUPS = new TreeMap<>();
    private static final List<String> EXTERNALS = List.of("api.stripe.com", "internet 0.0.0.0/0");
    private static final List<Diagram.Edge> EDGES = new ArrayList<>();

    static {
        GROUPS.put("default", List.of("default/adservice", "default/cartservice", "default/checkoutservice",
                "default/currencyservice", "default/frontend", "default/paymentservice", "default/recommendationservice"));
        GROUPS.put("storefront", List.of("storefront/backend", "storefront/logging", "storefront/microservice1",
                "storefront/microservice2", "storefront/storefrontend"));
        GROUPS.put("a-namespace-with-a-rather-long-name", List.of("a-namespace-with-a-rather-long-name/an-even-longer-workload-name-at-the-right-edge"));
        for (String w : GROUPS.get("default")) {
            if (!w.equals("default/frontend")) {
                EDGES.add(new Diagram.Edge("default/frontend", w, List.of("TCP/8080", "TCP/9555", "TCP/7070")));
                EDGES.add(new Diagram.Edge(w, "default/frontend", List.of("TCP/8080")));
            }
        }
        EDGES.add(new Diagram.Edge("default/checkoutservice", "default/paymentservice", List.of("TCP/50051")));
        EDGES.add(new Diagram.Edge("default/checkoutservice", "default/cartservice", List.of("TCP/7070")));
        for (String w : GROUPS.get("storefront")) {
            if (!w.equals("storefront/storefrontend")) {
                EDGES.add(new Diagram.Edge("storefront/storefrontend", w, List.of("TCP/80", "TCP/443 (some source ports)")));
            }
        }
        EDGES.add(new Diagram.Edge("storefront/microservice1", "storefront/microservice2", List.of("TCP/8080")));
        EDGES.add(new Diagram.Edge("storefront/backend", "api.stripe.com", List.of("TCP/443")));
        EDGES.add(new Diagram.Edge("internet 0.0.0.0/0", "default/frontend", List.of("TCP/80", "TCP/443")));
        EDGES.add(new Diagram.Edge("internet 0.0.0.0/0", "storefront/storefrontend", List.of("TCP/443")));
        EDGES.add(new Diagram.Edge("default/frontend", "a-namespace-with-a-rather-long-name/an-even-longer-workload-name-at-the-right-edge",
                List.of("UDP/53", "TCP/53")));
        EDGES.sort(java.util.Comparator.comparing(Diagram.Edge::from).thenComparing(Diagram.Edge::to));
    }

    private static String svg() {
        return SvgLayout.render(ElkDiagramLayout.layout(GROUPS, EXTERNALS, EDGES));
    }

    @Test
    void denseDiagram_noOverlaps_everyTextInTheViewBox_everyArrowOnItsBoxes() throws Exception {
        String svg = svg();

        assertEquals(List.of(), SvgGeometry.problems(svg), svg);
        assertEquals(EDGES.size(), svg.split("marker-end=").length - 1, "every flow drawn");
        assertTrue(svg.contains(">TCP/9555</text>") && svg.contains(">TCP/8080</text>"), "one port a line");
    }

    @Test
    void layout_sameBytesEveryRun() {
        String first = svg();
        for (int i = 0; i < 3; i++) {
            assertEquals(first, svg());
        }
    }

    @Test
    void emptyDiagram_isAValidSvg() throws Exception {
        String svg = SvgLayout.render(ElkDiagramLayout.layout(new TreeMap<>(), List.of(), List.of()));

        assertEquals(List.of(), SvgGeometry.problems(svg), svg);
    }
}
