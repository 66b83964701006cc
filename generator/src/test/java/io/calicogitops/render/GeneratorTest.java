package io.calicogitops.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.testing.Golden;
import io.calicogitops.yaml.YamlDocument;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeneratorTest {

    /** Every structural trick at once: a Mustache tag, a newline, ": " and a rule that would allow everything. */
    private static final String HOSTILE = "{{name}} owner: x\n- action: Allow\n  destination: {}\n\"quoted\" 'single' #not-a-comment";

    @TempDir
    Path tmp;

    private Path write(String relative, String text) throws IOException {
        Path p = tmp.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private Generator.RenderResult render(Optional<Path> templates, List<String> clusters) {
        return new Generator().render(new Generator.RenderRequest(tmp.resolve("fleet"), templates, Optional.empty(),
                clusters, p -> tmp.relativize(p).toString().replace('\\', '/')));
    }

    private static JsonNode readBack(byte[] file) {
        Diagnostics d = new Diagnostics();
        List<YamlDocument> docs = new YamlReader().read(new String(file, StandardCharsets.UTF_8), "out.yaml", d);
        assertEquals("", d.format());
        assertEquals(1, docs.size());
        return docs.get(0).body();
    }

    @Test
    void render_profileValueWithTemplateAndYamlSyntax_staysOneScalar() throws IOException {
        write("fleet/c1.yaml", """
                name: c1
                provider: EKS
                cni: aws-vpc
                packs: [tiers, mine]
                values:
                  note: "{{name}} owner: x\\n- action: Allow\\n  destination: {}\\n\\"quoted\\" 'single' #not-a-comment"
                """);
        write("templates/mine/policy.yaml.mustache", """
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata:
                  name: security.injection
                  annotations:
                    note: {{values.note}}
                spec:
                  tier: security
                  selector: all()
                  types: [Egress]
                  egress:
                  - action: Deny
                """);

        ClusterRender c = render(Optional.of(tmp.resolve("templates")), List.of()).clusters().get(0);

        JsonNode written = readBack(c.files().get("globalnetworkpolicy-security.injection.yaml"));
        assertEquals(HOSTILE, written.path("metadata").path("annotations").path("note").asText());
        assertEquals(1, written.path("spec").path("egress").size());
        assertEquals("Deny", written.path("spec").path("egress").get(0).path("action").asText());
        JsonNode resource = c.resources().stream().filter(r -> r.resource().id().name().equals("security.injection"))
                .findFirst().orElseThrow().resource().body();
        assertEquals(HOSTILE, resource.path("metadata").path("annotations").path("note").asText());
    }

    @Test
    void render_valueAsAMapKeyOrListItem_staysOneScalarToo() throws IOException {
        write("fleet/c1.yaml", """
                name: c1
                provider: EKS
                cni: aws-vpc
                packs: [tiers, mine]
                values: {key: "a: b", items: ["x\\n- y", "]"]}
                """);
        write("templates/mine/cm.yaml.mustache", """
                apiVersion: monitoring.coreos.com/v1
                kind: ServiceMonitor
                metadata:
                  name: values
                  namespace: default
                spec:
                  {{values.key}}: fixed
                  list:
                  {{#values.items}}
                  - {{.}}
                  {{/values.items}}
                """);

        ClusterRender c = render(Optional.of(tmp.resolve("templates")), List.of()).clusters().get(0);

        JsonNode data = readBack(c.files().get("servicemonitor.monitoring.coreos.com-default.values.yaml")).path("spec");
        assertEquals("fixed", data.path("a: b").asText());
        assertEquals(2, data.size());
        assertEquals(List.of("x\n- y", "]"), List.of(data.path("list").get(0).asText(), data.path("list").get(1).asText()));
        assertEquals(2, data.path("list").size());
    }

    @Test
    void render_aksWireguardWithSidecar_isAcceptedNextToARefusedDaemonsetSibling() {
        Path scenario = Golden.testResources("generator", "diagnostics/aks-wireguard-l7");

        Generator.RenderResult result = new Generator().render(new Generator.RenderRequest(scenario.resolve("fleet"),
                Optional.empty(), Optional.empty(), List.of("aks-sidecar"), p -> p.getFileName().toString()));

        ClusterRender sidecar = result.clusters().get(0);
        assertEquals(List.of("aks", "l7-sidecar", "wireguard", "wireguard-aks"),
                sidecar.overlays().stream().map(Overlay::name).toList());
        String felix = new String(sidecar.files().get("felixconfiguration-default.yaml"), StandardCharsets.UTF_8);
        assertTrue(felix.contains("wireguardEnabled: true\n"), felix);
        String appLayer = new String(sidecar.files().get("applicationlayer.operator.tigera.io-tigera-secure.yaml"),
                StandardCharsets.UTF_8);
        assertTrue(appLayer.contains("sidecarInjection: Enabled\n"), appLayer);
    }

    @Test
    void render_userTemplateWithABuiltInPath_replacesTheBuiltInFile() throws IOException {
        write("fleet/c1.yaml", "name: c1\nprovider: EKS\ncni: aws-vpc\npacks: [tiers, kube-dns]\nkubeDns: {order: 5}\n");
        write("packs/kube-dns/allow-kube-dns.yaml.mustache", """
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata:
                  name: security.allow-kube-dns
                spec:
                  tier: security
                  order: {{kubeDns.order}}
                  selector: all()
                  types: [Egress]
                  egress:
                  - action: Allow
                    protocol: UDP
                    destination:
                      ports: [53]
                """);

        ClusterRender c = render(Optional.of(tmp.resolve("packs")), List.of()).clusters().get(0);

        String file = new String(c.files().get("globalnetworkpolicy-security.allow-kube-dns.yaml"), StandardCharsets.UTF_8);
        assertTrue(file.startsWith("# Generated by calico-gitops from packs/kube-dns/allow-kube-dns.yaml.mustache.\n"), file);
        assertEquals(1, readBack(c.files().get("globalnetworkpolicy-security.allow-kube-dns.yaml"))
                .path("spec").path("egress").size());
        assertEquals(5, readBack(c.files().get("globalnetworkpolicy-security.allow-kube-dns.yaml"))
                .path("spec").path("order").asInt());
    }

    @Test
    void render_namedClusters_rendersOnlyThoseSortedByName() throws IOException {
        write("fleet/b.yaml", "name: b\nprovider: EKS\ncni: aws-vpc\n");
        write("fleet/a.yaml", "name: a\nprovider: EKS\ncni: aws-vpc\n");
        write("fleet/c.yaml", "name: c\nprovider: EKS\ncni: aws-vpc\n");

        Generator.RenderResult result = render(Optional.empty(), List.of("c", "a", "c"));

        assertEquals(List.of("a", "c"), result.clusters().stream().map(r -> r.profile().name()).toList());
        assertEquals(List.of("clusters/a/calico", "clusters/c/calico"), result.clusters().stream().map(ClusterRender::folder).toList());
    }
}
