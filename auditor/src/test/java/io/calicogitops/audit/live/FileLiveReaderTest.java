package io.calicogitops.audit.live;

import io.calicogitops.audit.LiveQuery;
import io.calicogitops.audit.LiveSnapshot;
import io.calicogitops.diag.Diagnostic;
import io.calicogitops.diag.InvalidInputException;
import io.calicogitops.model.Resource;
import io.calicogitops.model.ResourceId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileLiveReaderTest {

    private static final Set<String> CALICO = Set.of("projectcalico.org/GlobalNetworkPolicy",
            "projectcalico.org/NetworkPolicy", "projectcalico.org/Tier");

    @TempDir
    Path dir;

    @Test
    void read_secretsInTheFiles_keepsOnlyTheOnesTheQueryNames() throws IOException {
        Path file = write("secrets.yaml", """
                apiVersion: v1
                kind: List
                items:
                - apiVersion: v1
                  kind: Secret
                  metadata: {name: db-credentials, namespace: payments}
                  data: {password: czNjcmV0}
                - apiVersion: v1
                  kind: Secret
                  metadata: {name: cloud-token, namespace: kube-system}
                  data: {token: b3RoZXI=}
                - apiVersion: projectcalico.org/v3
                  kind: Tier
                  metadata: {name: security}
                  spec: {order: 100}
                """);
        ResourceId named = new ResourceId("", "Secret", "payments", "db-credentials");

        LiveSnapshot snapshot = new FileLiveReader(List.of(file)).read(new LiveQuery(
                new java.util.TreeSet<>(Set.of("projectcalico.org/Tier")), new java.util.TreeSet<>(Set.of(named))));

        assertEquals(List.of(named, new ResourceId("projectcalico.org", "Tier", "", "security")),
                snapshot.resources().stream().map(Resource::id).toList());
        assertEquals(List.of("projectcalico.org/Tier"), snapshot.kindsRead(), "Secrets are read by name, not as a kind");
        assertEquals(List.of(new ResourceId("projectcalico.org", "Tier", "", "security")),
                new FileLiveReader(List.of(file)).read(Set.of("projectcalico.org/Tier")).resources().stream()
                        .map(Resource::id).toList(), "no Secret is kept when none is named");
    }

    @Test
    void read_kubectlListAndMultiDocumentFiles_keepsRequestedKindsWithLocations() throws IOException {
        Path list = write("policies.yaml", """
                apiVersion: v1
                kind: List
                items:
                - apiVersion: projectcalico.org/v3
                  kind: GlobalNetworkPolicy
                  metadata: {name: security.block}
                  spec: {tier: security, selector: all()}
                - apiVersion: projectcalico.org/v3
                  kind: NetworkPolicy
                  metadata: {name: allow-dns, namespace: shop}
                  spec: {selector: all()}
                - apiVersion: v1
                  kind: ConfigMap
                  metadata: {name: not-requested, namespace: shop}
                metadata: {resourceVersion: ""}
                """);
        Path docs = write("tiers.yaml", """
                apiVersion: projectcalico.org/v3
                kind: Tier
                metadata: {name: security}
                spec: {order: 100}
                ---
                # an empty document is skipped, as kubectl does
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: web, namespace: shop}
                """);

        LiveSnapshot snapshot = new FileLiveReader(List.of(list, docs)).read(CALICO);

        assertEquals(List.of(
                new ResourceId("projectcalico.org", "GlobalNetworkPolicy", "", "security.block"),
                new ResourceId("projectcalico.org", "NetworkPolicy", "shop", "allow-dns"),
                new ResourceId("projectcalico.org", "Tier", "", "security")),
                snapshot.resources().stream().map(Resource::id).toList());
        assertEquals(List.of(list + ":4:3", list + ":8:3", docs + ":1:1"),
                snapshot.resources().stream().map(r -> r.origin().toString()).toList());
        assertEquals("files: " + list + ", " + docs, snapshot.source());
        assertEquals(List.of("projectcalico.org/GlobalNetworkPolicy", "projectcalico.org/NetworkPolicy",
                "projectcalico.org/Tier"), snapshot.kindsRead());
    }

    @Test
    void read_typedListFromTheApi_fillsItemApiVersionAndKind() throws IOException {
        Path file = write("services.yaml", """
                apiVersion: v1
                kind: ServiceList
                metadata: {resourceVersion: "9"}
                items:
                - metadata: {name: web, namespace: shop}
                  spec: {ports: [{port: 80}]}
                """);

        Resource svc = new FileLiveReader(List.of(file)).read(Set.of("/Service")).resources().get(0);

        assertEquals(new ResourceId("", "Service", "shop", "web"), svc.id());
        assertEquals("v1", svc.apiVersion());
        assertEquals(80, svc.spec().path("ports").get(0).path("port").asInt());
    }

    @Test
    void read_v1CrdItems_areMappedToV3() throws IOException {
        Path file = write("crds.yaml", """
                apiVersion: v1
                kind: List
                items:
                - apiVersion: crd.projectcalico.org/v1
                  kind: GlobalNetworkPolicy
                  metadata:
                    name: default.deny-all
                    labels: {projectcalico.org/tier: default}
                    annotations:
                      projectcalico.org/metadata: '{"labels":{"app":"shop"},"annotations":{"owner":"team-a"}}'
                  spec: {tier: default, selector: all()}
                - apiVersion: crd.projectcalico.org/v1
                  kind: NetworkPolicy
                  metadata:
                    name: default.allow-web
                    namespace: shop
                    annotations: {projectcalico.org/metadata: '{"name":"allow-web"}'}
                  spec: {selector: all()}
                """);

        LiveSnapshot snapshot = new FileLiveReader(List.of(file)).read(CALICO);

        Resource gnp = snapshot.resources().get(0);
        assertEquals(new ResourceId("projectcalico.org", "GlobalNetworkPolicy", "", "deny-all"), gnp.id());
        assertEquals("projectcalico.org/v3", gnp.apiVersion());
        assertEquals("deny-all", gnp.body().path("metadata").path("name").asText());
        assertEquals("shop", gnp.body().path("metadata").path("labels").path("app").asText());
        assertEquals("{\"owner\":\"team-a\"}", gnp.body().path("metadata").path("annotations").toString());
        assertEquals("allow-web", snapshot.resources().get(1).body().path("metadata").path("name").asText());
    }

    @Test
    void read_requestedKindsWithoutObjects_areReportedAndNotMarkedRead() throws IOException {
        Path file = write("one.yaml", """
                apiVersion: projectcalico.org/v3
                kind: Tier
                metadata: {name: security}
                """);

        LiveReadResult result = new FileLiveReader(List.of(file)).readWithWarnings(CALICO);

        assertEquals(List.of("projectcalico.org/Tier"), result.snapshot().kindsRead());
        assertEquals(List.of("no objects of projectcalico.org/GlobalNetworkPolicy, projectcalico.org/NetworkPolicy "
                + "in the snapshot files: not compared"), result.warnings());
        assertEquals("files: " + file + "; no objects of projectcalico.org/GlobalNetworkPolicy, "
                + "projectcalico.org/NetworkPolicy", result.snapshot().source());
    }

    @Test
    void read_invalidYamlInTwoFiles_reportsBothWithLineAndColumn() throws IOException {
        Path bad = write("bad.yaml", """
                apiVersion: projectcalico.org/v3
                kind: Tier
                metadata: {name: security
                """);
        Path worse = write("worse.yaml", """
                items:
                  - a
                 - b
                """);

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new FileLiveReader(List.of(worse, bad)).read(CALICO));

        List<String> where = e.diagnostics().stream().map(d -> d.location().file()).toList();
        assertEquals(List.of(bad.toString(), worse.toString()), where);
        e.diagnostics().forEach(d -> assertTrue(d.location().line() > 0 && d.location().column() > 0, d.format()));
        assertTrue(e.getMessage().startsWith("live snapshot: 2 errors\n" + bad + ":"), e.getMessage());
    }

    @Test
    void read_objectsWithoutIdentity_areErrorsAtTheirLines() throws IOException {
        Path file = write("broken.yaml", """
                apiVersion: v1
                kind: List
                items:
                - apiVersion: projectcalico.org/v3
                  kind: NetworkPolicy
                  metadata: {name: no-namespace}
                - apiVersion: projectcalico.org/v3
                  kind: Tier
                  metadata: {labels: {a: b}}
                - kind: Tier
                  metadata: {name: no-api-version}
                - just a string
                """);

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new FileLiveReader(List.of(file)).read(CALICO));

        assertEquals(List.of(
                file + ":6:13: error: NetworkPolicy no-namespace has no metadata.namespace\n"
                        + "    hint: snapshot with 'kubectl get <kind> -A -o yaml', which writes the namespace of every object",
                file + ":9:13: error: object without metadata.name",
                file + ":10:3: error: object without apiVersion",
                file + ":12:3: error: expected a Kubernetes object or a List, found string"),
                e.diagnostics().stream().map(Diagnostic::format).toList());
    }

    @Test
    void read_sameObjectTwice_identicalIsKeptOnceDifferentIsAnError() throws IOException {
        String tier = """
                apiVersion: projectcalico.org/v3
                kind: Tier
                metadata: {name: security}
                spec: {order: %d}
                """;
        Path a = write("a.yaml", tier.formatted(100));
        Path same = write("same.yaml", tier.formatted(100));
        Path other = write("other.yaml", tier.formatted(200));

        assertEquals(1, new FileLiveReader(List.of(a, same)).read(CALICO).resources().size());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new FileLiveReader(List.of(a, other)).read(CALICO));
        assertEquals(other + ":1:1: error: duplicate Tier security with different content\n"
                + "    hint: first read at " + a + ":1:1; snapshot each kind once", e.diagnostics().get(0).format());
    }

    @Test
    void read_sameObjectAsV3AndAsV1Crd_prefersV3AndWarns() throws IOException {
        Path v3 = write("v3.yaml", """
                apiVersion: projectcalico.org/v3
                kind: Tier
                metadata: {name: security, resourceVersion: "5"}
                spec: {order: 100}
                """);
        Path v1 = write("v1.yaml", """
                apiVersion: crd.projectcalico.org/v1
                kind: Tier
                metadata: {name: security, resourceVersion: "5", annotations: {projectcalico.org/metadata: '{"generation":1}'}}
                spec: {order: 100}
                """);

        LiveReadResult result = new FileLiveReader(List.of(v1, v3)).readWithWarnings(Set.of("projectcalico.org/Tier"));

        assertEquals(v3 + ":1:1", result.snapshot().resources().get(0).origin().toString());
        assertEquals(List.of("Tier security is in the files both as projectcalico.org/v3 (" + v3 + ":1:1) and as "
                + "crd.projectcalico.org/v1 (" + v1 + ":1:1): using the v3 object"), result.warnings());
    }

    @Test
    void read_missingFile_isADiagnostic() {
        Path missing = dir.resolve("missing.yaml");

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new FileLiveReader(List.of(missing)).read(CALICO));

        assertEquals(missing + ": error: file not found", e.diagnostics().get(0).format());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
