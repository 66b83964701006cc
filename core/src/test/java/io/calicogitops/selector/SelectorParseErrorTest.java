package io.calicogitops.selector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Part 2 of upstream's parser_test.go: selectors Calico rejects, here with the column and message we report. */
class SelectorParseErrorTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        // Upstream badSelectors.
        "b == b", "b contains b", "b starts with b", "b ends with b", "'b1' == b", "b", "a b", "!",
        "foo == \"bar\" &", "foo == \"bar\" |", "foo != ||", "foo in {\"\", ||", "foo in \"\"", "\"FOO", "\"FOO'",
        "'FOO", "(", "(a == \"foo\"", ")", "()", "%", "a == \"b\" && %", "a == \"b\" || %", "a ", "has(foo) &&",
        // Upstream tokenizer failures.
        "label starts foo \"value\"", "label ends foo \"value\"", "label squiggles \"value\"",
        "a not in \"bar\" && !has(foo) || b in c",
        // Single punctuation, spacing before "(", numbers, missing pieces.
        "a = \"b\"", "a == \"b\" & c == \"d\"", "a == \"b\" | c == \"d\"", "has (x)", "all ()", "global ()",
        "a == 1", "a ==", "has(foo) &&", "has()", "has( )", "has(a", "has(a b)", "has(\"a\")", "all(x)", "global(",
        "a in {\"x\"", "a in {\"x\" \"y\"}", "a in {,}", "a in {\"x\",,}", "a in \"x\"", "a in {x}", "a notin",
        "a == \"x\" b == \"y\"", "a == \"x\")", "(a == \"x\" b", "!!", "a == \"x\" && ", "a == \"x\" ||", "&& a == \"x\"",
        "a contains", "a startswith", "a starts with", "a not", "a in", "a startsx with \"b\"", "a containsx \"b\"",
        "a ! = \"b\"", "a === \"b\"", "a == \"x\"\n", "a ==\n\"x\"", "a == \"x\"\r", "a\u00a0== \"x\"", "a.é == \"x\"",
        "'v' == k", "{\"a\"}", "a == {\"a\"}"
    })
    void parse_badSelector_isRejected(String text) {
        SelectorParseException e = assertThrows(SelectorParseException.class, () -> Selector.parse(text));
        assertTrue(e.column() >= 1 && e.column() <= text.length() + 1, "column in range: " + e.column());
        assertFalse(e.getMessage().isBlank());
        assertTrue(Selector.validate(text).isPresent());
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', textBlock = """
        b == b                     =>  6 => expected a quoted string after '==', found 'b' (quote it: "b")
        a == 1                     =>  6 => expected a quoted string after '==', found '1' (quote it: "1")
        'b1' == b                  =>  1 => expected a label, found string "b1" (the label goes on the left)
        role                       =>  5 => expected '==' or '!=' after label 'role'
        `role `                    =>  5 => expected '==' or '!=' after label 'role'
        role web                   =>  6 => expected '==' or '!=' after label 'role', found 'web'
        role ( "x" )               =>  6 => expected '==' or '!=' after label 'role', found '('
        a startsx with "b"         =>  3 => expected '==' or '!=' after label 'a', found 'startsx'
        !                          =>  2 => expected an expression after '!'
        has(foo) &&                => 12 => expected an expression after '&&'
        a == "x" ||                => 12 => expected an expression after '||'
        && a == "x"                =>  1 => expected an expression, found '&&'
        )                          =>  1 => expected an expression, found ')'
        ()                         =>  1 => empty parentheses '()'
        a == "x" && ( )            => 13 => empty parentheses '()'
        (                          =>  2 => expected an expression after '('
        (a == "foo"                =>  1 => unclosed '('
        (a == "x" b                => 11 => expected ')', found label 'b'
        a == "x")                  =>  9 => unexpected ')' without a matching '('
        a == "x" b == "y"          => 10 => expected '&&' or '||', found label 'b'
        a = "b"                    =>  3 => unexpected '=' (did you mean '=='?)
        a == "b" & c == "d"        => 10 => unexpected '&' (did you mean '&&'?)
        a == "b" | c == "d"        => 10 => unexpected '|' (did you mean '||'?)
        foo == "bar" &             => 14 => unexpected '&' (did you mean '&&'?)
        "FOO                       =>  1 => unterminated string
        a == "x" && b == "y        => 18 => unterminated string
        %                          =>  1 => unexpected character '%'
        a == "b" && %              => 13 => unexpected character '%'
        has (x)                    =>  4 => no space allowed between 'has' and '('
        all ()                     =>  4 => no space allowed between 'all' and '('
        global  ()                 =>  7 => no space allowed between 'global' and '('
        has()                      =>  5 => expected a label inside has()
        has( "a" )                 =>  6 => expected a label inside has()
        has(a b)                   =>  7 => expected ')' to close 'has('
        all(x)                     =>  5 => expected ')' after 'all('
        global(                    =>  8 => expected ')' after 'global('
        foo in ""                  =>  8 => expected '{' after 'in', found string ""
        a not in b                 => 10 => expected '{' after 'not in', found label 'b'
        a in {"x"                  =>  6 => unclosed '{'
        a in {"x",                 =>  6 => unclosed '{'
        a in {"x" "y"}             => 11 => expected ',' or '}' in the set, found string "y"
        a in {,}                   =>  7 => expected a quoted string or '}' in the set, found ','
        a in {x}                   =>  7 => expected a quoted string or '}' in the set, found 'x' (quote it: "x")
        foo in {"", ||             => 13 => expected a quoted string or '}' in the set, found '||'
        a ==                       =>  5 => expected a quoted string after '==', found end of selector
        a starts  with             => 15 => expected a quoted string after 'starts  with', found end of selector
        a notin 'x'                =>  9 => expected '{' after 'notin', found string "x"
        """)
    void parse_badSelector_reportsColumnAndMessage(String text, int column, String message) {
        SelectorParseException e = assertThrows(SelectorParseException.class, () -> Selector.parse(text));
        assertEquals(message, e.getMessage());
        assertEquals(column, e.column());
        assertEquals(text, e.selector());
    }

    @Test
    void parse_inOperatorWithoutBraces_reportsColumn() {
        SelectorParseException e = assertThrows(SelectorParseException.class,
                () -> Selector.parse("tier == \"web\" && role in \"db\""));
        assertEquals(26, e.column());
        assertEquals("expected '{' after 'in', found string \"db\"", e.getMessage());
    }

    @Test
    void parse_newlineOrCarriageReturn_isRejectedAtItsColumn() {
        assertError("a == \"x\"\n", 9, "newline not allowed in a selector");
        assertError("a == \"x\" &&\nb == \"y\"", 12, "newline not allowed in a selector");
        assertError("a\r\n== \"x\"", 2, "newline not allowed in a selector");
    }

    @Test
    void parse_whitespaceOtherThanSpaceAndTab_isRejected() {
        assertError("a\u00a0== \"x\"", 2, "unexpected character U+00A0");
        assertError("\u000ba == \"x\"", 1, "unexpected character U+000B");
    }

    @Test
    void parse_labelOf513Characters_isRejectedAtLabelStart() {
        String label = "x".repeat(513);
        assertError(label + " == \"v\"", 1, "label too long (513 > 512)");
        assertError("a == \"v\" && " + label + " == \"v\"", 13, "label too long (513 > 512)");
        assertError("has(" + label + ")", 5, "label too long (513 > 512)");
    }

    @Test
    void parse_labelOf512Characters_isAccepted() {
        String label = "x".repeat(512);
        assertTrue(Selector.parse(label + " == \"v\"").matches(java.util.Map.of(label, "v")));
        assertEquals("has(" + label + ")", Selector.parse("has( " + label + " )").canonical());
    }

    @Test
    void parse_absurdNesting_isRejectedCleanly_notWithAStackOverflow() {
        int limit = Parser.MAX_NESTING;
        String ok = "(".repeat(limit) + "has(a)" + ")".repeat(limit);
        assertEquals("has(a)", Selector.parse(ok).canonical());
        String deep = "!(".repeat(limit + 1) + "has(a)" + ")".repeat(limit + 1);
        assertError(deep, 2 * limit + 2, "selector nested too deeply (more than 500 levels of parentheses)");
        assertError("(".repeat(100_000), limit + 1, "selector nested too deeply (more than 500 levels of parentheses)");
    }

    @Test
    void parse_columnsCountCharactersNotUtf16Units() {
        // "😀" is two UTF-16 units but one column, as an editor shows it.
        assertError("a == \"😀\" && %", 13, "unexpected character '%'");
    }

    @Test
    void validate_returnsTheError_orEmptyForAGoodSelector() {
        assertEquals(Optional.empty(), Selector.validate("has(a) && b in {\"c\"}"));
        assertEquals(Optional.empty(), Selector.validate(""));
        SelectorParseException e = Selector.validate("a == 1").orElseThrow();
        assertEquals(6, e.column());
    }

    @Test
    void parse_nullText_isAProgrammingError() {
        assertThrows(NullPointerException.class, () -> Selector.parse(null));
    }

    private static void assertError(String text, int column, String message) {
        SelectorParseException e = assertThrows(SelectorParseException.class, () -> Selector.parse(text));
        assertEquals(message, e.getMessage(), "message for " + text);
        assertEquals(column, e.column(), "column for " + text);
    }
}
