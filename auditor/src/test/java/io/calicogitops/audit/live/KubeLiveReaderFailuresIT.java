package io.calicogitops.audit.live;

import io.calicogitops.diag.ClusterAccessException;
import io.calicogitops.diag.ExitCodes;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static io.calicogitops.audit.live.MockLists.GNP_PATH;
import static io.calicogitops.audit.live.MockLists.emptyList;
import static io.calicogitops.audit.live.MockLists.gnpPage;
import static io.calicogitops.audit.live.MockLists.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fail closed: every failed request is a ClusterAccessException (exit 4) naming kind and operation, never part of a snapshot. */
@EnableKubernetesMockClient
class KubeLiveReaderFailuresIT {

    static {
        MockApi.quiet();
    }

    private static final String TIER_PATH = "/apis/projectcalico.org/v3/tiers";
    private static final Set<String> GNP_AND_TIER = Set.of("projectcalico.org/GlobalNetworkPolicy", "projectcalico.org/Tier");
    private static final String TOKEN = "s3cr3t-t0ken-do-not-print-1234567890";

    KubernetesMockServer server;
    KubernetesClient client;

    @Test
    void read_forbiddenOnOneKind_namesKindAndRbacAndDoesNotRetry() throws Exception {
        new MockApi().calico("projectcalico.org/v3").install(server);
        server.expect().get().withPath(TIER_PATH + "?limit=500").andReturn(200, emptyList("projectcalico.org/v3", "Tier")).always();
        server.expect().get().withPath(GNP_PATH + "?limit=500").andReturn(403, status(403, "Forbidden",
                "globalnetworkpolicies.projectcalico.org is forbidden: User \"system:serviceaccount:audit:auditor\" "
                        + "cannot list resource \"globalnetworkpolicies\" in API group \"projectcalico.org\" at the cluster scope"))
                .always();

        ClusterAccessException e = assertThrows(ClusterAccessException.class, () -> read(GNP_AND_TIER));

        assertEquals(ExitCodes.ACCESS, e.exitCode());
        assertTrue(e.getMessage().startsWith("list globalnetworkpolicies.projectcalico.org/v3 in context 'kind-test': forbidden (HTTP 403 Forbidden"), e.getMessage());
        assertTrue(e.getMessage().contains("the auditor's RBAC must allow get and list on projectcalico.org/GlobalNetworkPolicy"), e.getMessage());
        assertTrue(e.getMessage().contains("hint: grant the auditor the read-only ClusterRole"), e.getMessage());
        assertEquals(1, requests(GNP_PATH).size(), "403 is not retried");
    }

    @Test
    void read_serverErrorEveryTime_failsAfterThreeAttempts() throws Exception {
        new MockApi().calico("projectcalico.org/v3").install(server);
        server.expect().get().withPath(GNP_PATH + "?limit=500").andReturn(500, status(500, "InternalError", "etcd leader changed")).always();

        ClusterAccessException e = assertThrows(ClusterAccessException.class, () -> read(Set.of("projectcalico.org/GlobalNetworkPolicy")));

        assertEquals("list globalnetworkpolicies.projectcalico.org/v3 in context 'kind-test' failed after 3 attempts: "
                + "HTTP 500 Internal Server Error: etcd leader changed", e.getMessage());
        assertEquals(3, requests(GNP_PATH).size());
    }

    @Test
    void read_serverErrorOnce_succeedsAndSaysSo() {
        new MockApi().calico("projectcalico.org/v3").install(server);
        server.expect().get().withPath(GNP_PATH + "?limit=500").andReturn(503, status(503, "ServiceUnavailable", "try again")).once();
        server.expect().get().withPath(GNP_PATH + "?limit=500").andReturn(200, gnpPage(0, 3, null)).once();

        LiveReadResult result = reader(client.getConfiguration(), Duration.ofSeconds(5)).readWithWarnings(Set.of("projectcalico.org/GlobalNetworkPolicy"));

        assertEquals(3, result.snapshot().resources().size());
        assertEquals(List.of("list globalnetworkpolicies.projectcalico.org/v3 succeeded on attempt 2 of 3 "
                + "(earlier attempt: HTTP 503 Service Unavailable: try again)"), result.warnings());
        assertTrue(result.snapshot().source().endsWith("; " + result.warnings().get(0)), result.snapshot().source());
    }

