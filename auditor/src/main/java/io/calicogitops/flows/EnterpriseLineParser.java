package io.calicogitops.flows;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.calicogitops.diag.SourceLocation;
import io.calicogitops.flows.FlowRecord.FlowAction;
import io.calicogitops.flows.FlowRecord.Reporter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import static io.calicogitops.flows.PlainValues.dash;
import static io.calicogitops.flows.PlainValues.giveUp;
import static io.calicogitops.flows.PlainValues.labels;
import static io.calicogitops.flows.PlainValues.number;
import static io.calicogitops.flows.PlainValues.port;
import static io.calicogitops.flows.PlainValues.required;
import static io.calicogitops.flows.PlainValues.strings;
import static io.calicogitops.flows.PlainValues.text;

/**
 * The fast path of a JSON-lines file: one Enterprise flow-log line (Felix {@code flows.log}) read with Jackson's
 * streaming parser straight into a {@link FlowRecord}, without the tree {@link RecordParser} reads. It takes only the
 * plain shape Felix writes (string values, integer numbers, {@code {"labels": [...]}}, trace strings) and gives up
 * (null) on anything else: another shape (Goldmane's {@code Key}, Whisker's {@code protocol}/{@code policies.enforced}),
 * a possible wrapper ({@code hits}, {@code items}), another value type, a repeated {@code policies}, a value
 * {@link RecordParser} would reject, or any JSON error. The caller then reads the line the general way, which gives the
 * same record or the error at its line, so both paths always agree ({@code EnterpriseLineParserTest} compares them on
 * every sample and test file and on edge lines). A tree per line costs more than the rest of the reading (issue 14).
 */
final class EnterpriseLineParser {

    private final JsonFactory factory;
    private final Fields f = new Fields();

    EnterpriseLineParser(JsonFactory factory) {
        this.factory = factory;
    }

    /** The record of one line, or null when the line is to be read the general way. */
    FlowRecord parse(String line, SourceLocation at) {
        try (JsonParser p = factory.createParser(line)) {
            f.clear();
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String name;
            while ((name = p.nextFieldName()) != null) {
                f.field(name, p);
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                return null; // a second value on the line: the general reading reports it
            }
            return f.record(at);
        } catch (PlainValues.GiveUp | MalformedRecordException | IOException e) {
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

        /**
         * One field: its value's first token is read here, once, and a single switch over the whole name (Jackson's
         * canonical field names keep their hash) routes it; no substring is made per field.
         */
        void field(String name, JsonParser p) throws IOException {
            JsonToken t = p.nextToken();
            switch (name) {
                case "source_type" -> source.type = text(p, t);
                case "source_name" -> source.name = dash(p, t);
                case "source_name_aggr" -> source.nameAggr = text(p, t);
                case "source_namespace" -> source.namespace = dash(p, t);
                case "source_ip" -> source.ip = dash(p, t);
                case "source_labels" -> source.labels = labels(p, t, source.scratch);
                case "source_port" -> source.port = port(p, t);
                case "dest_type" -> dest.type = text(p, t);
                case "dest_name" -> dest.name = dash(p, t);
                case "dest_name_aggr" -> dest.nameAggr = text(p, t);
                case "dest_namespace" -> dest.namespace = dash(p, t);
                case "dest_ip" -> dest.ip = dash(p, t);
                case "dest_labels" -> dest.labels = labels(p, t, dest.scratch);
                case "start_time" -> startTime = number(p, t);
                case "end_time" -> endTime = number(p, t);
                case "reporter" -> reporter = text(p, t);
                case "action" -> action = text(p, t);
                case "proto" -> proto = text(p, t);
                case "dest_port" -> destPort = port(p, t);
                case "dest_service_namespace" -> serviceNamespace = dash(p, t);
                case "dest_service_name" -> serviceName = dash(p, t);
                case "dest_service_port_num" -> servicePort = port(p, t);
                case "dest_domains" -> domains = strings(p, t);
                case "policies" -> policies(p, t);
                case "num_flows" -> counts[0] = number(p, t);
                case "bytes_in" -> counts[1] = number(p, t);
                case "bytes_out" -> counts[2] = number(p, t);
                case "packets_in" -> counts[3] = number(p, t);
                case "packets_out" -> counts[4] = number(p, t);
                // Goldmane's Key and Whisker's protocol mean another shape: RecordParser tells them apart. hits and
                // items may be an Elasticsearch or Whisker wrapper: FlowLogReader looks for their records.
                case "Key", "key", "protocol", "hits", "items" -> giveUp();
                default -> p.skipChildren();
            }
        }

        private void policies(JsonParser p, JsonToken t) throws IOException {
            if (policiesSeen || t != JsonToken.START_OBJECT) {
                giveUp(); // twice, or not an object (no trace recorded): rare, left to the general way
            }
            policiesSeen = true;
            String name;
            while ((name = p.nextFieldName()) != null) {
                JsonToken v = p.nextToken();
                switch (name) {
                    case "enforced_policies" -> enforced = strings(p, v);
                    case "pending_policies" -> pending = strings(p, v);
                    case "enforced", "pending" -> giveUp(); // Whisker's trace
                    default -> p.skipChildren();
                }
            }
        }

        FlowRecord record(SourceLocation at) {
            Reporter r = switch (required(reporter)) {
                case "src" -> Reporter.SRC;
                case "dst" -> Reporter.DST;
                case "fwd" -> Reporter.FWD;
                default -> throw PlainValues.GiveUp.INSTANCE;
            };
            FlowAction a = RecordParser.action(required(action));
            return new FlowRecord(at, startTime, endTime, r, a, source.endpoint(), dest.endpoint(), required(proto), destPort,
                    serviceNamespace, serviceName, servicePort, domains, policiesSeen, hits(enforced), hits(pending),
                    new FlowCounts(counts[0], counts[1], counts[2], counts[3], counts[4]));
        }

        private static List<PolicyHit> hits(List<String> entries) {
            if (entries == null) {
                return List.of();
            }
            List<PolicyHit> out = new ArrayList<>(entries.size());
            for (String e : entries) {
                out.add(PolicyTraceParser.parse(e));
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
