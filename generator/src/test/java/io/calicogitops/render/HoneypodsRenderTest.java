package io.calicogitops.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.diag.InvalidInputException;
import io.calicogitops.model.ProductStamps;
import io.calicogitops.model.ResourceId;
import io.calicogitops.validate.ImageReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 15 item 1: the honeypods pack of AKS workshop step 6, with the pull secret never in Git. */
class HoneypodsRenderTest {

    private static final String BASE = "name: c1\nprovider: AKS\ncni: azure\n";

    /** The seed's objects: Tigera's common, ip-enum, expose-svc and vuln-svc manifests and their alerts. */
    private static final Set<String> SEED = Set.of(
            "Namespace tigera-internal",
            "ServiceAccount tigera-internal/tigera-honeypod",
            "DaemonSet tigera-internal/tigera-internal-app",
            "Deployment tigera-internal/tigera-internal-dashboard",
            "Deployment tigera-internal/tigera-internal-db",
            "Service tigera-internal/tigera-dashboard-internal-debug",
            "Service tigera-internal/tigera-dashboard-internal-service",
            "Service tigera-internal/tigera-internal-backend",
            "GlobalAlert honeypod.network.ssh",
            "GlobalAlert honeypod.ip.enum",
            "GlobalAlert honeypod.port.scan",
            "GlobalAlert honeypod.fake.svc",
            "GlobalAlert honeypod.vuln.svc");

    @TempDir
    Path tmp;

    private ClusterRender render(String yaml) throws Exception {
        Path fleet = Files.createDirectories(tmp.resolve("fleet"));
        Files.writeString(fleet.resolve("c1.yaml"), yaml);
        return RepoFixtures.render(fleet).clusters().get(0);
    }

    private static Set<String> honeypodObjects(ClusterRender c) {
        Set<String> out = new TreeSet<>();
        for (RenderedResource r : c.resources()) {
            if (r.template().startsWith("templates/honeypods/")) {
                ResourceId id = r.resource().id();
                out.add(id.kind() + " " + (id.isNamespaced() ? id.namespace() + "/" : "") + id.name());
            }
        }
        return out;
    }

    @Test
    void render_emptyHoneypodsBlock_rendersExactlyTheSeedObjects() throws Exception {
        ClusterRender c = render(BASE + "honeypods: {}\n");
        assertEquals(new TreeSet<>(SEED), honeypodObjects(c));
        assertTrue(c.files().containsKey("daemonset.apps-tigera-internal.tigera-internal-app.yaml"), c.files().keySet().toString());
        assertTrue(c.files().containsKey("globalalert-honeypod.ip.enum.yaml"));
    }

    @Test
    void render_withoutHoneypodsBlock_noHoneypodObjects() throws Exception {
        ClusterRender c = render(BASE);
        assertEquals(Set.of(), honeypodObjects(c));
        assertFalse(new String(c.files().get("README.md")).contains("tigera-pull-secret"));
    }

    @Test
    void render_honeypods_noSecretObjectOrValueAnywhere_onlyItsName() throws Exception {
        ClusterRender c = render(BASE + "honeypods: {}\n");
        for (RenderedResource r : c.resources()) {
            assertFalse(r.resource().id().kind().equals("Secret"), r.resource().id().display());
        }
        c.files().forEach((name, bytes) -> {
            String text = new String(bytes);
            assertFalse(text.contains("kind: Secret"), name);
            assertFalse(text.contains("auths"), name + " holds registry credentials");
        });
        for (String workload : List.of("daemonset.apps-tigera-internal.tigera-internal-app.yaml",
                "deployment.apps-tigera-internal.tigera-internal-dashboard.yaml", "deployment.apps-tigera-internal.tigera-internal-db.yaml")) {
            JsonNode body = BootstrapSyncOrderTest.doc(c.files(), workload);
            assertEquals("tigera-pull-secret", body.at("/spec/template/spec/imagePullSecrets/0/name").asText(), workload);
            assertEquals("tigera-pull-secret", body.at("/metadata/annotations").path(ProductStamps.REQUIRES_SECRETS).asText(), workload);
        }
        String readme = new String(c.files().get("README.md"));
        assertTrue(readme.contains("kubectl create secret generic tigera-pull-secret -n tigera-internal --type=kubernetes.io/dockerconfigjson"
                + " --from-file=.dockerconfigjson=<(kubectl get secret tigera-pull-secret -n calico-system"), readme);
    }

