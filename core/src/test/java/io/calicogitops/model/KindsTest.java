package io.calicogitops.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Kind lookup by group and kind: every known kind, the crd.projectcalico.org alias, and unknown ones. */
class KindsTest {

    @Test
    void find_everyKnownKind_findsItself() {
        for (Kinds.Kind k : Kinds.all()) {
            assertSame(k, Kinds.find(k.group(), k.kind()).orElseThrow(), k.group() + "/" + k.kind());
        }
    }

    @Test
    void find_crdGroupAlias_findsTheCalicoKind() {
        assertEquals(Kinds.find(Kinds.CALICO_GROUP, "NetworkPolicy"), Kinds.find("crd.projectcalico.org", "NetworkPolicy"));
        assertTrue(Kinds.isCalicoPolicy("crd.projectcalico.org", "GlobalNetworkPolicy"));
    }

    @Test
    void find_unknownOrOtherGroup_isEmpty() {
        assertTrue(Kinds.find("example.com", "NetworkPolicy").isEmpty());
        assertTrue(Kinds.find(Kinds.CALICO_GROUP, "Widget").isEmpty());
        assertTrue(Kinds.find(null, "Namespace").isEmpty());
        assertEquals(false, Kinds.find("networking.k8s.io", "NetworkPolicy").orElseThrow().policy());
    }
}
