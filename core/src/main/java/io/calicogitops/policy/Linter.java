package io.calicogitops.policy;

import io.calicogitops.diag.Diagnostic;
import io.calicogitops.selector.Selector;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Findings Calico accepts but that are almost always mistakes, as compiler-style warnings pointing into the files.
 * Checks that need workloads (CG-L003, CG-L004, CG-L006) run only when the inventory has some. Label keys in
 * {@code dormantLabels} (e.g. the quarantine label) are meant to select nothing until someone sets them.
 */
public final class Linter {

    private final ClusterModel model;
    private final Set<String> dormantLabels;
    private final List<Diagnostic> findings = new ArrayList<>();

    public Linter(ClusterModel model, Set<String> dormantLabels) {
        this.model = model;
        this.dormantLabels = Set.copyOf(dormantLabels);
    }

    /**
     * Label keys platform components carry though no application manifest declares them: cluster add-ons
     * ({@code k8s-app}, e.g. kube-dns), control-plane pods ({@code component}) and Calico's endpoints of Services.
     */
    static final Set<String> PLATFORM_LABELS = Set.of("k8s-app", "component", "endpoints.projectcalico.org/serviceName",
            "endpoints.projectcalico.org/serviceNamespace");

    /** Every finding, sorted by file and line. */
    public List<Diagnostic> run() {
        PolicySet set = model.policies();
        for (Tier tier : set.effectiveTiers()) {
            if (!set.declares(tier.name())) {
                // A tier the repo does not declare (allow-tigera, kube-admin, ...) is managed by Calico or its operator.
                continue;
            }
            List<Policy> inTier = set.inTier(tier.name());
            missingTrailingPass(tier, inTier);
            equalOrders(inTier);
        }
        for (Policy p : all(set)) {
            shadowedRules(p);
            inertRules(p);
        }
        if (!model.inventory().workloads().isEmpty()) {
            EntityMatcher matcher = new EntityMatcher(model.inventory());
            Set<String> known = knownLabels();
            for (Policy p : all(set)) {
                selectsNothing(p, matcher);
                unknownLabels(p, known);
            }
            new StagedDenials(model).findings().forEach(findings::add);
        }
        findings.sort(null);
        return List.copyOf(findings);
    }

    private static List<Policy> all(PolicySet set) {
        List<Policy> all = new ArrayList<>(set.policies());
        all.addAll(set.staged());
        all.removeIf(p -> !set.declares(p.tier()));
        return all;
    }

    private void warn(LintCode code, io.calicogitops.diag.SourceLocation at, String message, String hint) {
        findings.add(Diagnostic.warning(at, code.code() + ": " + message, hint));
    }

    /**
     * Calico's validator accepts rules for a direction {@code types} leaves out, so that one policy can serve Felix
     * versions before and after typed policy (validator_test.go "allow Types without ingress when Ingress present"),
     * but Felix never applies them: almost always a forgotten type.
     */
    private void inertRules(Policy p) {
        for (Direction d : Direction.values()) {
            if (!p.types().contains(d) && !p.rules(d).isEmpty()) {
                warn(LintCode.CG_L007, p.locator().at("/spec/types"), "policy " + p.display() + " has "
                        + d.display().toLowerCase() + " rules but its types leave out " + d.display()
                        + ": Calico never applies them", "add " + d.display() + " to spec.types, or remove the "
                        + d.display().toLowerCase() + " rules");
            }
        }
    }

