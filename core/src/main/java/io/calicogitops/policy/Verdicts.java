package io.calicogitops.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A flow's answer over its source-port range: the sub-ranges with one verdict (and trace) each, ascending and covering
 * the range; one part when the source port does not matter. Each part's flow carries its sub-range.
 */
public record Verdicts(Flow flow, List<Verdict> parts) {

    public static final String DEPENDS = "depends-on-source-port";

    /** A sub-range of source ports and whether it is allowed (adjacent ranges with the same answer merged). */
    public record Split(SourcePorts ports, boolean allowed) {
        public String word() {
            return allowed ? "allow" : "deny";
        }
    }

    public Verdicts {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no verdict");
        }
    }

    /** Allowed for every source port in the range. */
    public boolean allowed() {
        return parts.stream().allMatch(Verdict::allowed);
    }

    /** Allowed for at least one source port in the range (what a segmentation proof must rule out). */
    public boolean anyAllowed() {
        return parts.stream().anyMatch(Verdict::allowed);
    }

    /** Whether some source ports are allowed and others denied. */
    public boolean dependsOnSourcePort() {
        return anyAllowed() && !allowed();
    }

    /** {@code allow}, {@code deny} or {@code depends-on-source-port}. */
    public String word() {
        return dependsOnSourcePort() ? DEPENDS : allowed() ? "allow" : "deny";
    }

    /**
     * The decision at one end: {@code EGRESS} at the source, {@code INGRESS} at the destination. Where the source ports
     * split the verdict, the first part whose decision allows as {@code prefer} says, else the first part (an observed
     * flow used one port of the range).
     */
    public Decision side(Direction end, boolean prefer) {
        Decision first = null;
        for (Verdict v : parts) {
            Decision d = end == Direction.EGRESS ? v.egress() : v.ingress();
            first = first == null ? d : first;
            if (d.allows() == prefer) {
                return d;
            }
        }
        return first;
    }

    /** The verdict at the lowest source ports (the whole answer when the source port does not matter). */
    public Verdict first() {
        return parts.get(0);
    }

    /** The part whose sub-range holds {@code port} (the first part for a port outside the range). */
    public Verdict at(int port) {
        for (Verdict v : parts) {
            if (v.flow().sourcePorts().min() <= port && port <= v.flow().sourcePorts().max()) {
                return v;
            }
        }
        return parts.get(0);
    }

    /** Where {@code this} and {@code other} (the same flow) may differ: the start of every part of either, ascending. */
    public int[] starts(Verdicts other) {
        return java.util.stream.Stream.of(parts, other.parts).flatMap(List::stream)
                .mapToInt(v -> v.flow().sourcePorts().min()).distinct().sorted().toArray();
    }

    /** Allow and deny by sub-range, adjacent ranges with the same answer merged. */
    public List<Split> splits() {
        List<Split> out = new ArrayList<>();
        for (Verdict v : parts) {
            SourcePorts r = v.flow().sourcePorts();
            Split last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.allowed() == v.allowed()) {
                out.set(out.size() - 1, new Split(new SourcePorts(last.ports().min(), r.max()), v.allowed()));
            } else {
                out.add(new Split(r, v.allowed()));
            }
        }
        return out;
    }

    /**
     * Evaluates {@code flow} once per sub-range between {@code cuts} (sorted port numbers where a source-port constraint
     * starts or stops holding; others are ignored) at the sub-range's first port, then merges neighbours whose decisions
     * are equal, so that any set of cuts at least as fine as the rules' gives the same parts.
     */
    static Verdicts over(Flow flow, int[] cuts, IntFunction<Verdict> at) {
        SourcePorts range = flow.sourcePorts();
        List<Verdict> parts = new ArrayList<>();
        int i = Arrays.binarySearch(cuts, range.min() + 1);
        i = i < 0 ? -i - 1 : i;
        int start = range.min();
        while (true) {
            int end = i < cuts.length && cuts[i] <= range.max() ? cuts[i] - 1 : range.max();
            Verdict v = at.apply(start);
            Verdict last = parts.isEmpty() ? null : parts.get(parts.size() - 1);
            if (last != null && last.egress().equals(v.egress()) && last.ingress().equals(v.ingress())) {
                int from = last.flow().sourcePorts().min();
                parts.set(parts.size() - 1, new Verdict(flow.withSourcePorts(new SourcePorts(from, end)), v.egress(), v.ingress()));
            } else {
                parts.add(new Verdict(flow.withSourcePorts(new SourcePorts(start, end)), v.egress(), v.ingress()));
            }
            if (end == range.max()) {
                return new Verdicts(flow, parts);
            }
            start = end + 1;
            while (i < cuts.length && cuts[i] <= start) {
                i++;
            }
        }
    }

    /** A flow the source port does not matter for: one part, the whole range. */
    static Verdicts single(Flow flow, Verdict v) {
        return new Verdicts(flow, List.of(new Verdict(flow, v.egress(), v.ingress())));
    }
}
