package io.calicogitops.policy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * A deterministic grid layout: one column per namespace (a box with its workloads stacked inside), external
 * endpoints in a last column, straight arrows with port labels. Plain SVG 1.1: generic font family only, no
 * scripts, no external references.
 */
final class SvgLayout {

    private static final int COL = 240;
    private static final int ROW = 46;
    private static final int BOX_W = 180;
    private static final int BOX_H = 30;
    private static final int TOP = 60;
    private static final int LEFT = 30;

    private final SortedMap<String, List<String>> groups;
    private final List<String> externals;
    private final List<Diagram.Edge> edges;
    private final Map<String, int[]> centre = new HashMap<>();

    SvgLayout(SortedMap<String, List<String>> groups, List<String> externals, List<Diagram.Edge> edges) {
        this.groups = groups;
        this.externals = externals;
        this.edges = edges;
    }

    String render() {
        StringBuilder body = new StringBuilder();
        int col = 0;
        int maxRows = Math.max(1, externals.size());
        for (Map.Entry<String, List<String>> g : groups.entrySet()) {
            int x = LEFT + col * COL;
            int rows = g.getValue().size();
            maxRows = Math.max(maxRows, rows);
            body.append(String.format("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"8\" fill=\"#f4f6fa\" stroke=\"#8a94a6\"/>%n",
                    x - 10, TOP - 30, BOX_W + 20, rows * ROW + 40));
            body.append(String.format("<text x=\"%d\" y=\"%d\" font-size=\"13\" font-weight=\"bold\">namespace %s</text>%n",
                    x, TOP - 12, esc(g.getKey())));
            int r = 0;
            for (String w : g.getValue()) {
                node(body, w, x, TOP + r++ * ROW, false);
            }
            col++;
        }
        if (!externals.isEmpty()) {
            int x = LEFT + col * COL;
            body.append(String.format("<text x=\"%d\" y=\"%d\" font-size=\"13\" font-weight=\"bold\">outside the cluster</text>%n", x, TOP - 12));
            int r = 0;
            for (String e : externals) {
                node(body, e, x, TOP + r++ * ROW, true);
            }
            col++;
        }
        StringBuilder arrows = new StringBuilder();
        for (Diagram.Edge e : edges) {
            int[] a = centre.get(e.from());
            int[] b = centre.get(e.to());
            if (a == null || b == null) {
                continue;
            }
            int ax = a[0] + (b[0] > a[0] ? BOX_W / 2 : b[0] < a[0] ? -BOX_W / 2 : BOX_W / 2);
            int bx = b[0] + (b[0] > a[0] ? -BOX_W / 2 : b[0] < a[0] ? BOX_W / 2 : BOX_W / 2);
            arrows.append(String.format("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#2f6fb3\" stroke-width=\"1.2\" marker-end=\"url(#arrow)\"><title>%s</title></line>%n",
                    ax, a[1], bx, b[1], esc(e.from() + " -> " + e.to() + " " + String.join(", ", e.ports()))));
            arrows.append(String.format("<text x=\"%d\" y=\"%d\" font-size=\"9\" fill=\"#2f6fb3\">%s</text>%n",
                    (ax + bx) / 2, (a[1] + b[1]) / 2 - 3, esc(String.join(", ", e.ports()))));
        }
        int width = LEFT * 2 + Math.max(1, col) * COL;
        int height = TOP + maxRows * ROW + 40;
        return String.format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>%n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\">%n"
                + "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">"
                + "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#2f6fb3\"/></marker></defs>%n"
                + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n%s%s</svg>%n",
                width, height, width, height, body, arrows);
    }

    private void node(StringBuilder b, String name, int x, int y, boolean external) {
        b.append(String.format("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"%d\" fill=\"%s\" stroke=\"#445\"/>%n",
                x, y, BOX_W, BOX_H, external ? 15 : 4, external ? "#fff4e5" : "#ffffff"));
        b.append(String.format("<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>%n", x + 8, y + 19, esc(name)));
        centre.put(name, new int[]{x + BOX_W / 2, y + BOX_H / 2});
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
