package io.calicogitops.render;

import io.calicogitops.diag.Diagnostic;
import io.calicogitops.diag.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 15 item 2: a user pack may render any kind; each is checked against the best schema known for it. */
class UserPackAnyKindTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: dev
            spec:
              replicas: 2
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                  - name: web
                    image: nginx:1.27
                    resources:
                      limits: {cpu: 1, memory: 128Mi}
            """;

    @TempDir
    Path tmp;

    private void write(String relative, String text) throws IOException {
        Path p = tmp.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private Generator.RenderResult render() throws IOException {
        write("fleet/c1.yaml", "name: c1\nprovider: EKS\ncni: aws-vpc\npacks: [tiers, mine]\n");
        return new Generator().render(new Generator.RenderRequest(tmp.resolve("fleet"), Optional.of(tmp.resolve("templates")),
                Optional.empty(), List.of(), p -> tmp.relativize(p).toString().replace('\\', '/')));
    }

    @Test
    void render_userPackWithDeploymentScopeAndUnknownCrd_rendersWithOneWarning() throws IOException {
        write("templates/mine/deploy.yaml.mustache", DEPLOYMENT);
        write("templates/mine/scope.yaml.mustache", """
                apiVersion: projectcalico.org/v3
                kind: PolicyRecommendationScope
                metadata:
                  name: default
                spec:
                  interval: 2m
                  namespaceSpec: {recStatus: Enabled, selector: "!(projectcalico.org/name starts with 'tigera-')"}
                """);
        write("templates/mine/widget.yaml.mustache", """
                apiVersion: example.com/v1
                kind: Widget
                metadata:
                  name: gear
                spec: {teeth: 12}
                """);

        Generator.RenderResult result = render();

        ClusterRender c = result.clusters().get(0);
        String deployment = new String(c.files().get("deployment.apps-dev.web.yaml"), StandardCharsets.UTF_8);
        assertTrue(deployment.contains("image: nginx:1.27"), deployment);
        assertTrue(c.files().containsKey("policyrecommendationscope-default.yaml"), c.files().keySet().toString());
        assertTrue(c.files().containsKey("widget.example.com-gear.yaml"), c.files().keySet().toString());
        assertEquals(List.of("templates/mine/widget.yaml.mustache:2:7: warning: [c1] no schema known for kind 'Widget'"
                        + " (apiVersion 'example.com/v1'): only apiVersion, kind and metadata are checked"),
                result.warnings().stream().map(Diagnostic::format).toList());
    }

    @Test
    void render_deploymentWithUnknownFieldAndWrongType_isRefusedAtBothTemplateLines() throws IOException {
        write("templates/mine/deploy.yaml.mustache", DEPLOYMENT.replace("replicas: 2", "replicas: two")
                .replace("image: nginx:1.27", "image: nginx:1.27\n        imagePullPolcy: Always"));

        InvalidInputException e = assertThrows(InvalidInputException.class, this::render);

        assertEquals(List.of(
                "templates/mine/deploy.yaml.mustache:7:13: error: [c1] spec.replicas: expected integer, got string",
                "templates/mine/deploy.yaml.mustache:17:25: error: [c1] spec.template.spec.containers[0].imagePullPolcy:"
                        + " unknown field\n    hint: did you mean 'imagePullPolicy'?"),
                e.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::format).toList());
    }
}
