package io.calicogitops.cli;

import io.calicogitops.render.Generator;
import io.calicogitops.render.RepoUpdate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static io.calicogitops.cli.CliRun.sampleRepo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code calico-gitops evidence export | verify | keygen}: output and exit codes as a CI job sees them. */
class EvidenceCommandTest {

    @TempDir
    static Path shared;
    static Path repo;

    @TempDir
    Path dir;

    @BeforeAll
    static void renderEksProd() {
        repo = shared.resolve("repo");
        RepoUpdate.write(new Generator().render(new Generator.RenderRequest(sampleRepo().resolve("fleet"), Optional.empty(),
                Optional.empty(), List.of("eks-prod"), Path::toString)), repo, false, false, "render eks-prod");
    }

    private CliRun export(Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("evidence", "export", "--repo", repo.toString(), "--cluster", "eks-prod",
                "--since", "2000-01-01", "--until", "2100-12-31", "--out", out.toString(),
                "--generated-at", "2026-11-22T10:00:00Z"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private Path keys() {
        CliRun keygen = CliRun.of("evidence", "keygen", "--out-private", dir.resolve("k/evidence.key").toString(),
                "--out-public", dir.resolve("k/evidence.pub").toString());
        assertEquals(0, keygen.exitCode(), keygen.transcript());
        return dir.resolve("k");
    }

    @Test
    void export_withLiveSnapshot_exits0AndSaysWhatItWrote() {
        Path out = dir.resolve("evidence.zip");

        CliRun run = export(out, "--live", sampleRepo().resolve("live/eks-prod.yaml").toString());

        assertEquals(0, run.exitCode(), run.transcript());
        assertTrue(Files.isRegularFile(out));
        assertTrue(run.out().matches("(?s)wrote .*evidence\\.zip \\(\\d+ files, [\\d,]+ bytes\\)\n.*"), run.transcript());
        assertTrue(run.out().contains("\ndrift report: DRIFT (critical)\n"), run.transcript());
        assertTrue(run.out().matches("(?s).*\nmanifest digest [0-9a-f]{64}\n"), run.transcript());
        assertEquals("", run.err());
    }

    @Test
    void exportThenVerify_exits0AndSaysVerified() {
        Path out = dir.resolve("evidence.zip");
        export(out);

        CliRun run = CliRun.of("evidence", "verify", out.toString());

        assertEquals(0, run.exitCode(), run.transcript());
        assertTrue(run.out().contains("eks-prod, desired state "), run.transcript());
        assertTrue(run.out().contains("\nsignature: none (the bundle is not signed)\n"), run.transcript());
        assertTrue(run.out().matches("(?s).*\nverified: \\d+ files match the manifest\n"), run.transcript());
    }

    @Test
    void keygenSignAndVerifyWithThePublicKey_exits0WithAValidSignature() {
        Path k = keys();
        Path out = dir.resolve("signed.zip");
        CliRun exported = export(out, "--sign-key", k.resolve("evidence.key").toString());
        assertTrue(exported.out().contains(" bytes, signed)"), exported.transcript());

        CliRun run = CliRun.of("evidence", "verify", out.toString(), "--public-key", k.resolve("evidence.pub").toString());

        assertEquals(0, run.exitCode(), run.transcript());
        assertTrue(run.out().contains("\nsignature: valid (Ed25519)\n"), run.transcript());
        CliRun unchecked = CliRun.of("evidence", "verify", out.toString());
        assertEquals(0, unchecked.exitCode(), unchecked.transcript());
        assertTrue(unchecked.out().contains("\nsignature not checked (no --public-key)\n"), unchecked.transcript());
    }

    @Test
    void verify_tamperedBundle_exits1ListingEveryProblem() throws IOException {
        Path k = keys();
        Path out = dir.resolve("signed.zip");
        export(out, "--sign-key", k.resolve("evidence.key").toString());
        Path tampered = dir.resolve("tampered.zip");
        try (ZipFile in = new ZipFile(out.toFile()); ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(tampered))) {
            for (ZipEntry e : Collections.list(in.entries())) {
                if (e.getName().equals("desired/commits.json") || e.getName().equals("manifest.sig")) {
                    continue;
                }
                byte[] bytes;
                try (InputStream s = in.getInputStream(e)) {
                    bytes = s.readAllBytes();
                }
                if (e.getName().equals("pci-dss-mapping.json")) {
                    bytes[20] ^= 1;
                }
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(bytes);
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry("notes.txt"));
            z.closeEntry();
        }

        CliRun run = CliRun.of("evidence", "verify", tampered.toString(), "--public-key", k.resolve("evidence.pub").toString());

        assertEquals(1, run.exitCode(), run.transcript());
        assertTrue(run.out().contains("\nmissing: desired/commits.json (listed in the manifest)\n"), run.transcript());
        assertTrue(run.out().contains("\nmissing: manifest.sig (--public-key was given but the bundle is not signed)\n"), run.transcript());
        assertTrue(run.out().contains("\nextra: notes.txt (not in the manifest)\n"), run.transcript());
        assertTrue(run.out().contains("\nchanged: pci-dss-mapping.json (sha256 "), run.transcript());
        assertTrue(run.out().endsWith("\ninvalid: 4 problems\n"), run.transcript());
    }

    @Test
    void verify_wrongPublicKey_exits1() {
        Path k = keys();
        Path out = dir.resolve("signed.zip");
        export(out, "--sign-key", k.resolve("evidence.key").toString());
        CliRun other = CliRun.of("evidence", "keygen", "--out-private", dir.resolve("o.key").toString(),
                "--out-public", dir.resolve("o.pub").toString());
        assertEquals(0, other.exitCode());

        CliRun run = CliRun.of("evidence", "verify", out.toString(), "--public-key", dir.resolve("o.pub").toString());

        assertEquals(1, run.exitCode(), run.transcript());
        assertTrue(run.out().contains("\nsignature does not match the manifest (wrong key or tampered manifest)\n"), run.transcript());
    }

    @Test
    void verify_notAZip_exits3() throws IOException {
        Path notZip = Files.writeString(dir.resolve("report.zip"), "<html>");

        CliRun run = CliRun.of("evidence", "verify", notZip.toString());

        assertEquals(3, run.exitCode(), run.transcript());
        assertTrue(run.err().startsWith("error: "), run.transcript());
        assertTrue(run.err().contains("report.zip is not a zip file"), run.transcript());
    }

    @Test
    void verify_zipThatIsNoBundle_exits3() throws IOException {
        Path zip = dir.resolve("other.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("readme.txt"));
            z.closeEntry();
        }

        CliRun run = CliRun.of("evidence", "verify", zip.toString());

        assertEquals(3, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("is not an evidence bundle: it has no manifest.json"), run.transcript());
    }

    @Test
    void usageErrors_exit2() throws IOException {
        assertEquals(2, CliRun.of("evidence").exitCode());
        assertEquals(2, CliRun.of("evidence", "export", "--repo", repo.toString()).exitCode(), "required options missing");
        assertEquals(2, CliRun.of("evidence", "verify").exitCode(), "no bundle named");
        CliRun badDate = export(dir.resolve("x.zip"), "--generated-at", "soon");
        assertEquals(2, badDate.exitCode(), badDate.transcript());
        Path notAKey = Files.writeString(dir.resolve("key.pem"), "hello");
        CliRun badKey = export(dir.resolve("x.zip"), "--sign-key", notAKey.toString());
        assertEquals(2, badKey.exitCode(), badKey.transcript());
        assertTrue(badKey.err().contains("expected a PEM block '-----BEGIN PRIVATE KEY-----'"), badKey.transcript());
        CliRun bothSources = export(dir.resolve("x.zip"), "--live", "a.yaml", "--kubeconfig", "b");
        assertEquals(2, bothSources.exitCode(), bothSources.transcript());
        assertTrue(!Files.exists(dir.resolve("x.zip")), "nothing written");
        CliRun outIsAFolder = export(dir);
        assertEquals(2, outIsAFolder.exitCode(), outIsAFolder.transcript());
        assertTrue(outIsAFolder.err().contains("is a folder: name the zip file to write"), outIsAFolder.transcript());
    }

    @Test
    void keygen_existingFile_exits2AndKeepsIt() throws IOException {
        Path k = keys();
        byte[] before = Files.readAllBytes(k.resolve("evidence.key"));

        CliRun again = CliRun.of("evidence", "keygen", "--out-private", k.resolve("evidence.key").toString(),
                "--out-public", k.resolve("new.pub").toString());

        assertEquals(2, again.exitCode(), again.transcript());
        assertTrue(again.err().contains("already exists: keys are never overwritten"), again.transcript());
        assertArrayEquals(before, Files.readAllBytes(k.resolve("evidence.key")));
    }

    @Test
    void export_sameArgumentsTwice_byteIdenticalZips() throws IOException {
        export(dir.resolve("a.zip"), "--live", sampleRepo().resolve("live/eks-prod.yaml").toString());
        export(dir.resolve("b.zip"), "--live", sampleRepo().resolve("live/eks-prod.yaml").toString());

        assertArrayEquals(Files.readAllBytes(dir.resolve("a.zip")), Files.readAllBytes(dir.resolve("b.zip")));
    }
}
