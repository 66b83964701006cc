package io.calicogitops.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.audit.DriftSeverity;
import io.calicogitops.audit.normalise.Normaliser;
import io.calicogitops.audit.normalise.Side;
import io.calicogitops.diag.Diagnostic;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.audit.Differ;
import io.calicogitops.audit.ResourceDiff;
import io.calicogitops.audit.Sides;
import io.calicogitops.git.GitRepo;
import io.calicogitops.git.PathChange;
import io.calicogitops.git.PathCommit;
import io.calicogitops.model.Resource;
import io.calicogitops.model.ResourceId;
import io.calicogitops.yaml.YamlDocument;
import io.calicogitops.yaml.YamlReader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns one commit's changed files into resource events. Only the changed blobs are read, on both sides; resources
 * are matched by identity across the commit's files (so a renamed file is a modification), both versions are
 * normalised as the auditor normalises Git, and modifications are described by the auditor's {@link Differ}.
 */
final class CommitAnalyser {

    /** A commit's events and the problems met reading its files. */
    record Result(HistoryCommit commit, List<String> warnings) {
    }

    private record Key(String cluster, ResourceId id) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = cluster.compareTo(o.cluster);
            return c != 0 ? c : id.compareTo(o.id);
        }
    }

    /**
     * A resource as one side of the commit has it, normalised on first use. {@code text} stands for its source text:
     * the blob id when the file holds only this document (so that a formatting-only edit shows), else the parsed tree
     * (a multi-document file changed elsewhere must not make its other documents look edited).
     */
    private static final class Version {
        private final Resource resource;
        private final String path;
        private final String text;
        private JsonNode normalised;

        Version(Resource resource, String path, String text) {
            this.resource = resource;
            this.path = path;
            this.text = text;
        }

        Resource resource() {
            return resource;
        }

        String path() {
            return path;
        }

        String text() {
            return text;
        }

        JsonNode normalised(Normaliser normaliser) {
            if (normalised == null) {
                normalised = normaliser.normalise(resource, Side.DESIRED);
            }
            return normalised;
        }
    }

    /** A file's documents at one blob, and the problems met reading them. */
    private record Parsed(List<Version> versions, List<Diagnostic> problems) {
    }

    private record BlobAtPath(String blob, String path) {
    }

    /**
     * Walking newest first, the version a commit replaced is the one an older commit wrote: keep recently read files,
     * so that each blob is read, parsed and normalised once.
     */
    private static final int CACHED_FILES = 4096;

    static final String NO_CHANGE_IN_MEANING = "no change in meaning";

    private final GitRepo git;
    // Only each document's own line is reported (problems are read again in full by the reader itself).
    private final YamlReader reader = new YamlReader().withLocationDepth(0);
    private final Normaliser normaliser = Normaliser.standard();
    private final Differ differ = new Differ(normaliser);
    private final Map<BlobAtPath, Parsed> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<BlobAtPath, Parsed> eldest) {
            return size() > CACHED_FILES;
        }
    };

    CommitAnalyser(GitRepo git) {
        this.git = git;
    }

    Result analyse(PathCommit pc) {
        Map<Key, Version> before = new HashMap<>();
        Map<Key, Version> after = new HashMap<>();
        List<String> warnings = new ArrayList<>();
        for (PathChange ch : pc.changes()) {
            Optional<String> cluster = ClusterFile.clusterOf(ch.path());
            if (cluster.isEmpty()) {
                continue;
            }
            if (ch.oldBlob() != null) {
                // Problems in the parent's version were reported with the commit that wrote it.
                read(ch.oldBlob(), ch.path(), cluster.get(), before, new ArrayList<>(), pc);
            }
            if (ch.newBlob() != null) {
                read(ch.newBlob(), ch.path(), cluster.get(), after, warnings, pc);
            }
        }
        TreeMap<Key, ResourceChange> events = new TreeMap<>();
        TreeSet<Key> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (Key k : keys) {
            Version b = before.get(k);
            Version a = after.get(k);
            if (b != null && a != null) {
                modified(k, b, a).ifPresent(e -> events.put(k, e));
            } else if (a != null) {
                events.put(k, whole(k, a, ChangeType.CREATED, EventSeverity.created(a.resource())));
            } else {
                events.put(k, whole(k, b, ChangeType.DELETED, EventSeverity.deleted(b.resource())));
            }
        }
        pairTwins(events, before, after);
        HistoryCommit commit = new HistoryCommit(pc.id(), pc.parents(), pc.authorName(), pc.authorEmail(),
                pc.committerName(), pc.commitTime(), pc.message(), List.copyOf(events.values()));
        return new Result(commit, warnings);
    }

    private void read(String blob, String path, String cluster, Map<Key, Version> into, List<String> warnings, PathCommit pc) {
        Parsed parsed = cache.computeIfAbsent(new BlobAtPath(blob, path), k -> parse(k.blob(), k.path()));
        List<Diagnostic> problems = new ArrayList<>(parsed.problems());
        for (Version v : parsed.versions()) {
            Version previous = into.putIfAbsent(new Key(cluster, v.resource().id()), v);
            if (previous != null) {
                problems.add(Diagnostic.error(v.resource().origin(), "duplicate " + v.resource().id().display()
                        + ", also in " + previous.path()));
            }
        }
        String at = pc.id().substring(0, Math.min(12, pc.id().length()));
        problems.stream().sorted().map(Diagnostic::format).forEach(d -> warnings.add(at + ": " + d));
    }

    private Parsed parse(String blob, String path) {
        Diagnostics diagnostics = new Diagnostics();
        List<YamlDocument> docs = reader.read(git.readBlob(blob), path, diagnostics);
        List<Version> versions = new ArrayList<>();
        for (YamlDocument doc : docs) {
            if (!doc.body().isObject() || !doc.body().path("kind").isTextual()) {
                diagnostics.error(doc.location(), "not a Kubernetes object (no kind)");
                continue;
            }
            versions.add(new Version(Resource.of(doc.body(), doc.location()), path,
                    docs.size() == 1 ? "blob " + blob : doc.body().toString()));
        }
        return new Parsed(versions, diagnostics.sorted());
    }

    /** A resource in both versions: sentences for what changed in meaning; nothing when the document is unchanged. */
    private Optional<ResourceChange> modified(Key k, Version b, Version a) {
        boolean moved = !b.path().equals(a.path());
        boolean sameText = b.text().equals(a.text());
        if (!moved && sameText) {
            return Optional.empty();
        }
        String name = displayName(k.id());
        List<String> sentences = new ArrayList<>();
        if (moved) {
            sentences.add(name + ": file renamed from " + b.path());
        }
        JsonNode from = b.normalised(normaliser);
        JsonNode to = a.normalised(normaliser);
        DriftSeverity severity = DriftSeverity.NONE;
        if (from.equals(to)) {
            if (!sameText) {
                sentences.add(name + ": " + NO_CHANGE_IN_MEANING);
            }
        } else {
            ResourceDiff diff = differ.compare(k.id(), from, to, Sides.HISTORY);
            diff.changes().forEach(c -> sentences.add(name + ": " + c.sentence()));
            severity = diff.severity();
        }
        return Optional.of(new ResourceChange(k.cluster(), k.id(), a.resource().apiVersion(), ChangeType.MODIFIED,
                severity, a.path(), Optional.empty(), sentences));
    }

    private static ResourceChange whole(Key k, Version v, ChangeType type, DriftSeverity severity) {
        return new ResourceChange(k.cluster(), k.id(), v.resource().apiVersion(), type, severity, v.path(),
                Optional.empty(), List.of());
    }

    /** A staged policy deleted and its enforced twin created in the same commit is one promotion; the reverse a demotion. */
    private void pairTwins(TreeMap<Key, ResourceChange> events, Map<Key, Version> before, Map<Key, Version> after) {
        for (Key gone : List.copyOf(events.keySet())) {
            ResourceChange deleted = events.get(gone);
            if (deleted == null || deleted.change() != ChangeType.DELETED) {
                continue;
            }
            Optional<ResourceId> enforced = Twins.enforcedOf(gone.id());
            Optional<ResourceId> staged = Twins.stagedOf(gone.id());
            Optional<ResourceId> twin = enforced.isPresent() ? enforced : staged;
            if (twin.isEmpty()) {
                continue;
            }
            Key made = new Key(gone.cluster(), twin.get());
            ResourceChange created = events.get(made);
            if (created == null || created.change() != ChangeType.CREATED) {
                continue;
            }
            boolean promotion = enforced.isPresent();
            Version b = before.get(gone);
            Version a = after.get(made);
            String name = displayName(made.id());
            List<String> sentences = new ArrayList<>();
            sentences.add(name + ": " + (promotion ? "staged policy enforced (" : "enforced policy staged (")
                    + gone.id().kind() + " -> " + made.id().kind() + ")");
            JsonNode from = promotion ? asEnforced(b, made.id()) : b.normalised(normaliser);
            JsonNode to = promotion ? a.normalised(normaliser) : asEnforced(a, gone.id());
            ResourceId enforcedId = promotion ? made.id() : gone.id();
            differ.compare(enforcedId, from, to, Sides.HISTORY).changes().forEach(c -> sentences.add(name + ": " + c.sentence()));
            events.remove(gone);
            events.put(made, new ResourceChange(made.cluster(), made.id(), a.resource().apiVersion(),
                    promotion ? ChangeType.PROMOTED : ChangeType.DEMOTED, DriftSeverity.CRITICAL, a.path(),
                    Optional.of(gone.id()), sentences));
        }
    }

    /**
     * A staged policy read as its enforced twin, to compare specs: the kind swapped and the default
     * {@code stagedAction: Set} (which only says "this is the policy to enforce") dropped; any other staged action stays,
     * so that it shows as a difference.
     */
    private JsonNode asEnforced(Version staged, ResourceId enforced) {
        ObjectNode body = (ObjectNode) staged.normalised(normaliser).deepCopy();
        body.put("kind", enforced.kind());
        JsonNode spec = body.get("spec");
        if (spec instanceof ObjectNode s && "Set".equals(s.path("stagedAction").asText())) {
            s.remove("stagedAction");
        }
        return body;
    }

    private static String displayName(ResourceId id) {
        return id.isNamespaced() ? id.namespace() + "/" + id.name() : id.name();
    }
}
