package io.calicogitops.policy;

import io.calicogitops.selector.Selector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A policy set compiled for many evaluations: every rule side (source or destination with its scope) interned and
 * matched against each endpoint once; endpoints with the same matches share a class; per label set, the policies
 * of each tier that apply are listed once; decisions are memoised per (applicable policies, endpoint classes,
 * protocol, port, and the source port when those policies constrain it). The source-port cuts are computed once per
 * list of applicable policies: a flow is split only when a policy that applies at one of its ends has source ports.
 * (Over 300 lines: classes, plans and memo share one state, kept in one place so that it cannot get out of step.)
 */
final class CompiledPolicySet {

    private static final int MEMO_LIMIT = 1 << 20;
    /** {@link #singlePort}'s answer when the flow is split by source port (ports are -1 to 65535). */
    private static final int SPLIT = Integer.MIN_VALUE;

    private record CRule(Rule rule, int source, int destination) {
    }

    private record CPolicy(Policy policy, CRule[] ingress, CRule[] egress) {
        CRule[] rules(Direction d) {
            return d == Direction.INGRESS ? ingress : egress;
        }
    }

    private record Side(Policy scope, EntityRule entity, boolean domainsCount) {
    }

    /**
     * The applicable policies of each tier for one label set and direction (tiers where none applies are left out),
     * with the decisions memoised for it, keyed by (own class, peer class, protocol, port, context), or in
     * {@code sourceMemo} by that and the source port when its rules have source-port cuts;
     * {@code sourceCuts} are the numeric source-port cuts of their rules, {@code namedSource} whether one names a port.
     */
    private record Plan(int id, int[] tiers, CPolicy[][] policies, LongMap<Memo> memo, Map<SourceKey, Memo> sourceMemo,
                        int[] sourceCuts, boolean namedSource) {
        boolean sourceMatters() {
            return sourceCuts.length > 0 || namedSource;
        }
    }

    /** A memo key for a plan whose rules constrain the source port. */
    private record SourceKey(long key, int sourcePort) {
    }

    /** What an endpoint is for the compiled form: its side matches, class, and applicable policies per direction. */
    private static final class Info {
        final boolean[] sides;
        final int classId;
        /** {@link Endpoint#display()}, which every decision names: built once, not per flow. */
        final String display;
        final Plan[] plans = new Plan[2];
        int context = -1;

        Info(boolean[] sides, int classId, String display) {
            this.sides = sides;
            this.classId = classId;
            this.display = display;
        }
    }

    private record Memo(Outcome outcome, List<Step> steps) {
    }

    /**
     * What a workload must have for a policy to apply to it, or for a rule side's selector to select it: the
     * namespace (a namespaced policy; a side of one without namespaceSelector) and a label value the selector requires
     * ({@link Selector#requiredLabel()}); null parts need nothing.
     */
    private record Guard(String namespace, String label, String value) {
        /** Null when nothing is required. */
        static Guard of(String namespace, Selector selector) {
            Map.Entry<String, String> label = selector == null ? null : selector.requiredLabel();
            if (namespace == null && label == null) {
                return null;
            }
            return new Guard(namespace, label == null ? null : label.getKey(), label == null ? null : label.getValue());
        }
    }

    /**
     * Positions (of policies in a tier, or of rule sides) by {@link Guard}: only those whose guard a workload meets are
     * asked about it, in ascending order, as a full scan would ask them.
     */
    private record GuardIndex(int[] unguarded, Map<Guard, int[]> guarded) {
        static GuardIndex of(List<Guard> guards) {
            List<Integer> unguarded = new ArrayList<>();
            Map<Guard, List<Integer>> guarded = new HashMap<>();
            for (int i = 0; i < guards.size(); i++) {
                if (guards.get(i) == null) {
                    unguarded.add(i);
                } else {
                    guarded.computeIfAbsent(guards.get(i), k -> new ArrayList<>()).add(i);
                }
            }
            Map<Guard, int[]> arrays = new HashMap<>();
            guarded.forEach((g, list) -> arrays.put(g, ints(list)));
            return new GuardIndex(ints(unguarded), arrays);
        }

