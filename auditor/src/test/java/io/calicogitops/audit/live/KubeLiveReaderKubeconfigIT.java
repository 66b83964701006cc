package io.calicogitops.audit.live;

import io.calicogitops.diag.ClusterAccessException;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The public constructor follows the kubeconfig: file, current context, {@code --context}. */
@EnableKubernetesMockClient(crud = true)
class KubeLiveReaderKubeconfigIT {

    static {
        MockApi.quiet();
    }

    private static final String TOKEN = "kubeconfig-token-abcdef-0123456789";

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path dir;
    Path kubeconfig;

    @BeforeEach
    void kubeconfig() throws IOException {
        new MockApi().calico("projectcalico.org/v3").install(server);
        kubeconfig = dir.resolve("config");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                current-context: staging
                clusters:
                - name: mock
                  cluster: {server: "%s", insecure-skip-tls-verify: true}
                - name: elsewhere
                  cluster: {server: "http://127.0.0.1:1"}
                users:
                - name: auditor
                  user: {token: %s}
                contexts:
                - name: staging
                  context: {cluster: mock, user: auditor}
                - name: prod
                  context: {cluster: elsewhere, user: auditor}
                """.formatted(server.url("/"), TOKEN));
    }

    @Test
    void constructor_currentContext_readsThatCluster() {
        KubeLiveReader reader = new KubeLiveReader(Optional.of(kubeconfig), Optional.empty(), Duration.ofSeconds(5));

        assertEquals("staging", reader.context());
        assertEquals("context staging, projectcalico.org/v3",
                reader.read(Set.of("projectcalico.org/Tier")).source());
    }

    @Test
    void constructor_untrustedCertificate_failsWithoutRetrying() throws IOException {
        Files.writeString(kubeconfig, Files.readString(kubeconfig).replace(", insecure-skip-tls-verify: true", ""));

        KubeLiveReader reader = new KubeLiveReader(Optional.of(kubeconfig), Optional.empty(), Duration.ofSeconds(5));
        ClusterAccessException e = assertThrows(ClusterAccessException.class, () -> reader.read(Set.of("projectcalico.org/Tier")));

        assertTrue(e.getMessage().startsWith("discover API groups (GET /apis) in context 'staging' failed: TLS with the API server "
                + server.url("/") + " failed: "), e.getMessage());
    }

    @Test
    void constructor_namedContext_usesIt() {
        KubeLiveReader reader = new KubeLiveReader(Optional.of(kubeconfig), Optional.of("prod"), Duration.ofSeconds(1));

        assertEquals("prod", reader.context());
    }

    @Test
    void constructor_unknownContext_listsTheKnownOnes() {
        ClusterAccessException e = assertThrows(ClusterAccessException.class,
                () -> new KubeLiveReader(Optional.of(kubeconfig), Optional.of("qa"), Duration.ofSeconds(1)));

        assertEquals("context 'qa' is not in the kubeconfig (contexts: prod, staging)", e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN));
    }

    @Test
    void constructor_missingFile_saysSo() {
        Path missing = dir.resolve("nope");

        ClusterAccessException e = assertThrows(ClusterAccessException.class,
                () -> new KubeLiveReader(Optional.of(missing), Optional.empty(), Duration.ofSeconds(1)));

        assertEquals("kubeconfig " + missing + " does not exist or is not a file", e.getMessage());
    }
}
