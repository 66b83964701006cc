package io.calicogitops.selector;

import io.calicogitops.selector.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Recursive-descent parser over the tokens, mirroring Calico's {@code parser.go} (orExpr, andExpr, operation). */
final class Parser {

    private static final Set<String> CALL_NAMES = Set.of("has", "all", "global");
    // Calico (Go, growable stacks) has no limit; we stop well before the JVM stack overflows on absurd input.
    static final int MAX_NESTING = 500;

    private final String text;
    private final List<Token> tokens;
    private int next;
    private int depth;

    private Parser(String text, List<Token> tokens) {
        this.text = text;
        this.tokens = tokens;
    }

    static Node parse(String text) {
        List<Token> tokens = Tokenizer.tokenize(text);
        if (tokens.get(0).kind() == Kind.EOF) {
            // An empty or whitespace-only selector selects everything.
            return new Node.All();
        }
        Parser parser = new Parser(text, tokens);
        Node root = parser.orExpression();
        Token rest = parser.peek();
        if (rest.kind() == Kind.RPAREN) {
            throw parser.error(rest, "unexpected ')' without a matching '('");
        }
        if (rest.kind() != Kind.EOF) {
            throw parser.error(rest, "expected '&&' or '||', found " + rest.describe(text));
        }
        return root;
    }

    private Node orExpression() {
        List<Node> operands = new ArrayList<>();
        operands.add(andExpression());
        while (peek().kind() == Kind.OR) {
            next++;
            operands.add(andExpression());
        }
        return operands.size() == 1 ? operands.get(0) : new Node.Or(operands);
    }

    private Node andExpression() {
        List<Node> operands = new ArrayList<>();
        operands.add(operation());
        while (peek().kind() == Kind.AND) {
            next++;
            operands.add(operation());
        }
        return operands.size() == 1 ? operands.get(0) : new Node.And(operands);
    }

    private Node operation() {
        // Leading "!"s collapse by parity, as in Calico: "!!has(a)" is "has(a)".
        boolean negated = false;
        while (peek().kind() == Kind.NOT) {
            negated = !negated;
            next++;
        }
        Token token = take();
        Node node = switch (token.kind()) {
            case HAS -> new Node.Has(token.value());
            case ALL -> new Node.All();
            case GLOBAL -> new Node.Global();
            case LABEL -> labelOperation(token);
            case LPAREN -> group(token);
            default -> throw expectedExpression(token);
        };
        return negated ? new Node.Not(node) : node;
    }

    private Node labelOperation(Token label) {
        Token operator = take();
        Node.Op op = switch (operator.kind()) {
            case EQ -> Node.Op.EQ;
            case NE -> Node.Op.NE;
            case CONTAINS -> Node.Op.CONTAINS;
            case STARTS_WITH -> Node.Op.STARTS_WITH;
            case ENDS_WITH -> Node.Op.ENDS_WITH;
            case IN, NOT_IN -> null;
            default -> throw missingOperator(label, operator);
        };
        if (op == null) {
            return set(label, operator);
        }
        Token value = take();
        if (value.kind() != Kind.STRING) {
            throw expectedString(value, "after " + operator.describe(text));
        }
        return new Node.Comparison(label.value(), op, value.value());
    }

    // A set is "{" [ string ("," string)* [","] ] "}": a trailing comma and an empty set are fine.
    private Node set(Token label, Token operator) {
        Token open = take();
        if (open.kind() != Kind.LBRACE) {
            throw error(open, "expected '{' after " + operator.describe(text) + ", found " + open.describe(text));
        }
        List<String> values = new ArrayList<>();
        Token token = take();
        while (token.kind() != Kind.RBRACE) {
            if (token.kind() == Kind.EOF) {
                throw error(open, "unclosed '{'");
            }
            if (token.kind() != Kind.STRING) {
                throw expectedString(token, "or '}' in the set");
            }
            values.add(token.value());
            Token separator = take();
            if (separator.kind() == Kind.RBRACE) {
                break;
            }
            if (separator.kind() == Kind.EOF) {
                throw error(open, "unclosed '{'");
            }
            if (separator.kind() != Kind.COMMA) {
                throw error(separator, "expected ',' or '}' in the set, found " + separator.describe(text));
            }
            token = take();
        }
        return Node.InSet.of(label.value(), values, operator.kind() == Kind.NOT_IN);
    }

    private Node group(Token open) {
        if (++depth > MAX_NESTING) {
            throw error(open, "selector nested too deeply (more than " + MAX_NESTING + " levels of parentheses)");
        }
        Node inner = orExpression();
        depth--;
        Token close = take();
        if (close.kind() == Kind.EOF) {
            throw error(open, "unclosed '('");
        }
        if (close.kind() != Kind.RPAREN) {
            throw error(close, "expected ')', found " + close.describe(text));
        }
        return inner;
    }

    private SelectorParseException expectedExpression(Token token) {
        Token previous = before(token);
        if (token.kind() == Kind.RPAREN && previous != null && previous.kind() == Kind.LPAREN) {
            return error(previous, "empty parentheses '()'");
        }
        if (token.kind() == Kind.EOF) {
            return SelectorParseException.at(text, previous.end(),
                    "expected an expression after " + previous.describe(text));
        }
        if (token.kind() == Kind.STRING) {
            return error(token, "expected a label, found " + token.describe(text) + " (the label goes on the left)");
        }
        return error(token, "expected an expression, found " + token.describe(text));
    }

    private SelectorParseException missingOperator(Token label, Token found) {
        // "has (x)" tokenizes as the label "has" followed by "(": Calico requires "has(" with no space.
        if (found.kind() == Kind.LPAREN && CALL_NAMES.contains(label.value())) {
            return SelectorParseException.at(text, label.end(),
                    "no space allowed between '" + label.value() + "' and '('");
        }
        String message = "expected '==' or '!=' after label '" + label.value() + "'";
        if (found.kind() == Kind.EOF) {
            return SelectorParseException.at(text, label.end(), message);
        }
        return error(found, message + ", found " + found.describe(text));
    }

    private SelectorParseException expectedString(Token found, String context) {
        String message = "expected a quoted string " + context + ", found ";
        if (found.kind() == Kind.LABEL) {
            // Numbers and bare words tokenize as labels; Calico only accepts quoted values.
            return error(found, message + "'" + found.value() + "' (quote it: " + Node.quote(found.value()) + ")");
        }
        if (found.kind() == Kind.EOF) {
            return SelectorParseException.at(text, before(found).end(), message + "end of selector");
        }
        return error(found, message + found.describe(text));
    }

    private Token peek() {
        return tokens.get(next);
    }

    // The EOF token is never consumed, so peek() after take() stays in range.
    private Token take() {
        Token token = tokens.get(next);
        if (token.kind() != Kind.EOF) {
            next++;
        }
        return token;
    }

    // Only used on the error path; null for the first token.
    private Token before(Token token) {
        int index = tokens.indexOf(token);
        return index > 0 ? tokens.get(index - 1) : null;
    }

    private SelectorParseException error(Token at, String message) {
        return SelectorParseException.at(text, at.start(), message);
    }
}
