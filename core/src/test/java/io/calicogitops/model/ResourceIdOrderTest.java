package io.calicogitops.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The written-out order is the one reports are sorted by: group, kind, namespace, name. */
class ResourceIdOrderTest {

    @Test
    void compareTo_ordersByGroupKindNamespaceName() {
        List<String> parts = List.of("", "a", "b", "projectcalico.org");
        List<ResourceId> ids = new ArrayList<>();
        for (String g : parts) {
            for (String k : List.of("GlobalNetworkPolicy", "NetworkPolicy", "Tier")) {
                for (String ns : parts) {
                    for (String n : parts) {
                        ids.add(new ResourceId(g, k, ns, n.isEmpty() ? "x" : n));
                    }
                }
            }
        }
        Comparator<ResourceId> expected = Comparator.comparing(ResourceId::group).thenComparing(ResourceId::kind)
                .thenComparing(ResourceId::namespace).thenComparing(ResourceId::name);
        for (ResourceId a : ids) {
            for (ResourceId b : ids) {
                assertEquals(Integer.signum(expected.compare(a, b)), Integer.signum(a.compareTo(b)), a + " vs " + b);
            }
        }
    }
}
