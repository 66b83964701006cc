package io.calicogitops.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.diag.Diagnostic;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.diag.InvalidInputException;
import io.calicogitops.validate.CalicoTarget;
import io.calicogitops.yaml.YamlReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One fleet, clusters on different Calico releases: each is validated for its own, and the folder says which. */
class CalicoTargetRenderTest {

    private static final String UNPREFIXED = """
            apiVersion: projectcalico.org/v3
            kind: GlobalNetworkPolicy
            metadata:
              name: allow-web
            spec:
              tier: security
              selector: app == "web"
              types: [Ingress]
              ingress:
              - action: Allow
            """;

    @TempDir
    Path tmp;

    private void write(String relative, String text) throws IOException {
        Path p = tmp.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private void profile(String name, String calico) throws IOException {
        write("fleet/" + name + ".yaml", "name: " + name + "\nprovider: EKS\ncni: calico\npacks: [tiers, mine]\n" + calico);
    }

    private Generator.RenderResult render(List<String> clusters) {
        return new Generator().render(new Generator.RenderRequest(tmp.resolve("fleet"), Optional.of(tmp.resolve("templates")),
                Optional.empty(), clusters, p -> tmp.relativize(p).toString().replace('\\', '/')));
    }

    @Test
    void render_mixedFleet_unprefixedPolicyAcceptedOnOss332AndRefusedOnEnterprise() throws IOException {
        write("templates/mine/allow-web.yaml.mustache", UNPREFIXED);
        profile("oss", "calico: {edition: oss, version: \"3.32\"}\n");
        profile("ent", "calico: {edition: enterprise, version: \"3.22\"}\n");

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> render(List.of()));

        List<String> messages = e.diagnostics().stream().map(Diagnostic::message).toList();
        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.get(0).startsWith("[ent] metadata.name: a policy in tier 'security' must be named"), messages.get(0));
        assertTrue(messages.get(0).endsWith("on Calico Enterprise 3.22"), messages.get(0));
        ClusterRender oss = render(List.of("oss")).clusters().get(0);
        assertTrue(oss.files().containsKey("globalnetworkpolicy-allow-web.yaml"));
    }

    @Test
    void render_nonDefaultTarget_stampsKustomizationAndBuildOutputKeepsResources() throws IOException {
        write("templates/mine/allow-web.yaml.mustache", UNPREFIXED);
        profile("oss", "calico: {edition: oss, version: \"3.32\"}\n");

        ClusterRender oss = render(List.of()).clusters().get(0);

        JsonNode kustomization = read(oss.files().get("kustomization.yaml"));
        assertEquals("oss", kustomization.path("metadata").path("annotations").path(CalicoTargetStamp.EDITION).asText());
        assertEquals("3.32", kustomization.path("metadata").path("annotations").path(CalicoTargetStamp.VERSION).asText());
        assertEquals(Optional.of(CalicoTarget.of(CalicoTarget.Edition.OSS, "3.32").target().orElseThrow()),
                CalicoTargetStamp.read(kustomization));
        assertTrue(kustomization.path("resources").size() > 0);
        assertTrue(new String(oss.files().get("README.md"), StandardCharsets.UTF_8).contains("| Calico | Calico OSS 3.32 |"));
    }

    @Test
    void render_noCalicoKey_kustomizationUnchangedAndTargetIsCloud() throws IOException {
        write("templates/mine/allow-web.yaml.mustache", UNPREFIXED.replace("name: allow-web", "name: security.allow-web"));
        profile("c1", "");

        ClusterRender c = render(List.of()).clusters().get(0);

        assertEquals(CalicoTarget.CLOUD, c.profile().calico());
        JsonNode kustomization = read(c.files().get("kustomization.yaml"));
        assertFalse(kustomization.has("metadata"));
        assertEquals(Optional.of(CalicoTarget.CLOUD), CalicoTargetStamp.read(kustomization));
        assertFalse(new String(c.files().get("README.md"), StandardCharsets.UTF_8).contains("| Calico |"));
    }

    private static JsonNode read(byte[] bytes) {
        Diagnostics d = new Diagnostics();
        JsonNode body = new YamlReader().read(new String(bytes, StandardCharsets.UTF_8), "kustomization.yaml", d).get(0).body();
        assertEquals("", d.format());
        return body;
    }
}
