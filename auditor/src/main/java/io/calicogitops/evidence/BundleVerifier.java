package io.calicogitops.evidence;

import io.calicogitops.signing.SigningKeys;
import java.security.PublicKey;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.calicogitops.evidence.BundleProblem.Kind;

/** The checks of {@link Evidence#verify}, each adding every problem it finds (never only the first). */
final class BundleVerifier {

    private static final String IN_MANIFEST = " in " + BundleLayout.MANIFEST;
    private static final String IN_ZIP = " in the zip";

    private BundleVerifier() {
    }

    /** Compares the zip's files with the manifest's list; returns how many listed files matched. */
    static int files(Manifest manifest, BundleZip zip, List<BundleProblem> problems) {
        Set<String> listed = new HashSet<>();
        Map<String, String> folded = new HashMap<>();
        Set<String> inZip = zip.fileNames();
        String previous = null;
        int matched = 0;
        for (BundleFile want : manifest.files()) {
            String path = want.path();
            if (!listed.add(path)) {
                problems.add(new BundleProblem(Kind.MANIFEST, path, "manifest.json lists " + path + " twice"));
                continue;
            }
            if (previous != null && previous.compareTo(path) > 0) {
                problems.add(new BundleProblem(Kind.MANIFEST, path, "manifest.json lists " + path + " out of path order"));
            }
            previous = path;
            if (!safe(path, false, IN_MANIFEST, problems) || !distinct(path, folded, IN_MANIFEST, problems)) {
                continue;
            }
            if (BundleLayout.describesBundle(path)) {
                problems.add(new BundleProblem(Kind.MANIFEST, path, "manifest.json lists " + path + ", which describes the bundle"));
                continue;
            }
            if (want.size() < 0) {
                problems.add(new BundleProblem(Kind.MANIFEST, path, "manifest.json lists " + path + " with a negative size"));
                continue;
            }
            if (!inZip.contains(path)) {
                problems.add(new BundleProblem(Kind.MISSING, path, "missing: " + path + " (listed in the manifest)"));
                continue;
            }
            if (compare(want, zip.hash(path, want.size()), problems)) {
                matched++;
            }
        }
        for (String name : zip.names()) {
            safe(name, name.endsWith("/"), IN_ZIP, problems);
        }
        Map<String, String> foldedInZip = new HashMap<>();
        for (String path : inZip) {
            if (BundlePaths.unsafe(path, false).isPresent() || !distinct(path, foldedInZip, IN_ZIP, problems)) {
                continue;
            }
            if (!listed.contains(path) && !BundleLayout.describesBundle(path)) {
                problems.add(new BundleProblem(Kind.EXTRA, path, "extra: " + path + " (not in the manifest)"));
            }
        }
        zip.duplicates().forEach(p -> problems.add(new BundleProblem(Kind.DUPLICATE, p,
                "duplicate: " + p + " (the zip holds it more than once)")));
        // Stable: the manifest's finding on a path comes before the zip's.
        problems.sort(Comparator.comparing(BundleProblem::path).thenComparing(BundleProblem::kind));
        return matched;
    }

    /** Whether a listed file's bytes are what the manifest says; adds the problem when not. */
    private static boolean compare(BundleFile want, BundleZip.Hashed have, List<BundleProblem> problems) {
        String path = want.path();
        if (have.damage().isPresent()) {
            problems.add(new BundleProblem(Kind.CHANGED, path, "changed: " + path + " (the zip entry is damaged: "
                    + have.damage().get() + ")"));
        } else if (have.larger()) {
            problems.add(new BundleProblem(Kind.CHANGED, path, "changed: " + path + " (larger than the manifest's "
                    + want.size() + " bytes; reading stopped at byte " + (want.size() + 1) + ")"));
        } else if (!have.file().get().sha256().equals(want.sha256())) {
            problems.add(new BundleProblem(Kind.CHANGED, path, "changed: " + path + " (sha256 " + have.file().get().sha256()
                    + " != manifest " + want.sha256() + ")"));
        } else if (have.file().get().size() != want.size()) {
            problems.add(new BundleProblem(Kind.CHANGED, path, "changed: " + path + " (size " + have.file().get().size()
                    + " != manifest " + want.size() + ")"));
        } else {
            return true;
        }
        return false;
    }

    private static boolean safe(String path, boolean directory, String where, List<BundleProblem> problems) {
        Optional<String> why = BundlePaths.unsafe(path, directory);
        why.ifPresent(w -> problems.add(new BundleProblem(Kind.PATH, path, "unsafe path: " + path + where + " (" + w + ")")));
        return why.isEmpty();
    }

    private static boolean distinct(String path, Map<String, String> folded, String where, List<BundleProblem> problems) {
        String first = folded.putIfAbsent(BundlePaths.folded(path), path);
        if (first != null) {
            problems.add(new BundleProblem(Kind.DUPLICATE, path, "duplicate: " + path + where + " (same name as " + first
                    + " on a case-insensitive file system)"));
        }
        return first == null;
    }

    /** Checks the signature when a key is given; says what it could when not. */
    static SignatureStatus signature(byte[] manifest, Optional<byte[]> signature, Optional<PublicKey> key,
                                     List<BundleProblem> problems) {
        if (key.isEmpty()) {
            return signature.isPresent() ? SignatureStatus.NOT_CHECKED : SignatureStatus.UNSIGNED;
        }
        if (signature.isEmpty()) {
            problems.add(new BundleProblem(Kind.SIGNATURE, BundleLayout.SIGNATURE, "missing: " + BundleLayout.SIGNATURE
                    + " (--public-key was given but the bundle is not signed)"));
            return SignatureStatus.MISSING;
        }
        if (!SigningKeys.verify(key.get(), manifest, signature.get())) {
            problems.add(new BundleProblem(Kind.SIGNATURE, BundleLayout.SIGNATURE,
                    "signature does not match the manifest (wrong key or tampered manifest)"));
            return SignatureStatus.INVALID;
        }
        return SignatureStatus.VALID;
    }
}
