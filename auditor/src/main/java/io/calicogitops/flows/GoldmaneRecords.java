package io.calicogitops.flows;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.diag.SourceLocation;
import io.calicogitops.flows.FlowEndpoint.EndpointType;
import io.calicogitops.flows.FlowRecord.Reporter;

import java.util.List;
import java.util.Locale;

/**
 * Calico open-source flows: Goldmane's {@code Flow} (goldmane/proto/api.proto; Go {@code encoding/json} drops zero
 * values, enums may be integers or names) and the Whisker backend's {@code FlowResponse} (no endpoint types, IPs or
 * service fields; {@code pub}/{@code pvt} shown as {@code PUBLIC NETWORK}/{@code PRIVATE NETWORK}). OSS Felix always
 * aggregates by pod prefix, so names are {@code <generateName>*} and there is no IP.
 */
final class GoldmaneRecords {

    private GoldmaneRecords() {
    }

    static FlowRecord parse(JsonNode flow, SourceLocation at) {
        JsonNode key = flow.path("Key").isObject() ? flow.path("Key") : flow.path("key");
        JsonNode policies = key.path("policies");
        return new FlowRecord(at, flow.path("start_time").asLong(0), flow.path("end_time").asLong(0),
                reporter(RecordParser.required(key, "reporter")), RecordParser.action(RecordParser.required(key, "action")),
                endpoint(key, flow, "source", RecordParser.required(key, "source_type")),
                endpoint(key, flow, "dest", RecordParser.required(key, "dest_type")),
                RecordParser.required(key, "proto"), portOrNull(key.path("dest_port")),
                RecordParser.dash(key.path("dest_service_namespace")), RecordParser.dash(key.path("dest_service_name")),
                portOrNull(key.path("dest_service_port")), List.of(), policies.isObject(),
                RecordParser.objectHits(policies.path("enforced_policies"), "enforced_policies"),
                RecordParser.objectHits(policies.path("pending_policies"), "pending_policies"),
                counts(flow, "num_connections_started"));
    }

    static FlowRecord whisker(JsonNode flow, SourceLocation at) {
        JsonNode policies = flow.path("policies");
        return new FlowRecord(at, 0, 0, reporter(RecordParser.required(flow, "reporter")),
                RecordParser.action(RecordParser.required(flow, "action")), endpoint(flow, flow, "source", null),
                endpoint(flow, flow, "dest", null), RecordParser.required(flow, "protocol").toLowerCase(Locale.ROOT),
                portOrNull(flow.path("dest_port")), null, null, null, List.of(), policies.isObject(),
                RecordParser.objectHits(policies.path("enforced"), "enforced"),
                RecordParser.objectHits(policies.path("pending"), "pending"), counts(flow, "num_connections_started"));
    }

    private static FlowEndpoint endpoint(JsonNode key, JsonNode flow, String side, String type) {
        String name = RecordParser.required(key, side + "_name");
        String ns = RecordParser.dash(key.path(side + "_namespace"));
        ns = "Global".equals(ns) ? null : ns;
        EndpointType t;
        if (name.equals("PUBLIC NETWORK") || name.equals("PRIVATE NETWORK")) {
            name = name.startsWith("PUBLIC") ? "pub" : "pvt";
            t = EndpointType.NET;
        } else if (type != null) {
            t = RecordParser.type(type, side + "_type");
        } else {
            // Whisker drops the type: pub/pvt are networks, a namespaced name a pod (a namespaced NetworkSet cannot be told apart).
            t = name.equals("pub") || name.equals("pvt") ? EndpointType.NET : ns != null ? EndpointType.WEP : EndpointType.NS;
        }
        return new FlowEndpoint(t, null, name, ns, null, null, RecordParser.labels(flow.path(side + "_labels"), side + "_labels"));
    }

    private static Reporter reporter(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "src", "1" -> Reporter.SRC;
            case "dst", "2" -> Reporter.DST;
            default -> throw new MalformedRecordException("reporter must be Src or Dst (got '" + text + "')");
        };
    }

    private static Integer portOrNull(JsonNode v) {
        return v.isMissingNode() || v.isNull() || v.asInt(0) == 0 ? null : v.asInt();
    }

    private static FlowCounts counts(JsonNode flow, String started) {
        return new FlowCounts(flow.path(started).asLong(0), flow.path("bytes_in").asLong(0), flow.path("bytes_out").asLong(0),
                flow.path("packets_in").asLong(0), flow.path("packets_out").asLong(0));
    }
}
