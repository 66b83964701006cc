package io.calicogitops.audit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.calicogitops.model.ProductStamps;
import io.calicogitops.model.Resource;
import io.calicogitops.model.ResourceId;
import io.calicogitops.validate.Names;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Secrets the desired objects need but Git deliberately does not hold (the honeypods' image pull secret: copied by
 * hand, or made by an ExternalSecret), learnt from the {@link ProductStamps#REQUIRES_SECRETS} annotation the generator
 * writes on the objects that use them. The audit probes each by name, metadata only, and reports one the cluster
 * lacks as a MISSING entry for that Secret: a WARNING, because Calico's policies are unaffected but the objects that
 * need it cannot start (their images cannot be pulled), so the decoys they are meant to be do not exist.
 */
public final class Prerequisites {

    static final String SENTENCE = "prerequisite not in the cluster: ";

    private Prerequisites() {
    }

    /** Each required Secret (namespace of the object that names it) with the desired objects that need it, in Git order. */
    public static SortedMap<ResourceId, List<Resource>> requiredSecrets(Map<ResourceId, Resource> desired) {
        SortedMap<ResourceId, List<Resource>> out = new TreeMap<>();
        for (Resource r : desired.values()) {
            String names = r.body().path("metadata").path("annotations").path(ProductStamps.REQUIRES_SECRETS).asText("");
            if (r.id().namespace().isEmpty() || names.isBlank()) {
                continue;
            }
            for (String name : names.split(",")) {
                String n = name.strip();
                if (n.isEmpty() || Names.checkSubdomain(n).isPresent()) {
                    continue;
                }
                ResourceId secret = new ResourceId("", "Secret", r.id().namespace(), n);
                if (!desired.containsKey(secret)) {
                    out.computeIfAbsent(secret, k -> new ArrayList<>()).add(r);
                }
            }
        }
        return out;
    }

    /** The entries for the required Secrets the live snapshot does not hold; none for those it holds. */
    static List<DriftEntry> missing(Map<ResourceId, Resource> desired, Map<ResourceId, Resource> liveById) {
        List<DriftEntry> out = new ArrayList<>();
        requiredSecrets(desired).forEach((secret, users) -> {
            if (liveById.containsKey(secret)) {
                return;
            }
            String who = String.join(", ", users.stream().map(u -> u.id().kind() + " " + u.id().name()).toList());
            Change change = new Change("", SENTENCE + "Secret " + secret.namespace() + "/" + secret.name()
                    + ", which " + who + (users.size() == 1 ? " needs" : " need")
                    + " (Git holds only its name; create it as the cluster's README says)", DriftSeverity.WARNING);
            out.add(new DriftEntry(secret, DriftStatus.MISSING, DriftSeverity.WARNING,
                    JsonNodeFactory.instance.arrayNode(), List.of(change), Optional.of(users.get(0).origin()), Optional.empty()));
        });
        return out;
    }
}
