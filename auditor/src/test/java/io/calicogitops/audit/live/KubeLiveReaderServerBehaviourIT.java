package io.calicogitops.audit.live;

import io.calicogitops.diag.ClusterAccessException;
import io.calicogitops.diag.ExitCodes;
import io.calicogitops.audit.LiveSnapshot;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.Set;

import static io.calicogitops.audit.live.MockLists.GNP_PATH;
import static io.calicogitops.audit.live.MockLists.emptyList;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fail closed against API servers that answer, but wrongly: a body that trickles in, a body larger than any list
 * should be, a list of another kind than the one asked for, {@code "items": null}, an item without a name. Each is a
 * ClusterAccessException (exit 4), never a snapshot that could read as "in sync".
 */
@EnableKubernetesMockClient
class KubeLiveReaderServerBehaviourIT {

    static {
        MockApi.quiet();
    }

    private static final String TIER_PATH = "/apis/projectcalico.org/v3/tiers";
    private static final Set<String> TIER = Set.of("projectcalico.org/Tier");
    private static final Set<String> GNP_AND_TIER = Set.of("projectcalico.org/GlobalNetworkPolicy", "projectcalico.org/Tier");

    KubernetesMockServer server;
    KubernetesClient client;

    @Test
    @Timeout(60) // a hang guard only: without a total deadline the trickled body takes ~10 s per try
    void read_bodyTricklesIn_failsAtTheTotalDeadlineAndHangsUp() throws Exception {
        try (LoopbackApiServer api = new LoopbackApiServer(LoopbackApiServer.trickle(100))) {
            Config config = new ConfigBuilder().withMasterUrl(api.url()).build();
            // Each byte comes well within the 1 s read timeout; only a deadline on the whole request stops it.
            KubeLiveReader reader = KubeLiveReader.of(config, "kind-test", Duration.ofSeconds(1),
                    new ReadSettings(500, 2, Duration.ofMillis(1)).withRequestDeadline(Duration.ofSeconds(2)));

            ClusterAccessException e = assertThrows(ClusterAccessException.class, () -> reader.read(TIER));

            assertEquals(ExitCodes.ACCESS, e.exitCode());
            assertEquals("list tiers.projectcalico.org/v3 in context 'kind-test' failed after 2 attempts: "
                    + "timed out: no complete answer within 2 s", e.getMessage());
            assertEquals(2, api.listRequests());
            api.awaitIdle(30);
            assertEquals(0, api.bodiesCompleted(), "the reader hung up instead of reading on");
            assertEquals(2, api.clientHangUps());
        }
    }

    @Test
    @Timeout(60)
    void read_bodyLargerThanTheBound_stopsReadingAndFails() throws Exception {
        // 256 Tiers of 64 KiB each: 16 MiB, a valid list, against a bound of 1 MiB.
        try (LoopbackApiServer api = new LoopbackApiServer(LoopbackApiServer.large(256))) {
            Config config = new ConfigBuilder().withMasterUrl(api.url()).build();
            KubeLiveReader reader = KubeLiveReader.of(config, "kind-test", Duration.ofSeconds(10),
                    new ReadSettings(500, 3, Duration.ofMillis(1)).withMaxResponseBytes(1024 * 1024));

            ClusterAccessException e = assertThrows(ClusterAccessException.class, () -> reader.read(TIER));

            assertEquals(ExitCodes.ACCESS, e.exitCode());
            assertEquals("list tiers.projectcalico.org/v3 in context 'kind-test' failed: "
                    + "the answer is larger than 1048576 bytes, the most one response may have", e.getMessage());
            assertEquals(1, api.listRequests(), "an oversized answer is not asked for again");
            api.awaitIdle(30);
            assertEquals(0, api.bodiesCompleted(), "the reader stopped reading instead of taking all 16 MiB");
            assertTrue(api.bytesSent() < 16L * 1024 * 1024, "sent: " + api.bytesSent());
        }
    }

    @Test
    void read_listOverTheBoundOnTheMockServer_failsInsteadOfReadingIt() {
        new MockApi().calico("projectcalico.org/v3").install(server);
        server.expect().get().withPath(TIER_PATH + "?limit=500").andReturn(200, tierList(200)).always();
        KubeLiveReader reader = KubeLiveReader.of(client.getConfiguration(), "kind-test", Duration.ofSeconds(5),
                new ReadSettings(500, 3, Duration.ofMillis(1)).withMaxResponseBytes(4096));

        ClusterAccessException e = assertThrows(ClusterAccessException.class, () -> reader.read(TIER));

        assertEquals("list tiers.projectcalico.org/v3 in context 'kind-test' failed: "
                + "the answer is larger than 4096 bytes, the most one response may have", e.getMessage());
    }

