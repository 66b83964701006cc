package io.calicogitops.policy;

import java.util.Comparator;

/** A tier: its order (null = after every ordered tier) and the action when it took part but decided nothing. */
public record Tier(String name, Double order, Action defaultAction) {

    public static final String DEFAULT = "default";
    /** The built-in tier default's fixed order (calico-semantics §2). */
    public static final double DEFAULT_ORDER = 1_000_000;

    /** Ascending order, nil last, ties by name (Calico's {@code TierLess}). */
    public static final Comparator<Tier> ORDER = Comparator
            .comparing((Tier t) -> t.order() == null ? Double.POSITIVE_INFINITY : t.order())
            .thenComparing(Tier::name);

    public static Tier defaultTier() {
        return new Tier(DEFAULT, DEFAULT_ORDER, Action.DENY);
    }
}
