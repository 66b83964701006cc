package io.calicogitops.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A location inside one document as a list of segments (String keys, Integer indexes), printable both as a JSON
 * pointer for the location lookup ({@code /spec/ingress/0/action}) and as the path people read
 * ({@code spec.ingress[0].action}).
 */
record DocPath(List<Object> segments) {

    static final DocPath ROOT = new DocPath(List.of());
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");

    DocPath {
        segments = List.copyOf(segments);
    }

    static DocPath of(Object... segments) {
        return new DocPath(List.of(segments));
    }

    DocPath child(Object segment) {
        List<Object> more = new ArrayList<>(segments);
        more.add(segment);
        return new DocPath(more);
    }

    boolean isRoot() {
        return segments.isEmpty();
    }

    /** The last key or index, or "" for the root. */
    String last() {
        return segments.isEmpty() ? "" : String.valueOf(segments.get(segments.size() - 1));
    }

    /** RFC 6901 pointer: "" for the whole document. */
    String pointer() {
        StringBuilder sb = new StringBuilder();
        for (Object s : segments) {
            sb.append('/').append(String.valueOf(s).replace("~", "~0").replace("/", "~1"));
        }
        return sb.toString();
    }

    /** Dotted path with indexes in brackets; keys such as {@code projectcalico.org/tier} are quoted. */
    String display() {
        if (segments.isEmpty()) {
            return "document";
        }
        StringBuilder sb = new StringBuilder();
        for (Object s : segments) {
            if (s instanceof Integer i) {
                sb.append('[').append(i).append(']');
            } else if (PLAIN_KEY.matcher((String) s).matches()) {
                sb.append(sb.length() == 0 ? "" : ".").append(s);
            } else {
                sb.append("[\"").append(s).append("\"]");
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return display();
    }
}
