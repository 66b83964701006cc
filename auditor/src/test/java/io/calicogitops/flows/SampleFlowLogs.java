package io.calicogitops.flows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.calicogitops.diag.SourceLocation;
import io.calicogitops.flows.FlowEndpoint.EndpointType;
import io.calicogitops.flows.PolicyHit.HitAction;
import io.calicogitops.flows.PolicyHit.HitKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * A minimal adapter from Enterprise flow-log JSON lines to {@link FlowRecord}s for these tests only (the product's
 * reader is {@code FlowLogReader}); it understands what the sample files and the tests write, nothing more.
 */
final class SampleFlowLogs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SampleFlowLogs() {
    }

    static Path sampleDir() {
        return Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize().resolve("sample-repo/flow-logs");
    }

    static List<FlowRecord> read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            List<FlowRecord> out = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).isBlank()) {
                    out.add(record(JSON.readTree(lines.get(i)), SourceLocation.of(file.getFileName().toString(), i + 1, 1)));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FlowRecord record(JsonNode n, SourceLocation at) {
        JsonNode policies = n.path("policies");
        return new FlowRecord(at, n.path("start_time").asLong(), n.path("end_time").asLong(),
                FlowRecord.Reporter.valueOf(n.path("reporter").asText().toUpperCase(Locale.ROOT)),
                FlowRecord.FlowAction.valueOf(n.path("action").asText().toUpperCase(Locale.ROOT)),
                endpoint(n, "source"), endpoint(n, "dest"), n.path("proto").asText(), intOrNull(n.path("dest_port")),
                dash(n.path("dest_service_namespace")), dash(n.path("dest_service_name")), intOrNull(n.path("dest_service_port_num")),
                strings(n.path("dest_domains")), policies.isObject(), hits(policies.path("enforced_policies")),
                hits(policies.path("pending_policies")),
                new FlowCounts(n.path("num_flows").asLong(), n.path("bytes_in").asLong(), n.path("bytes_out").asLong(),
                        n.path("packets_in").asLong(), n.path("packets_out").asLong()));
    }

    private static FlowEndpoint endpoint(JsonNode n, String side) {
        TreeMap<String, String> labels = new TreeMap<>();
        for (String kv : strings(n.path(side + "_labels").path("labels"))) {
            int eq = kv.indexOf('=');
            labels.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return new FlowEndpoint(EndpointType.valueOf(n.path(side + "_type").asText().toUpperCase(Locale.ROOT)),
                dash(n.path(side + "_name")), n.path(side + "_name_aggr").asText(), dash(n.path(side + "_namespace")),
                dash(n.path(side + "_ip")), intOrNull(n.path(side + "_port")), labels);
    }

    private static List<PolicyHit> hits(JsonNode array) {
        List<PolicyHit> hits = new ArrayList<>();
        for (JsonNode h : array) {
            hits.add(hit(h.asText()));
        }
        return hits;
    }

    /** {@code index|tier|name part|action|rule}; the name part only as far as these tests need it. */
    static PolicyHit hit(String text) {
        String[] f = text.split("\\|");
        String tier = f[1];
        String part = f[2];
        boolean staged = part.contains("staged:") || part.matches("^s(gnp|np|knp):.*");
        HitKind kind = tier.equals(PolicyHit.PROFILE_TIER) ? HitKind.PROFILE
                : part.contains("knp") ? HitKind.KUBERNETES_NETWORK_POLICY
                : part.contains("/") ? HitKind.NETWORK_POLICY : HitKind.GLOBAL_NETWORK_POLICY;
        String rest = part.replaceFirst("^[a-z]+:", "");
        String namespace = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : null;
        String name = rest.substring(rest.indexOf('/') + 1).replace("staged:", "");
        return new PolicyHit(Integer.parseInt(f[0]), tier, kind, namespace, name, staged,
                HitAction.valueOf(f[3].toUpperCase(Locale.ROOT)), Integer.parseInt(f[4]), text);
    }

    private static String dash(JsonNode n) {
        return n.isNull() || n.isMissingNode() || n.asText().equals("-") ? null : n.asText();
    }

    private static Integer intOrNull(JsonNode n) {
        return n.isNumber() ? n.asInt() : null;
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asText()));
        return out;
    }
}
