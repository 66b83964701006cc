package io.calicogitops.selector;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/** A node of the selector syntax tree; {@link #appendTo} prints Calico's canonical form ({@code ast.go}). */
sealed interface Node
        permits Node.All, Node.Global, Node.Has, Node.Comparison, Node.InSet, Node.Not, Node.And, Node.Or {

    /** Go sorts set items as byte strings; UTF-8 byte order is code point order, which UTF-16 order is not. */
    Comparator<String> CODE_POINT_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    };

    boolean matches(Map<String, String> labels);

    void appendTo(StringBuilder out);

    /** Calls {@code visitor} on this node and every node below it. */
    default void visit(Consumer<Node> visitor) {
        visitor.accept(this);
    }

    default String canonical() {
        StringBuilder out = new StringBuilder();
        appendTo(out);
        return out.toString();
    }

    /** Values are double-quoted unless they contain {@code "}; there are no escapes, so that is the only choice. */
    static String quote(String value) {
        return value.indexOf('"') >= 0 ? "'" + value + "'" : "\"" + value + "\"";
    }

    /** The comparison operators; each knows its result when the label is absent (Calico: only {@code !=} is true). */
    enum Op {
        EQ(" == ", false), NE(" != ", true), CONTAINS(" contains ", false),
        STARTS_WITH(" starts with ", false), ENDS_WITH(" ends with ", false);

        final String symbol;
        final boolean whenAbsent;

        Op(String symbol, boolean whenAbsent) {
            this.symbol = symbol;
            this.whenAbsent = whenAbsent;
        }

        boolean test(String actual, String value) {
            return switch (this) {
                case EQ -> actual.equals(value);
                case NE -> !actual.equals(value);
                case CONTAINS -> actual.contains(value);
                case STARTS_WITH -> actual.startsWith(value);
                case ENDS_WITH -> actual.endsWith(value);
            };
        }
    }

    /** {@code all()}, and also the empty selector. */
    record All() implements Node {
        public boolean matches(Map<String, String> labels) {
            return true;
        }

        public void appendTo(StringBuilder out) {
            out.append("all()");
        }
    }

    /** {@code global()}: true when evaluated; its meaning comes from where it is used (Calico semantics §1.5). */
    record Global() implements Node {
        public boolean matches(Map<String, String> labels) {
            return true;
        }

        public void appendTo(StringBuilder out) {
            out.append("global()");
        }
    }

    /** {@code has(label)}. */
    record Has(String label) implements Node {
        public boolean matches(Map<String, String> labels) {
            return labels.get(label) != null;
        }

        public void appendTo(StringBuilder out) {
            out.append("has(").append(label).append(')');
        }
    }

    /** {@code label op "value"} for {@code ==, !=, contains, starts with, ends with}. */
    record Comparison(String label, Op op, String value) implements Node {
        public boolean matches(Map<String, String> labels) {
            String actual = labels.get(label);
            return actual == null ? op.whenAbsent : op.test(actual, value);
        }

        public void appendTo(StringBuilder out) {
            out.append(label).append(op.symbol).append(quote(value));
        }
    }

    /** {@code label in {...}} or {@code label not in {...}}; items sorted and de-duplicated as Calico prints them. */
    record InSet(String label, List<String> values, Set<String> lookup, boolean negated) implements Node {
        static InSet of(String label, Collection<String> values, boolean negated) {
            TreeSet<String> sorted = new TreeSet<>(CODE_POINT_ORDER);
            sorted.addAll(values);
            return new InSet(label, List.copyOf(sorted), Set.copyOf(sorted), negated);
        }

        public boolean matches(Map<String, String> labels) {
            String actual = labels.get(label);
            // Absent label: "in" is false and "not in" is true.
            return actual == null ? negated : lookup.contains(actual) != negated;
        }

        public void appendTo(StringBuilder out) {
            out.append(label).append(negated ? " not in {" : " in {");
            for (int i = 0; i < values.size(); i++) {
                out.append(i == 0 ? "" : ", ").append(quote(values.get(i)));
            }
            out.append('}');
        }
    }

    /** {@code !operand}, printed without a space and without parentheses of its own. */
    record Not(Node operand) implements Node {
        public boolean matches(Map<String, String> labels) {
            return !operand.matches(labels);
        }

        public void appendTo(StringBuilder out) {
            out.append('!');
            operand.appendTo(out);
        }

        public void visit(Consumer<Node> visitor) {
            visitor.accept(this);
            operand.visit(visitor);
        }
    }

    /** An n-ary {@code &&} group (two or more operands), printed in parentheses. */
    record And(List<Node> operands) implements Node {
        public And {
            operands = List.copyOf(operands);
        }

        public boolean matches(Map<String, String> labels) {
            for (int i = 0; i < operands.size(); i++) {
                if (!operands.get(i).matches(labels)) {
                    return false;
                }
            }
            return true;
        }

        public void appendTo(StringBuilder out) {
            appendGroup(out, operands, " && ");
        }

        public void visit(Consumer<Node> visitor) {
            visitor.accept(this);
            operands.forEach(operand -> operand.visit(visitor));
        }
    }

    /** An n-ary {@code ||} group (two or more operands), printed in parentheses. */
    record Or(List<Node> operands) implements Node {
        public Or {
            operands = List.copyOf(operands);
        }

        public boolean matches(Map<String, String> labels) {
            for (int i = 0; i < operands.size(); i++) {
                if (operands.get(i).matches(labels)) {
                    return true;
                }
            }
            return false;
        }

        public void appendTo(StringBuilder out) {
            appendGroup(out, operands, " || ");
        }

        public void visit(Consumer<Node> visitor) {
            visitor.accept(this);
            operands.forEach(operand -> operand.visit(visitor));
        }
    }

    private static void appendGroup(StringBuilder out, List<Node> operands, String separator) {
        out.append('(');
        for (int i = 0; i < operands.size(); i++) {
            if (i > 0) {
                out.append(separator);
            }
            operands.get(i).appendTo(out);
        }
        out.append(')');
    }
}
