package io.calicogitops.audit.live;

import io.calicogitops.diag.ClusterAccessException;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cluster access messages mask a token in the server URL's query as they mask {@code user:password@}. */
class AccessFailuresMaskTest {

    @Test
    void failure_serverUrlWithAccessTokenInQuery_masked() {
        AccessFailures failures = new AccessFailures("prod",
                "https://127.0.0.1:1/?access_token=queryTokenNeverPrinted42", List.of());
        RuntimeException e = new KubernetesClientException("list failed", new ConnectException("Connection refused"));

        ClusterAccessException failure = failures.failure("list tiers", null, e, 1);

        assertFalse(failure.getMessage().contains("queryTokenNeverPrinted42"), failure.getMessage());
        assertTrue(failure.getMessage().contains("access_token=[redacted]"), failure.getMessage());
    }
}
