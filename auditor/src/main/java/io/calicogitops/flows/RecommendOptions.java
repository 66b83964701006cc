package io.calicogitops.flows;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What to recommend: for which cluster, which namespaces (empty: every namespace seen, except Calico's default
 * exclusions {@code kube-*}, {@code calico-*}, {@code tigera-*}), into which tier (and the orders of the cluster's
 * tiers, to know which denies a rule in that tier could override), the policies' order, and in how many export
 * intervals the traffic of a rule must have been seen.
 */
public record RecommendOptions(String cluster, List<String> namespaces, String tier, Map<String, Double> tierOrders,
                               double order, int minIntervals) {

    /** Calico's default tier order (fixed since Calico Enterprise 3.20 / OSS 3.29). */
    public static final double DEFAULT_TIER_ORDER = 1_000_000;

    public RecommendOptions {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(tier, "tier");
        namespaces = List.copyOf(namespaces);
        tierOrders = java.util.Collections.unmodifiableMap(new TreeMap<>(tierOrders));
        if (minIntervals < 1) {
            throw new IllegalArgumentException("minIntervals must be at least 1");
        }
    }

    /** A tier's order; unknown tiers and nil orders sort last, as Felix sorts them. */
    public double tierOrder(String name) {
        if (name.equals("default")) {
            return tierOrders.getOrDefault(name, DEFAULT_TIER_ORDER);
        }
        return tierOrders.getOrDefault(name, Double.MAX_VALUE);
    }
}
