package io.calicogitops.evidence;

import io.calicogitops.driftlog.CanonicalJson;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The manifest's overall digest: SHA-256 of the RFC 8785 (JCS) canonical JSON of its {@code files} array, i.e.
 * {@code [{"path":"...","sha256":"...","size":123},...]} in the manifest's order (sorted by path), keys in that
 * (alphabetical) order, no whitespace, UTF-8, strings escaped only where JSON must. The same bytes as
 * {@code jq -jcS .files manifest.json}, so {@code jq -jcS .files manifest.json | sha256sum} checks it.
 */
final class ManifestDigest {

    private ManifestDigest() {
    }

    static String of(List<BundleFile> files) {
        return Sha256.hex(canonical(files));
    }

    static byte[] canonical(List<BundleFile> files) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < files.size(); i++) {
            BundleFile f = files.get(i);
            b.append(i == 0 ? "" : ",").append("{\"path\":");
            CanonicalJson.string(f.path(), b);
            b.append(",\"sha256\":");
            CanonicalJson.string(f.sha256(), b);
            b.append(",\"size\":").append(f.size()).append('}');
        }
        return b.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }
}
