package io.calicogitops.importer;

import io.calicogitops.audit.DriftEntry;
import io.calicogitops.audit.DriftStatus;
import io.calicogitops.audit.live.FileLiveReader;
import io.calicogitops.diag.InvalidInputException;
import io.calicogitops.diag.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 15 item 3: a cluster built by hand from the workshop is brought into Git, and its first audit is clean. */
class ImporterTest {

    @TempDir
    Path tmp;

    private ImportResult importWorkshop(boolean force) throws IOException {
        return importWorkshop(force, false);
    }

    private ImportResult importWorkshop(boolean force, boolean adoptNames) throws IOException {
        Path live = Files.exists(tmp.resolve("live.yaml")) ? tmp.resolve("live.yaml") : WorkshopSnapshot.write(tmp);
        return new Importer().run(new ImportRequest("aks-workshop", new FileLiveReader(List.of(live)), tmp.resolve("fleet"),
                tmp.resolve("repo"), "AKS", force, adoptNames, p -> tmp.relativize(p).toString().replace('\\', '/')));
    }

    @Test
    void workshopCluster_isImported_committed_andItsFirstAuditIsClean() throws IOException {
        ImportResult result = importWorkshop(false);

        List<DriftEntry> notInSync = result.audit().entries().stream().filter(e -> e.status() != DriftStatus.IN_SYNC).toList();
        assertEquals(List.of(), notInSync);
        assertTrue(result.audit().inSync());
        assertTrue(result.commitId().isPresent());
        assertEquals("fleet/aks-workshop.yaml", result.profile());
        assertTrue(Files.isRegularFile(tmp.resolve("fleet/packs/imported-aks-workshop/globalnetworkpolicy-security.blockep-ips.yaml.mustache")));
        String profile = Files.readString(tmp.resolve("fleet/aks-workshop.yaml"));
        assertTrue(profile.contains("imported-aks-workshop"), profile);
    }

    @Test
    void table_saysWhereEachLiveObjectWent_andSkipsTheSecretAndGeneratedObjects() throws IOException {
        ImportResult result = importWorkshop(false);
        String table = ImportTable.text(result);

        // The snapshot holds the workshop's pull Secret: it is not read, and the table says Secrets never are.
        assertTrue(result.rows().stream().noneMatch(r -> r.id().kind().equals("Secret")), table);
        assertTrue(table.contains("Secrets are neither read nor imported"), table);
        assertTrue(table.contains("GlobalNetworkPolicy security.blockep-ips") && table.contains("imported"), table);
        assertTrue(table.contains("Tier allow-tigera") && table.contains("created by Calico or its operator"), table);
        assertTrue(table.contains("FelixConfiguration default") && table.contains("pack felix"), table);
    }

    @Test
    void livePolicyThatAPackRendersUnderAnotherName_isImported_andTheRenameIsOffered() throws IOException {
        Files.writeString(tmp.resolve("live.yaml"), RENAMED_DNS);

        ImportResult result = importWorkshop(false);

        assertEquals(List.of(new Rename(result.rows().stream().filter(r -> r.id().name().equals("security.dns-out"))
                .findFirst().orElseThrow().id(), "kube-dns", "security.allow-kube-dns")), result.renames());
        String table = ImportTable.text(result);
        assertTrue(table.contains("GlobalNetworkPolicy security.dns-out  imported; pack kube-dns renders the same as"
                + " 'security.allow-kube-dns' (rename offered below)"), table);
        assertTrue(result.audit().inSync(), table);
    }

    /** A hand-built cluster whose DNS policy is exactly the kube-dns pack's, under another name. */
    private static final String RENAMED_DNS = """
                apiVersion: v1
                kind: List
                items:
                - apiVersion: projectcalico.org/v3
                  kind: Tier
                  metadata: {name: security, uid: u1, resourceVersion: '5'}
                  spec: {order: 400}
                - apiVersion: projectcalico.org/v3
                  kind: GlobalNetworkPolicy
                  metadata: {name: security.dns-out, uid: u2, resourceVersion: '6', labels: {projectcalico.org/tier: security}}
                  spec:
                    tier: security
                    order: 50
                    selector: all()
                    types: [Egress]
                    egress:
                    - {action: Allow, protocol: UDP, destination: {selector: k8s-app == "kube-dns", ports: [53]}}
                    - {action: Allow, protocol: TCP, destination: {selector: k8s-app == "kube-dns", ports: [53]}}
                """;

    @Test
    void adoptNames_takesThePackAndKeepsTheLiveName_andTheAuditIsClean() throws IOException {
        Files.writeString(tmp.resolve("live.yaml"), RENAMED_DNS);

        ImportResult result = importWorkshop(false, true);

        assertEquals(List.of(), result.renames());
        assertEquals(List.of("kube-dns"), result.packs().stream().filter(p -> p.equals("kube-dns")).toList());
        String profile = Files.readString(tmp.resolve("fleet/aks-workshop.yaml"));
        assertTrue(profile.contains("GlobalNetworkPolicy/security.allow-kube-dns: \"security.dns-out\"")
                || profile.contains("GlobalNetworkPolicy/security.allow-kube-dns: security.dns-out"), profile);
        assertTrue(!Files.exists(tmp.resolve(
                "fleet/packs/imported-aks-workshop/globalnetworkpolicy-security.dns-out.yaml.mustache")));
        assertTrue(result.audit().inSync(), ImportTable.text(result));
        assertTrue(ImportTable.text(result).contains("pack kube-dns (its 'security.allow-kube-dns', live name kept: adoptNames)"),
                ImportTable.text(result));
    }

    @Test
    void objectTheRenderRefuses_stopsTheImport_andNothingIsWritten() throws IOException {
        Files.writeString(tmp.resolve("live.yaml"), """
                apiVersion: v1
                kind: List
                items:
                - apiVersion: projectcalico.org/v3
                  kind: GlobalNetworkPolicy
                  metadata: {name: ghost.deny, uid: u2, resourceVersion: '6'}
                  spec: {tier: ghost, selector: all(), types: [Ingress], ingress: [{action: Deny}]}
                """);

        assertThrows(InvalidInputException.class, () -> importWorkshop(false));

        assertTrue(!Files.exists(tmp.resolve("fleet")) && !Files.exists(tmp.resolve("repo")));
    }

    @Test
    void existingProfile_isNotOverwritten_unlessForced() throws IOException {
        importWorkshop(false);
        String before = Files.readString(tmp.resolve("fleet/aks-workshop.yaml"));

        UsageException e = assertThrows(UsageException.class, () -> importWorkshop(false));
        assertTrue(e.getMessage().contains("already has cluster 'aks-workshop'"), e.getMessage());
        assertEquals(before, Files.readString(tmp.resolve("fleet/aks-workshop.yaml")));

        ImportResult again = importWorkshop(true);
        assertTrue(again.audit().inSync());
    }
}
