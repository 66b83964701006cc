package io.calicogitops.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.audit.Secrets;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.yaml.YamlDocument;
import io.calicogitops.yaml.YamlReader;
import io.calicogitops.yaml.YamlWriter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A file of the cluster's folder in Git as the bundle copies it: byte for byte, except a YAML file holding a Secret,
 * which is written again with the Secret's values masked ({@link Secrets}) under a comment that says so. The values
 * are in Git already, but a bundle is handed to auditors and must not spread them further.
 */
final class DesiredCopy {

    /** The first line of a rewritten file. */
    static final String NOTE = "# calico-gitops: Secret values are replaced by " + Secrets.MASK
            + " in this copy; the file in Git at the end commit holds them.\n";

    private DesiredCopy() {
    }

    /** {@code bytes} of {@code path} as the bundle keeps them. */
    static byte[] of(String path, byte[] bytes) {
        if (!path.endsWith(".yaml") && !path.endsWith(".yml")) {
            return bytes;
        }
        Diagnostics problems = new Diagnostics();
        List<YamlDocument> docs = new YamlReader().read(bytes, path, problems);
        if (problems.hasErrors() || docs.stream().noneMatch(d -> Secrets.isSecret(d.body()))) {
            // Unreadable YAML cannot be known to hold a Secret; the audit of this commit reports it as invalid.
            return bytes;
        }
        List<JsonNode> masked = new ArrayList<>();
        for (YamlDocument d : docs) {
            masked.add(Secrets.masked(d.body()));
        }
        return (NOTE + new YamlWriter().writeAll(masked)).getBytes(StandardCharsets.UTF_8);
    }
}
