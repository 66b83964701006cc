package io.calicogitops.selector;

/** One lexical token of a selector, with its [start, end) character range in the selector text. */
record Token(Kind kind, String value, int start, int end) {

    /** The token kinds of Calico's tokenizer ({@code libcalico-go/lib/selector/tokenizer}). */
    enum Kind {
        LABEL, STRING, LBRACE, RBRACE, COMMA, EQ, NE, IN, NOT, NOT_IN, CONTAINS, STARTS_WITH, ENDS_WITH,
        ALL, HAS, LPAREN, RPAREN, AND, OR, GLOBAL, EOF
    }

    /** How the token reads in an error message: what the user wrote, not an internal kind name. */
    String describe(String text) {
        return switch (kind) {
            case EOF -> "end of selector";
            case LABEL -> "label '" + value + "'";
            case STRING -> "string " + Node.quote(value);
            default -> "'" + text.substring(start, end) + "'";
        };
    }
}
