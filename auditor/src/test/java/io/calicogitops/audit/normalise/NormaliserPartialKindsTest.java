package io.calicogitops.audit.normalise;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.model.Resource;
import io.calicogitops.model.ResourceId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Partially-managed kinds: only the fields Git states can drift. */
class NormaliserPartialKindsTest {

    private final Normaliser normaliser = Normaliser.standard();

    @Test
    void felixConfigurationDefault_withThirtyOperatorFields_equalsThePartialInGit() {
        Resource desired = fixture("felixconfiguration-with-operator-fields-desired.yaml");
        Resource live = fixture("felixconfiguration-with-operator-fields-live.yaml");
        Set<String> extra = new HashSet<>();
        live.spec().fieldNames().forEachRemaining(extra::add);
        desired.spec().fieldNames().forEachRemaining(extra::remove);
        assertTrue(extra.size() >= 30, "the fixture should carry at least 30 fields Git does not state: " + extra);

        Normaliser.Pair pair = normaliser.normalisePair(desired, live);
        assertEquals(pair.desired(), pair.live());
    }

    @Test
    void felixConfigurationDefault_changedManagedField_stillDiffers() {
        Resource desired = fixture("felixconfiguration-with-operator-fields-desired.yaml");
        Resource live = NormaliseFixtures.parse(fixtureText("felixconfiguration-with-operator-fields-live.yaml")
                .replace("flowLogsFlushInterval: 15s", "flowLogsFlushInterval: 5m0s"), "live.yaml");
        Normaliser.Pair pair = normaliser.normalisePair(desired, live);
        assertNotEquals(pair.desired(), pair.live());
        assertEquals("5m0s", pair.live().at("/spec/flowLogsFlushInterval").asText());
    }

    @Test
    void partialKind_keepsLiveListElementsWholeWhenTheCountDiffers() {
        Normaliser.Pair pair = normaliser.normalisePair(fixture("service-extra-live-port-drift-desired.yaml"),
                fixture("service-extra-live-port-drift-live.yaml"));
        assertEquals(2, pair.live().at("/spec/ports").size());
        assertEquals(9091, pair.live().at("/spec/ports/0/targetPort").asInt(), "not pruned: the list is compared whole");
        assertFalse(pair.live().at("/spec").has("clusterIP"));
    }

    @Test
    void partialKind_prunesUnstatedFieldsOfListElementsAtTheSamePosition() {
        Normaliser.Pair pair = normaliser.normalisePair(fixture("service-with-server-defaults-desired.yaml"),
                fixture("service-with-server-defaults-live.yaml"));
        assertFalse(pair.live().at("/spec/ports/0").has("targetPort"));
        assertEquals(pair.desired(), pair.live());
    }

    @Test
    void normaliseAlone_neverPrunes() {
        JsonNode live = normaliser.normalise(fixture("felixconfiguration-with-operator-fields-live.yaml"), Side.LIVE);
        assertTrue(live.at("/spec").has("vxlanVNI"));
    }

    @ParameterizedTest(name = "{0} {1}/{2} partial={3}")
    @CsvSource(delimiter = '|', textBlock = """
            projectcalico.org/v3      | FelixConfiguration  | default             | true
            projectcalico.org/v3      | FelixConfiguration  | node.aks-0          | false
            crd.projectcalico.org/v1  | FelixConfiguration  | default             | true
            operator.tigera.io/v1     | Installation        | default             | true
            operator.tigera.io/v1     | ApplicationLayer    | tigera-secure       | true
            operator.tigera.io/v1     | IntrusionDetection  | tigera-secure       | true
            v1                        | Service             | frontend            | true
            monitoring.coreos.com/v1  | ServiceMonitor      | calico-node-monitor | true
            rbac.authorization.k8s.io/v1 | ClusterRole      | calico-gitops-audit | true
            projectcalico.org/v3      | GlobalNetworkPolicy | security.x          | false
            projectcalico.org/v3      | Tier                | security            | false
            projectcalico.org/v3      | GlobalAlert         | blocked-ips         | false
            projectcalico.org/v3      | GlobalReport        | cis-results         | false
            projectcalico.org/v3      | GlobalThreatFeed    | feodo-tracker       | false
            projectcalico.org/v3      | GlobalNetworkSet    | allowed-dns         | false
            """)
    void partiallyManagedKinds_areFelixDefaultOperatorAndNonCalicoKinds(String apiVersion, String kind, String name,
                                                                        boolean partial) {
        assertEquals(partial, CalicoKinds.isPartiallyManaged(ResourceId.of(apiVersion, kind, "", name)));
    }

    private static Resource fixture(String file) {
        return NormaliseFixtures.load(NormaliseFixtures.root().resolve(ManagedFields.NAME).resolve(file));
    }

    private static String fixtureText(String file) {
        try {
            return java.nio.file.Files.readString(NormaliseFixtures.root().resolve(ManagedFields.NAME).resolve(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