    @Test
    void render_honeypods_everyImagePinned() throws Exception {
        ClusterRender c = render(BASE + "honeypods: {}\n");
        int images = 0;
        for (RenderedResource r : c.resources()) {
            for (JsonNode container : r.resource().body().at("/spec/template/spec/containers")) {
                String image = container.path("image").asText();
                assertEquals(Optional.empty(), ImageReference.check(image), image);
                assertFalse(image.endsWith(":latest"), image);
                images++;
            }
        }
        assertEquals(3, images);
    }

    @Test
    void render_externalSecretStore_rendersExternalSecretAndStillNoSecret() throws Exception {
        ClusterRender c = render(BASE + "honeypods:\n  externalSecret: {store: tigera-registry, remoteKey: tigera/pull-secret}\n");
        JsonNode es = BootstrapSyncOrderTest.doc(c.files(), "externalsecret.external-secrets.io-tigera-internal.tigera-pull-secret.yaml");
        assertEquals("external-secrets.io/v1", es.path("apiVersion").asText());
        assertEquals("tigera-registry", es.at("/spec/secretStoreRef/name").asText());
        assertEquals("ClusterSecretStore", es.at("/spec/secretStoreRef/kind").asText());
        assertEquals("tigera-pull-secret", es.at("/spec/target/name").asText());
        assertEquals("kubernetes.io/dockerconfigjson", es.at("/spec/target/template/type").asText());
        assertEquals(".dockerconfigjson", es.at("/spec/data/0/secretKey").asText());
        assertEquals("tigera/pull-secret", es.at("/spec/data/0/remoteRef/key").asText());
        assertTrue(c.resources().stream().noneMatch(r -> r.resource().id().kind().equals("Secret")));
        assertTrue(new String(c.files().get("README.md")).contains("ExternalSecret tigera-internal/tigera-pull-secret"));
    }

    @Test
    void render_latestDatabaseImage_refusedAtItsLine() throws Exception {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> render(BASE + "honeypods:\n  databaseImage: mysql:latest\n"));
        assertTrue(e.getMessage().contains("c1.yaml:5:"), e.getMessage());
        assertTrue(e.getMessage().contains("':latest' is not a pinned version"), e.getMessage());
    }

    @Test
    void render_externalSecretWithoutStore_refused() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> render(BASE + "honeypods:\n  externalSecret: {remoteKey: k}\n"));
        assertTrue(e.getMessage().contains("honeypods.externalSecret.store: required"), e.getMessage());
    }

    @Test
    void render_honeypodsWithAuditorRbac_readsTheDecoysAndGetsOnlyThePullSecretByName() throws Exception {
        ClusterRender c = render(BASE + "honeypods: {pullSecret: registry-creds}\n");
        JsonNode role = BootstrapSyncOrderTest.doc(c.files(), "role.rbac.authorization.k8s.io-tigera-internal.calico-gitops-auditor-prerequisites.yaml");
        assertEquals(1, role.path("rules").size(), role.toString());
        JsonNode rule = role.at("/rules/0");
        assertEquals("[\"\"]", rule.path("apiGroups").toString());
        assertEquals("[\"secrets\"]", rule.path("resources").toString());
        assertEquals("[\"registry-creds\"]", rule.path("resourceNames").toString());
        assertEquals("[\"get\"]", rule.path("verbs").toString(), "get by name only: never list");
        String clusterRole = new String(c.files().get("clusterrole.rbac.authorization.k8s.io-calico-gitops-auditor.yaml"));
        for (String plural : List.of("daemonsets", "deployments", "externalsecrets", "roles", "rolebindings")) {
            assertTrue(clusterRole.contains("- " + plural + "\n"), plural);
        }
        assertFalse(clusterRole.contains("secrets\n  verbs") && clusterRole.contains("- secrets\n"), "the ClusterRole grants nothing on Secrets");

        ClusterRender without = render(BASE.replace("c1", "c1") + "packs: [tiers, auditor-rbac]\n");
        assertTrue(without.files().keySet().stream().noneMatch(f -> f.startsWith("role.")), without.files().keySet().toString());
        assertFalse(new String(without.files().get("clusterrole.rbac.authorization.k8s.io-calico-gitops-auditor.yaml")).contains("daemonsets"));
    }
}
