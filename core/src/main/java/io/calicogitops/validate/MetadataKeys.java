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

    /** Annotations may hold at most 256 KiB of keys and values together (apimachinery TotalAnnotationSizeLimitB). */
    static final long ANNOTATION_BYTES = 256 * 1024;

    /**
     * Annotation keys and total size, as validator.go validateObjectMetaAnnotations (and apimachinery's
     * ValidateAnnotations) check them: keys are qualified names once lower-cased.
     */
    static void checkAnnotations(JsonNode annotations, String ptr, String path, Locator where, Diagnostics d) {
        if (!annotations.isObject()) {
            return;
        }
        long total = 0;
        for (Map.Entry<String, JsonNode> e : annotations.properties()) {
            String pointer = ptr + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
            Names.checkLabelKey(e.getKey().toLowerCase(java.util.Locale.ROOT)).ifPresent(problem -> d.error(where.at(pointer),
                    path + ": " + problem.replaceFirst("^label key", "annotation key")));
            total += e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                    + e.getValue().asText().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
        if (total > ANNOTATION_BYTES) {
            d.error(where.at(ptr), path + ": annotations total " + total + " bytes, more than the 262144 allowed");
        }
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
