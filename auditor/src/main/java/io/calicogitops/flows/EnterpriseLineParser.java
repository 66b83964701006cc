package io.calicogitops.flows;

import io.calicogitops.diag.SourceLocation;
import io.calicogitops.flows.FlowRecord.FlowAction;
import io.calicogitops.flows.FlowRecord.Reporter;
import io.calicogitops.memo.BoundedMemo;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import static io.calicogitops.flows.PlainLine.giveUp;
import static io.calicogitops.flows.PlainLine.required;

/**
 * The fast path of a JSON-lines file: one Enterprise flow-log line (Felix {@code flows.log}) scanned straight into a
 * {@link FlowRecord} ({@link PlainLine}), without a Jackson parser or the tree {@link RecordParser} reads. It takes only
 * the plain shape Felix writes (string values, integer numbers, {@code {"labels": [...]}}, trace strings) in a strict
 * subset of JSON, and gives up (null) on anything else: another shape (Goldmane's {@code Key}, Whisker's
 * {@code protocol}/{@code policies.enforced}), a possible wrapper ({@code hits}, {@code items}), another value type, a
 * repeated {@code policies}, a value {@link RecordParser} would reject, any JSON outside the subset (escapes, negative
 * or fractional numbers, ...) and any JSON error. The caller then reads the line the general way, which gives the same
 * record or the error at its line, so both paths always agree ({@code EnterpriseLineParserTest} compares them on every
 * sample and test file, on edge lines and on thousands of randomly damaged lines). Creating a Jackson parser and its
 * symbol table for each line cost more than the rest of the reading (issue 14).
 */
final class EnterpriseLineParser {

    private final PlainLine in = new PlainLine();
    private final Fields f = new Fields();

    /** The record of one line, or null when the line is to be read the general way. */
    FlowRecord parse(String line, SourceLocation at) {
        try {
            in.reset(line);
            f.clear();
            in.expect('{');
            if (!in.take('}')) {
                do {
                    String name = in.string();
                    in.expect(':');
                    f.field(name, in);
                } while (in.take(','));
                in.expect('}');
            }
            if (!in.atEnd()) {
                return null; // a second value on the line: the general reading reports it
            }
            return f.record(at);
        } catch (PlainLine.GiveUp | MalformedRecordException e) {
            return null;
        }
    }

    /** The values of one line, last occurrence winning as in Jackson's tree. */
    private static final class Fields {
        long startTime;
        long endTime;
        String reporter;
        String action;
        String proto;
        final EndpointFields source = new EndpointFields();
        final EndpointFields dest = new EndpointFields();
        Integer destPort;
        String serviceNamespace;
        String serviceName;
        Integer servicePort;
        List<String> domains;
        boolean policiesSeen;
        List<String> enforced;
        List<String> pending;
        final long[] counts = new long[5];
        final BoundedMemo<String, PolicyHit> traceEntries = PolicyTraceParser.memo();

        void clear() {
            startTime = 0;
            endTime = 0;
            reporter = null;
            action = null;
            proto = null;
            source.clear();
            dest.clear();
            destPort = null;
            serviceNamespace = null;
            serviceName = null;
            servicePort = null;
            domains = List.of();
            policiesSeen = false;
            enforced = null;
            pending = null;
            java.util.Arrays.fill(counts, 0);
        }

        /** One field, routed by its whole name. */
        void field(String name, PlainLine in) {
            switch (name) {
                case "source_type" -> source.type = in.string();
                case "source_name" -> source.name = in.dash();
                case "source_name_aggr" -> source.nameAggr = in.string();
                case "source_namespace" -> source.namespace = in.dash();
                case "source_ip" -> source.ip = in.dash();
                case "source_labels" -> source.labels = in.labels(source.scratch);
                case "source_port" -> source.port = in.port();
                case "dest_type" -> dest.type = in.string();
                case "dest_name" -> dest.name = in.dash();
                case "dest_name_aggr" -> dest.nameAggr = in.string();
                case "dest_namespace" -> dest.namespace = in.dash();
                case "dest_ip" -> dest.ip = in.dash();
                case "dest_labels" -> dest.labels = in.labels(dest.scratch);
                case "start_time" -> startTime = in.number();
                case "end_time" -> endTime = in.number();
                case "reporter" -> reporter = in.string();
                case "action" -> action = in.string();
                case "proto" -> proto = in.string();
                case "dest_port" -> destPort = in.port();
                case "dest_service_namespace" -> serviceNamespace = in.dash();
                case "dest_service_name" -> serviceName = in.dash();
                case "dest_service_port_num" -> servicePort = in.port();
                case "dest_domains" -> domains = in.strings();
                case "policies" -> policies(in);
                case "num_flows" -> counts[0] = in.number();
                case "bytes_in" -> counts[1] = in.number();
                case "bytes_out" -> counts[2] = in.number();
                case "packets_in" -> counts[3] = in.number();
                case "packets_out" -> counts[4] = in.number();
                // Goldmane's Key and Whisker's protocol mean another shape: RecordParser tells them apart. hits and
                // items may be an Elasticsearch or Whisker wrapper: FlowLogReader looks for their records.
                case "Key", "key", "protocol", "hits", "items" -> giveUp();
                default -> in.skip();
            }
        }

        private void policies(PlainLine in) {
            if (policiesSeen || !in.take('{')) {
                giveUp(); // twice, or not an object (no trace recorded): rare, left to the general way
            }
            policiesSeen = true;
            if (in.take('}')) {
                return;
            }
            do {
                String name = in.string();
                in.expect(':');
                switch (name) {
                    case "enforced_policies" -> enforced = in.strings();
                    case "pending_policies" -> pending = in.strings();
                    case "enforced", "pending" -> giveUp(); // Whisker's trace
                    default -> in.skip();
                }
            } while (in.take(','));
            in.expect('}');
        }

        FlowRecord record(SourceLocation at) {
            Reporter r = switch (required(reporter)) {
                case "src" -> Reporter.SRC;
                case "dst" -> Reporter.DST;
                case "fwd" -> Reporter.FWD;
                default -> throw PlainLine.GiveUp.INSTANCE;
            };
            FlowAction a = RecordParser.action(required(action));
            return new FlowRecord(at, startTime, endTime, r, a, source.endpoint(), dest.endpoint(), required(proto), destPort,
                    serviceNamespace, serviceName, servicePort, domains, policiesSeen, hits(enforced), hits(pending),
                    new FlowCounts(counts[0], counts[1], counts[2], counts[3], counts[4]));
        }

        private List<PolicyHit> hits(List<String> entries) {
            if (entries == null) {
                return List.of();
            }
            List<PolicyHit> out = new ArrayList<>(entries.size());
            for (String e : entries) {
                out.add(traceEntries.get(e));
            }
            return out;
        }
    }

    /** One end's values ({@code source_*} or {@code dest_*}; {@code port} only at the source, dest_port is the record's). */
    private static final class EndpointFields {
        String type;
        String name;
        String nameAggr;
        String namespace;
        String ip;
        Integer port;
        SortedMap<String, String> labels;
        /** Where this end's labels are read, line after line; the record's endpoint keeps its own copy. */
        final TreeMap<String, String> scratch = new TreeMap<>();

        void clear() {
            type = null;
            name = null;
            nameAggr = null;
            namespace = null;
            ip = null;
            port = null;
            labels = null;
        }

        FlowEndpoint endpoint() {
            return new FlowEndpoint(RecordParser.type(required(type), "type"), name, required(nameAggr), namespace, ip, port, labels);
        }
    }
}
