package io.calicogitops.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.audit.ignore.IgnoreRules;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.diag.SourceLocation;
import io.calicogitops.model.Resource;
import io.calicogitops.model.ResourceId;
import io.calicogitops.validate.Locator;
import io.calicogitops.yaml.YamlDocument;
import io.calicogitops.yaml.YamlReader;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Test bench for drift: a small desired state (tiers, policies, network sets, FelixConfiguration) written as Git
 * would hold it, and a live cluster that starts as the API server's view of every object ({@link ApiServerRoundTrip})
 * and can be changed before the comparison.
 */
final class DriftBench {

    static final String DESIRED = """
            apiVersion: projectcalico.org/v3
            kind: Tier
            metadata: {name: security}
            spec: {order: 400}
            ---
            apiVersion: projectcalico.org/v3
            kind: GlobalNetworkPolicy
            metadata:
              name: security.pci-whitelist
              labels: {team: security}
            spec:
              tier: security
              order: 100
              selector: PCI == "true"
              types: [Ingress, Egress]
              ingress:
              - action: Allow
                protocol: TCP
                source: {selector: PCI == "true", nets: [10.0.0.0/16, 10.1.0.0/16]}
                destination: {ports: [443]}
              - action: Deny
                protocol: TCP
                source: {selector: env == "dev", notNets: [10.9.0.0/16]}
                destination: {ports: [22, 443]}
              - action: Pass
              egress:
              - action: Allow
                protocol: UDP
                destination: {selector: k8s-app == "kube-dns", namespaceSelector: projectcalico.org/name == "kube-system", ports: ['53']}
              - action: Deny
                destination: {selector: env == "dev"}
              - action: Log
              - action: Pass
            ---
            apiVersion: projectcalico.org/v3
            kind: GlobalNetworkPolicy
            metadata: {name: security.allow-partners}
            spec:
              tier: security
              order: 200
              selector: app in {"api", "web"}
              types: [Egress]
              egress:
              - action: Allow
                protocol: TCP
                destination: {selector: zone == "partners", ports: [443]}
              - action: Allow
                protocol: "17"
                destination: {selector: zone == "partners", ports: ['53']}
              - action: Deny
            ---
            apiVersion: projectcalico.org/v3
            kind: GlobalNetworkPolicy
            metadata: {name: security.block-ips}
            spec:
              tier: security
              order: 300
              selector: all()
              egress:
              - action: Deny
                destination: {selector: feed == "blocked"}
            ---
            apiVersion: projectcalico.org/v3
            kind: GlobalNetworkPolicy
            metadata: {name: security.quarantine}
            spec:
              tier: security
              order: 50
              selector: quarantine == "true"
              types: [Ingress, Egress]
            ---
            apiVersion: projectcalico.org/v3
            kind: StagedGlobalNetworkPolicy
            metadata: {name: default-deny}
            spec:
              order: 2000
              selector: projectcalico.org/namespace in {'dev', 'default'}
              types: [Ingress, Egress]
            ---
            apiVersion: projectcalico.org/v3
            kind: NetworkPolicy
            metadata: {name: default.centos, namespace: dev}
            spec:
              order: 10
              selector: app == 'centos'
              egress:
              - action: Allow
                protocol: 6
                source: {}
                destination: {ports: ['80'], selector: "app=='nginx'"}
            ---
            apiVersion: projectcalico.org/v3
            kind: GlobalNetworkSet
            metadata:
              name: blocked
              labels: {feed: blocked}
            spec:
              nets: [198.51.100.0/24]
            ---
            apiVersion: projectcalico.org/v3
            kind: GlobalNetworkSet
            metadata:
              name: partners
              labels: {zone: partners}
            spec:
              nets: [203.0.113.0/24]
            ---
            apiVersion: projectcalico.org/v3
            kind: FelixConfiguration
            metadata: {name: default}
            spec:
              wireguardEnabled: true
              flowLogsFlushInterval: 15s
            """;

