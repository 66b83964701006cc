package io.calicogitops.audit;

import java.util.Objects;

/**
 * What the two versions compared are called in sentences that name them, e.g. a rule reorder: the auditor compares
 * Git with the cluster, history a commit's parent with the commit.
 */
public record Sides(String from, String to) {

    /** {@code from} is Git, {@code to} the cluster. */
    public static final Sides AUDIT = new Sides("Git", "the cluster");

    /** {@code from} is the parent commit, {@code to} the commit. */
    public static final Sides HISTORY = new Sides("the parent commit", "this commit");

    public Sides {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}
