package io.calicogitops.selector;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Rewrites a syntax tree into a normal form that is equal for selectors with the same meaning up to
 * commutativity, associativity and idempotence of {@code &&}/{@code ||}, and double negation.
 * Every rewrite preserves the match result for every label set, including absent labels.
 */
final class SemanticForm {

    private SemanticForm() {
    }

    static Node of(Node node) {
        if (node instanceof Node.Not not) {
            return negate(of(not.operand()));
        }
        if (node instanceof Node.InSet set && set.values().size() == 1) {
            // Same truth table, absent label included: "in" and "==" are false, "not in" and "!=" are true.
            return new Node.Comparison(set.label(), set.negated() ? Node.Op.NE : Node.Op.EQ, set.values().get(0));
        }
        if (node instanceof Node.And and) {
            return group(and.operands(), true);
        }
        if (node instanceof Node.Or or) {
            return group(or.operands(), false);
        }
        return node;
    }

    private static Node negate(Node node) {
        if (node instanceof Node.Not not) {
            return not.operand();
        }
        // "!k == v" is "k != v" even for an absent label (true both ways); likewise "!k in S" is "k not in S".
        if (node instanceof Node.Comparison c && c.op() == Node.Op.EQ) {
            return new Node.Comparison(c.label(), Node.Op.NE, c.value());
        }
        if (node instanceof Node.Comparison c && c.op() == Node.Op.NE) {
            return new Node.Comparison(c.label(), Node.Op.EQ, c.value());
        }
        if (node instanceof Node.InSet set) {
            return Node.InSet.of(set.label(), set.values(), !set.negated());
        }
        return new Node.Not(node);
    }

    private static Node group(List<Node> operands, boolean and) {
        // Keyed by canonical text: sorts the operands and drops duplicates ("a && a" is "a").
        TreeMap<String, Node> unique = new TreeMap<>(Node.CODE_POINT_ORDER);
        for (Node operand : operands) {
            Node normal = of(operand);
            List<Node> flattened = and && normal instanceof Node.And inner ? inner.operands()
                    : !and && normal instanceof Node.Or inner ? inner.operands()
                    : List.of(normal);
            flattened.forEach(n -> unique.putIfAbsent(n.canonical(), n));
        }
        // all() is the identity of "&&" and absorbs "||".
        boolean hasAll = unique.values().stream().anyMatch(n -> n instanceof Node.All);
        if (hasAll && !and) {
            return new Node.All();
        }
        List<Node> kept = new ArrayList<>(unique.values());
        kept.removeIf(n -> n instanceof Node.All);
        if (kept.isEmpty()) {
            return new Node.All();
        }
        if (kept.size() == 1) {
            return kept.get(0);
        }
        return and ? new Node.And(kept) : new Node.Or(kept);
    }
}
