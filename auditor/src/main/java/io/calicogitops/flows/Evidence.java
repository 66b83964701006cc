package io.calicogitops.flows;

import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The observed traffic behind one recommended rule: how many records and flows, in how many export intervals
 * (distinct {@code start_time}s), the first and last interval, and the bytes and packets.
 */
public record Evidence(long records, FlowCounts counts, SortedSet<Long> intervals) {

    public static final Evidence NONE = new Evidence(0, FlowCounts.NONE, new TreeSet<>());

    public Evidence {
        intervals = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(intervals));
    }

    /** This evidence plus one record. */
    public Evidence plus(FlowRecord r) {
        TreeSet<Long> seen = new TreeSet<>(intervals);
        seen.add(r.startTime());
        return new Evidence(records + 1, counts.plus(r.counts()), seen);
    }

    /** Both summed. */
    public Evidence plus(Evidence other) {
        TreeSet<Long> seen = new TreeSet<>(intervals);
        seen.addAll(other.intervals);
        return new Evidence(records + other.records, counts.plus(other.counts), seen);
    }

    /** The rule annotation: {@code records=6 flows=14 intervals=3 first=1796601600 last=1796601630 packets=.. bytes=..}. */
    public String annotation() {
        return "records=" + records + " flows=" + counts.numFlows() + " intervals=" + intervals.size()
                + (intervals.isEmpty() ? "" : " first=" + intervals.first() + " last=" + intervals.last())
                + " packets=" + (counts.packetsIn() + counts.packetsOut()) + " bytes=" + (counts.bytesIn() + counts.bytesOut());
    }
}
