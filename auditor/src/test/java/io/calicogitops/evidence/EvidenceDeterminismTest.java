package io.calicogitops.evidence;

import io.calicogitops.signing.SigningKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static io.calicogitops.evidence.EvidenceFixtures.entries;
import static io.calicogitops.evidence.EvidenceFixtures.liveSnapshot;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The same inputs give the same bytes: a bundle can be exported again and compared, and a signature stays valid. */
class EvidenceDeterminismTest {

    @TempDir
    static Path shared;
    static Path repo;

    @TempDir
    Path dir;

    @BeforeAll
    static void render() {
        repo = EvidenceFixtures.renderedRepo(shared.resolve("repo"), "eks-prod");
    }

    private EvidenceFixtures.Export export() {
        return EvidenceFixtures.Export.of(repo, "eks-prod").live(liveSnapshot("eks-prod"));
    }

    @Test
    void exportTwice_sameGeneratedAt_givesByteIdenticalZips() throws IOException {
        export().to(dir.resolve("a.zip"));
        export().to(dir.resolve("b.zip"));

        assertArrayEquals(Files.readAllBytes(dir.resolve("a.zip")), Files.readAllBytes(dir.resolve("b.zip")));
    }

    @Test
    void exportTwice_signedWithTheSameKey_givesByteIdenticalZips() throws IOException {
        KeyPair keys = SigningKeys.generate();
        export().signedWith(keys.getPrivate()).to(dir.resolve("a.zip"));
        export().signedWith(keys.getPrivate()).to(dir.resolve("b.zip"));

        assertArrayEquals(Files.readAllBytes(dir.resolve("a.zip")), Files.readAllBytes(dir.resolve("b.zip")),
                "Ed25519 signatures are deterministic");
    }

    @Test
    void exportTwice_differentGeneratedAt_onlyTheManifestAndTheGeneratedAtLinesOfTheHtmlPagesDiffer() {
        export().to(dir.resolve("a.zip"));
        export().generatedAt(Instant.parse("2027-03-01T08:30:00Z")).to(dir.resolve("b.zip"));

        Map<String, byte[]> a = entries(dir.resolve("a.zip"));
        Map<String, byte[]> b = entries(dir.resolve("b.zip"));
        assertEquals(new ArrayList<>(a.keySet()), new ArrayList<>(b.keySet()));
        List<String> differing = a.keySet().stream().filter(p -> !Arrays.equals(a.get(p), b.get(p))).toList();
        assertEquals(List.of(BundleLayout.DRIFT_HTML, BundleLayout.INDEX, BundleLayout.MANIFEST), differing);
        for (String page : List.of(BundleLayout.DRIFT_HTML, BundleLayout.INDEX)) {
            String first = new String(a.get(page), StandardCharsets.UTF_8);
            String second = new String(b.get(page), StandardCharsets.UTF_8);
            assertTrue(first.contains("<p class=\"generated\">Generated at " + EvidenceFixtures.GENERATED + " by calico-gitops "), page);
            List<String> x = first.lines().toList();
            List<String> y = second.lines().toList();
            assertEquals(x.size(), y.size(), page);
            for (int i = 0; i < x.size(); i++) {
                // Besides the generated-at line, only index.html's row of the drift report's hash may differ.
                boolean expected = x.get(i).startsWith("<p class=\"generated\">") || x.get(i).contains(">" + BundleLayout.DRIFT_HTML + "<");
                assertTrue(expected || x.get(i).equals(y.get(i)), page + " line " + (i + 1) + " differs: " + x.get(i));
            }
        }
    }

    @Test
    void zip_entriesSortedByPath_noDirectories_oneFixedTime_noExtraFields_deflated() throws IOException {
        Path zip = export().to(dir.resolve("a.zip")).out();

        try (ZipFile file = new ZipFile(zip.toFile())) {
            List<String> names = new ArrayList<>();
            for (ZipEntry e : Collections.list(file.entries())) {
                names.add(e.getName());
                assertFalse(e.isDirectory(), e.getName());
                assertEquals(DeterministicZip.ENTRY_TIME, e.getTimeLocal(), e.getName());
                assertNull(e.getExtra(), e.getName());
                assertEquals(ZipEntry.DEFLATED, e.getMethod(), e.getName());
            }
            assertEquals(names.stream().sorted().toList(), names);
            assertNull(file.getComment());
        }
        assertTrue(Files.size(zip) > 0);
    }
}
