package io.calicogitops.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code import} end to end: the table, then a plain render finds nothing to change and the audit is clean. */
class ImportCommandTest {

    @TempDir
    Path tmp;

    @Test
    void import_thenPlainRenderAndAudit_areCleanOnTheFirstCommit() throws IOException {
        Path live = tmp.resolve("live.yaml");
        Files.writeString(live, """
                apiVersion: v1
                kind: List
                items:
                - apiVersion: projectcalico.org/v3
                  kind: Tier
                  metadata: {name: security, uid: u1, resourceVersion: '5', creationTimestamp: '2026-11-20T10:00:00Z'}
                  spec: {order: 500}
                - apiVersion: projectcalico.org/v3
                  kind: GlobalNetworkPolicy
                  metadata: {name: security.blockep-ips, uid: u2, resourceVersion: '6', labels: {projectcalico.org/tier: security}}
                  spec:
                    tier: security
                    order: 300
                    selector: all()
                    types: [Ingress]
                    ingress:
                    - {action: Deny, source: {selector: type == "blocked-ips"}}
                """);
        String fleet = tmp.resolve("fleet").toString();
        String repo = tmp.resolve("repo").toString();

        CliRun imported = CliRun.of("import", "--cluster", "aks-lab", "--live", live.toString(), "--fleet", fleet,
                "--repo", repo, "--provider", "AKS");

        assertEquals(0, imported.exitCode(), imported.err() + imported.out());
        assertTrue(imported.out().contains("GlobalNetworkPolicy security.blockep-ips") && imported.out().contains("imported"),
                imported.out());
        assertTrue(imported.out().contains("audit against the same live state: in sync"), imported.out());
        CliRun render = CliRun.of("render", "--fleet", fleet, "--repo", repo);
        assertEquals(0, render.exitCode(), render.err());
        assertTrue(render.out().contains("no changes"), render.out());
        CliRun audit = CliRun.of("audit", "--repo", repo, "--cluster", "aks-lab", "--live", live.toString());
        assertEquals(0, audit.exitCode(), audit.out() + audit.err());

        CliRun again = CliRun.of("import", "--cluster", "aks-lab", "--live", live.toString(), "--fleet", fleet, "--repo", repo);
        assertEquals(2, again.exitCode(), again.err());
        assertTrue(again.err().contains("already has cluster 'aks-lab'"), again.err());
    }
}
