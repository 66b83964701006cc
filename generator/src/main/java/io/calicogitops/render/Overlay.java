package io.calicogitops.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.diag.SourceLocation;

import java.util.List;
import java.util.Map;

/**
 * A trait overlay, like a Kustomize component: when it applies (equality tests on view-model paths), what it requires
 * and conflicts with, the manual steps it needs, and the resources and merge patches it adds.
 */
public record Overlay(String name, String description, Map<String, JsonNode> when, List<String> requires,
                      List<Conflict> conflicts, List<String> notes, List<TemplateFile> resources,
                      List<TemplateFile> patches, SourceLocation origin) {

    public Overlay {
        when = Map.copyOf(when);
        requires = List.copyOf(requires);
        conflicts = List.copyOf(conflicts);
        notes = List.copyOf(notes);
        resources = List.copyOf(resources);
        patches = List.copyOf(patches);
    }

    /** A refusal: this overlay cannot be combined with {@code overlay} on profiles matching {@code when}. */
    public record Conflict(String overlay, Map<String, JsonNode> when, String message, String hint, SourceLocation origin) {
        public Conflict {
            when = Map.copyOf(when);
        }
    }

    /** Whether every {@code when} entry holds for the view model (a list value means any of its items). */
    public static boolean matches(Map<String, JsonNode> when, Map<String, Object> view) {
        return when.entrySet().stream().allMatch(e -> {
            Object actual = lookup(view, e.getKey());
            JsonNode expected = e.getValue();
            if (expected.isArray()) {
                for (JsonNode item : expected) {
                    if (same(item, actual)) {
                        return true;
                    }
                }
                return false;
            }
            return same(expected, actual);
        });
    }

    static Object lookup(Map<String, Object> view, String dotted) {
        Object cur = view;
        for (String part : dotted.split("\\.")) {
            if (!(cur instanceof Map<?, ?> m) || !m.containsKey(part)) {
                return null;
            }
            cur = m.get(part);
        }
        return cur;
    }

    private static boolean same(JsonNode expected, Object actual) {
        if (actual == null) {
            return expected.isNull();
        }
        if (expected.isBoolean()) {
            return actual instanceof Boolean b && b == expected.booleanValue();
        }
        if (expected.isNumber()) {
            return actual instanceof Number n && n.doubleValue() == expected.doubleValue();
        }
        return expected.isTextual() && expected.asText().equals(String.valueOf(actual));
    }
}
