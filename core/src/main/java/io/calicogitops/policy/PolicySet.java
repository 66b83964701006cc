package io.calicogitops.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tiers, enforced policies and staged policies of one cluster; {@link #stagedView()} is what Calico would enforce if every staged policy were. */
public record PolicySet(List<Tier> tiers, List<Policy> policies, List<Policy> staged) {

    public PolicySet {
        List<Tier> t = new ArrayList<>(tiers);
        if (t.stream().noneMatch(x -> x.name().equals(Tier.DEFAULT))) {
            t.add(Tier.defaultTier());
        }
        t.sort(Tier.ORDER);
        tiers = List.copyOf(t);
        policies = List.copyOf(policies);
        staged = List.copyOf(staged);
    }

    public boolean hasStaged() {
        return !staged.isEmpty();
    }

    /**
     * The enforced set with every staged policy applied: {@code stagedAction: Set} replaces the enforced policy with the
     * same kind, namespace and name (or adds it), {@code Delete} removes it.
     */
    public PolicySet stagedView() {
        Map<String, Policy> byKey = new LinkedHashMap<>();
        for (Policy p : policies) {
            byKey.put(p.key(), p);
        }
        for (Policy s : staged) {
            if (s.stagedDelete()) {
                byKey.remove(s.key());
            } else {
                byKey.put(s.key(), s.enforced());
            }
        }
        return new PolicySet(tiers, new ArrayList<>(byKey.values()), List.of());
    }

    /**
     * Policies of {@code tier}, in evaluation order: {@link Policy#ORDER}, Felix's {@code PolKVLess} (order, then the
     * string {@code name/namespace/kind}; felix/calc/policy_sorter.go). Both engines take their order from here.
     */
    public List<Policy> inTier(String tier) {
        return policies.stream().filter(p -> p.tier().equals(tier)).sorted(Policy.ORDER).toList();
    }

    /** Calico's built-in tiers when the repo does not declare them (calico-semantics §2); any other tier: no order, Deny. */
    static Tier builtIn(String name) {
        return switch (name) {
            case "kube-admin", "adminnetworkpolicy" -> new Tier(name, 1000.0, Action.PASS);
            case "kube-baseline", "baselineadminnetworkpolicy" -> new Tier(name, 10_000_000.0, Action.PASS);
            case "allow-tigera", "calico-system" -> new Tier(name, 100.0, Action.DENY);
            default -> new Tier(name, null, Action.DENY);
        };
    }

    /** Whether the repo declares this tier (or it is the built-in default tier). */
    public boolean declares(String tier) {
        return tiers.stream().anyMatch(t -> t.name().equals(tier));
    }

    /**
     * Tiers that hold a policy no tier declares are evaluated too (Calico would refuse them; validate reports them).
     * Sorted as Felix's {@code TierLess} (felix/calc/policy_sorter.go): order, nil last, then name.
     */
    public List<Tier> effectiveTiers() {
        List<Tier> t = new ArrayList<>(tiers);
        policies.stream().map(Policy::tier).distinct()
                .filter(name -> t.stream().noneMatch(x -> x.name().equals(name)))
                .forEach(name -> t.add(builtIn(name)));
        t.sort(Comparator.comparing((Tier x) -> x.order() == null ? Double.POSITIVE_INFINITY : x.order()).thenComparing(Tier::name));
        return t;
    }
}
