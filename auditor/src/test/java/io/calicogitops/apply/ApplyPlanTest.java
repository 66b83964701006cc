package io.calicogitops.apply;

import io.calicogitops.audit.AuditReport;
import io.calicogitops.audit.AuditRequest;
import io.calicogitops.audit.Auditor;
import io.calicogitops.audit.DesiredState;
import io.calicogitops.audit.LiveSnapshot;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.diag.SourceLocation;
import io.calicogitops.model.ProductStamps;
import io.calicogitops.model.Resource;
import io.calicogitops.model.ResourceId;
import io.calicogitops.yaml.YamlReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The apply plan on plain data, without a cluster or Git: what is written, in which order, and what prune may delete. */
class ApplyPlanTest {

    private static final String CLUSTER = "eks-dev";
    private static final String COMMIT = "a".repeat(40);
    private static final String STAMPS = "labels: {app.kubernetes.io/managed-by: calico-gitops, calico-gitops.io/cluster: eks-dev}";

    @Test
    void writes_followDependencyOrder_thenDeletesInReverse() {
        List<Resource> desired = List.of(
                gnp("security.b", "", "Deny"),
                doc("apiVersion: projectcalico.org/v3\nkind: FelixConfiguration\nmetadata: {name: default}\nspec: {wireguardEnabled: true}"),
                doc("apiVersion: projectcalico.org/v3\nkind: GlobalAlert\nmetadata: {name: dns}\nspec: {severity: 100}"),
                doc("apiVersion: projectcalico.org/v3\nkind: GlobalNetworkSet\nmetadata: {name: blocked}\nspec: {nets: [192.0.2.0/24]}"),
                doc("apiVersion: projectcalico.org/v3\nkind: Tier\nmetadata: {name: security}\nspec: {order: 400}"));
        List<Resource> live = List.of(
                doc("apiVersion: projectcalico.org/v3\nkind: Tier\nmetadata: {name: old, " + STAMPS + "}\nspec: {order: 10}"),
                gnp("old.x", STAMPS, "Deny"));

        ApplyPlan plan = plan(desired, live, true);

        assertEquals(List.of("create Tier security", "create GlobalNetworkSet blocked", "create GlobalNetworkPolicy security.b",
                "create GlobalAlert dns", "create FelixConfiguration default",
                "delete GlobalNetworkPolicy old.x", "delete Tier old"), describe(plan));
    }

    @Test
    void stampedChanges_carryLabelsAndCommitAndSourceAnnotations_andPartialKindsAreMarked() {
        ApplyPlan plan = plan(List.of(gnp("security.b", "", "Deny"),
                doc("apiVersion: projectcalico.org/v3\nkind: FelixConfiguration\nmetadata: {name: default}\nspec: {wireguardEnabled: true}")),
                List.of(), false);

        PlannedChange policy = plan.changes().stream().filter(c -> c.id().kind().equals("GlobalNetworkPolicy")).findFirst().orElseThrow();
        assertEquals(ProductStamps.MANAGER, policy.object().body().at("/metadata/labels/app.kubernetes.io~1managed-by").asText());
        assertEquals(CLUSTER, policy.object().body().at("/metadata/labels/calico-gitops.io~1cluster").asText());
        assertEquals(COMMIT, policy.object().body().at("/metadata/annotations/calico-gitops.io~1commit").asText());
        assertEquals("clusters/eks-dev/x.yaml", policy.object().body().at("/metadata/annotations/calico-gitops.io~1source").asText());
        assertFalse(policy.partial());
        assertTrue(plan.changes().stream().filter(c -> c.id().kind().equals("FelixConfiguration")).findFirst().orElseThrow().partial());
    }

    @Test
    void inSyncAndStamped_isLeftAlone_inSyncButUnstamped_isAdopted_modified_isUpdatedWithTheAuditsEntry() {
        List<Resource> desired = List.of(gnp("security.a", "", "Deny"), gnp("security.b", "", "Deny"), gnp("security.c", "", "Deny"));
        List<Resource> live = List.of(gnp("security.a", STAMPS, "Deny"), gnp("security.b", "", "Deny"), gnp("security.c", STAMPS, "Allow"));

        ApplyPlan plan = plan(desired, live, false);

        assertEquals(List.of("adopt GlobalNetworkPolicy security.b", "update GlobalNetworkPolicy security.c"), describe(plan));
        PlannedChange update = plan.changes().get(1);
        assertEquals("critical", update.entry().orElseThrow().severity().label());
        assertTrue(plan.changes().get(0).entry().isEmpty());
    }

