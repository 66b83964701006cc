package io.calicogitops.evidence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code evidence verify} checks names, not only hashes: a manifest or zip entry that climbs out with {@code ..}, is
 * absolute, uses backslashes or collides with another name in a case-insensitive file system makes the bundle
 * invalid, even when every hash matches; a file larger than the manifest says is not read past its declared size.
 */
class EvidencePathsTest {

    @TempDir
    Path dir;

    private static final byte[] REPORT = "{\"drift\": []}\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void entryClimbingOutWithDotDot_listedWithItsRightHash_isInvalid() throws IOException {
        byte[] host = "build-host\n".getBytes(StandardCharsets.UTF_8);
        Path zip = bundle(entries("../../etc/hostname", host, "report.json", REPORT),
                listed("../../etc/hostname", host, "report.json", REPORT));

        BundleCheck check = verify(zip);

        assertEquals(List.of(
                "unsafe path: ../../etc/hostname in manifest.json (.. climbs out of the bundle)",
                "unsafe path: ../../etc/hostname in the zip (.. climbs out of the bundle)"), messages(check));
        assertEquals(1, check.filesMatched(), "only report.json matched");
    }

    @Test
    void absoluteDriveAndBackslashPaths_everyOneIsNamed() throws IOException {
        Map<String, byte[]> entries = entries("/etc/cron.d/x", REPORT, "C:/Windows/x.txt", REPORT, "C:x.txt", REPORT,
                "audit\\report.json", REPORT, "a/./b.json", REPORT, "a//c.json", REPORT);
        Path zip = bundle(entries, listed(entries));

        List<String> m = messages(verify(zip));

        for (String where : List.of("manifest.json", "the zip")) {
            assertTrue(m.contains("unsafe path: /etc/cron.d/x in " + where + " (absolute)"), m.toString());
            assertTrue(m.contains("unsafe path: C:/Windows/x.txt in " + where + " (a drive letter)"), m.toString());
            assertTrue(m.contains("unsafe path: C:x.txt in " + where + " (a drive letter)"), m.toString());
            assertTrue(m.contains("unsafe path: audit\\report.json in " + where + " (a backslash)"), m.toString());
            assertTrue(m.contains("unsafe path: a/./b.json in " + where + " (an empty or . segment)"), m.toString());
            assertTrue(m.contains("unsafe path: a//c.json in " + where + " (an empty or . segment)"), m.toString());
        }
        assertEquals(12, m.size(), m.toString());
    }

    @Test
    void namesThatDifferOnlyInCase_areDuplicatesInTheManifestAndTheZip() throws IOException {
        byte[] other = "other\n".getBytes(StandardCharsets.UTF_8);
        Path zip = bundle(entries("A.txt", REPORT, "a.txt", other), listed("A.txt", REPORT, "a.txt", other));

        BundleCheck check = verify(zip);

        assertEquals(List.of(
                "duplicate: a.txt in manifest.json (same name as A.txt on a case-insensitive file system)",
                "duplicate: a.txt in the zip (same name as A.txt on a case-insensitive file system)"), messages(check));
    }

    @Test
    void theSameEntryTwiceInTheZip_isADuplicate() throws IOException {
        // Two entries of one name: readers disagree on which one they show (the first, the last, or both).
        Path zip = bundle(entries("report.json", REPORT, "rePORT.json", "forged\n".getBytes(StandardCharsets.UTF_8)),
                listed("report.json", REPORT));
        byte[] bytes = Files.readAllBytes(zip);
        replaceAll(bytes, "rePORT.json", "report.json");
        Files.write(zip, bytes);

        List<String> m = messages(verify(zip));

        assertTrue(m.contains("duplicate: report.json (the zip holds it more than once)"), m.toString());
    }

    @Test
    void manifestNamingAFileBesideTheZip_neverReadsIt() throws IOException {
        // The file exists next to the bundle with the very hash the manifest states: it must not count as present.
        byte[] outside = "outside\n".getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("outside.txt"), outside);
        Path zip = bundle(entries("report.json", REPORT), listed("../outside.txt", outside, "report.json", REPORT));

        BundleCheck check = verify(zip);

        assertEquals(List.of("unsafe path: ../outside.txt in manifest.json (.. climbs out of the bundle)"), messages(check));
        assertEquals(1, check.filesMatched());
    }

    @Test
    void entryLargerThanDeclared_isChangedAndNotHashedToTheEnd() throws IOException {
        byte[] big = new byte[4 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'x');
        byte[] firstTen = java.util.Arrays.copyOf(big, 10);
        Path zip = bundle(entries("big.bin", big, "report.json", REPORT), listed("big.bin", firstTen, "report.json", REPORT));

        List<String> m = messages(verify(zip));

        assertEquals(List.of("changed: big.bin (larger than the manifest's 10 bytes; reading stopped at byte 11)"), m);
    }

    private BundleCheck verify(Path zip) {
        return new Evidence().verify(zip, zip.getFileName().toString(), Optional.empty());
    }

    private static List<String> messages(BundleCheck check) {
        return check.problems().stream().map(BundleProblem::message).toList();
    }

    private static Map<String, byte[]> entries(Object... nameThenBytes) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (int i = 0; i < nameThenBytes.length; i += 2) {
            out.put((String) nameThenBytes[i], (byte[]) nameThenBytes[i + 1]);
        }
        return out;
    }

    private static List<BundleFile> listed(Object... nameThenBytes) {
        return listed(entries(nameThenBytes));
    }

    private static List<BundleFile> listed(Map<String, byte[]> files) {
        List<BundleFile> out = new ArrayList<>();
        files.forEach((name, bytes) -> out.add(BundleFile.of(name, bytes)));
        out.sort(Comparator.comparing(BundleFile::path));
        return out;
    }

    /** A bundle whose manifest lists {@code files} (digest recomputed), holding {@code entries} as they are. */
    private Path bundle(Map<String, byte[]> entries, List<BundleFile> files) throws IOException {
        Manifest manifest = Manifest.of("calico-gitops", "test", "0123abc", "c1", new RepoOrigin(Optional.empty(), Optional.of("repo")),
                new CommitRange(Optional.empty(), Optional.empty(), "0".repeat(40)), EvidenceFixtures.SINCE,
                EvidenceFixtures.UNTIL, EvidenceFixtures.GENERATED, files);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.putNextEntry(new ZipEntry(BundleLayout.MANIFEST));
            z.write(JsonText.bytes(manifest.toJson()));
            z.closeEntry();
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return Files.write(dir.resolve("bundle.zip"), bytes.toByteArray());
    }

    private static void replaceAll(byte[] haystack, String from, String to) {
        byte[] a = from.getBytes(StandardCharsets.UTF_8);
        byte[] b = to.getBytes(StandardCharsets.UTF_8);
        int replaced = 0;
        outer:
        for (int i = 0; i <= haystack.length - a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                if (haystack[i + j] != a[j]) {
                    continue outer;
                }
            }
            System.arraycopy(b, 0, haystack, i, b.length);
            replaced++;
        }
        assertFalse(replaced < 2, "the name is in the local header and the central directory");
    }
}
