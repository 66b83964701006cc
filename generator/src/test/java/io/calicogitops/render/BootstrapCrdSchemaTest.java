package io.calicogitops.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.schema.ForeignCrd;
import io.calicogitops.testing.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every bootstrap object validates against the Argo CD and Flux CRDs vendored in testdata/upstream/gitops-crds. */
class BootstrapCrdSchemaTest {

    @TempDir
    Path tmp;

    private static final Map<String, ForeignCrd> CRDS = Map.of(
            "Application", crd("argoproj.io_applications.yaml", "v1alpha1"),
            "AppProject", crd("argoproj.io_appprojects.yaml", "v1alpha1"),
            "Kustomization", crd("kustomize.toolkit.fluxcd.io_kustomizations.yaml", "v1"),
            "GitRepository", crd("source.toolkit.fluxcd.io_gitrepositories.yaml", "v1"));

    private static ForeignCrd crd(String file, String version) {
        try {
            return ForeignCrd.read(Files.readAllBytes(Golden.projectRoot().resolve("testdata/upstream/gitops-crds").resolve(file)), version);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int validateAll(SortedMap<String, byte[]> bootstrap) {
        int checked = 0;
        for (Map.Entry<String, byte[]> e : bootstrap.entrySet()) {
            if (e.getKey().equals("kustomization.yaml")) {
                continue;
            }
            JsonNode body = BootstrapSyncOrderTest.doc(bootstrap, e.getKey());
            ForeignCrd crd = CRDS.get(body.path("kind").asText());
            assertTrue(crd != null, e.getKey() + ": no vendored CRD for " + body.path("kind").asText());
            assertEquals(List.of(), crd.validate(body), e.getKey());
            checked++;
        }
        return checked;
    }

    @Test
    void sampleBootstrapObjects_validateAgainstVendoredCrds() {
        assertEquals(2, validateAll(SampleFleet.cluster("eks-prod").bootstrapFiles()), "Application and AppProject");
        assertEquals(2, validateAll(SampleFleet.cluster("aks-prod").bootstrapFiles()), "two Kustomizations");
    }

    @Test
    void ownSourceAndNamedDestination_validateAgainstVendoredCrds() throws Exception {
        Path fleet = Files.createDirectories(tmp.resolve("fleet"));
        Files.writeString(fleet.resolve("c.yaml"), "name: c1\nprovider: EKS\ncni: aws-vpc\ngitops:\n"
                + "  repoUrl: https://git.example.com/fleet.git\n"
                + "  argocd: {project: calico-c1, destinationName: c1, automated: false}\n"
                + "  flux: {sourceRef: fleet, sourceSecret: fleet-git}\n");
        ClusterRender c = RepoFixtures.render(fleet).clusters().get(0);
        assertEquals(5, validateAll(c.bootstrapFiles()));
    }

    @Test
    void vendoredCrd_refusesABrokenObject() {
        // The check is real: a Kustomization without its required sourceRef, and with a wrong type, is refused.
        JsonNode k = BootstrapSyncOrderTest.doc(SampleFleet.cluster("aks-prod").bootstrapFiles(), "flux-kustomization.yaml").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) k.path("spec")).remove("sourceRef");
        ((com.fasterxml.jackson.databind.node.ObjectNode) k.path("spec")).put("prune", "yes");
        List<String> errors = CRDS.get("Kustomization").validate(k);
        assertFalse(errors.isEmpty());
        assertTrue(errors.toString().contains("sourceRef"), errors.toString());
        assertTrue(errors.toString().contains("prune"), errors.toString());
    }
}