    @Test
    void read_kindMissingFromDiscovery_failsBeforeListingAnything() throws Exception {
        new MockApi().calico("projectcalico.org/v3").install(server);

        ClusterAccessException e = assertThrows(ClusterAccessException.class,
                () -> read(Set.of("projectcalico.org/GlobalNetworkPolicy", "projectcalico.org/GlobalAlert")));

        assertTrue(e.getMessage().startsWith("kind projectcalico.org/GlobalAlert is not served by this cluster"), e.getMessage());
        assertTrue(requests("?limit").isEmpty(), "nothing is listed when a kind is missing");
    }

    @Test
    void read_listAnswers404_kindNotServed() {
        new MockApi().calico("projectcalico.org/v3").install(server);
        server.expect().get().withPath(GNP_PATH + "?limit=500").andReturn(404, status(404, "NotFound", "the server could not find the requested resource")).always();

        ClusterAccessException e = assertThrows(ClusterAccessException.class, () -> read(Set.of("projectcalico.org/GlobalNetworkPolicy")));

        assertTrue(e.getMessage().startsWith("kind projectcalico.org/GlobalNetworkPolicy is not served by this cluster"), e.getMessage());
    }

    @Test
    void read_noCalicoGroupServed_calicoKindNotServed() {
        new MockApi().serve("v1", "services", "Service", true).install(server);

        ClusterAccessException e = assertThrows(ClusterAccessException.class, () -> read(Set.of("projectcalico.org/Tier")));

        assertTrue(e.getMessage().contains("kind projectcalico.org/Tier is not served by this cluster"), e.getMessage());
        assertTrue(e.getMessage().contains("neither projectcalico.org/v3 nor crd.projectcalico.org/v1 is served"), e.getMessage());
    }

    @Test
    void read_continueTokenExpiredOnSecondPage_failsWithoutPartialResult() {
        new MockApi().calico("projectcalico.org/v3").install(server);
        server.expect().get().withPath(GNP_PATH + "?limit=500").andReturn(200, gnpPage(0, 500, "tok")).once();
        server.expect().get().withPath(GNP_PATH + "?continue=tok&limit=500").andReturn(410, status(410, "Expired",
                "The provided continue parameter is too old to display a consistent list result.")).always();

        ClusterAccessException e = assertThrows(ClusterAccessException.class, () -> read(Set.of("projectcalico.org/GlobalNetworkPolicy")));

        assertTrue(e.getMessage().startsWith("list globalnetworkpolicies.projectcalico.org/v3 (page 2, after 500 objects) "
                + "in context 'kind-test' was interrupted: the continue token expired (HTTP 410 Gone"), e.getMessage());
        assertTrue(e.getMessage().contains("nothing was kept"), e.getMessage());
    }

    @Test
    void read_serverErrorOnSecondPage_failsAfterRetries() throws Exception {
        new MockApi().calico("projectcalico.org/v3").install(server);
        server.expect().get().withPath(GNP_PATH + "?limit=2").andReturn(200, gnpPage(0, 2, "next")).once();
        server.expect().get().withPath(GNP_PATH + "?continue=next&limit=2").andReturn(502, status(502, "BadGateway", "")).always();

        KubeLiveReader reader = KubeLiveReader.of(client.getConfiguration(), "kind-test", Duration.ofSeconds(5),
                new ReadSettings(2, 3, Duration.ofMillis(1)));

        ClusterAccessException e = assertThrows(ClusterAccessException.class,
                () -> reader.read(Set.of("projectcalico.org/GlobalNetworkPolicy")));

        assertEquals("list globalnetworkpolicies.projectcalico.org/v3 (page 2, after 2 objects) in context 'kind-test' "
                + "failed after 3 attempts: HTTP 502 Bad Gateway", e.getMessage());
        assertEquals(3, requests("continue=next").size());
    }

