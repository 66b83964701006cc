package io.calicogitops.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.diag.Diagnostics;

import java.util.HashSet;
import java.util.Set;

/** A rule's {@code http} match: no repeated method, and each path is exactly one of exact or prefix, an RFC 3986 path. */
final class HttpMatchCheck {

    private HttpMatchCheck() {
    }

    static void check(JsonNode http, String ptr, String path, Locator where, Diagnostics d) {
        JsonNode methods = http.path("methods");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < methods.size(); i++) {
            // validator.go validateHTTPMethods: "Invalid methods (duplicates)".
            if (!seen.add(methods.get(i).asText())) {
                d.error(where.at(ptr + "/methods/" + i), path + ".methods[" + i + "]: method '"
                        + Names.printable(methods.get(i).asText()) + "' is listed twice");
            }
        }
        JsonNode paths = http.path("paths");
        for (int i = 0; i < paths.size(); i++) {
            String problem = pathProblem(paths.get(i));
            if (problem != null) {
                d.error(where.at(ptr + "/paths/" + i), path + ".paths[" + i + "]: " + problem);
            }
        }
    }

    /** validator.go validateHTTPPaths: one of exact/prefix, starting with '/', without '?', '#' or a space. */
    private static String pathProblem(JsonNode p) {
        String exact = p.path("exact").asText("");
        String prefix = p.path("prefix").asText("");
        if (!exact.isEmpty() && !prefix.isEmpty()) {
            return "set either exact or prefix, not both";
        }
        String v = exact.isEmpty() ? prefix : exact;
        if (v.isEmpty()) {
            return "set exact or prefix";
        }
        if (!v.startsWith("/") || v.chars().anyMatch(c -> c == '?' || c == ' ' || c == '#')) {
            return "path '" + Names.printable(v) + "' must start with '/' and contain no '?', '#' or space";
        }
        return null;
    }
}
