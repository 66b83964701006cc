package io.calicogitops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;

import static io.calicogitops.cli.CliRun.projectRoot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** The files `mvn -B package` leaves beside the jar for a release: its SHA-256 and its CycloneDX SBOM (failsafe). */
class ReleaseFilesIT {

    private static final Path TARGET = projectRoot().resolve("cli/target");

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    @Test
    void checksumFile_isTheJarsSha256_inSha256sumFormat() throws Exception {
        String line = Files.readString(TARGET.resolve("calico-gitops.jar.sha256"));

        assertEquals(sha256(TARGET.resolve("calico-gitops.jar")) + "  calico-gitops.jar", line.strip(),
                "`sha256sum -c calico-gitops.jar.sha256` checks the download");
    }

    @Test
    void sbom_isCycloneDx_namesTheShippedDependencies_andNoTestOnes() throws IOException {
        // The CycloneDX plugin refuses to run offline (its goals declare requiresOnline), so `mvn -o` builds have no
        // SBOM; CI and the release workflow build online, where this check always runs.
        assumeFalse("offline=true".equals(System.getProperty("maven.offline")), "mvn -o: the CycloneDX plugin makes no SBOM offline");
        JsonNode bom = new ObjectMapper().readTree(TARGET.resolve("calico-gitops.sbom.json").toFile());

        assertEquals("CycloneDX", bom.path("bomFormat").asText());
        assertEquals("calico-gitops-cli", bom.path("metadata").path("component").path("name").asText());
        assertEquals("application", bom.path("metadata").path("component").path("type").asText());
        assertEquals(System.getProperty("project.version"), bom.path("metadata").path("component").path("version").asText());
        Set<String> names = new TreeSet<>();
        bom.path("components").forEach(c -> names.add(c.path("group").asText() + ":" + c.path("name").asText()));
        for (String shipped : Set.of("io.calicogitops:calico-gitops-core", "org.eclipse.jgit:org.eclipse.jgit",
                "info.picocli:picocli", "io.fabric8:kubernetes-client")) {
            assertTrue(names.contains(shipped), shipped + " in " + names);
        }
        assertFalse(names.stream().anyMatch(n -> n.startsWith("org.junit")), "test scope stays out: " + names);
        // Reproducible: no build time in the SBOM (the serial number is name-based from the outputTimestamp).
        assertTrue(bom.path("metadata").path("timestamp").isMissingNode(), bom.path("metadata").toString());
        assertTrue(bom.path("serialNumber").asText().matches("urn:uuid:[0-9a-f-]{36}"), bom.path("serialNumber").asText());
    }
}
