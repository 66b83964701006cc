package io.calicogitops.render;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps track of which template line each rendered line comes from, so that a problem found in a rendered document
 * is reported at the template's line. Mustache drops "standalone" section lines ({@code {{#flag}}} alone on a line)
 * and repeats or skips section bodies, so rendered line N is rarely template line N. Every template line gets a
 * marker holding its number at its end (control characters, which a rendered value never contains: values are
 * JSON-quoted). A marker after a tag keeps Mustache from treating the line as standalone (mustache.java's own
 * whitespace rules differ from the spec around section tags), and the lines that such tag lines leave behind are
 * dropped after rendering, giving the text of a spec-conforming Mustache without standalone-tag lines.
 */
final class TemplateLines {

    private static final char CONTENT = '\u0001';
    private static final char TAG = '\u0003';
    private static final char END = '\u0002';
    private static final Pattern MARKER = Pattern.compile("[\u0001\u0003](\\d+)\u0002");
    /** A line Mustache treats as standalone: only whitespace around one section, inverted, end or comment tag. */
    private static final Pattern STANDALONE = Pattern.compile("[ \t]*\\{\\{[#^/!][^{}]*}}[ \t\r]*");

    private TemplateLines() {
    }

    /** The template with a line marker in front of every line, or the template unchanged when it cannot be marked. */
    static String mark(String template) {
        if (!markable(template)) {
            return template;
        }
        StringBuilder b = new StringBuilder(template.length() + template.length() / 8);
        String[] lines = template.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                b.append('\n');
            }
            if (i == lines.length - 1 && lines[i].isEmpty()) {
                break;
            }
            b.append(lines[i]).append(STANDALONE.matcher(lines[i]).matches() ? TAG : CONTENT).append(i + 1).append(END);
        }
        return b.toString();
    }

    /** Strips the markers from rendered output; {@code lines[i]} is the template line of rendered line {@code i + 1}. */
    static TemplateEngine.Rendered unmark(String rendered, boolean marked) {
        if (!marked) {
            return new TemplateEngine.Rendered(rendered, null);
        }
        StringBuilder text = new StringBuilder(rendered.length());
        List<Integer> lines = new ArrayList<>();
        String[] out = rendered.split("\n", -1);
        int last = 1;
        for (int i = 0; i < out.length; i++) {
            boolean finalEmpty = i == out.length - 1 && out[i].isEmpty();
            if (finalEmpty) {
                break;
            }
            // The marker that ends a rendered line names the template line whose end it is.
            Matcher m = MARKER.matcher(out[i]);
            int end = -1;
            boolean onlyTags = true;
            while (m.find()) {
                end = Integer.parseInt(m.group(1));
                onlyTags &= out[i].charAt(m.start()) == TAG;
            }
            String stripped = MARKER.matcher(out[i]).replaceAll("");
            if (end >= 0 && onlyTags && stripped.isBlank()) {
                continue;
            }
            last = end >= 0 ? end : last;
            lines.add(last);
            text.append(stripped);
            if (i < out.length - 1) {
                text.append('\n');
            }
        }
        return new TemplateEngine.Rendered(text.toString(), lines.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Templates that use the marker characters, change delimiters or write a tag across lines are rendered as they
     * are (rendered lines then stand for themselves).
     */
    static boolean markable(String template) {
        if (template.indexOf(CONTENT) >= 0 || template.indexOf(TAG) >= 0 || template.indexOf(END) >= 0
                || template.contains("{{=")) {
            return false;
        }
        for (int open = template.indexOf("{{"); open >= 0; open = template.indexOf("{{", open + 2)) {
            int close = template.indexOf("}}", open + 2);
            if (close < 0 || template.substring(open, close).indexOf('\n') >= 0) {
                return false;
            }
        }
        return true;
    }
}
