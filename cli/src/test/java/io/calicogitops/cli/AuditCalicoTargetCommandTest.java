package io.calicogitops.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code render} stamps the profile's Calico target on the cluster folder, {@code audit} applies it, and
 * {@code --calico-edition}/{@code --calico-version} override it (exit 2 when they name no supported release).
 */
class AuditCalicoTargetCommandTest {

    @TempDir
    static Path tmp;
    static Path repo;
    static Path live;

    @BeforeAll
    static void render() throws IOException {
        write("templates/mine/allow-dns.yaml.mustache", """
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata:
                  name: default.allow-dns
                spec:
                  tier: default
                  order: 100
                  selector: all()
                  types: [Egress]
                  egress:
                  - action: Allow
                """);
        write("fleet/oss.yaml", "name: oss\nprovider: EKS\ncni: calico\npacks: [mine]\ncalico: {edition: oss, version: \"3.31\"}\n");
        // What a pre-3.30 API server returns: the default-tier name without 'default.'.
        live = write("live.yaml", """
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata:
                  name: allow-dns
                spec:
                  tier: default
                  order: 100
                  selector: all()
                  types: [Egress]
                  egress:
                  - action: Allow
                """);
        repo = tmp.resolve("gitops");
        CliRun run = CliRun.of("render", "--fleet", tmp.resolve("fleet").toString(), "--templates",
                tmp.resolve("templates").toString(), "--repo", repo.toString());
        assertEquals(0, run.exitCode(), run.transcript());
    }

    private static Path write(String relative, String text) throws IOException {
        Path p = tmp.resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    private static CliRun audit(String... more) {
        List<String> args = new ArrayList<>(List.of("audit", "--repo", repo.toString(), "--cluster", "oss",
                "--live", live.toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void audit_stampedOss331_strippedNameIsDrift_overriddenTo329_inSync() {
        CliRun stamped = audit();
        CliRun pre330 = audit("--calico-edition", "oss", "--calico-version", "3.29");

        assertEquals(1, stamped.exitCode(), stamped.transcript());
        assertTrue(stamped.out().contains("default.allow-dns"), stamped.out());
        assertEquals(0, pre330.exitCode(), pre330.transcript());
    }

    @Test
    void audit_unsupportedOrIncompleteTarget_exit2() {
        CliRun old = audit("--calico-edition", "oss", "--calico-version", "3.28");
        CliRun versionOnly = audit("--calico-version", "3.31");
        CliRun unknown = audit("--calico-edition", "opensource", "--calico-version", "3.31");

        assertEquals(2, old.exitCode(), old.transcript());
        assertTrue(old.err().contains("Calico OSS 3.28 is not supported (supported: 3.29 to 3.32"), old.err());
        assertEquals(2, versionOnly.exitCode(), versionOnly.transcript());
        assertEquals(2, unknown.exitCode(), unknown.transcript());
    }

    @Test
    @Timeout(300)
    void kubectlKustomize_stampedFolder_buildsWithoutTheStamp() throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("kubectl", "kustomize", repo.resolve("clusters/oss/calico").toString()).start();
        } catch (IOException e) {
            assumeTrue(false, "kubectl is not on the PATH");
            return;
        }
        String out = new String(p.getInputStream().readAllBytes());
        String err = new String(p.getErrorStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), err);
        assertTrue(out.contains("name: default.allow-dns"), out);
        assertFalse(out.contains("calico-gitops.io/calico-"), out);
        assertTrue(Files.readString(repo.resolve("clusters/oss/calico/kustomization.yaml")).contains("calico-gitops.io/calico-edition: oss"));
    }
}
