package io.calicogitops.selector;

import io.calicogitops.selector.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/** Splits selector text into tokens, following Calico's {@code tokenizer.AppendTokens} rule for rule. */
final class Tokenizer {

    static final int MAX_LABEL_LENGTH = 512;

    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;

    private Tokenizer(String text) {
        this.text = text;
    }

    /** The tokens of {@code text}, always ending with an EOF token. */
    static List<Token> tokenize(String text) {
        return new Tokenizer(text).run();
    }

    private List<Token> run() {
        while (true) {
            skipWhitespace();
            if (pos == text.length()) {
                tokens.add(new Token(Kind.EOF, null, pos, pos));
                return tokens;
            }
            switch (text.charAt(pos)) {
                case '(' -> add(Kind.LPAREN, 1);
                case ')' -> add(Kind.RPAREN, 1);
                case '{' -> add(Kind.LBRACE, 1);
                case '}' -> add(Kind.RBRACE, 1);
                case ',' -> add(Kind.COMMA, 1);
                case '"', '\'' -> string();
                case '=' -> doubled('=', Kind.EQ);
                case '&' -> doubled('&', Kind.AND);
                case '|' -> doubled('|', Kind.OR);
                case '!' -> {
                    if (startsWith("!=")) {
                        add(Kind.NE, 2);
                    } else {
                        add(Kind.NOT, 1);
                    }
                }
                default -> word();
            }
        }
    }

    // Calico skips only space and TAB; anything else (newline, CR, NBSP) is an error.
    private void skipWhitespace() {
        while (pos < text.length() && isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    // No escape sequences: the string ends at the next identical quote character.
    private void string() {
        char quote = text.charAt(pos);
        int close = text.indexOf(quote, pos + 1);
        if (close < 0) {
            throw error(pos, "unterminated string");
        }
        tokens.add(new Token(Kind.STRING, text.substring(pos + 1, close), pos, close + 1));
        pos = close + 1;
    }

    private void doubled(char c, Kind kind) {
        if (!startsWith("" + c + c)) {
            throw error(pos, "unexpected '" + c + "' (did you mean '" + c + c + "'?)");
        }
        add(kind, 2);
    }

    private void word() {
        char c = text.charAt(pos);
        if (c == '\n' || c == '\r') {
            throw error(pos, "newline not allowed in a selector");
        }
        boolean afterLabel = tokens.size() > 0 && tokens.get(tokens.size() - 1).kind() == Kind.LABEL;
        if (afterLabel) {
            operatorAfterLabel();
        } else if (startsWith("has(")) {
            hasCall();
        } else if (startsWith("all(")) {
            emptyCall("all(", Kind.ALL);
        } else if (startsWith("global(")) {
            emptyCall("global(", Kind.GLOBAL);
        } else if (isIdentifierChar(c)) {
            int start = pos;
            String label = identifier();
            tokens.add(new Token(Kind.LABEL, label, start, pos));
        } else {
            throw error(pos, "unexpected character " + printable(text.codePointAt(pos)));
        }
    }

    // Keyword operators are only recognised straight after a label, so a label may be named "contains" or "in".
    private void operatorAfterLabel() {
        int start = pos;
        Kind kind = keyword("contains") ? Kind.CONTAINS
                : keywords("starts", "with") ? Kind.STARTS_WITH
                : keywords("ends", "with") ? Kind.ENDS_WITH
                : keywords("not", "in") ? Kind.NOT_IN
                : keyword("in") ? Kind.IN
                : null;
        if (kind != null) {
            tokens.add(new Token(kind, null, start, pos));
            return;
        }
        String label = tokens.get(tokens.size() - 1).value();
        if (!isIdentifierChar(text.charAt(pos))) {
            throw error(pos, "unexpected character " + printable(text.codePointAt(pos)));
        }
        int end = pos;
        while (end < text.length() && isIdentifierChar(text.charAt(end))) {
            end++;
        }
        throw error(pos, "expected '==' or '!=' after label '" + label + "', found '" + text.substring(pos, end) + "'");
    }

    private boolean keyword(String word) {
        if (text.startsWith(word, pos) && isWordBoundary(pos + word.length())) {
            pos += word.length();
            return true;
        }
        return false;
    }

    // "starts with", "starts   with" and "startswith" are all one operator; a word boundary must follow.
    private boolean keywords(String first, String second) {
        if (!text.startsWith(first, pos)) {
            return false;
        }
        int p = pos + first.length();
        while (p < text.length() && isWhitespace(text.charAt(p))) {
            p++;
        }
        if (!text.startsWith(second, p) || !isWordBoundary(p + second.length())) {
            return false;
        }
        pos = p + second.length();
        return true;
    }

    private void hasCall() {
        int start = pos;
        pos += "has(".length();
        skipWhitespace();
        if (pos == text.length() || !isIdentifierChar(text.charAt(pos))) {
            throw error(pos, "expected a label inside has()");
        }
        String label = identifier();
        skipWhitespace();
        if (!startsWith(")")) {
            throw error(pos, "expected ')' to close 'has('");
        }
        pos++;
        tokens.add(new Token(Kind.HAS, label, start, pos));
    }

    private void emptyCall(String opening, Kind kind) {
        int start = pos;
        pos += opening.length();
        skipWhitespace();
        if (!startsWith(")")) {
            throw error(pos, "expected ')' after '" + opening + "'");
        }
        pos++;
        tokens.add(new Token(kind, null, start, pos));
    }

    private String identifier() {
        int start = pos;
        while (pos < text.length() && isIdentifierChar(text.charAt(pos))) {
            pos++;
        }
        if (pos - start > MAX_LABEL_LENGTH) {
            throw error(start, "label too long (" + (pos - start) + " > " + MAX_LABEL_LENGTH + ")");
        }
        return text.substring(start, pos);
    }

    private void add(Kind kind, int length) {
        tokens.add(new Token(kind, null, pos, pos + length));
        pos += length;
    }

    private boolean startsWith(String prefix) {
        return text.startsWith(prefix, pos);
    }

    private boolean isWordBoundary(int p) {
        return p >= text.length() || !isIdentifierChar(text.charAt(p));
    }

    private SelectorParseException error(int index, String message) {
        return SelectorParseException.at(text, index, message);
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t';
    }

    static boolean isIdentifierChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '_' || c == '.' || c == '/' || c == '-';
    }

    private static String printable(int codePoint) {
        boolean invisible = Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)
                || Character.isSpaceChar(codePoint);
        return invisible
                ? String.format("U+%04X", codePoint)
                : "'" + new String(Character.toChars(codePoint)) + "'";
    }
}
