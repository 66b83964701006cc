package io.calicogitops.evidence;

import io.calicogitops.report.HtmlReporter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** HTML text for {@code index.html}: escaping, and the style sheet (the drift report's plus the bundle's additions). */
final class Html {

    private Html() {
    }

    /** Escapes text for element content and quoted attribute values, exactly as the drift report does. */
    static String escape(String s) {
        return HtmlReporter.escape(s);
    }

    /** Escaped text in which {@code `command`} spans (as the mapping writes commands) become {@code <code>} elements. */
    static String withCode(String s) {
        String[] parts = escape(s).split("`", -1);
        StringBuilder b = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            boolean open = i % 2 == 1 && i < parts.length - 1;
            b.append(open ? "<code>" : i % 2 == 1 ? "`" : "</code>").append(parts[i]);
        }
        return b.toString();
    }

    /**
     * {@code html} with {@code line} right after its {@code <main>} (or, without one, after {@code <body>}): the
     * generated-at line on a report the bundle copies in, which its own renderer does not write.
     */
    static byte[] stamped(byte[] html, String line) {
        String text = new String(html, StandardCharsets.UTF_8);
        for (String anchor : new String[] {"<main>\n", "<body>\n"}) {
            int at = text.indexOf(anchor);
            if (at >= 0) {
                int end = at + anchor.length();
                return (text.substring(0, end) + line + text.substring(end)).getBytes(StandardCharsets.UTF_8);
            }
        }
        return (line + text).getBytes(StandardCharsets.UTF_8);
    }

    /** A relative link to a file of the bundle; each path segment percent-encoded where a URL needs it. */
    static String link(String path, String text) {
        StringBuilder href = new StringBuilder();
        for (byte c : path.getBytes(StandardCharsets.UTF_8)) {
            int u = c & 0xff;
            if (Character.isLetterOrDigit(u) && u < 0x80 || "/-._~".indexOf(u) >= 0) {
                href.append((char) u);
            } else {
                href.append('%').append(String.format("%02X", u));
            }
        }
        return "<a href=\"" + escape(href.toString()) + "\">" + text + "</a>";
    }

    static String css() {
        return resource("/io/calicogitops/report/report.css") + resource("/io/calicogitops/evidence/evidence.css");
    }

    private static String resource(String name) {
        try (InputStream in = Html.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing from the classpath");
            }
            // A Windows checkout may have turned the line ends into CRLF: the bundle must not depend on it.
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("read " + name, e);
        }
    }
}
