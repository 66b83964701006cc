package io.calicogitops.flows;

/** The traffic counters of one record (since the previous export of the same flow). */
public record FlowCounts(long numFlows, long bytesIn, long bytesOut, long packetsIn, long packetsOut) {

    public static final FlowCounts NONE = new FlowCounts(0, 0, 0, 0, 0);

    /** Both counters summed, for reports that add records up. */
    public FlowCounts plus(FlowCounts other) {
        return new FlowCounts(numFlows + other.numFlows, bytesIn + other.bytesIn, bytesOut + other.bytesOut,
                packetsIn + other.packetsIn, packetsOut + other.packetsOut);
    }
}
