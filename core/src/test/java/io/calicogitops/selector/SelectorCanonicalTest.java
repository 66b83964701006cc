package io.calicogitops.selector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Part 3 of upstream's parser_test.go: canonical form and UID, plus the semantic form used by the drift auditor. */
class SelectorCanonicalTest {

    private static final String ALL_UID = "s:5y5I3VdRZfDU01O--xXAPx2yxCQQqMf0M6IWug";

    static Stream<Arguments> canonicalisationTests() {
        return Stream.of(
                // Upstream canonicalisationTests (an empty UID means upstream does not pin it).
                Arguments.of("", "all()", ALL_UID),
                Arguments.of(" all() ", "all()", ALL_UID),
                Arguments.of(" (all() )", "all()", ALL_UID),
                Arguments.of("! (has( b)||! has(a ))", "!(has(b) || !has(a))", "s:Iss0uCleLYv1GSv_pNm7hAO58kE9jAx1NKyG3Q"),
                Arguments.of("! (a == \"b\"&&! c != \"d\")", "!(a == \"b\" && !c != \"d\")",
                        "s:lh3haoY1ikTRkd4UZu0nWSaIBknYLPJLX16d-w"),
                Arguments.of("a == \"'\"", "a == \"'\"", ""),
                Arguments.of("a == '\"'", "a == '\"'", ""),
                Arguments.of("a contains '\"'", "a contains '\"'", ""),
                Arguments.of("a contains \"'\"", "a contains \"'\"", ""),
                Arguments.of("a startswith '\"'", "a starts with '\"'", ""),
                Arguments.of("a endswith \"'\"", "a ends with \"'\"", ""),
                Arguments.of("a!='\"'", "a != '\"'", ""),
                Arguments.of("a in {\"d\"}", "a in {\"d\"}", ""),
                Arguments.of("a in {\"a\", \"b\"}", "a in {\"a\", \"b\"}", ""),
                Arguments.of("a in {\"d\", \"a\", \"b\"}", "a in {\"a\", \"b\", \"d\"}", ""),
                Arguments.of("a in {\"z\", \"x\", \"y\", \"a\"}", "a in {\"a\", \"x\", \"y\", \"z\"}", ""),
                Arguments.of("a in {\"z\", \"z\", \"x\", \"y\", \"x\", \"a\"}", "a in {\"a\", \"x\", \"y\", \"z\"}", ""),
                // Upstream visitor tests, without the prefix.
                Arguments.of("k == 'v' && x == 'y'", "(k == \"v\" && x == \"y\")", ""),
                Arguments.of("k == 'v' || has(x)", "(k == \"v\" || has(x))", ""),
                Arguments.of("!(k == 'v')", "!k == \"v\"", ""),
                Arguments.of("k not in {'v'}", "k not in {\"v\"}", ""),
                Arguments.of("!(!(k == 'v' && has(t) || all()) && (a in {'b', 'c'}))",
                        "!(!((k == \"v\" && has(t)) || all()) && a in {\"b\", \"c\"})", ""),
                // Calico semantics §1.4.
                Arguments.of("a==\"1\"&&b==\"2\"&&c==\"3\"", "(a == \"1\" && b == \"2\" && c == \"3\")", ""),
                Arguments.of("(a==\"1\"&&b==\"2\")&&c==\"3\"", "((a == \"1\" && b == \"2\") && c == \"3\")", ""),
                Arguments.of("(all())", "all()", ALL_UID),
                Arguments.of("!!all()", "all()", ALL_UID),
                // More.
                Arguments.of("a == \"x\" || b == \"y\" && c == \"z\"", "(a == \"x\" || (b == \"y\" && c == \"z\"))", ""),
                Arguments.of("!!has(a)", "has(a)", ""),
                Arguments.of("!!!has(a)", "!has(a)", ""),
                Arguments.of("a notin {}", "a not in {}", ""),
                Arguments.of("a in {'b',}", "a in {\"b\"}", ""),
                Arguments.of("a in {\"'\", '\"', \"c\"}", "a in {'\"', \"'\", \"c\"}", ""),
                Arguments.of("global()", "global()", ""),
                Arguments.of(" global( ) ", "global()", ""),
                Arguments.of("\tapp\t==\t'web'\t", "app == \"web\"", ""),
                Arguments.of("contains contains \"contains\"", "contains contains \"contains\"", ""),
                Arguments.of("a  starts \t with 'x'", "a starts with \"x\"", ""),
                Arguments.of("a ends  with 'x'", "a ends with \"x\"", ""),
                Arguments.of("a not  in {'x'}", "a not in {\"x\"}", ""),
                Arguments.of("projectcalico.org/namespace=='prod'", "projectcalico.org/namespace == \"prod\"", ""),
                Arguments.of("((has(a)))", "has(a)", ""),
                Arguments.of("!(a == 'x' || b == 'y')", "!(a == \"x\" || b == \"y\")", ""),
                Arguments.of("a in {\"é\", \"z\", \"😀\", \"\uffff\"}", "a in {\"z\", \"é\", \"\uffff\", \"😀\"}", ""));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("canonicalisationTests")
    void canonical_matchesCalicoString_andRoundTrips(String input, String canonical, String uid) {
        Selector selector = Selector.parse(input);
        assertEquals(canonical, selector.canonical());
        Selector roundTripped = Selector.parse(canonical);
        assertEquals(canonical, roundTripped.canonical());
        assertEquals(selector.uniqueId(), roundTripped.uniqueId());
        assertEquals(selector, roundTripped);
        if (!uid.isEmpty()) {
            assertEquals(uid, selector.uniqueId());
        }
    }

    @Test
    void canonical_keepsNegationOfParenthesisedNegation_likeCalico() {
        // Calico prints NotNode(NotNode(x)) as "!!x", which re-parses by parity to plain x: same meaning, new text.
        Selector selector = Selector.parse("!(!has(a))");
        assertEquals("!!has(a)", selector.canonical());
        assertEquals("has(a)", Selector.parse(selector.canonical()).canonical());
        assertEquals("has(a)", selector.semanticCanonical());
    }

    @Test
    void uniqueId_isCalicoHashOfCanonicalText() {
        Selector selector = Selector.parse("a == 'b'");
        assertTrue(selector.uniqueId().matches("s:[A-Za-z0-9_-]{38}"), selector.uniqueId());
        assertEquals(selector.uniqueId(), selector.uniqueId());
        assertNotEquals(selector.uniqueId(), Selector.parse("a == 'c'").uniqueId());
    }

    static Stream<Arguments> sameMeaning() {
        return Stream.of(
                Arguments.of("a == \"1\" && b == \"2\"", "b == '2' && a == \"1\""),
                Arguments.of("(a==\"1\"&&b==\"2\")&&c==\"3\"", "a==\"1\"&&(b==\"2\"&&c==\"3\")"),
                Arguments.of("(a==\"1\"&&b==\"2\")&&c==\"3\"", "c == \"3\" && b == \"2\" && a == \"1\""),
                Arguments.of("a == \"1\" || (b == \"2\" || c == \"3\")", "(c == \"3\" || a == \"1\") || b == \"2\""),
                Arguments.of("(a == \"1\" || b == \"2\") && c == \"3\"", "c == \"3\" && (b == \"2\" || a == \"1\")"),
                Arguments.of("a in {\"x\", \"y\"}", "a in {\"y\", \"x\", \"x\",}"),
                Arguments.of("a == 'x'", "a == \"x\""),
                Arguments.of("a==\"x\"", "  a   ==\t\"x\" "),
                Arguments.of("!!has(a)", "has(a)"),
                Arguments.of("!(!has(a))", "has(a)"),
                Arguments.of("!a == \"x\"", "a != \"x\""),
                Arguments.of("!(a != \"x\")", "a == \"x\""),
                Arguments.of("!a in {\"x\", \"y\"}", "a not in {\"y\", \"x\"}"),
                Arguments.of("a in {\"x\"}", "a == \"x\""),
                Arguments.of("a not in {\"x\"}", "a != \"x\""),
                Arguments.of("has(a) || has(b) || has(a)", "has(b) || has(a)"),
                Arguments.of("has(a) && has(a)", "has(a)"),
                Arguments.of("a == \"x\" && all()", "a == \"x\""),
                Arguments.of("a == \"x\" || all()", "all()"),
                Arguments.of("", "all()"),
                Arguments.of("!(has(b) || !has(a))", "!(!has(a) || has(b))"),
                Arguments.of("(has(a) && (has(b) || (has(c) || has(d)))) && has(e)",
                        "has(e) && has(a) && (has(d) || has(c) || has(b))"));
    }

    @ParameterizedTest(name = "{0} == {1}")
    @MethodSource("sameMeaning")
    void semanticCanonical_isEqualForReorderedOrRenestedSelectors(String left, String right) {
        Selector a = Selector.parse(left);
        Selector b = Selector.parse(right);
        assertEquals(a.semanticCanonical(), b.semanticCanonical());
        assertTrue(a.sameMeaningAs(b));
    }

    static Stream<Arguments> differentMeaning() {
        return Stream.of(
                Arguments.of("a == \"1\" && b == \"2\"", "a == \"1\" || b == \"2\""),
                Arguments.of("a == \"x\"", "a != \"x\""),
                Arguments.of("a == \"x\"", "a == \"X\""),
                Arguments.of("a == \"x\"", "b == \"x\""),
                Arguments.of("a in {\"x\", \"y\"}", "a in {\"x\"}"),
                Arguments.of("a in {\"x\", \"y\"}", "a not in {\"x\", \"y\"}"),
                Arguments.of("has(a)", "!has(a)"),
                Arguments.of("has(a)", "a != \"\""),
                Arguments.of("!a contains \"x\"", "a contains \"x\""),
                Arguments.of("(a == \"1\" || b == \"2\") && c == \"3\"", "a == \"1\" || (b == \"2\" && c == \"3\")"),
                Arguments.of("!(has(a) && has(b))", "!has(a) && !has(b)"),
                Arguments.of("global()", "all()"),
                Arguments.of("a starts with \"x\"", "a ends with \"x\""));
    }

    @ParameterizedTest(name = "{0} != {1}")
    @MethodSource("differentMeaning")
    void semanticCanonical_differsWhenMeaningDiffers(String left, String right) {
        assertNotEquals(Selector.parse(left).semanticCanonical(), Selector.parse(right).semanticCanonical());
        assertFalse(Selector.parse(left).sameMeaningAs(Selector.parse(right)));
    }

    @Test
    void semanticCanonical_flattensAndSortsOperands() {
        assertEquals("(a == \"1\" && b == \"2\" && c == \"3\")",
                Selector.parse("c == '3' && (b == '2' && a == '1')").semanticCanonical());
        assertEquals("((a == \"1\" && b == \"2\") || c == \"3\")",
                Selector.parse("c == '3' || b == '2' && a == '1'").semanticCanonical());
    }

    @Test
    void canonical_keepsExplicitNestingThatSemanticCanonicalFlattens() {
        Selector selector = Selector.parse("(a==\"1\"&&b==\"2\")&&c==\"3\"");
        assertEquals("((a == \"1\" && b == \"2\") && c == \"3\")", selector.canonical());
        assertEquals("(a == \"1\" && b == \"2\" && c == \"3\")", selector.semanticCanonical());
    }

    @Test
    void labelKeys_listsEveryReferencedLabelSorted() {
        Selector selector = Selector.parse(
                "has(z) && b in {\"x\"} || !c == \"y\" && d contains \"z\" || all() || global() || a not in {} "
                        + "|| projectcalico.org/namespace starts with 'p' || e ends with 'q' || f != 'r'");
        assertEquals(List.of("a", "b", "c", "d", "e", "f", "projectcalico.org/namespace", "z"),
                List.copyOf(selector.labelKeys()));
        assertEquals(Set.of(), Selector.parse("all() && global()").labelKeys());
        assertEquals(Set.of("contains"), Selector.parse("contains contains 'contains'").labelKeys());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t", "all()", " all( ) ", "(all())", "!!all()"})
    void isAll_isTrueForAllAndTheEmptySelector(String text) {
        assertTrue(Selector.parse(text).isAll());
    }

    @ParameterizedTest
    @ValueSource(strings = {"global()", "has(a)", "all() || has(a)", "!all()", "a not in {}"})
    void isAll_isFalseOtherwise(String text) {
        assertFalse(Selector.parse(text).isAll());
    }

    @Test
    void usesGlobal_findsGlobalAnywhere() {
        assertTrue(Selector.parse("global()").usesGlobal());
        assertTrue(Selector.parse("has(a) && !global()").usesGlobal());
        assertFalse(Selector.parse("all()").usesGlobal());
        assertFalse(Selector.parse("global == 'x'").usesGlobal());
    }

    @Test
    void equalsAndToString_followCanonicalForm() {
        Selector a = Selector.parse("a=='x'&&has(b)");
        Selector b = Selector.parse("a == \"x\" && has( b )");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals("(a == \"x\" && has(b))", a.toString());
        assertNotEquals(a, Selector.parse("has(b) && a == 'x'"));
    }
}
