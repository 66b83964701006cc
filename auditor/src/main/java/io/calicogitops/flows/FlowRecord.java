package io.calicogitops.flows;

import io.calicogitops.diag.SourceLocation;

import java.util.List;
import java.util.Objects;

/**
 * One observed flow-log record, whatever shape it came in (Felix {@code flows.log} line, Elasticsearch document,
 * Goldmane or Whisker flow). A record describes one direction: {@link Reporter#SRC} carries the egress trace of the
 * source endpoint, {@link Reporter#DST} the ingress trace of the destination (Felix flowlog/utils.go).
 *
 * <p>Absent values follow Felix's conventions translated to Java: {@code null} where Felix writes {@code null} or
 * {@code "-"} (aggregated away or not applicable). {@code enforced} and {@code pending} are sorted by their index;
 * {@code policiesRecorded} is false when the record carried no {@code policies} field at all
 * ({@code flowLogsFileIncludePolicies: false}), which is not the same as an empty trace.
 */
public record FlowRecord(SourceLocation origin, long startTime, long endTime, Reporter reporter, FlowAction action,
                         FlowEndpoint source, FlowEndpoint destination, String proto, Integer destPort,
                         String destServiceNamespace, String destServiceName, Integer destServicePort,
                         List<String> destDomains, boolean policiesRecorded, List<PolicyHit> enforced,
                         List<PolicyHit> pending, FlowCounts counts) {

    public FlowRecord {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(reporter, "reporter");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(proto, "proto");
        destDomains = destDomains == null ? List.of() : List.copyOf(destDomains);
        enforced = PolicyHit.sorted(enforced);
        pending = PolicyHit.sorted(pending);
        counts = counts == null ? FlowCounts.NONE : counts;
    }

    /** The endpoint whose policies the trace describes: the source for {@code src}, the destination for {@code dst}. */
    public FlowEndpoint tracedEndpoint() {
        return reporter == Reporter.SRC ? source : destination;
    }

    /** Which endpoint reported the record, hence which direction its trace is (Felix: src = egress, dst = ingress). */
    public enum Reporter { SRC, DST, FWD }

    /** The record's final verdict; Felix never aggregates allowed and denied traffic together. */
    public enum FlowAction { ALLOW, DENY }
}
