package io.calicogitops.selector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Upstream's tokenizer_test.go: token lists for inputs, written as {@code KIND(value)} sequences. */
class TokenizerTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', textBlock = """
        a=="b"                                              => LABEL(a) EQ STRING(b) EOF
        label == "value"                                    => LABEL(label) EQ STRING(value) EOF
        label contains "value"                              => LABEL(label) CONTAINS STRING(value) EOF
        contains contains "contains"                        => LABEL(contains) CONTAINS STRING(contains) EOF
        contains contains 'contains'                        => LABEL(contains) CONTAINS STRING(contains) EOF
        label contains"value"                               => LABEL(label) CONTAINS STRING(value) EOF
        label startswith "value"                            => LABEL(label) STARTS_WITH STRING(value) EOF
        label endswith "value"                              => LABEL(label) ENDS_WITH STRING(value) EOF
        label starts with "value"                           => LABEL(label) STARTS_WITH STRING(value) EOF
        startswith starts with "value"                      => LABEL(startswith) STARTS_WITH STRING(value) EOF
        label ends with "value"                             => LABEL(label) ENDS_WITH STRING(value) EOF
        endswith ends with "value"                          => LABEL(endswith) ENDS_WITH STRING(value) EOF
        label starts  with "value"                          => LABEL(label) STARTS_WITH STRING(value) EOF
        label ends  with "value"                            => LABEL(label) ENDS_WITH STRING(value) EOF
        a not in "bar" && !has(foo) || b in c               => LABEL(a) NOT_IN STRING(bar) AND NOT HAS(foo) OR LABEL(b) IN LABEL(c) EOF
        has(calico/k8s_ns)                                  => HAS(calico/k8s_ns) EOF
        has(calico/k8s_ns/role)                             => HAS(calico/k8s_ns/role) EOF
        has(calico/k8s_NS-.1/role)                          => HAS(calico/k8s_NS-.1/role) EOF
        calico/k8s_ns == "kube-system" && k8s-app == "kube-dns" => LABEL(calico/k8s_ns) EQ STRING(kube-system) AND LABEL(k8s-app) EQ STRING(kube-dns) EOF
        `a  not  in  "bar"  &&  ! has( foo )  ||  b  in  c `   => LABEL(a) NOT_IN STRING(bar) AND NOT HAS(foo) OR LABEL(b) IN LABEL(c) EOF
        a notin"bar"&&!has(foo)||b in"c"                    => LABEL(a) NOT_IN STRING(bar) AND NOT HAS(foo) OR LABEL(b) IN STRING(c) EOF
        a not in {}                                         => LABEL(a) NOT_IN LBRACE RBRACE EOF
        a not in {"a"}                                      => LABEL(a) NOT_IN LBRACE STRING(a) RBRACE EOF
        a not in {"a","B"}                                  => LABEL(a) NOT_IN LBRACE STRING(a) COMMA STRING(B) RBRACE EOF
        global()                                            => GLOBAL EOF
        all()                                               => ALL EOF
        a != 'b' || (c == '"')                              => LABEL(a) NE STRING(b) OR LPAREN LABEL(c) EQ STRING(") RPAREN EOF
        in in {'in'}                                        => LABEL(in) IN LBRACE STRING(in) RBRACE EOF
        has == 'x'                                          => LABEL(has) EQ STRING(x) EOF
        a == "x"b                                           => LABEL(a) EQ STRING(x) LABEL(b) EOF
        a == 1                                              => LABEL(a) EQ LABEL(1) EOF
        a in{}                                              => LABEL(a) IN LBRACE RBRACE EOF
        """)
    void tokenize_producesCalicoTokens(String input, String expected) {
        assertEquals(expected, render(input));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "label starts foo \"value\"", "label ends foo \"value\"", "label squiggles \"value\"", "a containsx \"v\"",
        "a inx {}", "a startswithx \"v\"", "a = \"b\"", "a & b", "a | b", "\"unterminated", "'unterminated\"",
        "a\n", "has()", "has(a", "all(x)", "global(", "%"
    })
    void tokenize_rejectsBadInput(String input) {
        assertThrows(SelectorParseException.class, () -> Tokenizer.tokenize(input));
    }

    @Test
    void tokenize_tokensCarryTheirPosition() {
        var tokens = Tokenizer.tokenize("  ab startswith 'x'");
        assertEquals(2, tokens.get(0).start());
        assertEquals(4, tokens.get(0).end());
        assertEquals("startswith", "  ab startswith 'x'".substring(tokens.get(1).start(), tokens.get(1).end()));
        assertEquals(16, tokens.get(2).start());
        assertEquals(19, tokens.get(3).start());
    }

    private static String render(String input) {
        return Tokenizer.tokenize(input).stream()
                .map(t -> t.value() == null ? t.kind().name() : t.kind().name() + "(" + t.value() + ")")
                .collect(Collectors.joining(" "));
    }
}
