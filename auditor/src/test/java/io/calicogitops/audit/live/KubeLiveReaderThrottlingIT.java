package io.calicogitops.audit.live;

import io.calicogitops.diag.ClusterAccessException;
import io.calicogitops.diag.ExitCodes;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusDetailsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static io.calicogitops.audit.live.MockLists.GNP_PATH;
import static io.calicogitops.audit.live.MockLists.gnpPage;
import static io.calicogitops.audit.live.MockLists.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 429 Too Many Requests is retried, waiting as long as the server asks (bounded); 409 Conflict is not retried. */
@EnableKubernetesMockClient
class KubeLiveReaderThrottlingIT {

    static {
        MockApi.quiet();
    }

    private static final Set<String> GNP = Set.of("projectcalico.org/GlobalNetworkPolicy");

    KubernetesMockServer server;
    KubernetesClient client;

    @BeforeEach
    void discovery() {
        new MockApi().calico("projectcalico.org/v3").install(server);
    }

    private static Status throttled(int retryAfterSeconds) {
        Status s = status(429, "TooManyRequests", "too many requests, please try again later");
        s.setDetails(new StatusDetailsBuilder().withRetryAfterSeconds(retryAfterSeconds).build());
        return s;
    }

    private KubeLiveReader reader() {
        return KubeLiveReader.of(client.getConfiguration(), "kind-test", Duration.ofSeconds(5),
                new ReadSettings(500, 3, Duration.ofMillis(1)));
    }

    @Test
    void read_throttledOnceWithRetryAfter_waitsAsAskedThenSucceedsAndSaysSo() {
        server.expect().get().withPath(GNP_PATH + "?limit=500").andReturn(429, throttled(1)).once();
        server.expect().get().withPath(GNP_PATH + "?limit=500").andReturn(200, gnpPage(0, 2, null)).once();

        LiveReadResult result = reader().readWithWarnings(GNP);

        assertEquals(2, result.snapshot().resources().size());
        assertEquals(List.of("list globalnetworkpolicies.projectcalico.org/v3 succeeded on attempt 2 of 3 (earlier attempt: "
                + "HTTP 429 Too Many Requests: too many requests, please try again later; waited 1 s as the server asked)"),
                result.warnings());
    }

    @Test
    void read_throttledEveryTime_failsAfterThreeAttemptsWithExit4AndAHint() {
        server.expect().get().withPath(GNP_PATH + "?limit=500").andReturn(429, status(429, "TooManyRequests", "slow down")).always();

        ClusterAccessException e = assertThrows(ClusterAccessException.class, () -> reader().read(GNP));

        assertEquals(ExitCodes.ACCESS, e.exitCode());
        assertEquals("list globalnetworkpolicies.projectcalico.org/v3 in context 'kind-test' failed after 3 attempts: "
                + "HTTP 429 Too Many Requests: slow down\n    hint: the API server is throttling this client; nothing was"
                + " compared: run the audit again later", e.getMessage());
    }

    @Test
    void read_retryAfterLongerThanTheBound_failsAtOnceInsteadOfHanging() {
        server.expect().get().withPath(GNP_PATH + "?limit=500").andReturn(429, throttled(3600)).always();

        ClusterAccessException e = assertThrows(ClusterAccessException.class, () -> reader().read(GNP));

        assertTrue(e.getMessage().startsWith("list globalnetworkpolicies.projectcalico.org/v3 in context 'kind-test' failed: "
                + "HTTP 429 Too Many Requests"), e.getMessage());
        assertTrue(e.getMessage().contains("(it asked to wait 3600 s)"), e.getMessage());
        assertEquals(1, server.getRequestCount() - discoveryRequests(), "not retried");
    }

    @Test
    void read_conflict_isNotRetriedAndFailsWithExit4() {
        server.expect().get().withPath(GNP_PATH + "?limit=500").andReturn(409, status(409, "Conflict",
                "the object has been modified; please apply your changes to the latest version and try again")).always();

        ClusterAccessException e = assertThrows(ClusterAccessException.class, () -> reader().read(GNP));

        assertEquals(ExitCodes.ACCESS, e.exitCode());
        assertEquals("list globalnetworkpolicies.projectcalico.org/v3 in context 'kind-test' failed: HTTP 409 Conflict: "
                + "the object has been modified; please apply your changes to the latest version and try again", e.getMessage());
        assertEquals(1, server.getRequestCount() - discoveryRequests(), "not retried");
    }

    /** GET /apis and GET /apis/projectcalico.org/v3, made once per read before any list. */
    private static int discoveryRequests() {
        return 2;
    }
}