    @Test
    void read_unauthorized_neverPrintsTheToken() throws Exception {
        server.expect().get().withPath("/apis").andReturn(401, status(401, "Unauthorized",
                "Unauthorized: bearer token " + TOKEN + " has expired")).always();
        Config withToken = new ConfigBuilder(client.getConfiguration()).withOauthToken(TOKEN).build();

        KubeLiveReader reader = reader(withToken, Duration.ofSeconds(5));

        ClusterAccessException e = assertThrows(ClusterAccessException.class, () -> reader.read(GNP_AND_TIER));

        assertTrue(e.getMessage().startsWith("discover API groups (GET /apis) in context 'kind-test': the cluster rejected the credentials (HTTP 401 Unauthorized"), e.getMessage());
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertFalse(trace.toString().contains(TOKEN), "the token is not in the message nor any cause:\n" + trace);
        assertTrue(trace.toString().contains("[redacted]"), trace.toString());
        assertEquals("Bearer " + TOKEN, requests("/apis").get(0).getHeader("Authorization"), "the token was sent");
    }

    @Test
    void read_requestTimesOut_failsAfterThreeAttempts() throws Exception {
        new MockApi().calico("projectcalico.org/v3").install(server);
        server.expect().get().delay(2, TimeUnit.SECONDS).withPath(GNP_PATH + "?limit=500")
                .andReturn(200, gnpPage(0, 1, null)).always();

        KubeLiveReader reader = reader(client.getConfiguration(), Duration.ofMillis(300));

        ClusterAccessException e = assertThrows(ClusterAccessException.class, () -> reader.read(Set.of("projectcalico.org/GlobalNetworkPolicy")));

        assertEquals("list globalnetworkpolicies.projectcalico.org/v3 in context 'kind-test' failed after 3 attempts: timed out",
                e.getMessage());
    }

    @Test
    void read_calicoApiServerUnavailable_failsInsteadOfFallingBackToV1() {
        // /apis lists projectcalico.org/v3 (the APIService is registered) but the aggregated server does not answer.
        server.expect().get().withPath("/apis").andReturn(200, new APIGroupListBuilder()
                .addNewGroup().withName("projectcalico.org").addNewVersion().withGroupVersion("projectcalico.org/v3")
                .withVersion("v3").endVersion().endGroup()
                .addNewGroup().withName("crd.projectcalico.org").addNewVersion().withGroupVersion("crd.projectcalico.org/v1")
                .withVersion("v1").endVersion().endGroup().build()).always();
        server.expect().get().withPath("/apis/projectcalico.org/v3").andReturn(503, status(503, "ServiceUnavailable",
                "the server is currently unable to handle the request")).always();

        ClusterAccessException e = assertThrows(ClusterAccessException.class, () -> read(Set.of("projectcalico.org/Tier")));

        assertEquals("discover resources of projectcalico.org/v3 in context 'kind-test' failed after 3 attempts: "
                + "HTTP 503 Service Unavailable: the server is currently unable to handle the request", e.getMessage());
    }

    @Test
    void read_serverUnreachable_namesServerUrlAfterRetries() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Config nowhere = new ConfigBuilder(client.getConfiguration()).withMasterUrl("http://127.0.0.1:" + closedPort + "/").build();

        KubeLiveReader reader = reader(nowhere, Duration.ofSeconds(2));

        ClusterAccessException e = assertThrows(ClusterAccessException.class, () -> reader.read(GNP_AND_TIER));

        assertEquals("discover API groups (GET /apis) in context 'kind-test' failed after 3 attempts: "
                + "cannot connect to the API server http://127.0.0.1:" + closedPort + "/", e.getMessage());
    }

    private void read(Set<String> kinds) {
        KubeLiveReader reader = reader(client.getConfiguration(), Duration.ofSeconds(5));
        reader.read(kinds);
    }

    private static KubeLiveReader reader(Config config, Duration timeout) {
        return KubeLiveReader.of(config, "kind-test", timeout, new ReadSettings(500, 3, Duration.ofMillis(1)));
    }

    private List<RecordedRequest> requests(String pathPart) throws InterruptedException {
        List<RecordedRequest> matching = new ArrayList<>();
        int count = server.getRequestCount();
        for (int i = 0; i < count; i++) {
            RecordedRequest r = server.takeRequest(1, TimeUnit.SECONDS);
            if (r != null && r.getPath().contains(pathPart)) {
                matching.add(r);
            }
        }
        return matching;
    }
}
