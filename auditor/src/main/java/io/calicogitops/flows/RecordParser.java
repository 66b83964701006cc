package io.calicogitops.flows;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.diag.SourceLocation;
import io.calicogitops.flows.FlowEndpoint.EndpointType;
import io.calicogitops.flows.FlowRecord.FlowAction;
import io.calicogitops.flows.FlowRecord.Reporter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns one JSON object into a {@link FlowRecord}, whichever shape it has: a Goldmane {@code Flow} (a {@code Key}
 * object), a Whisker {@code FlowResponse} ({@code policies.enforced}, {@code protocol}), or else an Enterprise/Cloud
 * flow log (Felix {@code flows.log} line, Elasticsearch {@code _source}). Unknown keys are ignored, as Linseed does.
 */
final class RecordParser {

    private RecordParser() {
    }

    static FlowRecord parse(JsonNode o, SourceLocation at) {
        if (!o.isObject()) {
            throw new MalformedRecordException("expected a flow-log record (a JSON object)");
        }
        if (o.path("Key").isObject() || o.path("key").isObject()) {
            return GoldmaneRecords.parse(o, at);
        }
        if (o.path("policies").has("enforced") || o.path("policies").has("pending") || (o.has("protocol") && !o.has("proto"))) {
            return GoldmaneRecords.whisker(o, at);
        }
        return enterprise(o, at);
    }

    private static FlowRecord enterprise(JsonNode o, SourceLocation at) {
        Reporter reporter = switch (required(o, "reporter")) {
            case "src" -> Reporter.SRC;
            case "dst" -> Reporter.DST;
            case "fwd" -> Reporter.FWD;
            default -> throw new MalformedRecordException("reporter must be src, dst or fwd (got '" + o.get("reporter").asText() + "')");
        };
        JsonNode policies = o.path("policies");
        boolean recorded = policies.isObject();
        return new FlowRecord(at, o.path("start_time").asLong(0), o.path("end_time").asLong(0), reporter,
                action(required(o, "action")), endpoint(o, "source"), endpoint(o, "dest"), required(o, "proto"),
                port(o, "dest_port"), dash(o.path("dest_service_namespace")), dash(o.path("dest_service_name")),
                port(o, "dest_service_port_num"), strings(o.path("dest_domains")), recorded,
                recorded ? hits(policies.path("enforced_policies"), "enforced_policies") : List.of(),
                recorded ? hits(policies.path("pending_policies"), "pending_policies") : List.of(),
                new FlowCounts(o.path("num_flows").asLong(0), o.path("bytes_in").asLong(0), o.path("bytes_out").asLong(0),
                        o.path("packets_in").asLong(0), o.path("packets_out").asLong(0)));
    }

    private static FlowEndpoint endpoint(JsonNode o, String side) {
        EndpointType type = type(required(o, side + "_type"), side + "_type");
        String aggr = required(o, side + "_name_aggr");
        Integer port = side.equals("source") ? port(o, "source_port") : null;
        return new FlowEndpoint(type, dash(o.path(side + "_name")), aggr, dash(o.path(side + "_namespace")),
                dash(o.path(side + "_ip")), port, labels(o.path(side + "_labels"), side + "_labels"));
    }

    static EndpointType type(String text, String field) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "wep", "workloadendpoint", "1" -> EndpointType.WEP;
            case "hep", "hostendpoint", "2" -> EndpointType.HEP;
            case "ns", "networkset", "3" -> EndpointType.NS;
            case "net", "network", "4" -> EndpointType.NET;
            default -> throw new MalformedRecordException(field + " must be wep, hep, ns or net (got '" + text + "')");
        };
    }

    static FlowAction action(String text) {
        // Felix writes lower case: that spelling is told apart without making a lower-case copy.
        if (text.equals("allow")) {
            return FlowAction.ALLOW;
        }
        if (text.equals("deny")) {
            return FlowAction.DENY;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "allow", "1" -> FlowAction.ALLOW;
            case "deny", "2" -> FlowAction.DENY;
            default -> throw new MalformedRecordException("action must be allow or deny (got '" + text + "')");
        };
    }

    static String required(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull() || !v.isValueNode() || v.asText().isEmpty()) {
            throw new MalformedRecordException("missing " + field);
        }
        return v.asText();
    }

    /** Felix writes {@code "-"} for a value aggregated away or not applicable, and {@code null} for absent IPs. */
    static String dash(JsonNode v) {
        return v.isMissingNode() || v.isNull() || v.asText().equals("-") || v.asText().isEmpty() ? null : v.asText();
    }

    static Integer port(JsonNode o, String field) {
        JsonNode v = o.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        if (!v.canConvertToInt() || v.asInt() < 0 || v.asInt() > 65535) {
            throw new MalformedRecordException(field + " must be a port number or null (got " + v + ")");
        }
        return v.asInt();
    }

    static List<String> strings(JsonNode v) {
        List<String> out = new ArrayList<>();
        v.forEach(s -> out.add(s.asText()));
        return out;
    }

    /**
     * {@code {"labels": ["k=v", ...]}} (Enterprise), an array of {@code k=v}, a map, or a string joined by {@code " | "}
     * (Whisker) or commas; null when the record carries no labels.
     */
    static SortedMap<String, String> labels(JsonNode v, String field) {
        if (v.isMissingNode() || v.isNull() || (v.isTextual() && v.asText().equals("-"))) {
            return null;
        }
        JsonNode list = v.isObject() && v.has("labels") ? v.get("labels") : v;
        SortedMap<String, String> out = new TreeMap<>();
        if (list.isNull()) {
            return out;
        }
        if (list.isArray()) {
            list.forEach(e -> pair(out, e.asText(), field));
        } else if (list.isObject()) {
            list.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        } else if (list.isTextual()) {
            for (String p : list.asText().split("\\s*\\|\\s*|,")) {
                if (!p.isBlank()) {
                    pair(out, p.strip(), field);
                }
            }
        } else {
            throw new MalformedRecordException(field + ": expected {\"labels\": [\"key=value\", ...]}");
        }
        return out;
    }

    private static void pair(SortedMap<String, String> out, String kv, String field) {
        int eq = kv.indexOf('=');
        if (eq <= 0) {
            throw new MalformedRecordException(field + ": label '" + kv + "' is not key=value");
        }
        out.put(kv.substring(0, eq), kv.substring(eq + 1));
    }

    private static List<PolicyHit> hits(JsonNode array, String field) {
        if (array.isMissingNode() || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new MalformedRecordException("policies." + field + ": expected an array of strings");
        }
        List<PolicyHit> out = new ArrayList<>(array.size());
        for (JsonNode e : array) {
            out.add(e.isTextual() ? PolicyTraceParser.parse(e.asText()) : PolicyTraceParser.parse(e, out.size()));
        }
        return out;
    }

    static List<PolicyHit> objectHits(JsonNode array, String field) {
        return hits(array, field);
    }
}
