package io.calicogitops.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.diag.SourceLocation;
import io.calicogitops.yaml.MappingReader;
import io.calicogitops.yaml.YamlDocument;
import io.calicogitops.yaml.YamlReader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@code <overlay>/overlay.yaml} declarations and gathers each overlay's resource and patch templates. */
public final class OverlayLoader {

    private OverlayLoader() {
    }

    /** Every overlay of the library, sorted by name; problems go to {@code diagnostics}. */
    public static List<Overlay> load(TemplateLibrary library, Diagnostics diagnostics) {
        List<Overlay> out = new ArrayList<>();
        Map<String, YamlDocument> declarations = new LinkedHashMap<>();
        YamlReader reader = new YamlReader();
        for (String group : library.groups()) {
            List<TemplateFile> files = library.inGroup(group);
            Optional<TemplateFile> decl = files.stream().filter(f -> f.relativePath().equals(group + "/overlay.yaml")).findFirst();
            if (decl.isEmpty()) {
                diagnostics.error(SourceLocation.of(files.get(0).displayPath()),
                        "overlay '" + group + "' has no overlay.yaml", "declare name, description and when");
                continue;
            }
            List<YamlDocument> docs = reader.read(decl.get().text(), decl.get().displayPath(), diagnostics);
            if (docs.isEmpty()) {
                continue;
            }
            read(group, docs.get(0), files, diagnostics).ifPresent(o -> {
                out.add(o);
                declarations.put(o.name(), docs.get(0));
            });
        }
        checkReferences(out, declarations, diagnostics);
        return out;
    }

    /**
     * A misspelt name in {@code requires} or {@code conflictsWith} is reported once, where it is written: a
     * requirement on no overlay could never hold, and a refusal naming no overlay would silently never refuse.
     */
    private static void checkReferences(List<Overlay> overlays, Map<String, YamlDocument> declarations,
                                        Diagnostics diagnostics) {
        Set<String> names = declarations.keySet();
        String known = "overlays: " + String.join(", ", names.stream().sorted().toList());
        for (Overlay o : overlays) {
            YamlDocument doc = declarations.get(o.name());
            for (int i = 0; i < o.requires().size(); i++) {
                if (!names.contains(o.requires().get(i))) {
                    diagnostics.error(doc.locate("/requires/" + i), "requires[" + i + "]: no overlay is named '"
                            + o.requires().get(i) + "'", known);
                }
            }
            for (int i = 0; i < o.conflicts().size(); i++) {
                if (!names.contains(o.conflicts().get(i).overlay())) {
                    diagnostics.error(doc.locate("/conflictsWith/" + i + "/overlay"), "conflictsWith[" + i
                            + "].overlay: no overlay is named '" + o.conflicts().get(i).overlay() + "'", known);
                }
            }
        }
    }

    private static Optional<Overlay> read(String group, YamlDocument doc, List<TemplateFile> files, Diagnostics diagnostics) {
        MappingReader r = MappingReader.root(doc.body(), doc.locations(), diagnostics);
        int before = diagnostics.errorCount();
        r.rejectUnknownKeys(Set.of("name", "description", "when", "requires", "conflictsWith", "notes"));
        String name = r.string("name", group);
        if (!name.equals(group)) {
            r.error("name", "overlay name '" + name + "' differs from its folder '" + group + "'");
        }
        Map<String, JsonNode> when = conditions(r, "when");
        if (when.isEmpty()) {
            r.diagnostics().error(r.here(), "when: required", "an overlay states when it applies, e.g. 'when: {wireguard: true}'");
        }
        List<Overlay.Conflict> conflicts = r.objects("conflictsWith", List.of(), c -> {
            c.rejectUnknownKeys(Set.of("overlay", "when", "message", "hint"));
            String other = c.string("overlay", null);
            String message = c.string("message", null);
            if (other == null || message == null) {
                c.diagnostics().error(c.here(), c.pathOf(other == null ? "overlay" : "message") + ": required");
                return null;
            }
            return new Overlay.Conflict(other, conditions(c, "when"), message, c.string("hint", null), c.here());
        });
        List<TemplateFile> resources = files.stream()
                .filter(f -> f.relativePath().startsWith(group + "/resources/") && f.isTemplate()).toList();
        List<TemplateFile> patches = files.stream()
                .filter(f -> f.relativePath().startsWith(group + "/patches/") && f.isTemplate()).toList();
        Overlay overlay = new Overlay(name, r.string("description", ""), when, r.strings("requires", List.of()),
                conflicts, r.strings("notes", List.of()), resources, patches, r.here());
        return diagnostics.errorCount() == before ? Optional.of(overlay) : Optional.empty();
    }

    private static Map<String, JsonNode> conditions(MappingReader r, String key) {
        Map<String, JsonNode> when = new LinkedHashMap<>();
        JsonNode node = r.raw(key);
        if (node == null || node.isNull()) {
            return when;
        }
        if (!node.isObject()) {
            r.error(key, "expected a mapping of view-model paths to values");
            return when;
        }
        node.fields().forEachRemaining(e -> when.put(e.getKey(), e.getValue()));
        return when;
    }
}