        /** Positions whose guard the workload {@code ep} meets, ascending. */
        int[] candidates(Endpoint ep) {
            int[] out = unguarded;
            out = with(out, guarded.get(new Guard(ep.namespace(), null, null)));
            for (Map.Entry<String, String> l : ep.labels().entrySet()) {
                out = with(out, guarded.get(new Guard(null, l.getKey(), l.getValue())));
                out = with(out, guarded.get(new Guard(ep.namespace(), l.getKey(), l.getValue())));
            }
            if (out != unguarded) {
                Arrays.sort(out);
            }
            return out;
        }

        private static int[] with(int[] a, int[] b) {
            if (b == null) {
                return a;
            }
            int[] out = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, out, a.length, b.length);
            return out;
        }

        private static int[] ints(List<Integer> list) {
            return list.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private final EntityMatcher matcher;
    private final List<Tier> tiers;
    private final List<CPolicy[]> policiesByTier = new ArrayList<>();
    private final List<GuardIndex> indexByTier = new ArrayList<>();
    /**
     * The rule sides by guard, and all of them in order (for an endpoint the guards say nothing of); both made once every
     * policy is compiled, after which no side is added.
     */
    private final GuardIndex sideIndex;
    private final int[] everySide;
    private final List<Side> sides = new ArrayList<>();
    private final Map<String, Integer> sideIds = new HashMap<>();
    private final Map<Map<String, String>, Plan[]> plans = new HashMap<>();
    private final Map<Endpoint, Info> infos = new IdentityHashMap<>();
    private final Map<String, Integer> classes = new HashMap<>();
    private final Map<Object, Integer> portSignatures = new HashMap<>();
    private final Map<String, Integer> contexts = new HashMap<>();
    private final Map<Memo, Memo> memos = new HashMap<>();
    private int planCount;

    CompiledPolicySet(PolicySet set, EntityMatcher matcher, Inventory inventory) {
        this.matcher = matcher;
        this.tiers = set.effectiveTiers();
        for (Tier t : tiers) {
            CPolicy[] inTier = set.inTier(t.name()).stream().map(this::compile).toArray(CPolicy[]::new);
            policiesByTier.add(inTier);
            indexByTier.add(GuardIndex.of(Arrays.stream(inTier).map(cp -> Guard.of(
                    cp.policy().kind().namespaced() ? cp.policy().namespace() : null, cp.policy().selector())).toList()));
        }
        sideIndex = GuardIndex.of(sides.stream().map(CompiledPolicySet::guard).toList());
        everySide = IntStream.range(0, sides.size()).toArray();
        for (Endpoint w : inventory.workloads()) {
            info(w);
        }
    }

    private CPolicy compile(Policy p) {
        return new CPolicy(p, rules(p, p.ingress(), Direction.INGRESS), rules(p, p.egress(), Direction.EGRESS));
    }

    private CRule[] rules(Policy p, List<Rule> rules, Direction d) {
        return rules.stream().map(r -> new CRule(r, side(p, r.source(), false),
                side(p, r.destination(), d == Direction.EGRESS && r.action() == Action.ALLOW))).toArray(CRule[]::new);
    }

    private int side(Policy p, EntityRule e, boolean domainsCount) {
        String scope = p.kind().namespaced() ? "ns:" + p.namespace() : "global";
        String key = scope + "|" + domainsCount + "|" + text(e.selector()) + "|" + text(e.namespaceSelector()) + "|"
                + e.globalScope() + "|" + text(e.notSelector()) + "|" + e.serviceAccountNames() + "|"
                + text(e.serviceAccountSelector()) + "|" + cidrs(e.nets()) + "|" + cidrs(e.notNets());
        return sideIds.computeIfAbsent(key, k -> {
            sides.add(new Side(p, e, domainsCount));
            return sides.size() - 1;
        });
    }

    /**
     * A side's guard: only a side whose selector must match the workload's own labels has one (with a required label,
     * or the policy's namespace when it is namespaced and the side has no namespaceSelector); reaching a workload
     * through a network set that contains it is left to {@link #info}, which scans every side for such a workload.
     */
    private static Guard guard(Side side) {
        EntityRule e = side.entity();
        if (e.selector() == null) {
            return null;
        }
        boolean ownNamespace = side.scope().kind().namespaced() && e.namespaceSelector() == null && !e.globalScope();
        return Guard.of(ownNamespace ? side.scope().namespace() : null, e.selector());
    }

    private static String text(Selector s) {
        return s == null ? "-" : s.canonical();
    }

    private static String cidrs(List<io.calicogitops.validate.Cidr> nets) {
        return nets.stream().map(c -> Arrays.toString(c.address()) + "/" + c.prefix()).collect(Collectors.joining(","));
    }

    /** Side matches of an endpoint, computed once; equal match vectors (and IP-free identity) share a class. */
    private Info info(Endpoint ep) {
        Info known = infos.get(ep);
        if (known != null) {
            return known;
        }
        boolean[] m = new boolean[sides.size()];
        // The class key lists the matched sides (few of thousands), so a workload costs its candidates, not every side.
        StringBuilder sig = new StringBuilder();
        // A side with a guard the workload does not meet selects it neither by its labels nor through a set.
        for (int i : ep.external() || inSomeSet(ep) ? everySide : sideIndex.candidates(ep)) {
            Side s = sides.get(i);
            m[i] = matcher.endpointPart(s.scope(), s.entity(), ep, s.domainsCount());
            if (m[i]) {
                sig.append(i).append(',');
            }
        }
        int classId = classes.computeIfAbsent(sig.toString(), k -> classes.size());
        Info info = new Info(m, classId, ep.display());
        infos.put(ep, info);
        return info;
    }

    private boolean inSomeSet(Endpoint ep) {
        for (NetworkSet set : matcher.inventory().networkSets()) {
            if (set.contains(ep, true)) {
                return true;
            }
        }
        return false;
    }

    private Plan plan(Endpoint ep, Direction d) {
        Plan[] both = plans.computeIfAbsent(ep.labels(), k -> new Plan[2]);
        // Workloads with equal labels (namespace and service account included) share their applicable policies.
        Plan p = both[d.ordinal()];
        if (p == null) {
            List<Integer> tierIdx = new ArrayList<>();
            List<CPolicy[]> lists = new ArrayList<>();
            for (int t = 0; t < tiers.size(); t++) {
                List<CPolicy> applicable = new ArrayList<>();
                CPolicy[] inTier = policiesByTier.get(t);
                for (int i : indexByTier.get(t).candidates(ep)) {
                    CPolicy cp = inTier[i];
                    if (cp.policy().types().contains(d) && matcher.applies(cp.policy(), ep)) {
                        applicable.add(cp);
                    }
                }
                if (!applicable.isEmpty()) {
                    tierIdx.add(t);
                    lists.add(applicable.toArray(CPolicy[]::new));
                }
            }
            CPolicy[][] policies = lists.toArray(CPolicy[][]::new);
            List<Rule> rules = Arrays.stream(policies).flatMap(Arrays::stream)
                    .flatMap(cp -> Arrays.stream(cp.rules(d))).map(CRule::rule).toList();
            boolean named = rules.stream().anyMatch(r -> EntityMatcher.namesPorts(r.source()));
            p = new Plan(planCount++, tierIdx.stream().mapToInt(Integer::intValue).toArray(), policies, new LongMap<>(), new HashMap<>(),
                    EntityMatcher.numericSourceCuts(rules), named);
            both[d.ordinal()] = p;
        }
        return p;
    }

    Verdicts verdicts(Flow flow) {
        int single = singlePort(flow);
        if (single != SPLIT) {
            // The common case: no applicable rule looks at the source port, one evaluation answers for the whole range.
            return Verdicts.single(flow, verdict(flow, single));
        }
        Plan out = endPlan(flow, Direction.EGRESS);
        Plan in = endPlan(flow, Direction.INGRESS);
        boolean outMatters = out != null && out.sourceMatters();
        boolean inMatters = in != null && in.sourceMatters();
        IntStream cuts = IntStream.concat(
                outMatters ? Arrays.stream(out.sourceCuts()) : IntStream.empty(),
                inMatters ? Arrays.stream(in.sourceCuts()) : IntStream.empty());
        if (outMatters && out.namedSource() || inMatters && in.namedSource()) {
            // A named source port is the source endpoint's port of that name: cut at each of its declared ports.
            cuts = IntStream.concat(cuts,
                    flow.source().ports().stream().flatMapToInt(cp -> IntStream.of(cp.port(), cp.port() + 1)));
        }
        return Verdicts.over(flow, cuts.distinct().sorted().toArray(), port -> verdict(flow, port));
    }

    /**
     * One end's decision when the flow is not split by source port (what {@link #verdicts} would put in its single
     * part), without deciding the other end; null when it would split.
     */
    Decision unsplit(Flow flow, Direction end) {
        int single = singlePort(flow);
        return single == SPLIT ? null : decideAt(flow, end, single);
    }

    /**
     * The one source port that answers for the whole flow: -1 when its protocol has none, else the lowest of its range;
     * {@link #SPLIT} when a rule that applies at either end looks at the source port.
     */
    private int singlePort(Flow flow) {
        if (!flow.hasSourcePort()) {
            return -1;
        }
        Plan out = endPlan(flow, Direction.EGRESS);
        Plan in = endPlan(flow, Direction.INGRESS);
        return out != null && out.sourceMatters() || in != null && in.sourceMatters() ? SPLIT : flow.sourcePorts().min();
    }

    /** The plan of the end deciding in {@code d} (egress: the source, ingress: the destination); null when external. */
    private Plan endPlan(Flow flow, Direction d) {
        Endpoint self = d == Direction.EGRESS ? flow.source() : flow.destination();
        return self.external() ? null : planOf(self, d);
    }

    private Verdict verdict(Flow flow, int sourcePort) {
        return new Verdict(flow, decideAt(flow, Direction.EGRESS, sourcePort), decideAt(flow, Direction.INGRESS, sourcePort));
    }

    /** The decision at one end: egress at the source, ingress at the destination. */
    private Decision decideAt(Flow flow, Direction end, int sourcePort) {
        return end == Direction.EGRESS ? decide(flow.source(), flow.destination(), Direction.EGRESS, flow, sourcePort)
                : decide(flow.destination(), flow.source(), Direction.INGRESS, flow, sourcePort);
    }

    private Plan planOf(Endpoint self, Direction d) {
        return planOf(self, info(self), d);
    }

    private Plan planOf(Endpoint self, Info selfInfo, Direction d) {
        Plan plan = selfInfo.plans[d.ordinal()];
        if (plan == null) {
            plan = plan(self, d);
            selfInfo.plans[d.ordinal()] = plan;
        }
        return plan;
    }

    private Decision decide(Endpoint self, Endpoint peer, Direction d, Flow flow, int sourcePort) {
        if (self.external()) {
            return new Decision(d, self.display(), Outcome.EXTERNAL, List.of());
        }
        Info selfInfo = info(self);
        Plan plan = planOf(self, selfInfo, d);
        if (plan.tiers().length == 0) {
            return new Decision(d, selfInfo.display, Outcome.NO_POLICY, List.of());
        }
        Info peerInfo = info(peer);
        Info src = d == Direction.EGRESS ? selfInfo : peerInfo;
        Info dstInfo = d == Direction.EGRESS ? peerInfo : selfInfo;
        Info dstSide = d == Direction.EGRESS ? peerInfo : selfInfo;
        if (dstSide.context < 0) {
            dstSide.context = context(flow.destination());
        }
        int context = dstSide.context;
        Memo m = null;
        boolean memoised = false;
        long k = 0;
        SourceKey sourceKey = null;
        // A named source port depends on the source endpoint's ports, which no class captures: not memoised (rare).
        if (selfInfo.classId < 1 << 16 && peerInfo.classId < 1 << 16 && context < 1 << 7 && flow.port() < 1 << 16 && flow.icmpCode() < 0
                && !plan.namedSource()) {
            memoised = true;
            k = (long) selfInfo.classId << 48 | (long) peerInfo.classId << 32 | (long) (flow.protocol() & 0xff) << 24
                    | (long) (flow.port() + 1) << 7 | context;
            if (plan.sourceCuts().length > 0) {
                sourceKey = new SourceKey(k, sourcePort);
                m = plan.sourceMemo().get(sourceKey);
            } else {
                m = plan.memo().get(k);
            }
        }
        if (m == null) {
            m = run(plan, d, flow, sourcePort, src, dstInfo);
            if (sourceKey != null) {
                if (plan.sourceMemo().size() < MEMO_LIMIT) {
                    plan.sourceMemo().put(sourceKey, m);
                }
            } else if (memoised && plan.memo().size() < MEMO_LIMIT) {
                plan.memo().put(k, m);
            }
        }
        return new Decision(d, selfInfo.display, m.outcome(), m.steps());
    }

    /** What else a decision depends on: the destination's named ports and its DNS name (interned). */
    private int context(Endpoint dst) {
        if (dst.ports().isEmpty() && dst.domain() == null) {
            return 0;
        }
        int ports = portSignatures.computeIfAbsent(dst.ports(), k -> portSignatures.size() + 1);
        return contexts.computeIfAbsent(ports + "|" + dst.domain(), k -> contexts.size() + 1);
    }

    private Memo run(Plan plan, Direction d, Flow flow, int sourcePort, Info src, Info dst) {
        List<Step> steps = new ArrayList<>(2);
        for (int i = 0; i < plan.tiers().length; i++) {
            Tier tier = tiers.get(plan.tiers()[i]);
            Action result = null;
            policies:
            for (CPolicy cp : plan.policies()[i]) {
                for (CRule cr : cp.rules(d)) {
                    if (!matches(cr, d, flow, sourcePort, src, dst)) {
                        continue;
                    }
                    Rule r = cr.rule();
                    steps.add(new Step(tier.name(), cp.policy().namespace(), cp.policy().name(), r.index(), r.action()));
                    if (r.action() != Action.LOG) {
                        result = r.action();
                        break policies;
                    }
                }
            }
            if (result == null) {
                steps.add(new Step(tier.name(), "", null, 0, tier.defaultAction()));
                result = tier.defaultAction();
                if (result == Action.DENY) {
                    return memo(Outcome.DENIED_END_OF_TIER, steps);
                }
            }
            if (result == Action.ALLOW) {
                return memo(Outcome.ALLOWED_BY_RULE, steps);
            }
            if (result == Action.DENY) {
                return memo(Outcome.DENIED_BY_RULE, steps);
            }
        }
        return memo(Outcome.ALLOWED_AFTER_PASS, steps);
    }

    /**
     * One shared memo per distinct (outcome, steps): most decisions repeat one of few traces, so the memo of a large
     * replay holds references to them rather than a copy per flow (less to keep, less for the collector to copy).
     */
    private Memo memo(Outcome outcome, List<Step> steps) {
        Memo m = new Memo(outcome, List.copyOf(steps));
        Memo known = memos.putIfAbsent(m, m);
        return known != null ? known : m;
    }

    private static boolean matches(CRule cr, Direction d, Flow flow, int sourcePort, Info src, Info dst) {
        Rule r = cr.rule();
        if (!r.protocolMatches(flow.protocol())) {
            return false;
        }
        if (!r.icmpMatches(flow)) {
            return false;
        }
        return src.sides[cr.source()] && dst.sides[cr.destination()]
                && EntityMatcher.portPart(r.source(), flow.source(), sourcePort, flow.protocol())
                && EntityMatcher.portPart(r.destination(), flow.destination(), flow.port(), flow.protocol())
                && EntityMatcher.domainPart(r.destination(), flow.destination(), d);
    }
}
