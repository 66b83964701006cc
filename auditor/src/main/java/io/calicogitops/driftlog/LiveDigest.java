package io.calicogitops.driftlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.audit.LiveSnapshot;
import io.calicogitops.audit.Secrets;
import io.calicogitops.audit.normalise.Normaliser;
import io.calicogitops.audit.normalise.Side;
import io.calicogitops.model.Resource;
import io.calicogitops.model.ResourceId;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The SHA-256 of everything an audit saw in the cluster, in a form that does not change when nothing meaningful
 * changed: every live resource normalised with {@link Normaliser#standard()} (live side), so server metadata,
 * {@code status} and Calico's defaults do not move it; sorted by {@link ResourceId}; written as canonical JSON
 * {@code [{"group","kind","namespace","name","object"}, ...]}. Two audits with the same digest saw the same state.
 */
public final class LiveDigest {

    private LiveDigest() {
    }

    /** Lowercase hex SHA-256 of the normalised snapshot. */
    public static String of(LiveSnapshot snapshot) {
        return of(normalised(snapshot));
    }

    /** Every live object normalised (live side), by id. */
    static SortedMap<ResourceId, JsonNode> normalised(LiveSnapshot snapshot) {
        SortedMap<ResourceId, JsonNode> out = new TreeMap<>();
        Normaliser normaliser = Normaliser.standard();
        // The auditor keeps the first object of an id too (a v3 copy before its v1 twin): digest what it compared.
        for (Resource r : snapshot.resources()) {
            if (!out.containsKey(r.id())) {
                // Masked: neither the digest nor a fingerprint may be a hash of a Secret's value (guessable).
                out.put(r.id(), Secrets.masked(r.id(), normaliser.normalise(r, Side.LIVE)));
            }
        }
        return out;
    }

    static String of(SortedMap<ResourceId, JsonNode> normalised) {
        ArrayNode all = JsonNodeFactory.instance.arrayNode();
        normalised.forEach((id, body) -> {
            ObjectNode item = all.addObject();
            item.put("group", id.group());
            item.put("kind", id.kind());
            item.put("namespace", id.namespace());
            item.put("name", id.name());
            item.set("object", body);
        });
        return CanonicalJson.sha256(all);
    }
}
