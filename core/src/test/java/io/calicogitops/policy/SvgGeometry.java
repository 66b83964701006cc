package io.calicogitops.policy;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a diagram SVG back and checks what a reader needs (issue 16 item 3): no two texts overlap, no port label sits
 * on a box, every text is inside the view box (and a box's name inside its box), and every arrow starts on its
 * source's border and ends on its target's. Text is measured with {@link TextMetrics}, the layout's own estimate.
 * Shared with the CLI tests (core's test-jar) to check the real diagram of the sample fleet.
 */
public final class SvgGeometry {

    private static final double EPS = 0.05;

    /** An axis-aligned box. */
    record Rect(double x, double y, double w, double h) {
        boolean overlaps(Rect o) {
            return x < o.x + o.w - EPS && o.x < x + w - EPS && y < o.y + o.h - EPS && o.y < y + h - EPS;
        }

        boolean contains(Rect o) {
            return o.x >= x - EPS && o.y >= y - EPS && o.x + o.w <= x + w + EPS && o.y + o.h <= y + h + EPS;
        }

        boolean onBorder(double px, double py) {
            boolean inX = px >= x - 0.5 && px <= x + w + 0.5;
            boolean inY = py >= y - 0.5 && py <= y + h + 0.5;
            return (inY && (Math.abs(px - x) <= 0.5 || Math.abs(px - (x + w)) <= 0.5))
                    || (inX && (Math.abs(py - y) <= 0.5 || Math.abs(py - (y + h)) <= 0.5));
        }
    }

    private SvgGeometry() {
    }

    /** Every problem found, one sentence each; empty when the diagram is readable. */
    public static List<String> problems(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        String[] vb = root.getAttribute("viewBox").split(" ");
        Rect view = new Rect(d(vb[0]), d(vb[1]), d(vb[2]), d(vb[3]));
        List<String> problems = new ArrayList<>();
        Map<String, Rect> nodes = new LinkedHashMap<>();
        List<Rect> boxes = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<Rect> textBoxes = new ArrayList<>();
        List<Double> sizes = new ArrayList<>();
        Rect lastBox = null;
        NodeList all = root.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.getTagName().equals("rect") && "#445".equals(e.getAttribute("stroke"))) {
                lastBox = new Rect(d(e.getAttribute("x")), d(e.getAttribute("y")), d(e.getAttribute("width")), d(e.getAttribute("height")));
                boxes.add(lastBox);
            } else if (e.getTagName().equals("text")) {
                double size = d(e.getAttribute("font-size"));
                String s = e.getTextContent();
                double baseline = d(e.getAttribute("y"));
                Rect t = new Rect(d(e.getAttribute("x")), baseline - size * TextMetrics.ASCENT,
                        TextMetrics.width(s, size, "bold".equals(e.getAttribute("font-weight"))),
                        size * (TextMetrics.ASCENT + TextMetrics.DESCENT));
                if (!view.contains(t)) {
                    problems.add("text '" + s + "' " + t + " leaves the view box " + view);
                }
                if (lastBox != null && size == ElkDiagramLayout.NODE_FONT) {
                    if (!lastBox.contains(t)) {
                        problems.add("name '" + s + "' " + t + " does not fit its box " + lastBox);
                    }
                    nodes.put(s, lastBox);
                    lastBox = null;
                }
                texts.add(s);
                textBoxes.add(t);
                sizes.add(size);
            }
        }
        for (int i = 0; i < textBoxes.size(); i++) {
            for (int j = i + 1; j < textBoxes.size(); j++) {
                if (textBoxes.get(i).overlaps(textBoxes.get(j))) {
                    problems.add("texts '" + texts.get(i) + "' and '" + texts.get(j) + "' overlap");
                }
            }
            if (sizes.get(i) == ElkDiagramLayout.LABEL_FONT && boxes.stream().anyMatch(textBoxes.get(i)::overlaps)) {
                problems.add("port label '" + texts.get(i) + "' lies on a box");
            }
        }
        NodeList paths = root.getElementsByTagName("path");
        for (int i = 0; i < paths.getLength(); i++) {
            Element p = (Element) paths.item(i);
            if (!p.hasAttribute("marker-end")) {
                continue;
            }
            String title = p.getElementsByTagName("title").item(0).getTextContent();
            String[] ends = title.split(" -> ", 2);
            String from = ends[0];
            String to = ends[1].substring(0, ends[1].indexOf(' '));
            String[] pts = p.getAttribute("d").substring(1).split(" L");
            String[] first = pts[0].split(",");
            String[] last = pts[pts.length - 1].split(",");
            Rect a = nodes.get(from);
            Rect b = nodes.get(to);
            if (a == null || b == null) {
                problems.add("arrow " + title + " names a box that is not drawn");
            } else {
                if (!a.onBorder(d(first[0]), d(first[1]))) {
                    problems.add("arrow " + title + " starts at " + pts[0] + ", off its source " + a);
                }
                if (!b.onBorder(d(last[0]), d(last[1]))) {
                    problems.add("arrow " + title + " ends at " + pts[pts.length - 1] + ", off its target " + b);
                }
            }
        }
        return problems;
    }

    private static double d(String s) {
        return Double.parseDouble(s);
    }
}