    private final Map<ResourceId, Resource> desired = new LinkedHashMap<>();
    private final Map<ResourceId, Locator> locations = new LinkedHashMap<>();
    private final Map<ResourceId, ObjectNode> live = new LinkedHashMap<>();

    DriftBench() {
        Diagnostics diagnostics = new Diagnostics();
        List<YamlDocument> docs = new YamlReader().read(DESIRED, "clusters/bench/resources.yaml", diagnostics);
        assertFalse(diagnostics.hasErrors(), diagnostics::format);
        int serial = 0;
        for (YamlDocument doc : docs) {
            Resource r = Resource.of(doc.body(), doc.location());
            desired.put(r.id(), r);
            locations.put(r.id(), Locator.of(doc.locations()));
            live.put(r.id(), ApiServerRoundTrip.v3(r.body(), ++serial, ApiServerRoundTrip.Naming.AS_CREATED));
        }
    }

    static ResourceId id(String kind, String name) {
        return id(kind, "", name);
    }

    static ResourceId id(String kind, String namespace, String name) {
        return new ResourceId("projectcalico.org", kind, namespace, name);
    }

    /** The live object of a cluster-scoped kind, to change in place. */
    ObjectNode live(String kind, String name) {
        return live.get(id(kind, name));
    }

    /** Every live object, to change in place. */
    java.util.Collection<ObjectNode> liveObjects() {
        return live.values();
    }

    ObjectNode spec(String kind, String name) {
        return (ObjectNode) live(kind, name).get("spec");
    }

    /** {@code spec.<direction>[index]} of a live GlobalNetworkPolicy. */
    ObjectNode rule(String policy, String direction, int index) {
        return (ObjectNode) spec("GlobalNetworkPolicy", policy).get(direction).get(index);
    }

    ArrayNode rules(String policy, String direction) {
        return (ArrayNode) spec("GlobalNetworkPolicy", policy).get(direction);
    }

    DriftBench remove(String kind, String name) {
        live.remove(id(kind, name));
        return this;
    }

    /** Adds a live-only object, as the API server would return it. */
    DriftBench add(String yaml) {
        Diagnostics diagnostics = new Diagnostics();
        JsonNode body = new YamlReader().read(yaml, "live.yaml", diagnostics).get(0).body();
        assertFalse(diagnostics.hasErrors(), diagnostics::format);
        Resource r = Resource.of(body, SourceLocation.of("live.yaml"));
        live.put(r.id(), ApiServerRoundTrip.v3(body, 99, ApiServerRoundTrip.Naming.AS_CREATED));
        return this;
    }

    DriftBench change(Consumer<DriftBench> change) {
        change.accept(this);
        return this;
    }

    AuditReport audit() {
        return audit(IgnoreRules.none(), LocalDate.of(2026, 11, 22));
    }

    AuditReport audit(IgnoreRules ignore, LocalDate today) {
        List<Resource> resources = new ArrayList<>();
        live.values().forEach(body -> resources.add(Resource.of(body, SourceLocation.of("cluster:bench"))));
        AuditRequest request = new AuditRequest(Path.of("."), "bench", "HEAD", kinds -> {
            throw new AssertionError("compare does not read");
        }, ignore, today);
        return new Auditor().compare(request, new DesiredState("b".repeat(40), desired, locations),
                new LiveSnapshot("bench", resources, List.of()));
    }

    /** {@code Kind name STATUS severity: sentence | sentence} for every entry that is not in sync. */
    static List<String> findings(AuditReport report) {
        return report.entries().stream().filter(e -> e.status() != DriftStatus.IN_SYNC)
                .map(e -> e.id().display() + " " + e.status() + " " + e.severity().label() + ": "
                        + String.join(" | ", e.changes().stream().map(c -> c.sentence() + " (" + c.severity().label() + ")").toList()))
                .toList();
    }
}
