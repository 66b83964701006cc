package io.calicogitops.audit.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.calicogitops.apply.ApplyAction;
import io.calicogitops.apply.ApplyStrategy;
import io.calicogitops.apply.PlannedChange;
import io.calicogitops.diag.ClusterAccessException;
import io.calicogitops.diag.SourceLocation;
import io.calicogitops.model.Resource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static io.calicogitops.audit.live.MockLists.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code server-side} strategy, checked by the exact requests fabric8's mock server receives in expectations mode
 * (its CRUD mode does not implement server-side apply): one PATCH per object with content type
 * {@code application/apply-patch+yaml}, field manager {@code calico-gitops} and {@code force=true}, carrying only
 * Git's fields and the stamps, with no read-modify-write around it.
 */
@EnableKubernetesMockClient
class KubeClusterWriterServerSideIT {

    static {
        MockApi.quiet();
    }

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final String TIERS = "/apis/projectcalico.org/v3/tiers";
    private static final String FELIX = "/apis/projectcalico.org/v3/felixconfigurations";
    private static final String QUERY = "?fieldManager=calico-gitops&force=true";

    KubernetesMockServer server;
    KubernetesClient client;

    @BeforeEach
    void discovery() {
        new MockApi().serve("projectcalico.org/v3", "tiers", "Tier", false)
                .serve("projectcalico.org/v3", "felixconfigurations", "FelixConfiguration", false).install(server);
    }

    @Test
    void serverSide_sendsOneApplyPatch_withTheFieldManagerAndForce() throws Exception {
        PlannedChange tier = change(ApplyAction.CREATE, """
                apiVersion: projectcalico.org/v3
                kind: Tier
                metadata:
                  name: security
                  labels: {app.kubernetes.io/managed-by: calico-gitops, calico-gitops.io/cluster: eks-dev}
                  annotations: {calico-gitops.io/commit: 0123456789abcdef0123456789abcdef01234567}
                spec: {order: 400}
                """, false);
        server.expect().patch().withPath(TIERS + "/security" + QUERY).andReturn(200, tier.object().body()).once();

        try (KubeClusterWriter writer = writer()) {
            writer.prepare(Set.of("projectcalico.org/Tier"));
            drain();
            writer.write(tier, ApplyStrategy.SERVER_SIDE);
        }

        List<RecordedRequest> requests = drain();
        assertEquals(List.of("PATCH " + TIERS + "/security" + QUERY), requests.stream().map(r -> r.getMethod() + " " + r.getPath()).toList());
        RecordedRequest patch = requests.get(0);
        assertTrue(patch.getHeader("Content-Type").startsWith("application/apply-patch+yaml"), patch.getHeader("Content-Type"));
        JsonNode sent = YAML.readTree(patch.getUtf8Body());
        assertEquals(400, sent.at("/spec/order").asInt());
        assertEquals("0123456789abcdef0123456789abcdef01234567", sent.at("/metadata/annotations/calico-gitops.io~1commit").asText());
        assertTrue(sent.at("/metadata/resourceVersion").isMissingNode(), sent.toString());
    }

    @Test
    void serverSide_partialObject_sendsOnlyGitsFields_withoutReadingIt() throws Exception {
        PlannedChange felix = change(ApplyAction.UPDATE, """
                apiVersion: projectcalico.org/v3
                kind: FelixConfiguration
                metadata: {name: default}
                spec: {flowLogsFlushInterval: 15s, wireguardEnabled: false}
                """, true);
        server.expect().patch().withPath(FELIX + "/default" + QUERY).andReturn(200, felix.object().body()).once();

        try (KubeClusterWriter writer = writer()) {
            writer.prepare(Set.of("projectcalico.org/FelixConfiguration"));
            drain();
            writer.write(felix, ApplyStrategy.SERVER_SIDE);
        }

        List<RecordedRequest> requests = drain();
        assertEquals(1, requests.size(), requests.toString());
        assertEquals("PATCH", requests.get(0).getMethod());
        JsonNode spec = YAML.readTree(requests.get(0).getUtf8Body()).get("spec");
        List<String> fields = new ArrayList<>();
        spec.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("flowLogsFlushInterval", "wireguardEnabled"), fields);
    }

    @Test
    void serverSide_unsupported415_failsWithTheHintToUseUpdate() {
        PlannedChange tier = change(ApplyAction.CREATE, """
                apiVersion: projectcalico.org/v3
                kind: Tier
                metadata: {name: security}
                spec: {order: 400}
                """, false);
        server.expect().patch().withPath(TIERS + "/security" + QUERY)
                .andReturn(415, status(415, "UnsupportedMediaType", "the body of the request was in an unknown format")).once();

        ClusterAccessException e;
        try (KubeClusterWriter writer = writer()) {
            e = assertThrows(ClusterAccessException.class, () -> writer.write(tier, ApplyStrategy.SERVER_SIDE));
        }

        assertEquals("server-side apply tiers.projectcalico.org/v3 security in context 'mock': the API server does not take"
                + " server-side apply here (HTTP 415: the body of the request was in an unknown format)\n    hint: use"
                + " --strategy update (Calico's API server fails server-side apply of policies: projectcalico/calico#12841)",
                e.getMessage());
    }

    private KubeClusterWriter writer() {
        return KubeClusterWriter.of(client.getConfiguration(), "mock", Duration.ZERO);
    }

    private static PlannedChange change(ApplyAction action, String yaml, boolean partial) {
        try {
            ObjectNode body = (ObjectNode) YAML.readTree(yaml);
            Resource r = Resource.of(body, SourceLocation.of("clusters/eks-dev/x.yaml"));
            return new PlannedChange(action, r.id(), r, Optional.empty(), partial, Optional.empty());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every request received since the last call. */
    private List<RecordedRequest> drain() throws InterruptedException {
        List<RecordedRequest> out = new ArrayList<>();
        for (RecordedRequest r = server.takeRequest(10, TimeUnit.MILLISECONDS); r != null;
             r = server.takeRequest(10, TimeUnit.MILLISECONDS)) {
            out.add(r);
        }
        return out;
    }
}
