package io.calicogitops.flows;

import io.calicogitops.diag.Diagnostics;
import io.calicogitops.policy.ModelBuilder;
import io.calicogitops.yaml.YamlReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A small cluster (tiers platform and security, a staged lockdown, three workloads) and records written to a temp file. */
final class ReplayFixtures {

    static final String MODEL = """
            apiVersion: projectcalico.org/v3
            kind: Tier
            metadata: {name: platform}
            spec: {order: 100}
            ---
            apiVersion: projectcalico.org/v3
            kind: Tier
            metadata: {name: security}
            spec: {order: 200}
            ---
            apiVersion: projectcalico.org/v3
            kind: GlobalNetworkPolicy
            metadata: {name: platform.centos-to-frontend}
            spec:
              tier: platform
              order: 10
              selector: app == 'frontend'
              types: [Ingress]
              ingress:
                - action: Allow
                  protocol: TCP
                  source: {selector: app == 'centos'}
                  destination: {ports: [80]}
            ---
            apiVersion: projectcalico.org/v3
            kind: GlobalNetworkPolicy
            metadata: {name: security.default-deny}
            spec:
              tier: security
              order: 10
              selector: app == 'centos'
              types: [Egress]
              egress:
                - action: Pass
                  protocol: TCP
                  destination: {selector: app == 'frontend'}
                - action: Allow
                  protocol: UDP
                  destination: {ports: [53]}
            ---
            apiVersion: projectcalico.org/v3
            kind: StagedGlobalNetworkPolicy
            metadata: {name: security.lockdown}
            spec:
              tier: security
              order: 5
              selector: app == 'centos'
              types: [Egress]
              egress:
                - action: Deny
                  protocol: UDP
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: centos, namespace: dev}
            spec:
              template:
                metadata: {labels: {app: centos}}
                spec: {containers: [{name: c, image: centos}]}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: frontend, namespace: default}
            spec:
              template:
                metadata: {labels: {app: frontend}}
                spec: {containers: [{name: c, image: nginx, ports: [{containerPort: 80}]}]}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: dev}
            spec:
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: c, image: nginx}]}
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: web, namespace: dev}
            spec:
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: c, image: nginx}]}
            """;

    private ReplayFixtures() {
    }

    static FlowModel model() {
        Diagnostics d = new Diagnostics();
        ModelBuilder b = new ModelBuilder(d).addAll(new YamlReader().read(MODEL, "model.yaml", d));
        d.throwIfErrors("model");
        return new FlowModel(b.build(List.of()), io.calicogitops.policy.SourcePorts.LINUX_EPHEMERAL, "c1", "test model");
    }

    /** A level-2 record from dev/centos to default/frontend tcp/80 with the given reporter, action and traces. */
    static String record(String reporter, String action, String enforced, String pending) {
        return "{\"source_type\":\"wep\",\"source_name\":\"-\",\"source_name_aggr\":\"centos-7d9f5c6b8-*\",\"source_namespace\":\"dev\","
                + "\"source_labels\":{\"labels\":[\"app=centos\"]},\"dest_type\":\"wep\",\"dest_name\":\"-\",\"dest_name_aggr\":\"frontend-6c4b9d7f5-*\","
                + "\"dest_namespace\":\"default\",\"dest_labels\":{\"labels\":[\"app=frontend\"]},\"dest_port\":80,\"proto\":\"tcp\","
                + "\"action\":\"" + action + "\",\"reporter\":\"" + reporter + "\",\"policies\":{\"enforced_policies\":[" + enforced
                + "],\"pending_policies\":[" + pending + "]},\"bytes_in\":10,\"bytes_out\":20,\"packets_in\":1,\"packets_out\":2,\"num_flows\":1}";
    }

    static Path write(Path dir, String name, String... lines) {
        try {
            Path f = dir.resolve(name);
            Files.writeString(f, String.join("\n", lines) + "\n");
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
