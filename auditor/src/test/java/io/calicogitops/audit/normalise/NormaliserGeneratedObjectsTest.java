package io.calicogitops.audit.normalise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.calicogitops.model.ResourceId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which live objects Calico or the operator generate, so that they are never reported UNMANAGED. */
class NormaliserGeneratedObjectsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} {1}/{2} generated={4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Tier                       | -             | allow-tigera                          | -                      | true
            Tier                       | -             | calico-system                         | -                      | true
            Tier                       | -             | default                               | -                      | true
            Tier                       | -             | kube-admin                            | -                      | true
            Tier                       | -             | kube-baseline                         | -                      | true
            Tier                       | -             | adminnetworkpolicy                    | -                      | true
            Tier                       | -             | baselineadminnetworkpolicy            | -                      | true
            Tier                       | -             | security                              | -                      | false
            NetworkPolicy              | calico-system | allow-tigera.calico-node-alertmanager | {"tier":"allow-tigera"} | true
            NetworkPolicy              | calico-system | calico-system.calico-node             | {"tier":"calico-system"} | true
            NetworkPolicy              | calico-system | calico-node                           | {"tier":"calico-system"} | true
            GlobalNetworkPolicy        | -             | allow-tigera.cluster-dns              | -                      | true
            NetworkPolicy              | dev           | knp.default.allow-web                 | {"tier":"default"}     | true
            GlobalNetworkPolicy        | -             | kanp.adminnetworkpolicy.deny-all      | -                      | true
            GlobalNetworkPolicy        | -             | kbanp.baselineadminnetworkpolicy.default | -                   | true
            NetworkPolicy              | openstack     | ossg.default.web                      | -                      | true
            StagedNetworkPolicy        | dev           | knp.default.staged                    | -                      | true
            NetworkPolicy              | dev           | centos                                | {"tier":"default"}     | false
            GlobalNetworkPolicy        | -             | security.allow-kube-dns               | {"tier":"security"}    | false
            GlobalNetworkSet           | -             | threatfeed.feodo-tracker              | -                      | true
            GlobalNetworkSet           | -             | allowed-dns                           | -                      | false
            NetworkSet                 | dev           | threatfeed.feodo-tracker              | -                      | false
            FelixConfiguration         | -             | node.aks-nodepool1-0                  | -                      | true
            FelixConfiguration         | -             | default                               | -                      | false
            ClusterInformation         | -             | default                               | -                      | true
            IPAMBlock                  | -             | 10-244-0-0-26                         | -                      | true
            BlockAffinity              | -             | aks-nodepool1-0-10-244-0-0-26         | -                      | true
            KubeControllersConfiguration | -           | default                               | -                      | true
            GlobalThreatFeed           | -             | feodo-tracker                         | -                      | false
            """)
    void isGenerated_recognisesCalicoAndOperatorObjects(String kind, String namespace, String name, String spec,
                                                         boolean generated) throws Exception {
        ResourceId id = ResourceId.of("projectcalico.org/v3", kind, namespace, name);
        String body = "{\"metadata\":{\"name\":\"" + name + "\"}" + (spec == null ? "" : ",\"spec\":" + spec) + "}";
        assertEquals(generated, GeneratedObjects.isGenerated(id, JSON.readTree(body)));
    }

    @Test
    void isGenerated_anyObjectOwnedByAnOperatorKind_isGenerated() throws Exception {
        JsonNode body = JSON.readTree("""
                {"metadata":{"name":"tigera-secure","namespace":"tigera-intrusion-detection","ownerReferences":[
                  {"apiVersion":"operator.tigera.io/v1","kind":"IntrusionDetection","name":"tigera-secure",
                   "uid":"dc3fa79f-72b4-46e8-8355-76a3d82fc7dc","controller":true}]}}""");
        assertTrue(GeneratedObjects.isGenerated(ResourceId.of("v1", "Service", "tigera-intrusion-detection", "tigera-secure"), body));
        assertTrue(GeneratedObjects.isGenerated(ResourceId.of("projectcalico.org/v3", "GlobalNetworkPolicy", "", "web"), body));
    }

    @Test
    void isGenerated_ownerOutsideTheOperatorGroup_isNotEnough() throws Exception {
        JsonNode body = JSON.readTree("""
                {"metadata":{"name":"web","ownerReferences":[{"apiVersion":"apps/v1","kind":"Deployment","name":"web"}]}}""");
        assertFalse(GeneratedObjects.isGenerated(ResourceId.of("projectcalico.org/v3", "GlobalNetworkPolicy", "", "web"), body));
    }

    @Test
    void isGenerated_withoutBody_decidesFromIdentity() {
        assertTrue(GeneratedObjects.isGenerated(ResourceId.of("projectcalico.org/v3", "Tier", "", "allow-tigera"), null));
        assertTrue(GeneratedObjects.isGenerated(
                ResourceId.of("projectcalico.org/v3", "NetworkPolicy", "dev", "knp.default.web"), null));
        assertFalse(GeneratedObjects.isGenerated(ResourceId.of("projectcalico.org/v3", "Tier", "", "security"), null));
    }

    @Test
    void isGenerated_v1StorageGroup_isTheSameAsV3() {
        assertTrue(GeneratedObjects.isGenerated(
                ResourceId.of("crd.projectcalico.org/v1", "GlobalNetworkSet", "", "threatfeed.feodo-tracker"), null));
    }

    @Test
    void isGenerated_kindsOutsideCalico_areNotGeneratedByName() {
        assertFalse(GeneratedObjects.isGenerated(ResourceId.of("v1", "Service", "calico-system", "calico-typha"), null));
        assertFalse(GeneratedObjects.isGenerated(
                ResourceId.of("networking.k8s.io/v1", "NetworkPolicy", "dev", "knp.default.web"), null));
    }
}