    @Test
    void prune_deletesOnlyWholeCalicoObjectsStampedForThisCluster() {
        List<Resource> live = List.of(
                gnp("security.stamped", STAMPS, "Deny"),
                gnp("security.unstamped", "", "Deny"),
                gnp("security.other-cluster", "labels: {app.kubernetes.io/managed-by: calico-gitops, calico-gitops.io/cluster: aks-prod}", "Deny"),
                gnp("security.other-tool", "labels: {app.kubernetes.io/managed-by: helm, calico-gitops.io/cluster: eks-dev}", "Deny"),
                doc("apiVersion: projectcalico.org/v3\nkind: FelixConfiguration\nmetadata: {name: default, " + STAMPS + "}\nspec: {}"),
                doc("apiVersion: projectcalico.org/v3\nkind: FelixConfiguration\nmetadata: {name: node.a, " + STAMPS + "}\nspec: {}"),
                doc("apiVersion: operator.tigera.io/v1\nkind: Installation\nmetadata: {name: default, " + STAMPS + "}\nspec: {}"),
                doc("apiVersion: v1\nkind: Service\nmetadata: {name: frontend, namespace: default, " + STAMPS + "}\nspec: {}"),
                doc("apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: np, namespace: dev, " + STAMPS + "}\nspec: {}"),
                doc("apiVersion: projectcalico.org/v3\nkind: Tier\nmetadata: {name: allow-tigera, " + STAMPS + "}\nspec: {order: 100}"));

        assertEquals(List.of("delete GlobalNetworkPolicy security.stamped"), describe(plan(List.of(), live, true)));
        assertEquals(List.of(), describe(plan(List.of(), live, false)), "no prune without --prune");
    }

    @Test
    void changes_keepTheNameTheServerKnows_forDefaultTierPolicies() {
        ApplyPlan plan = plan(List.of(gnp("default.allow-dns", "", "Allow")), List.of(), false);

        PlannedChange c = plan.changes().get(0);
        assertEquals("allow-dns", c.id().name());
        assertEquals("default.allow-dns", c.name());
    }

    private static ApplyPlan plan(List<Resource> desired, List<Resource> live, boolean prune) {
        Map<ResourceId, Resource> byId = new LinkedHashMap<>();
        desired.forEach(r -> byId.put(r.id(), r));
        DesiredState state = new DesiredState(COMMIT, byId, Map.of());
        LiveSnapshot snapshot = new LiveSnapshot("test", live, List.of());
        AuditReport audit = new Auditor().compare(new AuditRequest(Path.of("."), CLUSTER, "HEAD", kinds -> snapshot,
                null, LocalDate.of(2026, 11, 22)), state, snapshot);
        return ApplyPlan.of(CLUSTER, "HEAD", state, snapshot, audit, prune);
    }

    private static List<String> describe(ApplyPlan plan) {
        List<String> out = new ArrayList<>();
        plan.changes().forEach(c -> out.add(c.describe()));
        return out;
    }

    private static Resource gnp(String name, String metadata, String action) {
        return doc("""
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: %s%s}
                spec: {tier: %s, order: 10, selector: all(), types: [Egress], egress: [{action: %s}]}
                """.formatted(name, metadata.isEmpty() ? "" : ", " + metadata,
                name.contains(".") ? name.substring(0, name.indexOf('.')) : "default", action));
    }

    private static Resource doc(String yaml) {
        Diagnostics diagnostics = new Diagnostics();
        var doc = new YamlReader().read(yaml, "clusters/eks-dev/x.yaml", diagnostics).get(0);
        assertEquals("", diagnostics.format());
        return Resource.of(doc.body(), SourceLocation.of("clusters/eks-dev/x.yaml"));
    }

}
