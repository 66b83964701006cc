package io.calicogitops.selector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Part 1 of upstream's parser_test.go: {selector, matching label sets, non-matching label sets}. */
class SelectorMatchTest {

    static Stream<Arguments> selectorTests() {
        return Stream.of(
                // Upstream selectorTests.
                test("a == \"b\"", List.of(m("a", "b"), m("a", "b", "c", "d")), List.of(m(), m("a", "c"), m("c", "d"))),
                test("a == \"b\" && c == \"d\"", List.of(m("a", "b", "c", "d")),
                        List.of(m(), m("a", "b", "c", "e"), m("a", "c", "c", "d"), m("c", "d"), m("a", "b"))),
                test("a == \"b\" || c == \"d\"", List.of(m("a", "b", "c", "d"), m("a", "b"), m("c", "d")),
                        List.of(m(), m("a", "e", "c", "e"), m("c", "e"), m("a", "e"))),
                test("a in {\"'\", '\"', \"c\"}", List.of(m("a", "c"), m("a", "\""), m("a", "'")), List.of(m(), m("a", "e"))),
                test("a not in {\"'\", '\"', \"c\"}", List.of(m(), m("a", "e")), List.of(m("a", "c"), m("a", "\""), m("a", "'"))),
                test("a == 'a'", List.of(m("a", "a")), List.of(m("a", "b"), m())),
                test("a == \"a\"", List.of(m("a", "a")), List.of()),
                test("a != \"b\"", List.of(m("a", "a")), List.of()),
                test("a != \"a\"", List.of(m()), List.of(m("a", "a"))),
                test("a != 'a'", List.of(), List.of(m("a", "a"))),
                test("a contains \"a\"", List.of(m("a", "a"), m("a", "bab"), m("a", "aaa", "b", "c")),
                        List.of(m(), m("a", "b"), m("b", "aaa"))),
                test("a starts with \"a\"", List.of(m("a", "a"), m("a", "abb"), m("a", "aaa", "b", "c")),
                        List.of(m(), m("a", "b"), m("a", "baa"), m("b", "aaa"))),
                test("a ends with \"a\"", List.of(m("a", "a"), m("a", "bba"), m("a", "aaa", "b", "c")),
                        List.of(m(), m("a", "b"), m("a", "aab"), m("b", "aaa"))),
                test("a in {\"a\"}", List.of(m("a", "a")), List.of(m("a", "b"))),
                test("!a in {\"a\"}", List.of(m("a", "b")), List.of(m("a", "a"))),
                test("a in {\"a\", \"b\"}", List.of(m("a", "a"), m("a", "b")), List.of(m("a", "c"))),
                test("a not in {\"d\", \"e\"}", List.of(m("a", "a")), List.of()),
                test("a not in {\"a\"}", List.of(), List.of(m("a", "a"))),
                test("has(a)", List.of(m("a", "b")), List.of()),
                test("!has(a)", List.of(m("b", "b")), List.of(m("a", "b"))),
                test("", List.of(m(), m("a", "b")), List.of()),
                test(" ", List.of(m()), List.of()),
                test("all()", List.of(m()), List.of()),
                test(" all()", List.of(m(), m("a", "b")), List.of()),
                test("global()", List.of(m()), List.of()),
                test(" global()", List.of(m(), m("a", "b")), List.of()),
                test("has(b)", List.of(), List.of(m("a", "b"))),
                test("!!has(b)", List.of(), List.of(m("a", "b"))),
                test("! has(a)", List.of(), List.of(m("a", "b"))),
                test("!!! has(a)", List.of(), List.of(m("a", "b"))),
                test("!!!has(a)", List.of(), List.of(m("a", "b"))),
                test("!! ! has(a)", List.of(), List.of(m("a", "b"))),
                test("! !!has(a)", List.of(), List.of(m("a", "b"))),
                test("a == 'a1' && b == 'b1'", List.of(m("a", "a1", "b", "b1")), List.of()),
                test("a == 'a1' && b != 'b1'", List.of(), List.of(m("a", "a1", "b", "b1"))),
                test("a != 'a1' && b == 'b1'", List.of(), List.of(m("a", "a1", "b", "b1"))),
                test("a != 'a1' && b != 'b1'", List.of(), List.of(m("a", "a1", "b", "b1"))),
                test("a != 'a1' && !b == 'b1'", List.of(), List.of(m("a", "a1", "b", "b1"))),
                test("!a == 'a1' && b == 'b1'", List.of(), List.of(m("a", "a1", "b", "b1"))),
                test("has(a) && !has(b)", List.of(m("a", "a")), List.of()),
                test("!has(b) && has(a)", List.of(m("a", "a")), List.of()),
                test("!(!has(a) || has(b))", List.of(m("a", "a")), List.of()),
                test("!(has(b) || !has(a))", List.of(m("a", "a")), List.of()),
                test("a == 'a1' || b == 'b1'", List.of(m("a", "a1", "b", "b1")), List.of()),
                test("a == 'a1' || b != 'b1'", List.of(m("a", "a1", "b", "b1")), List.of()),
                test("a != 'a1' || b == 'b1'", List.of(m("a", "a1", "b", "b1")), List.of()),
                test("a != 'a1' || b != 'b1'", List.of(), List.of(m("a", "a1", "b", "b1"))),
                test("! a == 'a1' || ! b == 'b1'", List.of(), List.of(m("a", "a1", "b", "b1"))),

                // Absent labels: only "!=" and "not in" are true.
                test("a contains \"\"", List.of(m("a", "")), List.of(m())),
                test("a starts with \"\" || a ends with \"\"", List.of(m("a", "x")), List.of(m("b", "x"))),
                test("a in {}", List.of(), List.of(m(), m("a", ""))),
                test("a not in {}", List.of(m(), m("a", "x")), List.of()),
                test("!a != \"x\"", List.of(m("a", "x")), List.of(m(), m("a", "y"))),

                // Keyword operators only right after a label, so labels may be named after them.
                test("contains contains \"contains\"", List.of(m("contains", "xcontainsx")), List.of(m("contains", "cont"))),
                test("contains contains 'contains'", List.of(m("contains", "contains")), List.of(m())),
                test("in in {\"in\"}", List.of(m("in", "in")), List.of(m("in", "out"))),
                test("not not in {\"in\"}", List.of(m("not", "out"), m()), List.of(m("not", "in"))),
                test("startswith starts with \"value\"", List.of(m("startswith", "values")), List.of(m("startswith", "v"))),
                test("endswith endswith \"x\"", List.of(m("endswith", "ax")), List.of(m("endswith", "xa"))),
                test("has == \"x\" && all == \"y\" && global != \"z\"", List.of(m("has", "x", "all", "y")),
                        List.of(m("has", "x", "all", "y", "global", "z"))),

                // Operator spelling: no spaces, several spaces, tabs.
                test("a startswith\"pre\"", List.of(m("a", "prefix")), List.of(m("a", "xpre"))),
                test("a endswith'fix'", List.of(m("a", "suffix")), List.of(m("a", "fixed"))),
                test("a notin{\"x\"}", List.of(m("a", "y"), m()), List.of(m("a", "x"))),
                test("a not \t in {\"x\"}", List.of(m("a", "y")), List.of(m("a", "x"))),
                test("a  starts  \twith \"x\"", List.of(m("a", "xy")), List.of(m("a", "yx"))),
                test("a==\"b\"&&c!=\"d\"", List.of(m("a", "b")), List.of(m("a", "b", "c", "d"))),
                test("\ta\t==\t\"b\"\t", List.of(m("a", "b")), List.of(m("a", " b"))),
                test("has( a )&&all( )||global(\t)", List.of(m("a", "")), List.of()),

                // Quotes inside strings: no escapes, the other quote kind delimits.
                test("a == '\"'", List.of(m("a", "\"")), List.of(m("a", "'"))),
                test("a == \"'\"", List.of(m("a", "'")), List.of(m("a", "\""))),
                test("a contains '\"x\"'", List.of(m("a", "say \"x\" now")), List.of(m("a", "x"))),
                test("a == \"has(b) && c\"", List.of(m("a", "has(b) && c")), List.of(m("c", "x"))),

                // Sets: trailing comma, duplicates.
                test("a in {\"x\", \"y\",}", List.of(m("a", "x"), m("a", "y")), List.of(m("a", ""), m())),
                test("a in {'x','x','x'}", List.of(m("a", "x")), List.of(m("a", "xx"))),

                // Namespaced keys with slashes, dots, dashes and underscores are one token.
                test("projectcalico.org/namespace == \"kube-system\" && k8s-app == \"kube-dns\"",
                        List.of(m("projectcalico.org/namespace", "kube-system", "k8s-app", "kube-dns")),
                        List.of(m("k8s-app", "kube-dns"), m("projectcalico.org/namespace", "kube-system"))),
                test("app.kubernetes.io/name in {\"web\", \"api\"}", List.of(m("app.kubernetes.io/name", "api")),
                        List.of(m("name", "api"))),
                test("has(calico/k8s_NS-.1/role)", List.of(m("calico/k8s_NS-.1/role", "")), List.of(m("role", "x"))),
                test("a-b_c == \"1\"", List.of(m("a-b_c", "1")), List.of(m("a", "1"))),

                // Precedence: operator, then "!" and parentheses, then "&&", then "||".
                test("!a == \"x\" && b == \"y\"", List.of(m("b", "y"), m("a", "z", "b", "y")), List.of(m("a", "x", "b", "y"), m())),
                test("a == \"1\" || b == \"2\" && c == \"3\"", List.of(m("a", "1"), m("b", "2", "c", "3")), List.of(m("b", "2"))),
                test("(a == \"1\" || b == \"2\") && c == \"3\"", List.of(m("b", "2", "c", "3")), List.of(m("a", "1"))),
                test("!(a == \"1\" && b == \"2\")", List.of(m("a", "1"), m()), List.of(m("a", "1", "b", "2"))),
                test("!(!(k == 'v' && has(t) || all()) && (a in {'b', 'c'}))", List.of(m(), m("a", "b")), List.of()),
                test("((((has(a)))))", List.of(m("a", "")), List.of(m())),

                // Matching is case-sensitive.
                test("app == \"Web\"", List.of(m("app", "Web")), List.of(m("app", "web"), m("App", "Web"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("selectorTests")
    void matches_labelSetsAsCalicoDoes(String text, List<Map<String, String>> matches, List<Map<String, String>> nonMatches) {
        assertTrue(Selector.validate(text).isEmpty(), "validate() accepts " + text);
        assertMatches(Selector.parse(text), matches, nonMatches);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("selectorTests")
    void matches_sameAfterRoundTripThroughCanonical(String text, List<Map<String, String>> matches,
            List<Map<String, String>> nonMatches) {
        Selector roundTripped = Selector.parse(Selector.parse(text).canonical());
        assertMatches(roundTripped, matches, nonMatches);
        assertEquals(roundTripped.uniqueId(), roundTripped.uniqueId());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("selectorTests")
    void matches_sameAfterRoundTripThroughSemanticCanonical(String text, List<Map<String, String>> matches,
            List<Map<String, String>> nonMatches) {
        Selector semantic = Selector.parse(Selector.parse(text).semanticCanonical());
        assertMatches(semantic, matches, nonMatches);
        assertEquals(semantic.semanticCanonical(), semantic.canonical(), "semantic form is a fixed point");
    }

    private static void assertMatches(Selector selector, List<Map<String, String>> matches,
            List<Map<String, String>> nonMatches) {
        for (Map<String, String> labels : matches) {
            assertTrue(selector.matches(labels), selector + " should match " + labels);
        }
        for (Map<String, String> labels : nonMatches) {
            assertFalse(selector.matches(labels), selector + " should not match " + labels);
        }
    }

    private static Arguments test(String selector, List<Map<String, String>> matches, List<Map<String, String>> nonMatches) {
        return Arguments.of(selector, matches, nonMatches);
    }

    private static Map<String, String> m(String... keysAndValues) {
        Map<String, String> labels = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            labels.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return labels;
    }
}
