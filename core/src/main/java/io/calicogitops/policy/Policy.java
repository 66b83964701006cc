package io.calicogitops.policy;

import io.calicogitops.diag.SourceLocation;
import io.calicogitops.selector.Selector;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A policy as the evaluator sees it. Kubernetes NetworkPolicies are already converted ({@code knp.default.<name>},
 * tier default, order 1000). {@code staged} marks a staged kind; {@code stagedDelete} is {@code stagedAction: Delete}.
 * Null selectors are absent. {@code name} is as written (for traces); {@code key} identifies it for staged replacement.
 */
public record Policy(PolicyKind kind, String namespace, String name, String tier, Double order, Selector selector,
                     Selector namespaceSelector, Selector serviceAccountSelector, Set<Direction> types, List<Rule> ingress, List<Rule> egress, boolean staged, boolean stagedDelete,
                     Supplier<SourceLocation> located, io.calicogitops.validate.Locator locator) {

    /**
     * Ascending order, nil last (+Inf, as Felix maps it), ties by the one string {@code name/namespace/kind}: Felix's
     * {@code PolKVLess} (projectcalico/calico felix/calc/policy_sorter.go) compares
     * {@code fmt.Sprintf("%s/%s/%s", Key.Name, Key.Namespace, Key.Kind)}, kind being Calico's model kind
     * ({@code GlobalNetworkPolicy}, {@code NetworkPolicy}, {@code KubernetesNetworkPolicy}). Comparing the fields one
     * after the other is not the same: {@code allow-dns/...} sorts before {@code allow/...} because '-' < '/'.
     */
    public static final Comparator<Policy> ORDER = Comparator
            .comparing((Policy p) -> p.order() == null ? Double.POSITIVE_INFINITY : p.order())
            .thenComparing(Policy::tieBreak);

    /** The string Felix breaks equal orders with (see {@link #ORDER}). */
    String tieBreak() {
        return name + "/" + namespace + "/" + kind.calicoKind();
    }

    public Policy {
        namespace = namespace == null ? "" : namespace;
        types = Set.copyOf(types);
        ingress = List.copyOf(ingress);
        egress = List.copyOf(egress);
    }

    /** Where the policy's name is written (located on first use, see {@link Rule#where()}). */
    public SourceLocation where() {
        return located.get();
    }

    public List<Rule> rules(Direction d) {
        return d == Direction.INGRESS ? ingress : egress;
    }

    /** Kind, namespace and name with Calico's {@code default.X} = {@code X} rule: a staged policy replaces the enforced one with this key. */
    public String key() {
        String n = Tier.DEFAULT.equals(tier) && name.startsWith("default.") && kind != PolicyKind.KUBERNETES_NETWORK_POLICY
                ? name.substring("default.".length()) : name;
        return kind.name() + "/" + namespace + "/" + n;
    }

    /** {@code namespace/name} for namespaced policies, the name otherwise. */
    public String display() {
        return namespace.isEmpty() ? name : namespace + "/" + name;
    }

    public Policy enforced() {
        return new Policy(kind, namespace, name, tier, order, selector, namespaceSelector, serviceAccountSelector, types, ingress, egress, false, false, located, locator);
    }
}