    private void missingTrailingPass(Tier tier, List<Policy> inTier) {
        if (tier.name().equals(Tier.DEFAULT) || tier.defaultAction() != Action.DENY) {
            return;
        }
        for (int i = 0; i < inTier.size(); i++) {
            Policy p = inTier.get(i);
            for (Direction d : p.types()) {
                List<Rule> rules = p.rules(d);
                if (!rules.isEmpty() && catchAll(rules.get(rules.size() - 1))) {
                    continue;
                }
                if (coveredByLaterPass(p, d, inTier.subList(i + 1, inTier.size()))) {
                    continue;
                }
                warn(LintCode.CG_L001, p.where(), "policy " + p.display() + " in tier " + tier.name() + " has no trailing Pass for "
                        + d.display() + ": the tier's implicit Deny drops every " + d.display().toLowerCase()
                        + " flow of the workloads it selects that its rules do not match, including flows later tiers allow",
                        "end the " + d.display().toLowerCase() + " rules with '- action: Pass', or add a catch-all Pass policy at the end of tier " + tier.name());
            }
        }
    }

    /** A later policy of the tier whose selector is all() and whose last rule for {@code d} is a catch-all Pass. */
    private static boolean coveredByLaterPass(Policy p, Direction d, List<Policy> later) {
        for (Policy q : later) {
            if (q.staged() || !q.types().contains(d) || q.rules(d).isEmpty()) {
                continue;
            }
            boolean selectsAll = (q.selector() == null || q.selector().canonical().equals("all()"))
                    && q.namespaceSelector() == null && q.serviceAccountSelector() == null
                    && (!q.kind().namespaced() || q.namespace().equals(p.namespace()));
            Rule first = q.rules(d).get(0);
            if (selectsAll && catchAll(first) && first.action() == Action.PASS) {
                return true;
            }
        }
        return false;
    }

    /** A rule that matches every flow: no protocol and no constraint on either side. */
    static boolean catchAll(Rule r) {
        return r.action() != Action.LOG && r.protocol() == Rule.ANY && r.notProtocol() == Rule.ANY && r.icmp() == null && r.notIcmp() == null
                && unconstrained(r.source()) && unconstrained(r.destination());
    }

    private static boolean unconstrained(EntityRule e) {
        return !e.selects() && e.notSelector() == null && !e.hasServiceAccounts() && e.nets().isEmpty()
                && e.notNets().isEmpty() && e.ports().isEmpty() && e.notPorts().isEmpty() && e.domains().isEmpty();
    }

    private void shadowedRules(Policy p) {
        for (Direction d : Direction.values()) {
            List<Rule> rules = p.rules(d);
            Map<String, Rule> seen = new LinkedHashMap<>();
            Rule catchAll = null;
            for (Rule r : rules) {
                String key = matchKey(r);
                Rule earlier = catchAll != null ? catchAll : seen.get(key);
                if (earlier != null) {
                    warn(LintCode.CG_L002, r.where(), p.display() + " " + d.display().toLowerCase() + " rule " + r.index()
                            + " can never match: rule " + earlier.index() + " (" + earlier.action().display()
                            + ") matches every flow it does", "remove the rule or move it before rule " + earlier.index());
                    continue;
                }
                if (r.action() != Action.LOG) {
                    seen.putIfAbsent(key, r);
                    if (catchAll(r)) {
                        catchAll = r;
                    }
                }
            }
        }
    }

    private static String matchKey(Rule r) {
        return r.protocol() + "|" + r.notProtocol() + "|" + r.icmp() + "|" + r.notIcmp() + "|" + side(r.source()) + "|" + side(r.destination());
    }

    private static String side(EntityRule e) {
        return text(e.selector()) + ";" + text(e.namespaceSelector()) + ";" + e.globalScope() + ";" + text(e.notSelector())
                + ";" + e.serviceAccountNames() + ";" + text(e.serviceAccountSelector()) + ";"
                + e.nets().stream().map(c -> java.util.Arrays.toString(c.address()) + "/" + c.prefix()).toList() + ";"
                + e.notNets().stream().map(c -> java.util.Arrays.toString(c.address()) + "/" + c.prefix()).toList()
                + ";" + e.ports() + ";" + e.notPorts() + ";" + new TreeSet<>(e.domains());
    }

    private static String text(Selector s) {
        return s == null ? "-" : s.canonical();
    }

