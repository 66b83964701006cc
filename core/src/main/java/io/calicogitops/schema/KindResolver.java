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

    /** What to validate against: a bundled CRD ({@code crd} non-null) or only the metadata rules of a known kind. */
    record Target(String group, String kind, CrdSchemas.CrdSchema crd, boolean namespaced, boolean tieredPolicy) {
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
        Optional<Kinds.Kind> known = Kinds.find(group, kind);
        if (known.isPresent() && source.isEmpty()) {
            return Optional.of(new Target(group, kind, null, known.get().namespaced(), known.get().policy()));
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

    /** Every kind the product can validate in {@code flavour}, with the apiVersions it is written with. */
    private static Map<String, List<String>> candidates(CrdFlavour flavour) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (CrdFlavour.Source s : flavour.sources()) {
            // crd.projectcalico.org/v1 is the storage form; people should write projectcalico.org/v3.
            if (!s.apiGroup().equals("crd.projectcalico.org")) {
                s.kinds().forEach(k -> out.computeIfAbsent(k, x -> new ArrayList<>()).add(s.apiGroup() + "/" + s.apiVersion()));
            }
        }
        for (Kinds.Kind k : Kinds.all()) {
            if (flavour.source(k.group()).isEmpty()) {
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
