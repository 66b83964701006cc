package io.calicogitops.schema;

import io.calicogitops.diag.Suggestions;
import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.model.Kinds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Works out from {@code apiVersion} and {@code kind} what a document is validated against, or why it cannot be. */
final class KindResolver {

    /**
     * What to validate against: a bundled CRD or built-in Kubernetes schema ({@code crd} non-null), or only the
     * metadata rules of a kind; {@code scopeKnown} is false for a kind no schema describes.
     */
    record Target(String group, String kind, CrdSchemas.CrdSchema crd, boolean namespaced, boolean tieredPolicy,
                  boolean scopeKnown) {

        Target(String group, String kind, CrdSchemas.CrdSchema crd, boolean namespaced, boolean tieredPolicy) {
            this(group, kind, crd, namespaced, tieredPolicy, true);
        }
    }

    private KindResolver() {
    }

    static Optional<Target> resolve(JsonNode document, CrdSchemas schemas, List<Finding> out) {
        JsonNode apiVersion = header(document, "apiVersion", out);
        JsonNode kindNode = header(document, "kind", out);
        if (apiVersion == null || kindNode == null) {
            List<String> missing = new ArrayList<>();
            if (!document.hasNonNull("apiVersion")) {
                missing.add("apiVersion");
            }
            if (!document.hasNonNull("kind")) {
                missing.add("kind");
            }
            if (!missing.isEmpty()) {
                out.add(Finding.at(DocPath.ROOT, (missing.size() == 1 ? "missing required field "
                        : "missing required fields ") + Suggestions.andList(missing)));
            }
            return Optional.empty();
        }
        String version = apiVersion.asText();
        String kind = kindNode.asText();
        int slash = version.indexOf('/');
        String group = slash < 0 ? "" : version.substring(0, slash);
        Optional<CrdFlavour.Source> source = schemas.flavour().source(group);
        if (source.isPresent() && source.get().kinds().contains(kind)) {
            if (!version.equals(group + "/" + source.get().apiVersion())) {
                out.add(Finding.plain(DocPath.of("apiVersion"), "apiVersion '" + version + "' is not served for " + kind,
                        "use apiVersion '" + group + "/" + source.get().apiVersion() + "'"));
                return Optional.empty();
            }
            CrdSchemas.CrdSchema crd = schemas.find(group, kind).orElseThrow();
            boolean namespaced = Kinds.find(group, kind).map(Kinds.Kind::namespaced).orElse(crd.namespaced());
            return Optional.of(new Target(group, kind, crd, namespaced, Kinds.isCalicoPolicy(group, kind)));
        }
        KubeOpenApi kube = KubeOpenApi.shared();
        if (source.isEmpty() && !kube.versions(group, kind).isEmpty()) {
            return builtIn(group, kind, version.substring(slash + 1), schemas, out);
        }
        Optional<Kinds.Kind> known = Kinds.find(group, kind);
        if (known.isPresent() && source.isEmpty()) {
            return Optional.of(new Target(group, kind, null, known.get().namespaced(), known.get().policy()));
        }
        if (source.isEmpty() && !kube.hasGroup(group) && slash > 0) {
            // Any other API group: a CRD of the user's (Argo CD, cert-manager, example.com). Like kubectl without
            // the CRD installed we cannot know its fields or scope; the cluster's API server will check them.
            out.add(Finding.warning(DocPath.of("kind"), "no schema known for kind '" + kind + "' (apiVersion '"
                    + version + "'): only apiVersion, kind and metadata are checked", null));
            return Optional.of(new Target(group, kind, null, false, false, false));
        }
        String message = "unknown kind '" + kind + "' (apiVersion '" + version + "')";
        CrdFlavour flavour = schemas.flavour();
        if (flavour != CrdFlavour.ENTERPRISE && CrdSchemas.shared(CrdFlavour.ENTERPRISE).has(group, kind)) {
            out.add(Finding.plain(DocPath.of("kind"), message + " in " + flavour.label(),
                    kind + " exists only in " + CrdFlavour.ENTERPRISE.label()));
        } else {
            out.add(Finding.plain(DocPath.of("kind"), message, hint(kind, version, candidates(flavour))));
        }
        return Optional.empty();
    }

    /**
     * A built-in Kubernetes kind: validated against its schema in the document's version, which must be one the
     * API server serves (apps/v1beta1 Deployments were removed in Kubernetes 1.16).
     */
    private static Optional<Target> builtIn(String group, String kind, String version, CrdSchemas schemas,
                                            List<Finding> out) {
        Optional<KubeOpenApi.Kind> served = KubeOpenApi.shared().find(group, version, kind);
        if (served.isEmpty()) {
            List<String> versions = KubeOpenApi.shared().versions(group, kind).stream()
                    .map(KubeOpenApi.Kind::apiVersion).toList();
            out.add(Finding.plain(DocPath.of("apiVersion"), "apiVersion '" + (group.isEmpty() ? version
                    : group + "/" + version) + "' is not served for " + kind,
                    "use apiVersion " + Suggestions.orList(versions)));
            return Optional.empty();
        }
        KubeOpenApi.Kind k = served.get();
        return Optional.of(new Target(group, kind, schemas.builtIn(k), k.namespaced(), false));
    }

    /** Every kind the product can validate in {@code flavour}, with the apiVersions it is written with. */
    private static Map<String, List<String>> candidates(CrdFlavour flavour) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (CrdFlavour.Source s : flavour.sources()) {
            // crd.projectcalico.org/v1 is the storage form; people should write projectcalico.org/v3.
            if (!s.apiGroup().equals("crd.projectcalico.org")) {
                s.kinds().forEach(k -> out.computeIfAbsent(k, x -> new ArrayList<>()).add(s.apiGroup() + "/" + s.apiVersion()));
            }
        }
        for (KubeOpenApi.Kind k : KubeOpenApi.shared().all()) {
            out.computeIfAbsent(k.kind(), x -> new ArrayList<>()).add(k.apiVersion());
        }
        for (Kinds.Kind k : Kinds.all()) {
            if (flavour.source(k.group()).isEmpty() && KubeOpenApi.shared().versions(k.group(), k.kind()).isEmpty()) {
                out.computeIfAbsent(k.kind(), x -> new ArrayList<>()).add(k.group().isEmpty() ? "v1" : k.group() + "/v1");
            }
        }
        return out;
    }

    private static String hint(String kind, String version, Map<String, List<String>> candidates) {
        List<String> sameKind = candidates.getOrDefault(kind, List.of()).stream().filter(v -> !v.equals(version)).toList();
        if (!sameKind.isEmpty()) {
            return "did you mean apiVersion " + Suggestions.orList(sameKind) + "?";
        }
        List<String> close = Suggestions.closest(kind, candidates.keySet(), 3);
        if (close.isEmpty()) {
            return null;
        }
        List<String> shown = close.stream()
                .map(k -> "'" + k + "' (" + String.join(", ", candidates.get(k)) + ")").toList();
        return "did you mean kind " + Suggestions.join(shown, " or ") + "?";
    }

    /** The header field if it is a non-empty string; null (and a finding unless it is simply absent) otherwise. */
    private static JsonNode header(JsonNode document, String field, List<Finding> out) {
        JsonNode value = document.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            out.add(Finding.at(DocPath.of(field), "expected a non-empty string, got " + ErrorTranslator.show(value)));
            return null;
        }
        return value;
    }
}
