package io.calicogitops.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.diag.SourceLocation;
import io.calicogitops.yaml.InputFolder;
import io.calicogitops.yaml.YamlDocument;
import io.calicogitops.yaml.YamlReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Reads workloads from Kubernetes manifests: Pods (with {@code status.podIP} when present), the pod templates of
 * Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs and CronJobs, Namespaces and ServiceAccounts with their
 * labels, and Services for ports. Later objects with the same kind, namespace and name replace earlier ones.
 */
public final class WorkloadReader {

    private final Map<String, Endpoint> workloads = new LinkedHashMap<>();
    private final SortedMap<String, SortedMap<String, String>> namespaces = new TreeMap<>();
    private final SortedMap<String, SortedMap<String, String>> serviceAccounts = new TreeMap<>();
    private final Map<String, ServicePorts> services = new LinkedHashMap<>();
    private final Diagnostics diagnostics;
    // Only each document's own location is used (where a workload is written): no deeper locations are recorded, so
    // plain manifests are read without the YAML parser (YamlReader#withLocationDepth); trees and messages are the same.
    private final YamlReader yaml = new YamlReader().withLocationDepth(0);

    public WorkloadReader(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** Reads a file, or every {@code .yaml}/{@code .yml} file under a folder (sorted), shown relative to {@code base}. */
    public WorkloadReader readPath(Path path, Path base) {
        Function<Path, String> display = f -> base == null ? f.toString()
                : base.toAbsolutePath().normalize().relativize(f.toAbsolutePath().normalize()).toString();
        try {
            List<Path> files = Files.isDirectory(path)
                    ? InputFolder.files(path, Integer.MAX_VALUE,
                            p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"), display, diagnostics)
                    : List.of(path);
            for (Path f : files) {
                String shown = display.apply(f);
                for (YamlDocument d : yaml.readFile(f, shown, diagnostics)) {
                    add(d.body(), d.location());
                }
            }
        } catch (IOException e) {
            diagnostics.error(SourceLocation.of(path.toString()), "cannot read workloads: " + e.getMessage());
        }
        return this;
    }

    /** Adds one object (a {@code List} adds its items). */
    public void add(JsonNode obj, SourceLocation at) {
        String kind = obj.path("kind").asText("");
        JsonNode meta = obj.path("metadata");
        String ns = meta.path("namespace").asText("");
        ns = ns.isEmpty() ? "default" : ns;
        String name = meta.path("name").asText("");
        switch (kind) {
            case "List" -> obj.path("items").forEach(item -> add(item, at));
            case "Namespace" -> namespaces.put(name, labels(meta));
            case "ServiceAccount" -> serviceAccounts.put(ns + "/" + name, labels(meta));
            case "Service" -> services.put(ns + "/" + name, service(ns, name, obj.path("spec")));
            case "Pod" -> {
                if (!obj.path("metadata").path("ownerReferences").isEmpty() && workloads.containsKey(ownerKey(obj, ns))) {
                    return;
                }
                workloads.put("Pod/" + ns + "/" + name, workload(ns, name, obj.path("metadata"), obj.path("spec"),
                        IpAddress.parse(obj.path("status").path("podIP").asText(null)).orElse(null), at));
            }
            case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job" -> {
                JsonNode t = obj.path("spec").path("template");
                workloads.put(kind + "/" + ns + "/" + name, workload(ns, name, t.path("metadata"), t.path("spec"), null, at));
            }
            case "CronJob" -> {
                JsonNode t = obj.path("spec").path("jobTemplate").path("spec").path("template");
                workloads.put(kind + "/" + ns + "/" + name, workload(ns, name, t.path("metadata"), t.path("spec"), null, at));
            }
            default -> {
            }
        }
    }

    private static String ownerKey(JsonNode pod, String ns) {
        JsonNode owner = pod.path("metadata").path("ownerReferences").path(0);
        return owner.path("kind").asText() + "/" + ns + "/" + owner.path("name").asText();
    }

    private static Endpoint workload(String ns, String name, JsonNode meta, JsonNode podSpec, IpAddress ip, SourceLocation at) {
        List<ContainerPort> ports = new ArrayList<>();
        for (JsonNode c : podSpec.path("containers")) {
            for (JsonNode p : c.path("ports")) {
                ports.add(new ContainerPort(p.path("name").asText(null), p.path("protocol").asText("TCP"),
                        p.path("containerPort").asInt()));
            }
        }
        String sa = podSpec.path("serviceAccountName").asText(podSpec.path("serviceAccount").asText(""));
        return Endpoint.workload(ns, name, labels(meta), sa, ip, ports, at);
    }

    private static ServicePorts service(String ns, String name, JsonNode spec) {
        Map<String, String> selector = new TreeMap<>();
        spec.path("selector").fields().forEachRemaining(e -> selector.put(e.getKey(), e.getValue().asText()));
        List<ServicePorts.Mapping> ports = new ArrayList<>();
        for (JsonNode p : spec.path("ports")) {
            int port = p.path("port").asInt();
            ports.add(new ServicePorts.Mapping(p.path("protocol").asText("TCP"), port, p.path("targetPort").asText(Integer.toString(port))));
        }
        return new ServicePorts(ns, name, selector, ports);
    }

    private static SortedMap<String, String> labels(JsonNode meta) {
        SortedMap<String, String> out = new TreeMap<>();
        meta.path("labels").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    /** Removes an object by kind, namespace and name. */
    public void delete(String kind, String ns, String name) {
        workloads.remove(kind + "/" + (ns == null || ns.isEmpty() ? "default" : ns) + "/" + name);
    }

    /** The inventory; namespaces that workloads use but no manifest declares exist with no labels. */
    public Inventory inventory(List<NetworkSet> networkSets, List<Endpoint> externals) {
        SortedMap<String, SortedMap<String, String>> ns = new TreeMap<>(namespaces);
        workloads.values().forEach(w -> ns.putIfAbsent(w.namespace(), new TreeMap<>()));
        List<Endpoint> sorted = new ArrayList<>(workloads.values());
        sorted.sort(java.util.Comparator.comparing(Endpoint::namespace).thenComparing(Endpoint::app).thenComparing(Endpoint::name));
        return new Inventory(sorted, externals, ns, serviceAccounts, networkSets, List.copyOf(services.values()));
    }
}
