package io.calicogitops.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.yaml.MappingReader;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The profile's {@code adoptNames}: objects a pack renders that this cluster keeps under the name they already have
 * live ({@code GlobalNetworkPolicy/security.allow-kube-dns: security.dns-out}, namespaced {@code Kind/namespace/name}).
 * Renaming a live policy is a delete and a create, so a cluster brought into Git may keep its names instead.
 */
public final class AdoptNames {

    private static final Pattern KEY = Pattern.compile("[A-Z][A-Za-z0-9]*/([a-z0-9-]+/)?[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");

    private AdoptNames() {
    }

    /** {@code Kind/name} or {@code Kind/namespace/name} -> the live name; each malformed entry reported at its line. */
    static Map<String, String> read(MappingReader r) {
        Map<String, String> out = new TreeMap<>();
        Optional<MappingReader> map = r.object("adoptNames");
        JsonNode raw = r.raw("adoptNames");
        if (map.isEmpty() || raw == null) {
            return out;
        }
        MappingReader m = map.get();
        raw.properties().forEach(e -> {
            String key = e.getKey();
            JsonNode value = e.getValue();
            if (!KEY.matcher(key).matches()) {
                m.error(key, "expected Kind/name or Kind/namespace/name of a rendered object",
                        "e.g. 'GlobalNetworkPolicy/security.allow-kube-dns: security.dns-out'");
            } else if (!value.isTextual() || value.asText().length() > 253 || !NAME.matcher(value.asText()).matches()) {
                m.error(key, "expected the live name (a DNS-1123 subdomain), got " + MappingReader.describe(value));
            } else {
                out.put(key, value.asText());
            }
        });
        return out;
    }

    /** The key of a rendered object: {@code Kind/name} or {@code Kind/namespace/name}. */
    public static String keyOf(String kind, String namespace, String name) {
        return kind + "/" + (namespace == null || namespace.isEmpty() ? "" : namespace + "/") + name;
    }
}
