package io.calicogitops.history;

import io.calicogitops.model.Kinds;
import io.calicogitops.model.ResourceId;

import java.util.Map;
import java.util.Optional;

/**
 * Staged policies and their enforced twins: Calico stages a {@code GlobalNetworkPolicy X} as a
 * {@code StagedGlobalNetworkPolicy X} (a {@code NetworkPolicy ns/X} as a {@code StagedNetworkPolicy ns/X}), and
 * enforcing it replaces the one with the other. Two kinds to Calico, one policy whose mode changed to a person.
 */
final class Twins {

    private static final Map<String, String> ENFORCED_OF = Map.of(
            "StagedGlobalNetworkPolicy", "GlobalNetworkPolicy",
            "StagedNetworkPolicy", "NetworkPolicy");

    private Twins() {
    }

    /** The enforced twin of a staged policy, or empty when {@code id} is not a staged Calico policy. */
    static Optional<ResourceId> enforcedOf(ResourceId id) {
        return calico(id).map(ENFORCED_OF::get).map(k -> new ResourceId(id.group(), k, id.namespace(), id.name()));
    }

    /** The staged twin of an enforced policy, or empty when {@code id} is not an enforced Calico policy. */
    static Optional<ResourceId> stagedOf(ResourceId id) {
        return calico(id).flatMap(kind -> ENFORCED_OF.entrySet().stream().filter(e -> e.getValue().equals(kind))
                .map(Map.Entry::getKey).findFirst())
                .map(k -> new ResourceId(id.group(), k, id.namespace(), id.name()));
    }

    private static Optional<String> calico(ResourceId id) {
        return Kinds.CALICO_GROUP.equals(id.group()) ? Optional.of(id.kind()) : Optional.empty();
    }
}