    @Test
    void read_tierListHoldsPolicies_failsInsteadOfInSync() {
        new MockApi().calico("projectcalico.org/v3").install(server);
        server.expect().get().withPath(GNP_PATH + "?limit=500")
                .andReturn(200, emptyList("projectcalico.org/v3", "GlobalNetworkPolicy")).always();
        server.expect().get().withPath(TIER_PATH + "?limit=500").andReturn(200, """
                {"apiVersion":"projectcalico.org/v3","kind":"TierList","metadata":{},"items":[
                {"apiVersion":"projectcalico.org/v3","kind":"GlobalNetworkPolicy","metadata":{"name":"default.allow-dns"},"spec":{}}]}""")
                .always();

        ClusterAccessException e = assertThrows(ClusterAccessException.class, () -> read(GNP_AND_TIER));

        assertEquals(ExitCodes.ACCESS, e.exitCode());
        assertEquals("list tiers.projectcalico.org/v3 in context 'kind-test' failed: the answer is not a list of "
                + "projectcalico.org/v3 Tier: items[0] (default.allow-dns) is a GlobalNetworkPolicy", e.getMessage());
    }

    @Test
    void read_itemsWithoutKindInAListOfAnotherKind_fails() {
        new MockApi().calico("projectcalico.org/v3").install(server);
        server.expect().get().withPath(TIER_PATH + "?limit=500").andReturn(200, """
                {"apiVersion":"projectcalico.org/v3","kind":"GlobalNetworkPolicyList","metadata":{},"items":[
                {"metadata":{"name":"default.allow-dns"},"spec":{}}]}""").always();

        ClusterAccessException e = assertThrows(ClusterAccessException.class, () -> read(TIER));

        assertEquals("list tiers.projectcalico.org/v3 in context 'kind-test' failed: the answer is not a list of "
                + "projectcalico.org/v3 Tier: the list is a GlobalNetworkPolicyList; "
                + "items[0] (default.allow-dns) has no kind, and the list does not say which kind it holds", e.getMessage());
    }

    @Test
    void read_itemsWithoutKindInATierList_takesTheListsKind() {
        // The API server leaves apiVersion and kind out of list items; the List's own kind says what they are.
        new MockApi().calico("projectcalico.org/v3").install(server);
        server.expect().get().withPath(TIER_PATH + "?limit=500").andReturn(200, """
                {"apiVersion":"projectcalico.org/v3","kind":"TierList","metadata":{},"items":[
                {"metadata":{"name":"security"},"spec":{"order":100}}]}""").always();

        LiveSnapshot snapshot = KubeLiveReader.of(client.getConfiguration(), "kind-test", Duration.ofSeconds(5),
                new ReadSettings(500, 3, Duration.ofMillis(1))).read(TIER);

        assertEquals(1, snapshot.resources().size());
        assertEquals("projectcalico.org/v3", snapshot.resources().get(0).body().get("apiVersion").asText());
        assertEquals("Tier", snapshot.resources().get(0).body().get("kind").asText());
    }

    @Test
    void read_itemsNull_failsWithAClearMessage() {
        new MockApi().calico("projectcalico.org/v3").install(server);
        server.expect().get().withPath(TIER_PATH + "?limit=500").andReturn(200,
                "{\"apiVersion\":\"projectcalico.org/v3\",\"kind\":\"TierList\",\"metadata\":{},\"items\":null}").always();

        ClusterAccessException e = assertThrows(ClusterAccessException.class, () -> read(TIER));

        assertEquals(ExitCodes.ACCESS, e.exitCode());
        assertEquals("list tiers.projectcalico.org/v3 in context 'kind-test' failed: the answer is not a list of "
                + "projectcalico.org/v3 Tier: \"items\" is null, not an array", e.getMessage());
    }

    @Test
    void read_itemWithoutName_failsInsteadOfAnUnnamedTier() {
        new MockApi().calico("projectcalico.org/v3").install(server);
        server.expect().get().withPath(TIER_PATH + "?limit=500").andReturn(200, """
                {"apiVersion":"projectcalico.org/v3","kind":"TierList","metadata":{},"items":[
                {"apiVersion":"projectcalico.org/v3","kind":"Tier","metadata":{"name":"security"},"spec":{}},
                {"apiVersion":"projectcalico.org/v3","kind":"Tier","metadata":{},"spec":{}}]}""").always();

        ClusterAccessException e = assertThrows(ClusterAccessException.class, () -> read(TIER));

        assertEquals("list tiers.projectcalico.org/v3 in context 'kind-test' failed: the answer is not a list of "
                + "projectcalico.org/v3 Tier: items[1] has no metadata.name", e.getMessage());
    }

    private void read(Set<String> kinds) {
        KubeLiveReader.of(client.getConfiguration(), "kind-test", Duration.ofSeconds(5),
                new ReadSettings(500, 3, Duration.ofMillis(1))).read(kinds);
    }

    private static String tierList(int count) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < count; i++) {
            items.append(i == 0 ? "" : ",").append("{\"apiVersion\":\"projectcalico.org/v3\",\"kind\":\"Tier\",")
                    .append("\"metadata\":{\"name\":\"tier-").append(i).append("\"},\"spec\":{\"order\":").append(i).append("}}");
        }
        return "{\"apiVersion\":\"projectcalico.org/v3\",\"kind\":\"TierList\",\"metadata\":{},\"items\":[" + items + "]}";
    }
}
