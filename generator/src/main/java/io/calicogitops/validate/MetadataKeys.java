package io.calicogitops.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.diag.Diagnostics;

import java.util.Map;

/**
 * Label keys, label values and annotation keys as the API server's ObjectMeta validation checks them (qualified
 * names; label values of at most 63 characters): an object that breaks them is refused by {@code kubectl apply}.
 * Non-string values are reported by the schema check.
 */
final class MetadataKeys {

    private MetadataKeys() {
    }

    static void check(JsonNode body, Locator where, Diagnostics d) {
        for (String map : new String[] {"labels", "annotations"}) {
            JsonNode entries = body.path("metadata").path(map);
            if (!entries.isObject()) {
                continue;
            }
            String what = map.equals("labels") ? "label" : "annotation";
            for (Map.Entry<String, JsonNode> e : entries.properties()) {
                String pointer = "/metadata/" + map + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
                Names.checkLabelKey(e.getKey()).ifPresent(problem -> d.error(where.at(pointer),
                        "metadata." + map + ": " + problem.replaceFirst("^label key", what + " key")));
                if (what.equals("label") && e.getValue().isTextual()) {
                    Names.checkLabelValue(e.getValue().asText()).ifPresent(problem -> d.error(where.at(pointer),
                            "metadata.labels: " + Names.printable(e.getKey()) + ": " + problem));
                }
            }
        }
    }
}
