package io.calicogitops.selector;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** {@link Selector#requiredLabel()}: what the compiled evaluator indexes policies by must hold of every match. */
class SelectorRequiredLabelTest {

    @Test
    void equality_aloneOrInTopLevelAnd_isRequired() {
        assertEquals(Map.entry("app", "web"), Selector.parse("app == 'web'").requiredLabel());
        assertEquals(Map.entry("app", "web"), Selector.parse("has(role) && app == 'web' && tier == 'x'").requiredLabel());
        assertEquals(Map.entry("app", "web"), Selector.parse("(app == 'web' && role != 'db')").requiredLabel());
    }

    @Test
    void noEqualityEveryMatchMustHave_isNull() {
        for (String text : List.of("", "all()", "global()", "has(app)", "app != 'web'", "app in {'web'}", "!app == 'web'",
                "app == 'web' || app == 'api'", "!(app == 'web' && role == 'db')", "app starts with 'web'")) {
            assertNull(Selector.parse(text).requiredLabel(), text);
        }
    }

    /** Upstream's selector tests: whenever a selector names a required label, every label set it matches has it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.calicogitops.selector.SelectorMatchTest#selectorTests")
    void everyMatch_hasTheRequiredLabel(String text, List<Map<String, String>> matches, List<Map<String, String>> nonMatches) {
        Selector s = Selector.parse(text);
        Map.Entry<String, String> required = s.requiredLabel();
        if (required == null) {
            return;
        }
        for (Map<String, String> labels : matches) {
            assertEquals(required.getValue(), labels.get(required.getKey()), text + " matched " + labels);
        }
    }
}
