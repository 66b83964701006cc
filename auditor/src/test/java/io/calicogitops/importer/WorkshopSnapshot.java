package io.calicogitops.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A live snapshot of a cluster built by hand from the workshop: the resources its steps apply (the vendored heredocs
 * and manifests of testdata/upstream/workshop, with their names), as the API server returns them: uid,
 * resourceVersion, creationTimestamp, generation, managedFields and the tier label added, status where controllers
 * write one, the FelixConfiguration default the operator creates (Calico Cloud's file logs on, WireGuard off) with the
 * workshop's patches, and an operator tier.
 */
final class WorkshopSnapshot {

    private static final YAMLMapper YAML = new YAMLMapper();

    private WorkshopSnapshot() {
    }

    static Path upstream() {
        Path root = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
        return root.resolve("testdata/upstream/workshop/regismartins");
    }

    /** Writes the snapshot as one {@code kind: List} file, as {@code kubectl get ... -o yaml} does. */
    static Path write(Path dir) throws IOException {
        Map<String, ObjectNode> objects = new LinkedHashMap<>();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> inline = Files.list(upstream().resolve("inline"))) {
            inline.sorted().filter(p -> !p.getFileName().toString().startsWith("09-")).forEach(files::add);
        }
        files.add(upstream().resolve("manifests/east-west-traffic.yaml"));
        files.add(upstream().resolve("manifests/storefront-pci.yaml"));
        int uid = 0;
        for (Path f : files) {
            // The workshop replaces $MY_IP with the reader's address before applying; a documentation address here.
            String text = Files.readString(f).replace("$MY_IP", "198.51.100.7");
            for (JsonNode doc : documents(text)) {
                ObjectNode o = (ObjectNode) doc;
                serverFields(o, ++uid);
                ObjectNode meta = (ObjectNode) o.get("metadata");
                objects.put(o.path("kind").asText() + "/" + meta.path("namespace").asText() + "/" + meta.path("name").asText(), o);
            }
        }
        ObjectNode felix = (ObjectNode) documents("""
                apiVersion: projectcalico.org/v3
                kind: FelixConfiguration
                metadata: {name: default}
                spec: {bpfLogLevel: "", logSeverityScreen: Info, reportingInterval: 0s, flowLogsFileEnabled: true,
                       dnsLogsFileEnabled: true, wireguardEnabled: false, flowLogsFlushInterval: 15s,
                       dnsLogsFlushInterval: 15s, flowLogsFileAggregationKindForAllowed: 1,
                       flowLogsFileAggregationKindForDenied: 0, dnsLogsFileAggregationKind: 0, flowLogsCollectTcpStats: true}
                """).get(0);
        serverFields(felix, ++uid);
        objects.put("felix", felix);
        ObjectNode operatorTier = (ObjectNode) documents("""
                apiVersion: projectcalico.org/v3
                kind: Tier
                metadata: {name: allow-tigera}
                spec: {order: 100, defaultAction: Deny}
                """).get(0);
        serverFields(operatorTier, ++uid);
        objects.put("allow-tigera", operatorTier);
        ObjectNode list = YAML.createObjectNode().put("apiVersion", "v1").put("kind", "List");
        ArrayNode items = list.putArray("items");
        objects.values().forEach(items::add);
        Path out = dir.resolve("live.yaml");
        Files.writeString(out, YAML.writeValueAsString(list));
        return out;
    }

    private static void serverFields(ObjectNode o, int uid) {
        ObjectNode meta = (ObjectNode) o.get("metadata");
        meta.put("uid", String.format("6a1f2c3d-0000-4000-8000-%012d", uid));
        meta.put("resourceVersion", String.valueOf(1000 + uid));
        meta.put("creationTimestamp", "2026-11-20T10:00:00Z");
        meta.put("generation", 1);
        meta.putArray("managedFields").addObject().put("manager", "kubectl-client-side-apply").put("operation", "Update");
        String kind = o.path("kind").asText();
        if (kind.endsWith("NetworkPolicy") && o.path("apiVersion").asText().startsWith("projectcalico.org")) {
            String name = meta.path("name").asText();
            String tier = o.path("spec").path("tier").asText(name.contains(".") ? name.substring(0, name.indexOf('.')) : "default");
            meta.with("labels").put("projectcalico.org/tier", tier);
        }
        if (kind.equals("GlobalReport") || kind.equals("GlobalThreatFeed") || kind.equals("GlobalAlert")) {
            o.putObject("status").put("lastUpdate", "2026-11-20T10:05:00Z");
        }
    }

    private static List<JsonNode> documents(String text) {
        List<JsonNode> out = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(text)) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && doc.isObject() && !doc.isEmpty()) {
                    out.add(doc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
