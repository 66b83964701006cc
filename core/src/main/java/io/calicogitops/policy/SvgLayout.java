package io.calicogitops.policy;

import io.calicogitops.policy.DiagramGeometry.Arrow;
import io.calicogitops.policy.DiagramGeometry.Box;
import io.calicogitops.policy.DiagramGeometry.Group;
import io.calicogitops.policy.DiagramGeometry.Node;
import io.calicogitops.policy.DiagramGeometry.Point;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Draws a laid-out diagram ({@link ElkDiagramLayout}) as plain SVG 1.1: generic font family only, no scripts, no
 * external references. Numbers are written with one decimal in the root locale, so the bytes depend only on the
 * geometry. Each arrow keeps a {@code <title>} "from -> to ports" (a tooltip in browsers, and text to search).
 */
final class SvgLayout {

    private static final String BLUE = "#2f6fb3";

    private SvgLayout() {
    }

    static String render(DiagramGeometry g) {
        StringBuilder b = new StringBuilder();
        for (Group group : g.groups()) {
            Box x = group.box();
            b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"8\" fill=\"%s\" stroke=\"#8a94a6\"/>%n",
                    x.x(), x.y(), x.width(), x.height(), group.external() ? "#fffaf2" : "#f4f6fa"));
            text(b, x.x() + ElkDiagramLayout.GROUP_PAD, x.y() + ElkDiagramLayout.GROUP_PAD / 2 + ElkDiagramLayout.TITLE_FONT * TextMetrics.ASCENT,
                    ElkDiagramLayout.TITLE_FONT, " font-weight=\"bold\"", group.title());
        }
        for (Node n : g.nodes()) {
            Box x = n.box();
            b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"%d\" fill=\"%s\" stroke=\"#445\"/>%n",
                    x.x(), x.y(), x.width(), x.height(), n.external() ? 14 : 4, n.external() ? "#fff4e5" : "#ffffff"));
            text(b, x.x() + ElkDiagramLayout.NODE_PAD_X, x.y() + x.height() / 2 + ElkDiagramLayout.NODE_FONT * 0.35,
                    ElkDiagramLayout.NODE_FONT, "", n.name());
        }
        for (Arrow a : g.arrows()) {
            if (a.route().size() < 2) {
                continue;
            }
            String d = a.route().stream().map(SvgLayout::point).collect(Collectors.joining(" L", "M", ""));
            b.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.2\" marker-end=\"url(#arrow)\"><title>%s</title></path>%n",
                    d, BLUE, esc(a.from() + " -> " + a.to() + " " + String.join(", ", a.ports()))));
            label(b, a.label(), a.ports());
        }
        return String.format(Locale.ROOT, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>%n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.1f\" height=\"%.1f\" viewBox=\"0 0 %.1f %.1f\" font-family=\"sans-serif\">%n"
                + "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">"
                + "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"%s\"/></marker></defs>%n"
                + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n%s</svg>%n",
                g.width(), g.height(), g.width(), g.height(), BLUE, b);
    }

    /** One port a line, on a white ground so that a line crossing the label does not strike it through. */
    private static void label(StringBuilder b, Box x, List<String> lines) {
        b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"white\" fill-opacity=\"0.85\"/>%n",
                x.x(), x.y(), x.width(), x.height()));
        double lineHeight = ElkDiagramLayout.LABEL_FONT * TextMetrics.LINE_HEIGHT;
        for (int i = 0; i < lines.size(); i++) {
            double baseline = x.y() + 1 + i * lineHeight + (lineHeight - ElkDiagramLayout.LABEL_FONT) / 2
                    + ElkDiagramLayout.LABEL_FONT * TextMetrics.ASCENT;
            text(b, x.x() + 2, baseline, ElkDiagramLayout.LABEL_FONT, " fill=\"" + BLUE + "\"", lines.get(i));
        }
    }

    private static void text(StringBuilder b, double x, double baseline, double size, String attrs, String text) {
        b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%s\"%s>%s</text>%n",
                x, baseline, fmt(size), attrs, esc(text)));
    }

    private static String point(Point p) {
        return String.format(Locale.ROOT, "%.1f,%.1f", p.x(), p.y());
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
