package io.calicogitops.audit.live;

import io.calicogitops.audit.LiveQuery;
import io.calicogitops.audit.LiveReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.audit.LiveSnapshot;
import io.calicogitops.diag.Diagnostic;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.diag.InvalidInputException;
import io.calicogitops.diag.SourceLocation;
import io.calicogitops.model.Kinds;
import io.calicogitops.model.Resource;
import io.calicogitops.model.ResourceId;
import io.calicogitops.yaml.LocationIndex;
import io.calicogitops.yaml.YamlDocument;
import io.calicogitops.yaml.YamlReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads the live state from snapshot files ({@code --live FILE...}): {@code kubectl get ... -o yaml} output, i.e.
 * {@code List}s (or typed {@code *List}s) with {@code items}, multi-document YAML, or a mix across files.
 * {@code crd.projectcalico.org/v1} items are mapped to v3 like the cluster reader does. Only the requested kinds are
 * kept, and of Secrets only those the query names. A file cannot prove that a kind has no objects, so a requested kind without objects is left out of
 * {@link LiveSnapshot#kindsRead()} and reported as a warning. Every problem in every file is reported at once.
 */
public final class FileLiveReader implements LiveReader {

    private final List<Path> files;
    // Locations down to a List's items, the origin of each object read; the rest (an object without a name) is
    // located by reading the file again, only when there is such a problem: a snapshot's full index took more heap
    // than its objects.
    private final YamlReader yaml = new YamlReader().withLocationDepth(2);

    public FileLiveReader(List<Path> files) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("at least one snapshot file is needed");
        }
        this.files = List.copyOf(files);
    }

    @Override
    public LiveSnapshot read(LiveQuery query) {
        return readWithWarnings(query).snapshot();
    }

    /** As {@link #readWithWarnings(LiveQuery)} for kinds only. */
    public LiveReadResult readWithWarnings(Set<String> kinds) {
        return readWithWarnings(LiveQuery.of(kinds));
    }

    /**
     * Reads the files; the warnings name the requested kinds that had no objects and duplicate objects resolved.
     *
     * @throws InvalidInputException with {@code file:line:col} diagnostics for invalid YAML or objects
     */
    public LiveReadResult readWithWarnings(LiveQuery query) {
        Set<KindKey> requested = new TreeSet<>();
        query.kinds().forEach(k -> requested.add(KindKey.parse(k)));
        Diagnostics diagnostics = new Diagnostics();
        List<String> warnings = new ArrayList<>();
        Map<ResourceId, Read> byId = new TreeMap<>();
        for (Path file : files) {
            for (YamlDocument doc : yaml.readFile(file, file.toString(), diagnostics)) {
                collect(doc, doc.body(), "", null, new Wanted(requested, union(query.secrets(), query.probes())), byId,
                        diagnostics, warnings);
            }
        }
        diagnostics.throwIfErrors("live snapshot");
        diagnostics.sorted().stream().map(Diagnostic::format).forEach(warnings::add);
        Set<KindKey> seen = new TreeSet<>();
        byId.values().forEach(r -> seen.add(KindKey.of(r.resource().apiVersion(), r.resource().kind())));
        // Secrets are read by name, not as a kind: as from a cluster, they are not among the kinds read.
        seen.remove(SecretGetter.KIND);
        List<String> absent = requested.stream().filter(k -> !seen.contains(k)).map(KindKey::toString).toList();
        if (!absent.isEmpty()) {
            warnings.add("no objects of " + String.join(", ", absent) + " in the snapshot files: not compared");
        }
        String source = "files: " + String.join(", ", files.stream().map(Path::toString).toList())
                + (absent.isEmpty() ? "" : "; no objects of " + String.join(", ", absent));
        // A probed Secret is reported as existing, with its name and namespace only, as a cluster answers the probe.
        List<Resource> resources = byId.values().stream().map(Read::resource)
                .map(r -> query.probes().contains(r.id()) ? metadataOnly(r) : r).toList();
        List<String> kindsRead = seen.stream().map(KindKey::toString).toList();
        return new LiveReadResult(new LiveSnapshot(source, resources, kindsRead), warnings);
    }

    /** One object read, and whether it came from a v1 CR (a v3 copy of the same object wins over it). */
    private record Read(Resource resource, boolean fromV1) {
    }

    /** The kinds to keep every object of, and the Secrets to keep (by identity). */
    private record Wanted(Set<KindKey> kinds, Set<ResourceId> secrets) {
    }

    private static Set<ResourceId> union(Set<ResourceId> a, Set<ResourceId> b) {
        Set<ResourceId> out = new TreeSet<>(a);
        out.addAll(b);
        return out;
    }

    private static Resource metadataOnly(Resource r) {
        ObjectNode body = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        body.put("apiVersion", "v1");
        body.put("kind", "Secret");
        body.putObject("metadata").put("name", r.id().name()).put("namespace", r.id().namespace());
        return new Resource(r.id(), body, r.origin());
    }

    /** Walks a document: a List contributes its items (recursively), anything else must be one object. */
    private void collect(YamlDocument doc, JsonNode node, String pointer, ObjectNode listDefaults,
                         Wanted requested, Map<ResourceId, Read> byId, Diagnostics diagnostics, List<String> warnings) {
        SourceLocation at = doc.locate(pointer);
        if (!node.isObject()) {
            String found = node.getNodeType().name().toLowerCase(Locale.ROOT);
            diagnostics.error(at, "expected a Kubernetes object or a List, found " + found);
            return;
        }
        ObjectNode object = (ObjectNode) node;
        if (listDefaults != null) {
            object = withDefaults(object, listDefaults);
        }
        String kind = object.path("kind").asText("");
        if (object.path("items").isArray() && kind.endsWith("List")) {
            // kubectl writes "kind: List"; the API server's typed lists ("ServiceList") omit each item's apiVersion and kind.
            ObjectNode defaults = object.objectNode();
            if (!"List".equals(kind)) {
                defaults.put("apiVersion", object.path("apiVersion").asText(""));
                defaults.put("kind", kind.substring(0, kind.length() - "List".length()));
            }
            JsonNode items = object.get("items");
            for (int i = 0; i < items.size(); i++) {
                collect(doc, items.get(i), LocationIndex.child(LocationIndex.child(pointer, "items"), i),
                        defaults.isEmpty() ? null : defaults, requested, byId, diagnostics, warnings);
            }
            return;
        }
        if (!hasType(object, doc, pointer, diagnostics)) {
            return;
        }
        KindKey key = KindKey.of(object.get("apiVersion").asText(), kind);
        boolean secret = SecretGetter.KIND.equals(key);
        if (!(requested.kinds().contains(key) || secret) || !hasIdentity(object, doc, pointer, diagnostics)) {
            return;
        }
        if (secret && !requested.secrets().contains(Resource.of(object, at).id())) {
            // As from a cluster: only the Secrets Git names are read; the files' other Secrets are not kept.
            return;
        }
        boolean fromV1 = V1Mapping.isV1(object);
        Optional<? extends JsonNode> body = fromV1 ? V1Mapping.toV3(object, at, diagnostics) : Optional.of(object);
        body.ifPresent(b -> add(new Read(Resource.of(b, at), fromV1), byId, diagnostics, warnings));
    }

    private static boolean hasType(ObjectNode object, YamlDocument doc, String pointer, Diagnostics diagnostics) {
        boolean ok = true;
        for (String field : List.of("apiVersion", "kind")) {
            if (!object.path(field).isTextual() || object.get(field).asText().isEmpty()) {
                diagnostics.error(doc.locate(pointer), "object without " + field);
                ok = false;
            }
        }
        return ok;
    }

    /** A name, and a namespace for the kinds known to be namespaced: the object's identity. */
    private static boolean hasIdentity(ObjectNode object, YamlDocument doc, String pointer, Diagnostics diagnostics) {
        String metadata = LocationIndex.child(pointer, "metadata");
        String name = object.path("metadata").path("name").asText("");
        if (name.isEmpty()) {
            diagnostics.error(doc.locate(metadata), "object without metadata.name");
            return false;
        }
        String kind = object.get("kind").asText();
        boolean namespaced = Kinds.find(ResourceId.groupOf(object.get("apiVersion").asText()), kind)
                .map(Kinds.Kind::namespaced).orElse(false);
        if (namespaced && object.path("metadata").path("namespace").asText("").isEmpty()) {
            diagnostics.error(doc.locate(metadata), kind + " " + name + " has no metadata.namespace",
                    "snapshot with 'kubectl get <kind> -A -o yaml', which writes the namespace of every object");
            return false;
        }
        return true;
    }

    private static void add(Read read, Map<ResourceId, Read> byId, Diagnostics diagnostics, List<String> warnings) {
        ResourceId id = read.resource().id();
        Read first = byId.get(id);
        if (first == null) {
            byId.put(id, read);
        } else if (first.resource().body().equals(read.resource().body())) {
            return;
        } else if (first.fromV1() != read.fromV1()) {
            // Snapshots of both the v3 API and the v1 CRDs hold the same objects; the v3 one is what users see.
            Read v3 = first.fromV1() ? read : first;
            Read v1 = first.fromV1() ? first : read;
            byId.put(id, v3);
            warnings.add(id + " is in the files both as " + V1Mapping.V3_API_VERSION + " (" + v3.resource().origin()
                    + ") and as " + V1Mapping.V1_API_VERSION + " (" + v1.resource().origin() + "): using the v3 object");
        } else {
            diagnostics.error(read.resource().origin(), "duplicate " + id + " with different content",
                    "first read at " + first.resource().origin() + "; snapshot each kind once");
        }
    }

    /** The item with the list's apiVersion and kind filled in where it has none. */
    private static ObjectNode withDefaults(ObjectNode item, ObjectNode defaults) {
        if (item.hasNonNull("apiVersion") && item.hasNonNull("kind")) {
            return item;
        }
        ObjectNode out = item.objectNode();
        out.set("apiVersion", item.hasNonNull("apiVersion") ? item.get("apiVersion") : defaults.get("apiVersion"));
        out.set("kind", item.hasNonNull("kind") ? item.get("kind") : defaults.get("kind"));
        item.properties().forEach(e -> out.putIfAbsent(e.getKey(), e.getValue()));
        return out;
    }
}
