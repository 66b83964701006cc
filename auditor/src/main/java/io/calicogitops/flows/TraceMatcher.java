package io.calicogitops.flows;

import io.calicogitops.flows.PolicyHit.HitAction;
import io.calicogitops.flows.PolicyHit.HitKind;
import io.calicogitops.memo.BoundedMemo;
import io.calicogitops.policy.Action;
import io.calicogitops.policy.Decision;
import io.calicogitops.policy.Outcome;
import io.calicogitops.policy.Policy;
import io.calicogitops.policy.PolicyKind;
import io.calicogitops.policy.PolicySet;
import io.calicogitops.policy.Step;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares a recorded trace with the evaluator's. The evaluator's steps become trace entries the way Felix writes them:
 * rule indexes 0-based, {@code Log} rules left out (they produce no entry), the end of a tier as rule {@code -1}, and a
 * trace that passes every tier (or meets no policy) ending with the namespace profile's allow ({@code __PROFILE__},
 * {@code kns.<ns>}). At {@code -1} only tier and action are compared: the dataplane names an arbitrary policy of the
 * tier there (felix/calc/endpoint_lookup_cache.go names the last enforced one, the userspace checker the first).
 */
final class TraceMatcher {

    /** One computed trace entry; {@code policy} is null at the end of a tier. */
    record Expected(String tier, String namespace, String policy, int rule, HitAction action) {
        String text() {
            return tier + "|" + (policy == null ? "*" : (namespace.isEmpty() ? "" : namespace + "/") + policy)
                    + "|" + action.name().toLowerCase(java.util.Locale.ROOT) + "|" + rule;
        }
    }

    private final Set<String> enforced = new HashSet<>();
    private final Set<String> staged = new HashSet<>();
    private final Set<String> tiers = new HashSet<>();
    /** Whether Git has what an entry names, per entry instance (readers share the instance of a repeated entry). */
    private final BoundedMemo<PolicyHit, Boolean> inGit =
            new BoundedMemo<>(new IdentityHashMap<>(), PolicyTraceParser.MEMO_ENTRIES, this::lookUp);

    TraceMatcher(PolicySet policies) {
        for (Policy p : policies.policies()) {
            enforced.add(key(p.kind(), p.tier(), p.namespace(), p.name()));
            tiers.add(p.tier());
        }
        for (Policy p : policies.staged()) {
            staged.add(key(p.kind(), p.tier(), p.namespace(), p.name()));
        }
    }

    /** The first entry naming a policy Git does not have (staged entries are looked up among the staged policies). */
    Optional<PolicyHit> notInGit(List<PolicyHit> hits) {
        for (PolicyHit h : hits) {
            if (!inGit.get(h)) {
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }

    private boolean lookUp(PolicyHit h) {
        if (h.kind() == HitKind.PROFILE) {
            return true;
        }
        PolicyKind kind = kind(h.kind());
        boolean known = kind != null && (h.staged() ? staged : enforced).contains(key(kind, h.tier(), h.namespace(), h.name()));
        return known || h.endOfTier() && !h.staged() && tiers.contains(h.tier()) && kind != null;
    }

    static List<Expected> expected(Decision d, String namespace) {
        List<Expected> out = new ArrayList<>();
        for (Step s : d.steps()) {
            if (s.action() == Action.LOG) {
                continue;
            }
            HitAction a = switch (s.action()) {
                case ALLOW -> HitAction.ALLOW;
                case DENY -> HitAction.DENY;
                case PASS -> HitAction.PASS;
                case LOG -> throw new IllegalStateException("Log steps are skipped above");
            };
            out.add(s.endOfTier() ? new Expected(s.tier(), "", null, PolicyHit.END_OF_TIER, a)
                    : new Expected(s.tier(), s.namespace(), s.policy(), s.rule() - 1, a));
        }
        if (d.outcome() == Outcome.ALLOWED_AFTER_PASS || d.outcome() == Outcome.NO_POLICY) {
            out.add(new Expected(PolicyHit.PROFILE_TIER, "", "kns." + namespace, 0, HitAction.ALLOW));
        }
        return out;
    }

    static boolean same(List<PolicyHit> recorded, List<Expected> computed) {
        if (recorded.size() != computed.size()) {
            return false;
        }
        for (int i = 0; i < recorded.size(); i++) {
            PolicyHit r = recorded.get(i);
            Expected c = computed.get(i);
            if (!r.tier().equals(c.tier()) || r.action() != c.action() || r.endOfTier() != (c.rule() == PolicyHit.END_OF_TIER)) {
                return false;
            }
            if (r.endOfTier() || r.kind() == HitKind.PROFILE) {
                continue;
            }
            boolean sameName = sameNormalised(r.tier(), r.name(), c.tier(), c.policy())
                    && (r.namespace() == null ? "" : r.namespace()).equals(c.namespace());
            if (!sameName || (r.ruleIndex() >= 0 && r.ruleIndex() != c.rule())) {
                return false;
            }
        }
        return true;
    }

    static String recordedText(List<PolicyHit> hits) {
        return hits.stream().map(PolicyHit::text).collect(Collectors.joining(", "));
    }

    static String computedText(List<Expected> hits) {
        return hits.stream().map(Expected::text).collect(Collectors.joining(", "));
    }

    private static PolicyKind kind(HitKind k) {
        return switch (k) {
            case GLOBAL_NETWORK_POLICY -> PolicyKind.GLOBAL_NETWORK_POLICY;
            case NETWORK_POLICY -> PolicyKind.NETWORK_POLICY;
            case KUBERNETES_NETWORK_POLICY -> PolicyKind.KUBERNETES_NETWORK_POLICY;
            default -> null;
        };
    }

    private static String key(PolicyKind kind, String tier, String namespace, String name) {
        return kind + "|" + tier + "|" + (namespace == null ? "" : namespace) + "|" + normalise(tier, name);
    }

    // Kubernetes policies are knp.default.<name> in the model; Calico names may carry the "<tier>." prefix or not.
    static String normalise(String tier, String name) {
        String n = name.startsWith("knp.default.") ? name.substring("knp.default.".length()) : name;
        return n.startsWith(tier + ".") ? n.substring(tier.length() + 1) : n;
    }

    /** {@code normalise(tierA, a).equals(normalise(tierB, b))}, without making either string (once per trace entry). */
    static boolean sameNormalised(String tierA, String a, String tierB, String b) {
        int fromA = normalisedStart(tierA, a);
        int fromB = normalisedStart(tierB, b);
        int length = a.length() - fromA;
        return length == b.length() - fromB && a.regionMatches(fromA, b, fromB, length);
    }

    /** Where {@link #normalise} starts the name. */
    private static int normalisedStart(String tier, String name) {
        int from = name.startsWith("knp.default.") ? "knp.default.".length() : 0;
        boolean tierPrefix = name.length() > from + tier.length() && name.startsWith(tier, from) && name.charAt(from + tier.length()) == '.';
        return tierPrefix ? from + tier.length() + 1 : from;
    }
}
