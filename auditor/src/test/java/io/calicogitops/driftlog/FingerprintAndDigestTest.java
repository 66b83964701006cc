package io.calicogitops.driftlog;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.audit.Change;
import io.calicogitops.audit.DriftEntry;
import io.calicogitops.audit.DriftSeverity;
import io.calicogitops.audit.DriftStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static io.calicogitops.driftlog.LogFixtures.denyTurnedInto;
import static io.calicogitops.driftlog.LogFixtures.json;
import static io.calicogitops.driftlog.LogFixtures.missing;
import static io.calicogitops.driftlog.LogFixtures.orderChanged;
import static io.calicogitops.driftlog.LogFixtures.policy;
import static io.calicogitops.driftlog.LogFixtures.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Drift fingerprints and the live digest: equal for the same thing seen twice, different for anything else. */
class FingerprintAndDigestTest {

    private static final String POLICY = """
            {"apiVersion":"projectcalico.org/v3","kind":"GlobalNetworkPolicy",
             "metadata":{"name":"security.pci","resourceVersion":"%s","uid":"u-1","labels":{"projectcalico.org/tier":"security"}},
             "spec":{"tier":"security","order":%s,"selector":"PCI == 'true'","types":["Egress"],
                     "egress":[{"action":"Deny","destination":{"ports":["%s"]}}]}}""";

    private static String livePolicy(String resourceVersion, String order, String port) {
        return POLICY.formatted(resourceVersion, order, port);
    }

    private static JsonNode liveWithAction(String action) {
        return json("{\"spec\":{\"egress\":[{\"action\":\"" + action + "\"}]}}");
    }

    private static String fingerprint(DriftEntry e, JsonNode live) {
        return LoggedDrift.of(e, live).fingerprint();
    }

    @Test
    void fingerprint_sameDriftInTwoAudits_isEqual() {
        assertEquals(fingerprint(denyTurnedInto("pci", "Allow"), liveWithAction("Allow")),
                fingerprint(denyTurnedInto("pci", "Allow"), liveWithAction("Allow")));
    }

    @Test
    void fingerprint_ofAModifiedResource_followsPatchAndLiveValuesNotTheWordingOrSeverity() {
        DriftEntry a = denyTurnedInto("pci", "Allow");
        DriftEntry reworded = new DriftEntry(a.id(), a.status(), DriftSeverity.WARNING, a.patch(),
                List.of(new Change("/spec/egress/0/action", "egress rule 1 now allows", DriftSeverity.WARNING)),
                Optional.empty(), Optional.empty());

        assertEquals(fingerprint(a, liveWithAction("Allow")), fingerprint(reworded, liveWithAction("Allow")));
        assertNotEquals(fingerprint(a, liveWithAction("Allow")), fingerprint(a, liveWithAction("Pass")),
                "the same patch repairs Allow and Pass, but they are different drifts");
        assertNotEquals(fingerprint(a, liveWithAction("Allow")), fingerprint(orderChanged("pci", 7), liveWithAction("Allow")));
        assertNotEquals(fingerprint(a, liveWithAction("Allow")), fingerprint(denyTurnedInto("other", "Allow"), liveWithAction("Allow")));
    }

    @Test
    void fingerprint_withoutTheLiveObject_fallsBackToTheSentences() {
        assertNotEquals(fingerprint(denyTurnedInto("pci", "Allow"), null), fingerprint(denyTurnedInto("pci", "Pass"), null));
        assertEquals(fingerprint(denyTurnedInto("pci", "Allow"), null), fingerprint(denyTurnedInto("pci", "Allow"), null));
    }

    @Test
    void fingerprint_withoutPatch_followsStatusAndSortedSentences() {
        DriftEntry m = missing("gone");
        DriftEntry unmanaged = new DriftEntry(policy("gone"), DriftStatus.UNMANAGED, DriftSeverity.CRITICAL, m.patch(),
                m.changes(), Optional.empty(), Optional.empty());
        DriftEntry twoSentences = new DriftEntry(m.id(), m.status(), m.severity(), m.patch(),
                List.of(new Change("", "b", DriftSeverity.CRITICAL), new Change("", "a", DriftSeverity.CRITICAL)),
                Optional.empty(), Optional.empty());
        DriftEntry swapped = new DriftEntry(m.id(), m.status(), m.severity(), m.patch(),
                List.of(new Change("", "a", DriftSeverity.CRITICAL), new Change("", "b", DriftSeverity.CRITICAL)),
                Optional.empty(), Optional.empty());

        assertNotEquals(fingerprint(m, null), fingerprint(unmanaged, null));
        assertEquals(fingerprint(twoSentences, null), fingerprint(swapped, null));
        assertEquals(64, fingerprint(m, null).length());
    }

    @Test
    void liveDigest_ignoresServerMetadataCalicoDefaultsAndObjectOrder() {
        String a = livePolicy("100", "10", "53");
        String b = livePolicy("200", "10.0", "53");
        String netset = """
                {"apiVersion":"projectcalico.org/v3","kind":"GlobalNetworkSet","metadata":{"name":"blocked"},
                 "spec":{"nets":["198.51.100.7/32","10.0.0.0/8"]}}""";
        String netsetReordered = """
                {"apiVersion":"projectcalico.org/v3","kind":"GlobalNetworkSet","metadata":{"name":"blocked","uid":"x"},
                 "spec":{"nets":["10.0.0.0/8","198.51.100.7/32"]}}""";

        assertEquals(LiveDigest.of(snapshot(a, netset)), LiveDigest.of(snapshot(netsetReordered, b)));
    }

    @Test
    void liveDigest_changesWithTheSpec() {
        assertNotEquals(LiveDigest.of(snapshot(livePolicy("1", "10", "53"))), LiveDigest.of(snapshot(livePolicy("1", "10", "54"))));
        assertNotEquals(LiveDigest.of(snapshot(livePolicy("1", "10", "53"))), LiveDigest.of(snapshot()));
    }
}
