package io.calicogitops.flows;

import io.calicogitops.flows.FlowRecord.Reporter;
import io.calicogitops.policy.Direction;
import io.calicogitops.policy.Flow;
import io.calicogitops.policy.Inventory;
import io.calicogitops.policy.Protocols;
import io.calicogitops.policy.SourcePorts;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.function.BiConsumer;

/** Turns a record into the evaluator's {@link Flow}, or says why it cannot (shared by replay and impact). */
final class RecordFlows {

    private final EndpointResolver resolver;
    private final SourcePorts clientPorts;
    private String lastProtoName;
    private OptionalInt lastProto;

    /** The flow, or (flow null) why the record cannot be evaluated. */
    record Built(Flow flow, String reason) {
    }

    RecordFlows(Inventory inventory, SourcePorts clientPorts) {
        this.resolver = new EndpointResolver(inventory);
        this.clientPorts = clientPorts;
    }

    /** How many records a pass over flow-log files read, and how many of them could not be turned into a flow. */
    record Counts(long records, long notEvaluated) {
    }

    /**
     * Reads the files (malformed input: exit 3) and hands each record whose flow could be rebuilt, with that flow, to
     * {@code use}; the others are only counted.
     */
    Counts forEachFlow(List<Path> files, BiConsumer<FlowRecord, Flow> use) {
        long[] counts = {0, 0};
        FlowLogReader.read(files, false, r -> {
            counts[0]++;
            Built built = build(r);
            if (built.flow() == null) {
                counts[1]++;
            } else {
                use.accept(r, built.flow());
            }
        });
        return new Counts(counts[0], counts[1]);
    }

    Built build(FlowRecord r) {
        if (r.reporter() == Reporter.FWD) {
            return new Built(null, "reported as forwarded (fwd): no workload's policy decided it");
        }
        if (!EndpointResolver.isWorkload(r.tracedEndpoint())) {
            return new Built(null, "the reporting endpoint is a " + r.tracedEndpoint().type().name().toLowerCase(Locale.ROOT) + ", not a workload");
        }
        EndpointResolver.Resolution src = resolver.resolve(r.source(), null);
        EndpointResolver.Resolution dst = resolver.resolve(r.destination(), r.destDomains().isEmpty() ? null : r.destDomains().get(0));
        if (!src.known() || !dst.known()) {
            return new Built(null, !src.known() ? "source " + src.reason() : "destination " + dst.reason());
        }
        // Records repeat one protocol name for long runs: the last one's number is kept.
        if (!r.proto().equals(lastProtoName)) {
            lastProto = Protocols.lenient(r.proto());
            lastProtoName = r.proto();
        }
        OptionalInt proto = lastProto;
        if (proto.isEmpty()) {
            return new Built(null, "protocol '" + r.proto() + "' is not one the evaluator knows");
        }
        Integer sp = r.source().port();
        return new Built(new Flow(src.endpoint(), dst.endpoint(), proto.getAsInt(), r.destPort() == null ? -1 : r.destPort(), -1,
                sp != null && Protocols.hasPorts(proto.getAsInt()) ? new SourcePorts(sp, sp) : clientPorts), null);
    }

    /** The end a record's reporter decided: src is egress at the source, dst ingress at the destination. */
    static Direction end(Reporter reporter) {
        return reporter == Reporter.SRC ? Direction.EGRESS : Direction.INGRESS;
    }
}
