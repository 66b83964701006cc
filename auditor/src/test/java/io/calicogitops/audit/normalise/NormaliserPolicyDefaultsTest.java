package io.calicogitops.audit.normalise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The types Calico infers when a policy states none (calico-semantics §3.1). */
class NormaliserPolicyDefaultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} with spec {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            GlobalNetworkPolicy           | {}                                          | Ingress
            GlobalNetworkPolicy           | {"ingress":[{"action":"Allow"}]}            | Ingress
            GlobalNetworkPolicy           | {"egress":[{"action":"Allow"}]}             | Egress
            GlobalNetworkPolicy           | {"ingress":[{}],"egress":[{}]}              | Ingress,Egress
            NetworkPolicy                 | {"egress":[{"action":"Allow"}],"ingress":[]} | Egress
            NetworkPolicy                 | {"egress":[],"ingress":[]}                  | Ingress
            StagedNetworkPolicy           | {"egress":[{"action":"Deny"}]}              | Egress
            StagedGlobalNetworkPolicy     | {"ingress":[{}],"egress":[{}]}              | Ingress,Egress
            StagedKubernetesNetworkPolicy | {}                                          | Ingress
            StagedKubernetesNetworkPolicy | {"ingress":[{}]}                            | Ingress
            StagedKubernetesNetworkPolicy | {"egress":[{}]}                             | Ingress,Egress
            StagedKubernetesNetworkPolicy | {"ingress":[{}],"egress":[{}]}              | Ingress,Egress
            """)
    void inferTypes_followsCalicoDefaulting(String kind, String spec, String expected) throws Exception {
        JsonNode node = JSON.readTree(spec);
        List<String> want = Arrays.asList(expected.split(","));
        assertEquals(want, PolicyDefaults.inferTypes(kind, node));
    }
}
