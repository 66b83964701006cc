package io.calicogitops.evidence;

import io.calicogitops.signing.SigningKeys;
import java.security.PublicKey;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static io.calicogitops.evidence.BundleProblem.Kind;

/** The checks of {@link Evidence#verify}, each adding every problem it finds (never only the first). */
final class BundleVerifier {

    private BundleVerifier() {
    }

    /** Compares the zip's files with the manifest's list; returns how many listed files matched. */
    static int files(Manifest manifest, BundleZip zip, List<BundleProblem> problems) {
        Set<String> listed = new HashSet<>();
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
            if (BundleLayout.describesBundle(path)) {
                problems.add(new BundleProblem(Kind.MANIFEST, path, "manifest.json lists " + path + ", which describes the bundle"));
                continue;
            }
            if (zip.unreadable().containsKey(path)) {
                problems.add(new BundleProblem(Kind.CHANGED, path, "changed: " + path + " (the zip entry is damaged: "
                        + zip.unreadable().get(path) + ")"));
                continue;
            }
            BundleFile have = zip.files().get(path);
            if (have == null) {
                problems.add(new BundleProblem(Kind.MISSING, path, "missing: " + path + " (listed in the manifest)"));
            } else if (!have.sha256().equals(want.sha256())) {
                problems.add(new BundleProblem(Kind.CHANGED, path, "changed: " + path + " (sha256 " + have.sha256()
                        + " != manifest " + want.sha256() + ")"));
            } else if (have.size() != want.size()) {
                problems.add(new BundleProblem(Kind.CHANGED, path, "changed: " + path + " (size " + have.size()
                        + " != manifest " + want.size() + ")"));
            } else {
                matched++;
            }
        }
        Set<String> inZip = new TreeSet<>(zip.files().keySet());
        inZip.addAll(zip.unreadable().keySet());
        for (String path : inZip) {
            if (!listed.contains(path) && !BundleLayout.describesBundle(path)) {
                problems.add(new BundleProblem(Kind.EXTRA, path, "extra: " + path + " (not in the manifest)"));
            }
        }
        zip.duplicates().forEach(p -> problems.add(new BundleProblem(Kind.DUPLICATE, p,
                "duplicate: " + p + " (the zip holds it more than once)")));
        problems.sort(Comparator.comparing(BundleProblem::path).thenComparing(BundleProblem::kind));
        return matched;
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
