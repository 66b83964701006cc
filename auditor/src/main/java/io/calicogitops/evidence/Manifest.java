package io.calicogitops.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code manifest.json}, schema {@value #SCHEMA_VERSION}: what the bundle is about (tool with its version and the
 * commit it was built from, cluster, repository, commit
 * range, interval, generation time) and every other file with its SHA-256 and size, sorted by path, and the overall
 * {@code digest} over that list ({@link ManifestDigest}). {@code manifest.json} and {@code manifest.sig} are not listed.
 */
public record Manifest(String toolName, String toolVersion, String toolCommit, String cluster, RepoOrigin repo, CommitRange commits,
                       Instant since, Instant until, Instant generatedAt, List<BundleFile> files, String digest) {

    /** Bumped when a field is removed, renamed or changes type; adding a field keeps the version. */
    public static final String SCHEMA_VERSION = "calico-gitops/evidence/v1";

    public Manifest {
        Objects.requireNonNull(cluster, "cluster");
        files = List.copyOf(files);
    }

    /** A manifest whose digest is computed from {@code files} (which must be sorted by path). */
    public static Manifest of(String toolName, String toolVersion, String toolCommit, String cluster, RepoOrigin repo,
                              CommitRange commits, Instant since, Instant until, Instant generatedAt, List<BundleFile> files) {
        return new Manifest(toolName, toolVersion, toolCommit, cluster, repo, commits, since, until, generatedAt, files,
                ManifestDigest.of(files));
    }

    public ObjectNode toJson() {
        ObjectNode root = JsonText.object();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.putObject("tool").put("name", toolName).put("version", toolVersion).put("commit", toolCommit);
        root.put("cluster", cluster);
        ObjectNode r = root.putObject("repo");
        r.put("origin", repo.url().orElse(null));
        r.put("folder", repo.folder().orElse(null));
        root.putObject("commitRange").put("from", commits.from().orElse(null)).put("to", commits.to().orElse(null))
                .put("end", commits.end());
        root.putObject("interval").put("since", since.toString()).put("until", until.toString());
        root.put("generatedAt", generatedAt.toString());
        ArrayNode list = root.putArray("files");
        files.forEach(f -> list.addObject().put("path", f.path()).put("sha256", f.sha256()).put("size", f.size()));
        root.putObject("digest").put("algorithm", "SHA-256").put("input", "RFC 8785 canonical JSON of files")
                .put("value", digest);
        return root;
    }

    /**
     * Reads a manifest as written by {@link #toJson()}; the digest is the one stated, not recomputed.
     *
     * @throws NotABundleException when a field is missing or has the wrong type
     */
    public static Manifest fromJson(JsonNode root) {
        if (!root.isObject()) {
            throw new NotABundleException("manifest.json is not a JSON object");
        }
        String schema = root.path("schemaVersion").asText("");
        if (!schema.equals(SCHEMA_VERSION)) {
            throw new NotABundleException("manifest.json has schemaVersion '" + schema + "', expected " + SCHEMA_VERSION);
        }
        JsonNode filesNode = root.path("files");
        if (!filesNode.isArray()) {
            throw new NotABundleException("manifest.json has no files list");
        }
        List<BundleFile> files = new ArrayList<>();
        for (JsonNode f : filesNode) {
            if (!f.path("path").isTextual() || !f.path("sha256").isTextual() || !f.path("size").canConvertToLong()) {
                throw new NotABundleException("manifest.json: files[" + files.size() + "] needs path, sha256 and size");
            }
            files.add(new BundleFile(f.get("path").asText(), f.get("sha256").asText(), f.get("size").asLong()));
        }
        JsonNode repo = root.path("repo");
        JsonNode range = root.path("commitRange");
        return new Manifest(root.path("tool").path("name").asText(""), root.path("tool").path("version").asText(""),
                root.path("tool").path("commit").asText("unknown"),
                text(root, "cluster"), new RepoOrigin(optional(repo, "origin"), optional(repo, "folder")),
                new CommitRange(optional(range, "from"), optional(range, "to"), range.path("end").asText("")),
                instant(root.path("interval"), "since"), instant(root.path("interval"), "until"),
                instant(root, "generatedAt"), files, root.path("digest").path("value").asText(""));
    }

    private static String text(JsonNode node, String field) {
        if (!node.path(field).isTextual()) {
            throw new NotABundleException("manifest.json has no " + field);
        }
        return node.get(field).asText();
    }

    private static Optional<String> optional(JsonNode node, String field) {
        return node.path(field).isTextual() ? Optional.of(node.get(field).asText()) : Optional.empty();
    }

    private static Instant instant(JsonNode node, String field) {
        try {
            return Instant.parse(text(node, field));
        } catch (DateTimeParseException e) {
            throw new NotABundleException("manifest.json: " + field + " is not an ISO instant: " + node.get(field).asText());
        }
    }
}
