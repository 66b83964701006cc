package io.calicogitops.evidence;

import io.calicogitops.diag.ExitCodes;
import io.calicogitops.signing.SigningKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Optional;

import static io.calicogitops.evidence.EvidenceFixtures.liveSnapshot;
import static io.calicogitops.evidence.EvidenceFixtures.rewrite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every way a bundle can be altered after export is found, each named, all at once. */
class EvidenceTamperTest {

    private static final String REPORT = BundleLayout.DRIFT_JSON;

    @TempDir
    static Path shared;
    static Path signed;
    static KeyPair keys;

    @TempDir
    Path dir;

    @BeforeAll
    static void exportASignedBundle() {
        Path repo = EvidenceFixtures.renderedRepo(shared.resolve("repo"), "eks-prod");
        keys = SigningKeys.generate();
        signed = EvidenceFixtures.Export.of(repo, "eks-prod").live(liveSnapshot("eks-prod")).signedWith(keys.getPrivate())
                .to(shared.resolve("signed.zip")).out();
    }

    private BundleCheck verify(Path zip) {
        return new Evidence().verify(zip, zip.getFileName().toString(), Optional.of(keys.getPublic()));
    }

    private static List<String> messages(BundleCheck check) {
        return check.problems().stream().map(BundleProblem::message).toList();
    }

    @Test
    void untouched_withTheRightKey_isValidAndTheSignatureChecked() {
        BundleCheck check = verify(signed);

        assertTrue(check.valid(), messages(check).toString());
        assertEquals(SignatureStatus.VALID, check.signature());
    }

    @Test
    void oneByteOfAFileChanged_isReportedAsChangedWithBothHashes() {
        Path zip = rewrite(signed, dir.resolve("t.zip"), f -> f.get(REPORT)[10] ^= 1);

        BundleCheck check = verify(zip);

        assertEquals(1, check.problems().size(), messages(check).toString());
        assertTrue(messages(check).get(0).matches("changed: audit/drift-report\\.json \\(sha256 [0-9a-f]{64} != manifest [0-9a-f]{64}\\)"),
                messages(check).toString());
        assertEquals(BundleProblem.Kind.CHANGED, check.problems().get(0).kind());
    }

    @Test
    void aFileRemoved_isReportedAsMissing() {
        Path zip = rewrite(signed, dir.resolve("t.zip"), f -> f.remove(BundleLayout.LIVE_SNAPSHOT));

        assertEquals(List.of("missing: live/snapshot.yaml (listed in the manifest)"), messages(verify(zip)));
    }

    @Test
    void aFileAdded_isReportedAsExtra() {
        Path zip = rewrite(signed, dir.resolve("t.zip"), f -> f.put("audit/waiver.txt", "accepted".getBytes(StandardCharsets.UTF_8)));

        assertEquals(List.of("extra: audit/waiver.txt (not in the manifest)"), messages(verify(zip)));
    }

    @Test
    void changedRemovedAndAdded_atOnce_everyProblemIsListedInPathOrder() {
        Path zip = rewrite(signed, dir.resolve("t.zip"), f -> {
            f.get(REPORT)[0] ^= 1;
            f.get(BundleLayout.INDEX)[5] ^= 1;
            f.remove(BundleLayout.LIVE_SNAPSHOT);
            f.remove(BundleLayout.COMMITS);
            f.put("zz-extra.txt", new byte[] {1});
        });

        List<String> m = messages(verify(zip));

        assertEquals(5, m.size(), m.toString());
        assertTrue(m.get(0).startsWith("changed: audit/drift-report.json"), m.toString());
        assertTrue(m.get(1).startsWith("missing: desired/commits.json"), m.toString());
        assertTrue(m.get(2).startsWith("changed: index.html"), m.toString());
        assertTrue(m.get(3).startsWith("missing: live/snapshot.yaml"), m.toString());
        assertTrue(m.get(4).startsWith("extra: zz-extra.txt"), m.toString());
    }

