package io.calicogitops.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.calicogitops.cli.CliRun.projectRoot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A process with no kubeconfig anywhere: audit says what is missing (exit 2) instead of dialling a default address. */
class NoClusterConfiguredIT {

    @TempDir
    Path tmp;

    @Test
    void audit_withoutAnySource_isAUsageErrorNamingTheWays() throws Exception {
        Path jar = projectRoot().resolve("cli/target/calico-gitops.jar");
        assertTrue(Files.isRegularFile(jar), "the shaded jar is built in the package phase: " + jar);
        ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + tmp, "-jar", jar.toString(), "audit", "--repo", tmp.toString(), "--cluster", "eks-dev"))
                .directory(tmp.toFile()).redirectErrorStream(true);
        pb.environment().remove("KUBECONFIG");
        pb.environment().remove("KUBERNETES_SERVICE_HOST");
        pb.environment().put("HOME", tmp.toString());
        Process p = pb.start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(2, p.exitValue(), out);
        assertTrue(out.contains("no cluster to read: give --live FILE, --kubeconfig FILE or --in-cluster, or set KUBECONFIG"), out);
    }
}