    private void selectsNothing(Policy p, EntityMatcher matcher) {
        if (p.selector() != null && dormant(p.selector())) {
            return;
        }
        boolean any = model.inventory().workloads().stream().anyMatch(w -> matcher.applies(p, w));
        if (!any) {
            warn(LintCode.CG_L003, p.locator().at("/spec/selector"), (p.staged() ? "staged " : "") + "policy " + p.display()
                    + " selects no known workload" + (p.selector() == null ? "" : " (selector " + p.selector().canonical() + ")"),
                    "check the selector against the workloads' labels, or the workloads given with --workloads");
        }
    }

    private boolean dormant(Selector s) {
        return !s.labelKeys().isEmpty() && dormantLabels.containsAll(s.labelKeys());
    }

    private Set<String> knownLabels() {
        Set<String> keys = new HashSet<>(PLATFORM_LABELS);
        model.inventory().workloads().forEach(w -> keys.addAll(w.labels().keySet()));
        model.inventory().networkSets().forEach(n -> keys.addAll(n.labels().keySet()));
        return keys;
    }

    private void unknownLabels(Policy p, Set<String> known) {
        check(p, "/spec/selector", p.selector(), known);
        for (Direction d : Direction.values()) {
            String dir = d == Direction.INGRESS ? "ingress" : "egress";
            for (Rule r : p.rules(d)) {
                if (p.kind() == PolicyKind.KUBERNETES_NETWORK_POLICY) {
                    continue;
                }
                String base = "/spec/" + dir + "/" + (r.index() - 1);
                check(p, base + "/source/selector", r.source().selector(), known);
                check(p, base + "/source/notSelector", r.source().notSelector(), known);
                check(p, base + "/destination/selector", r.destination().selector(), known);
                check(p, base + "/destination/notSelector", r.destination().notSelector(), known);
            }
        }
    }

    private void check(Policy p, String pointer, Selector s, Set<String> known) {
        if (s == null || dormant(s)) {
            return;
        }
        List<String> missing = s.labelKeys().stream().filter(k -> !known.contains(k) && !dormantLabels.contains(k)).toList();
        if (!missing.isEmpty()) {
            warn(LintCode.CG_L006, p.locator().at(pointer), p.display() + ": selector " + s.canonical() + " uses label"
                    + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + " that no known workload or network set carries",
                    "a typo in the label key, or the workloads are not among those given");
        }
    }

    private void equalOrders(List<Policy> inTier) {
        Map<String, Policy> byOrder = new LinkedHashMap<>();
        for (Policy p : inTier) {
            if (p.order() == null || p.staged() || p.kind() == PolicyKind.KUBERNETES_NETWORK_POLICY) {
                continue;
            }
            String key = p.order() + "|" + (p.kind().namespaced() ? p.namespace() : "");
            Policy first = byOrder.putIfAbsent(key, p);
            if (first != null && overlapTypes(first, p) && overlap(first, p)) {
                warn(LintCode.CG_L005, p.locator().at("/spec/order"), p.display() + " has the same order ("
                        + fmt(p.order()) + ") as " + first.display() + " in tier " + p.tier() + ": Calico evaluates them by name",
                        "give each policy of a tier its own order");
            }
        }
    }

    /** Without workloads any two policies may meet; with them, only policies that select a common workload matter. */
    private boolean overlap(Policy a, Policy b) {
        List<Endpoint> ws = model.inventory().workloads();
        if (ws.isEmpty()) {
            return true;
        }
        EntityMatcher m = new EntityMatcher(model.inventory());
        return ws.stream().anyMatch(w -> m.applies(a, w) && m.applies(b, w));
    }

    private static boolean overlapTypes(Policy a, Policy b) {
        return a.types().stream().anyMatch(b.types()::contains);
    }

    private static String fmt(Double d) {
        return d == Math.rint(d) ? Long.toString(d.longValue()) : d.toString();
    }
}
