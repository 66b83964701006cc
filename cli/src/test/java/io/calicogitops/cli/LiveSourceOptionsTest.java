package io.calicogitops.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Without --live, --kubeconfig or --in-cluster, a command reads a cluster only where kubectl would find one. */
class LiveSourceOptionsTest {

    @TempDir
    Path home;

    private Properties props(String kubeconfig) {
        Properties p = new Properties();
        p.setProperty("user.home", home.toString());
        if (kubeconfig != null) {
            p.setProperty("kubeconfig", kubeconfig);
        }
        return p;
    }

    @Test
    void nothingConfigured_isNotAvailable() {
        assertFalse(LiveSourceOptions.kubeconfigAvailable(Map.of(), props(null)));
        assertFalse(LiveSourceOptions.kubeconfigAvailable(Map.of("KUBECONFIG", " "), props(null)));
    }

    @Test
    void theVariable_theProperty_theHomeFile_orAPod_areAvailable() throws Exception {
        assertTrue(LiveSourceOptions.kubeconfigAvailable(Map.of("KUBECONFIG", "/a:/b"), props(null)));
        assertTrue(LiveSourceOptions.kubeconfigAvailable(Map.of(), props("/a")));
        assertTrue(LiveSourceOptions.kubeconfigAvailable(Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1"), props(null)));
        Files.createDirectories(home.resolve(".kube"));
        Files.writeString(home.resolve(".kube/config"), "apiVersion: v1\n");
        assertTrue(LiveSourceOptions.kubeconfigAvailable(Map.of(), props(null)));
    }
}
