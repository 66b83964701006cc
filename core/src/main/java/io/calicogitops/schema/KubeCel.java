package io.calicogitops.schema;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelValidationException;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import io.calicogitops.diag.CalicoGitOpsException;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * The CEL environment the Kubernetes API server gives {@code x-kubernetes-validations} rules, as far as the bundled
 * CRDs use it: the standard library and macros ({@code has}, {@code size}, {@code all}, {@code exists},
 * {@code exists_one}, {@code filter}, {@code matches} with RE2), {@code self}/{@code oldSelf}, and the Kubernetes IP
 * library's {@code isIP}, {@code ip} and {@code family} (k8s.io/apiserver/pkg/cel/library/ip.go). Each distinct
 * expression is compiled once per process and shared: programs are immutable and thread-safe.
 */
final class KubeCel {

    /**
     * One parsed expression. {@code transition} when it reads {@code oldSelf} (only meaningful on update); guards as
     * {@link AbsenceGuards} finds them. It is type-checked into a program on first evaluation: most rules never get
     * past their guard in a given fleet, and checking all of them would cost a third of a second of a short run.
     * Results are remembered per {@code self} value (CEL is pure, and a fleet renders the same rule, entity rule or
     * tier into many clusters), up to {@link #MEMO_LIMIT} values.
     */
    static final class Compiled {

        private final String expression;
        private final CelAbstractSyntaxTree parsed;
        private final boolean transition;
        private final List<List<String>> guards;
        private final Map<Object, Object> memo = new ConcurrentHashMap<>();
        private volatile CelRuntime.Program program;

        private Compiled(String expression, CelAbstractSyntaxTree parsed) {
            this.expression = expression;
            this.parsed = parsed;
            this.transition = CelNavigableAst.fromAst(parsed).getRoot().allNodes()
                    .anyMatch(n -> n.expr().identOrDefault().name().equals("oldSelf"));
            this.guards = AbsenceGuards.of(parsed.getExpr());
        }

        boolean transition() {
            return transition;
        }

        List<List<String>> guards() {
            return guards;
        }

        /** The type-checked program, built once. */
        CelRuntime.Program program() throws CelValidationException, CelEvaluationException {
            CelRuntime.Program p = program;
            if (p == null) {
                synchronized (this) {
                    if (program == null) {
                        program = CEL.createProgram(CEL.check(parsed).getAst());
                    }
                    p = program;
                }
            }
            return p;
        }

        Object eval(Object self) throws CelEvaluationException {
            if (AbsenceGuards.anyAbsent(guards, self)) {
                return Boolean.TRUE;
            }
            Object known = memo.get(self);
            if (known instanceof CelEvaluationException e) {
                throw e;
            }
            if (known != null) {
                return known;
            }
            CelRuntime.Program p;
            try {
                p = program();
            } catch (CelValidationException e) {
                // Every bundled rule is type-checked by SchemaCelRulesTest; this is a defect of the build.
                throw new CalicoGitOpsException("CEL rule does not type-check: " + expression + ": " + e.getMessage(), e);
            }
            try {
                Object result = p.eval(Map.of("self", self));
                remember(self, result);
                return result;
            } catch (CelEvaluationException e) {
                remember(self, e);
                throw e;
            }
        }

        private void remember(Object self, Object outcome) {
            if (outcome != null && memo.size() < MEMO_LIMIT) {
                memo.putIfAbsent(self, outcome);
            }
        }
    }

    /** Kubernetes' net.IP value; only its family is ever asked for. */
    private record Ip(long family) {
    }

    private static final OpaqueType IP = OpaqueType.create("net.IP");
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

    // self is declared dyn instead of the schema's type: the schema part of validation already checks types, and the
    // CRDs were type-checked by the API server that accepted them. Heterogeneous equality (self.protocol == 6 on a
    // string protocol is false, not an error) is what cel-go, and so the API server, does.
    private static final Cel CEL = CelFactory.standardCelBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .setOptions(CelOptions.current().enableHeterogeneousNumericComparisons(true).build())
            .addVar("self", SimpleType.DYN)
            .addVar("oldSelf", SimpleType.DYN)
            .addFunctionDeclarations(
                    CelFunctionDecl.newFunctionDeclaration("isIP",
                            CelOverloadDecl.newGlobalOverload("is_ip", SimpleType.BOOL, SimpleType.STRING)),
                    CelFunctionDecl.newFunctionDeclaration("ip",
                            CelOverloadDecl.newGlobalOverload("string_to_ip", IP, SimpleType.STRING)),
                    CelFunctionDecl.newFunctionDeclaration("family",
                            CelOverloadDecl.newMemberOverload("ip_family", SimpleType.INT, IP)))
            .addFunctionBindings(
                    CelFunctionBinding.from("is_ip", String.class, s -> family(s) != 0),
                    CelFunctionBinding.from("string_to_ip", String.class, KubeCel::parseIp),
                    CelFunctionBinding.from("ip_family", Ip.class, Ip::family))
            .build();

    /** Remembered results per expression: bounds memory whatever the fleet's size (a policy spec is a few KB). */
    private static final int MEMO_LIMIT = 1024;
    private static final Map<String, Compiled> CACHE = new ConcurrentHashMap<>();
    private static final AtomicBoolean WARMING = new AtomicBoolean();

    private KubeCel() {
    }

    /**
     * Starts loading the CEL parser, checker and runtime on a daemon thread. Their first use costs several hundred
     * milliseconds of class loading; started when the schemas are first wanted, it overlaps with reading and rendering
     * the fleet instead of adding to validation. A failure here is ignored: the real compilation reports it.
     */
    static void warmUpInBackground() {
        if (!WARMING.compareAndSet(false, true)) {
            return;
        }
        Thread warm = new Thread(() -> {
            try {
                compile("has(self.a) && size(self.b) > 0 && self.c.exists(x, x == 'd') && ip('::1').family() == 6")
                        .eval(Map.of("a", 1L, "b", "b", "c", List.of("d")));
            } catch (CelValidationException | CelEvaluationException | RuntimeException e) {
                // Only the loaded classes matter; a real problem is reported where the rules are compiled.
            }
        }, "cel-warm-up");
        warm.setDaemon(true);
        warm.start();
    }

    /** Parses {@code expression} (or returns the earlier result for the same text); see {@link Compiled}. */
    static Compiled compile(String expression) throws CelValidationException {
        Compiled known = CACHE.get(expression);
        if (known != null) {
            return known;
        }
        Compiled compiled = new Compiled(expression, CEL.parse(expression).getAst());
        Compiled raced = CACHE.putIfAbsent(expression, compiled);
        return raced != null ? raced : compiled;
    }

    private static Ip parseIp(String text) {
        int family = family(text);
        if (family == 0) {
            throw new IllegalArgumentException("IP Address '" + text + "' parse error during conversion from string");
        }
        return new Ip(family);
    }

    /**
     * 4 or 6 for an address Go's netip.ParseAddr accepts and Kubernetes keeps (no zone, no IPv4-mapped IPv6), else 0.
     * IPv4 parts may not have leading zeros. InetAddress only ever sees literals here, so it never resolves a name.
     */
    static int family(String text) {
        if (IPV4.matcher(text).matches()) {
            return 4;
        }
        if (!text.contains(":") || !IPV6_CHARS.matcher(text).matches()) {
            return 0;
        }
        try {
            InetAddress address = InetAddress.getByName(text);
            return address instanceof Inet4Address ? 0 : 6;
        } catch (UnknownHostException e) {
            return 0;
        }
    }
}
