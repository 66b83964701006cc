package io.calicogitops.schema;

import dev.cel.common.ast.CelExpr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code !has(self.a.b)} operands of a rule's top-level {@code ||}, read from its compiled AST. Most CRD rules
 * are written {@code !has(self.icmp) || <condition>}; when the field is absent such a rule holds whatever the rest
 * says (CEL's {@code ||} is true as soon as any operand is, even if another errs), so it need not be run at all.
 * This only skips evaluations whose result is certain; everything else is evaluated by the CEL engine. It matters
 * because a policy with many rules carries over a hundred CEL rules, nearly all guarded this way.
 */
final class AbsenceGuards {

    private AbsenceGuards() {
    }

    /** Each guard as the field path below {@code self} whose absence makes the whole rule true. */
    static List<List<String>> of(CelExpr root) {
        List<List<String>> guards = new ArrayList<>();
        collect(root, guards);
        return List.copyOf(guards);
    }

    private static void collect(CelExpr expr, List<List<String>> guards) {
        if (expr.getKind() != CelExpr.ExprKind.Kind.CALL) {
            return;
        }
        CelExpr.CelCall call = expr.call();
        if (call.function().equals("_||_")) {
            call.args().forEach(arg -> collect(arg, guards));
        } else if (call.function().equals("!_") && call.args().size() == 1
                && call.args().get(0).getKind() == CelExpr.ExprKind.Kind.SELECT
                && call.args().get(0).select().testOnly()) {
            List<String> path = selfPath(call.args().get(0));
            if (path != null) {
                guards.add(path);
            }
        }
    }

    /** {@code self.a.b} (the has() test) as [a, b], or null when it does not start at {@code self}. */
    private static List<String> selfPath(CelExpr expr) {
        List<String> path = new ArrayList<>();
        CelExpr at = expr;
        while (at.getKind() == CelExpr.ExprKind.Kind.SELECT) {
            path.add(0, at.select().field());
            at = at.select().operand();
        }
        return at.getKind() == CelExpr.ExprKind.Kind.IDENT && at.ident().name().equals("self")
                ? List.copyOf(path) : null;
    }

    /**
     * True when one guard's field is certainly absent from {@code self}: every object on the way exists and the last
     * lacks the key. (When an object on the way is missing, has() would fail rather than be false: not certain.)
     */
    static boolean anyAbsent(List<List<String>> guards, Object self) {
        for (List<String> path : guards) {
            Object at = self;
            int i = 0;
            while (i < path.size() - 1 && at instanceof Map<?, ?> map && map.containsKey(path.get(i))) {
                at = map.get(path.get(i));
                i++;
            }
            if (i == path.size() - 1 && at instanceof Map<?, ?> map && !map.containsKey(path.get(i))) {
                return true;
            }
        }
        return false;
    }
}