    @Test
    void manifestHashEditedToMatchATamperedFile_breaksTheDigestAndTheSignature() {
        Path zip = rewrite(signed, dir.resolve("t.zip"), f -> {
            byte[] report = f.get(REPORT);
            String before = Sha256.hex(report);
            report[3] ^= 1;
            String manifest = new String(f.get(BundleLayout.MANIFEST), StandardCharsets.UTF_8);
            f.put(BundleLayout.MANIFEST, manifest.replace(before, Sha256.hex(report)).getBytes(StandardCharsets.UTF_8));
        });

        BundleCheck check = verify(zip);

        List<String> m = messages(check);
        assertEquals(2, m.size(), m.toString());
        assertTrue(m.get(0).startsWith("manifest digest does not match its files list (sha256 "), m.toString());
        assertTrue(m.get(0).endsWith("): manifest.json was edited"), m.toString());
        assertEquals("signature does not match the manifest (wrong key or tampered manifest)", m.get(1));
        assertEquals(SignatureStatus.INVALID, check.signature());
    }

    @Test
    void manifestMetadataEdited_onlyTheSignatureCatchesIt() {
        Path zip = rewrite(signed, dir.resolve("t.zip"), f -> f.put(BundleLayout.MANIFEST, new String(f.get(BundleLayout.MANIFEST),
                StandardCharsets.UTF_8).replace("\"cluster\": \"eks-prod\"", "\"cluster\": \"eks-dev\"").getBytes(StandardCharsets.UTF_8)));

        BundleCheck withKey = verify(zip);
        BundleCheck withoutKey = new Evidence().verify(zip, "t.zip", Optional.empty());

        assertEquals(List.of("signature does not match the manifest (wrong key or tampered manifest)"), messages(withKey));
        assertTrue(withoutKey.valid(), "the digest covers the files list, the signature the whole manifest");
        assertEquals(SignatureStatus.NOT_CHECKED, withoutKey.signature());
    }

    @Test
    void badSignature_isReported() {
        Path zip = rewrite(signed, dir.resolve("t.zip"), f -> f.put(BundleLayout.SIGNATURE, "bm90IGEgc2lnbmF0dXJl\n".getBytes(StandardCharsets.US_ASCII)));

        BundleCheck check = verify(zip);

        assertEquals(List.of("signature does not match the manifest (wrong key or tampered manifest)"), messages(check));
    }

    @Test
    void wrongKey_isReported() {
        BundleCheck check = new Evidence().verify(signed, "signed.zip", Optional.of(SigningKeys.generate().getPublic()));

        assertEquals(List.of("signature does not match the manifest (wrong key or tampered manifest)"), messages(check));
        assertEquals(SignatureStatus.INVALID, check.signature());
    }

    @Test
    void signatureRemoved_whileAKeyIsGiven_isReportedAsMissing() {
        Path zip = rewrite(signed, dir.resolve("t.zip"), f -> f.remove(BundleLayout.SIGNATURE));

        BundleCheck check = verify(zip);

        assertEquals(List.of("missing: manifest.sig (--public-key was given but the bundle is not signed)"), messages(check));
        assertEquals(SignatureStatus.MISSING, check.signature());
    }

    @Test
    void signedBundle_withoutAKey_isValidButTheSignatureNotChecked() {
        BundleCheck check = new Evidence().verify(signed, "signed.zip", Optional.empty());

        assertTrue(check.valid());
        assertEquals(SignatureStatus.NOT_CHECKED, check.signature());
    }

    @Test
    void compressedBytesAlteredInPlace_theDamagedEntryIsReportedAsChanged() throws IOException {
        byte[] zip = Files.readAllBytes(signed);
        // Find the local header of the drift report and flip a byte of its compressed data.
        byte[] name = REPORT.getBytes(StandardCharsets.UTF_8);
        int at = indexOf(zip, name) + name.length + 40;
        zip[at] ^= (byte) 0xff;
        Path damaged = Files.write(dir.resolve("t.zip"), zip);

        List<String> m = messages(verify(damaged));

        assertEquals(1, m.size(), m.toString());
        assertTrue(m.get(0).startsWith("changed: audit/drift-report.json ("), m.toString());
    }

    @Test
    void notAZip_isNotABundle_exitCode3() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.zip"), "just text");

        NotABundleException e = assertThrows(NotABundleException.class, () -> verify(text));

        assertTrue(e.getMessage().startsWith("notes.zip is not a zip file"), e.getMessage());
        assertEquals(ExitCodes.INVALID_INPUT, e.exitCode());
    }

    @Test
    void zipWithoutManifest_isNotABundle() {
        Path zip = rewrite(signed, dir.resolve("t.zip"), f -> f.remove(BundleLayout.MANIFEST));

        NotABundleException e = assertThrows(NotABundleException.class, () -> verify(zip));

        assertEquals("t.zip is not an evidence bundle: it has no manifest.json", e.getMessage());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
