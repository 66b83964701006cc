package io.calicogitops.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.model.Kinds;
import io.calicogitops.model.Resource;
import io.calicogitops.model.ResourceId;
import io.calicogitops.model.ServerDefaults;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The Argo CD {@code ignoreDifferences} of a cluster's Application: the fields the Calico API server fills in
 * ({@link ServerDefaults}, the table the auditor's normaliser applies), for exactly the objects whose rendered form
 * leaves them out, so a default never shows as OutOfSync (argoproj/argo-cd#11074, #13004) and a value Git does state
 * is still compared. Server-side diff would predict these defaults too, but only on Argo CD 3.1+ with
 * {@code ServerSideDiff=true} and only where Calico's API server answers dry runs; the list costs nothing there.
 * Plus the {@code projectcalico.org/tier} label Calico adds to every policy, kind by kind.
 */
final class IgnoreDifferences {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private IgnoreDifferences() {
    }

    static ArrayNode rules(List<Resource> resources) {
        ArrayNode out = JSON.arrayNode();
        TreeSet<String> policyKinds = new TreeSet<>();
        List<Resource> sorted = new ArrayList<>(resources);
        sorted.sort(Comparator.comparing(Resource::id));
        for (Resource r : sorted) {
            ResourceId id = r.id();
            if (!Kinds.CALICO_GROUP.equals(id.group())) {
                continue;
            }
            if (Kinds.isCalicoPolicy(id.group(), id.kind())) {
                policyKinds.add(id.kind());
            }
            boolean partial = Kinds.isPartialIntent(id, r.body());
            List<String> pointers = ServerDefaults.of(id.kind()).stream()
                    .filter(f -> !partial || f.partial())
                    .filter(f -> isUnset(r.body().path("spec").get(f.field())))
                    .map(ServerDefaults.Field::pointer).toList();
            if (!pointers.isEmpty()) {
                ObjectNode rule = out.addObject().put("group", id.group()).put("kind", id.kind()).put("name", id.name());
                if (id.isNamespaced()) {
                    rule.put("namespace", id.namespace());
                }
                pointers.forEach(rule.putArray("jsonPointers")::add);
            }
        }
        for (String kind : policyKinds) {
            out.addObject().put("group", Kinds.CALICO_GROUP).put("kind", kind).putArray("jsonPointers")
                    .add("/metadata/labels/" + ServerDefaults.TIER_LABEL.replace("~", "~0").replace("/", "~1"));
        }
        return out;
    }

    private static boolean isUnset(JsonNode value) {
        return value == null || value.isNull() || value.isTextual() && value.asText().isEmpty()
                || value.isArray() && value.isEmpty();
    }
}
