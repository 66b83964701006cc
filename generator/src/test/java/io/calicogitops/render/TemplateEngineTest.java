package io.calicogitops.render;

import io.calicogitops.diag.SourceLocation;
import io.calicogitops.diag.TemplateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemplateEngineTest {

    private final TemplateEngine engine = new TemplateEngine();

    private static Map<String, Object> view() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", "eks-prod");
        v.put("order", 300);
        v.put("ratio", 0.5);
        v.put("on", true);
        v.put("off", false);
        v.put("domains", List.of("*.twilio.com", "api.example.com"));
        v.put("none", List.of());
        v.put("tiers", List.of(Map.of("name", "security", "order", 400), Map.of("name", "platform", "order", 300)));
        v.put("alerts", Map.of("severity", 100, "lateralMovement", Map.of("namespace", "dev")));
        return v;
    }

    private String render(String template) {
        return engine.render("templates/p/t.yaml.mustache", template, view());
    }

    private TemplateException failure(String template) {
        return assertThrows(TemplateException.class, () -> render(template));
    }

    @Test
    void render_missingVariable_namesTemplateFileAndLine() {
        TemplateException e = failure("kind: Tier\nmetadata:\n  name: {{nmae}}\n");

        assertEquals(SourceLocation.of("templates/p/t.yaml.mustache", 3, 0), e.location());
        assertEquals("templates/p/t.yaml.mustache:3: error: missing template variable 'nmae'", e.getMessage());
    }

    @Test
    void render_missingNestedName_isAnError() {
        assertEquals("templates/p/t.yaml.mustache:1: error: missing template variable 'alerts.period'",
                failure("period: {{alerts.period}}").getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"note: {{{name}}}", "note: {{&name}}"})
    void render_unescapedValue_isRefusedWithFileAndLine(String line) {
        TemplateException e = failure("a: 1\n" + line + "\n");

        assertEquals(2, e.location().line());
        assertEquals("templates/p/t.yaml.mustache:2: error: '{{{name}}}' / '{{&name}}' is not allowed: values are"
                + " always emitted as quoted YAML scalars", e.getMessage());
    }

    @Test
    void render_partial_isRefused() {
        assertEquals("templates/p/t.yaml.mustache:1: error: partials ('{{>common}}') are not supported",
                failure("{{>common}}\n").getMessage());
    }

    @Test
    void render_string_isOneDoubleQuotedJsonScalar() {
        Map<String, Object> v = Map.of("s", "a\"b: c\n- action: Allow {{x}} <&>");

        assertEquals("note: \"a\\\"b: c\\n- action: Allow {{x}} <&>\"",
                engine.render("t", "note: {{s}}", v));
    }

    @Test
    void render_numbersAndBooleans_areBare() {
        assertEquals("order: 300\nratio: 0.5\non: true\noff: false",
                render("order: {{order}}\nratio: {{ratio}}\non: {{on}}\noff: {{off}}"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"domains", "tiers", "alerts", "alerts.lateralMovement"})
    void render_listOrMapAsValue_isAnError(String name) {
        assertEquals("templates/p/t.yaml.mustache:1: error: a mapping or list cannot be emitted as one value;"
                + " iterate it with {{#...}}", failure("x: {{" + name + "}}").getMessage());
    }

    @Test
    void render_sectionOverListOfStrings_repeatsWithEachItemQuoted() {
        assertEquals("domains:\n- \"*.twilio.com\"\n- \"api.example.com\"\n",
                render("domains:\n{{#domains}}\n- {{.}}\n{{/domains}}\n"));
    }

    @Test
    void render_sectionOverListOfMaps_seesEachItemsNames() {
        assertEquals("- \"security\" 400\n- \"platform\" 300\n", render("{{#tiers}}\n- {{name}} {{order}}\n{{/tiers}}\n"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {{#on}}yes{{/on}}{{^on}}no{{/on}}     | yes
            {{#off}}yes{{/off}}{{^off}}no{{/off}} | no
            {{#none}}yes{{/none}}{{^none}}no{{/none}} | no
            {{#domains}}x{{/domains}}             | xx
            """)
    void render_sectionsOverBooleansAndLists_testTruthAndEmptiness(String template, String expected) {
        assertEquals(expected, render(template));
    }

    @Test
    void render_missingNameInsideListSection_isStillAnError() {
        TemplateException e = failure("{{#domains}}\n- {{domian}}\n{{/domains}}\n");

        assertEquals("templates/p/t.yaml.mustache:2: error: missing template variable 'domian'", e.getMessage());
    }

    @Test
    void render_missingSectionName_isAnError() {
        assertEquals("templates/p/t.yaml.mustache:1: error: missing template variable 'enabled'",
                failure("{{^enabled}}x{{/enabled}}").getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{{#domains}}{{length}}{{/domains}}", "{{#domains}}{{empty}}{{/domains}}",
            "{{#tiers}}{{size}}{{/tiers}}", "{{class}}", "{{#name}}{{bytes}}{{/name}}"})
    void render_javaMethodNames_areMissingVariablesNotReflection(String template) {
        assertTrue(failure(template).getMessage().contains("missing template variable"));
    }

    @Test
    void render_insideSection_itemNamesShadowOuterOnesAndOuterNamesStillResolve() {
        assertEquals("\"security\" 100\n\"platform\" 100\n",
                render("{{#tiers}}\n{{name}} {{alerts.severity}}\n{{/tiers}}\n"));
    }

    @Test
    void render_unbalancedSection_isAnErrorWithLine() {
        TemplateException e = failure("a: 1\n{{#on}}\nb: 2\n");

        assertEquals("templates/p/t.yaml.mustache", e.location().file());
        assertTrue(e.location().line() > 0, e.getMessage());
    }

    @Test
    void renderLines_sectionTagLines_mapRenderedLinesToTemplateLines() {
        String template = """
                a: 1
                {{#on}}
                b: 2
                {{/on}}
                {{#off}}
                c: 3
                {{/off}}
                list:
                  {{#domains}}
                  - {{.}}
                  {{/domains}}
                z: 9
                """;

        TemplateEngine.Rendered r = engine.renderLines("t", template, view());

        assertEquals("a: 1\nb: 2\nlist:\n  - \"*.twilio.com\"\n  - \"api.example.com\"\nz: 9\n", r.text());
        assertArrayEquals(new int[] {1, 3, 8, 10, 10, 12}, r.lines());
        assertEquals(10, r.templateLine(5));
    }

    @Test
    void renderLines_textIsTheSameAsWithoutLineTracking() {
        String template = "x:\n  {{#on}}\n  y: {{name}}\n  {{/on}}\n{{! a comment }}\nz: {{order}}";

        assertEquals("x:\n  y: \"eks-prod\"\nz: 300", engine.renderLines("t", template, view()).text());
        assertEquals(engine.render("t", template, view()), engine.renderLines("t", template, view()).text());
    }

    @Test
    void renderLines_templateWithChangedDelimiters_isRenderedUnmappedAndStillQuoted() {
        TemplateEngine.Rendered r = engine.renderLines("t", "{{=<% %>=}}\nname: <%name%>\n", view());

        assertEquals("name: \"eks-prod\"\n", r.text().stripLeading());
        assertEquals(2, r.templateLine(2));
    }
}
