package io.calicogitops.evidence;

import io.calicogitops.diag.InvalidValueException;
import io.calicogitops.signing.SigningKeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * PCI evidence bundles: {@link #export} gathers the desired state, commits, live snapshot, drift report, history,
 * drift timeline, ignore rules, PCI mapping and {@code index.html} of one cluster over an interval, lists every file
 * with its SHA-256 in {@code manifest.json} (optionally signed) and writes a reproducible zip; {@link #verify}
 * recomputes everything and reports every difference.
 */
public final class Evidence {

    public static final String TOOL_NAME = "calico-gitops";

    public ExportResult export(ExportRequest request) {
        if (Files.isDirectory(request.out())) {
            throw new InvalidValueException("out", request.out().getFileName() + " is a folder: name the zip file to write");
        }
        BundleFacts facts = new EvidenceCollector().collect(request);
        PciMapping mapping = PciMapping.of(facts);
        SortedMap<String, byte[]> files = new TreeMap<>(facts.files());
        files.put(BundleLayout.PCI_MAPPING, mapping.toJson());
        files.put(BundleLayout.INDEX, IndexPage.render(facts, mapping, list(files)));
        Manifest manifest = Manifest.of(TOOL_NAME, request.tool().version(), request.tool().commit(), request.cluster(), facts.repo(), facts.range(),
                request.since(), request.until(), request.generatedAt(), list(files));
        byte[] manifestBytes = JsonText.bytes(manifest.toJson());
        files.put(BundleLayout.MANIFEST, manifestBytes);
        request.signKey().ifPresent(key -> files.put(BundleLayout.SIGNATURE, SigningKeys.sign(key, manifestBytes)));
        byte[] zip = DeterministicZip.write(files);
        write(request.out(), zip);
        Map<EvidenceStatus, Long> statuses = new EnumMap<>(EvidenceStatus.class);
        mapping.rows().forEach(r -> statuses.merge(r.status(), 1L, Long::sum));
        Map<String, EvidenceStatus> v4 = new TreeMap<>();
        mapping.rows().stream().filter(r -> r.requirement().standard().equals(PciRequirement.V4))
                .forEach(r -> v4.put(r.requirement().id(), r.status()));
        return new ExportResult(request.out(), zip.length, manifest, request.signKey().isPresent(), facts.audit(), statuses, v4);
    }

    /**
     * Checks a bundle: every name a safe relative path and unique in any case, every listed file present with its
     * hash and size, no file unlisted, the digest, and the signature when a key is given. Only the zip's own entries
     * are read, never a file a name in it points to.
     *
     * @throws NotABundleException when the file is not a zip or has no readable manifest
     */
    public BundleCheck verify(Path zip, String display, Optional<PublicKey> key) {
        try (BundleZip bundle = BundleZip.open(zip, display)) {
            return verify(bundle, display, key);
        }
    }

    private static BundleCheck verify(BundleZip bundle, String display, Optional<PublicKey> key) {
        byte[] manifestBytes = bundle.manifest().orElseThrow(() ->
                new NotABundleException(display + " is not an evidence bundle: it has no " + BundleLayout.MANIFEST));
        Manifest manifest = Manifest.fromJson(JsonText.parse(manifestBytes, BundleLayout.MANIFEST));
        List<BundleProblem> problems = new ArrayList<>();
        int matched = BundleVerifier.files(manifest, bundle, problems);
        String digest = ManifestDigest.of(manifest.files());
        if (!digest.equals(manifest.digest())) {
            problems.add(new BundleProblem(BundleProblem.Kind.MANIFEST, BundleLayout.MANIFEST, "manifest digest does not "
                    + "match its files list (sha256 " + digest + " != stated " + manifest.digest() + "): manifest.json was edited"));
        }
        SignatureStatus signature = BundleVerifier.signature(manifestBytes, bundle.signature(), key, problems);
        return new BundleCheck(manifest, digest, matched, problems, signature);
    }

    private static List<BundleFile> list(SortedMap<String, byte[]> files) {
        return files.entrySet().stream().map(e -> BundleFile.of(e.getKey(), e.getValue())).toList();
    }

    /** Writes next to the target and moves into place, so a failed export never leaves half a zip under the name. */
    private static void write(Path out, byte[] zip) {
        try {
            Path parent = out.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = parent.resolve("." + out.getFileName() + ".calico-gitops.tmp");
            Files.write(tmp, zip);
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("write " + out, e);
        }
    }
}
