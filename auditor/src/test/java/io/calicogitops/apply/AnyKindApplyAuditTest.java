package io.calicogitops.apply;

import io.calicogitops.audit.AuditReport;
import io.calicogitops.audit.AuditRequest;
import io.calicogitops.audit.Auditor;
import io.calicogitops.audit.DesiredState;
import io.calicogitops.audit.DriftEntry;
import io.calicogitops.audit.DriftStatus;
import io.calicogitops.audit.LiveSnapshot;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.diag.SourceLocation;
import io.calicogitops.model.Resource;
import io.calicogitops.model.ResourceId;
import io.calicogitops.yaml.YamlReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 15 item 2: kinds outside the product's list (a Deployment, an Enterprise CRD, a user's CRD) are audited and applied like any other. */
class AnyKindApplyAuditTest {

    private static final String CLUSTER = "eks-dev";
    private static final String SERVER = "  resourceVersion: '812'\n  uid: 0b5e4c1e-1111-2222-3333-444455556666\n"
            + "  creationTimestamp: '2026-11-20T10:00:00Z'\n  generation: 3\n"
            + "  managedFields: [{manager: kubectl, operation: Apply}]\n";

    private static final String WIDGET = "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: gear\n  namespace: dev\n%sspec: {teeth: %d}\n";
    private static final String SCOPE = "apiVersion: projectcalico.org/v3\nkind: PolicyRecommendationScope\nmetadata:\n  name: default\n%s"
            + "spec: {interval: 2m, namespaceSpec: {recStatus: Enabled, selector: all()}}\n";
    private static final String DEPLOYMENT = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: dev\n%s"
            + "spec: {replicas: %d, selector: {matchLabels: {app: web}}, template: {metadata: {labels: {app: web}},"
            + " spec: {containers: [{name: web, image: nginx}]}}}\n";

    private static List<Resource> desired() {
        return List.of(doc(WIDGET.formatted("", 12)), doc(SCOPE.formatted("")), doc(DEPLOYMENT.formatted("", 2)));
    }

    @Test
    void liveWithServerFields_isInSync_andTheAuditListsTheKinds() {
        List<Resource> live = List.of(doc(WIDGET.formatted(SERVER, 12) + "status: {ready: true}\n"),
                doc(SCOPE.formatted(SERVER)), doc(DEPLOYMENT.formatted(SERVER, 2) + "status: {replicas: 2}\n"));

        AuditReport report = audit(desired(), live);

        assertEquals(List.of(DriftStatus.IN_SYNC, DriftStatus.IN_SYNC, DriftStatus.IN_SYNC),
                report.entries().stream().map(DriftEntry::status).toList(), report.entries().toString());
        TreeSet<String> kinds = Auditor.kindsToRead(state(desired()));
        assertTrue(kinds.contains("example.com/Widget") && kinds.contains("apps/Deployment")
                && kinds.contains("projectcalico.org/PolicyRecommendationScope"), kinds.toString());
    }

    @Test
    void changedUnknownKind_isModifiedWithASentence_andApplyUpdatesIt() {
        List<Resource> live = List.of(doc(WIDGET.formatted(SERVER, 10)), doc(SCOPE.formatted(SERVER)),
                doc(DEPLOYMENT.formatted(SERVER, 1)));

        AuditReport report = audit(desired(), live);
        DriftEntry widget = report.entries().stream().filter(e -> e.id().kind().equals("Widget")).findFirst().orElseThrow();
        assertEquals(DriftStatus.MODIFIED, widget.status());
        assertEquals(List.of("teeth: 12 -> 10"), widget.changes().stream().map(c -> c.sentence()).toList());

        ApplyPlan plan = ApplyPlan.of(CLUSTER, "HEAD", state(desired()), new LiveSnapshot("test", live, List.of()), report, false);
        assertEquals(List.of("update Deployment dev/web", "update Widget dev/gear",
                        "adopt PolicyRecommendationScope default"),
                plan.changes().stream().map(PlannedChange::describe).toList());
    }

    @Test
    void missingUnknownKinds_areCreatedAfterTheKnownKinds_inApiGroupOrder() {
        AuditReport report = audit(desired(), List.of());
        assertEquals(3, report.entries().stream().filter(e -> e.status() == DriftStatus.MISSING).count());

        ApplyPlan plan = ApplyPlan.of(CLUSTER, "HEAD", state(desired()), new LiveSnapshot("test", List.of(), List.of()), report, false);
        assertEquals(List.of("create Deployment dev/web", "create Widget dev/gear", "create PolicyRecommendationScope default"),
                plan.changes().stream().map(PlannedChange::describe).toList());
    }

    private static AuditReport audit(List<Resource> desired, List<Resource> live) {
        LiveSnapshot snapshot = new LiveSnapshot("test", live, List.of());
        return new Auditor().compare(new AuditRequest(Path.of("."), CLUSTER, "HEAD", kinds -> snapshot, null,
                LocalDate.of(2026, 11, 22)), state(desired), snapshot);
    }

    private static DesiredState state(List<Resource> desired) {
        Map<ResourceId, Resource> byId = new LinkedHashMap<>();
        desired.forEach(r -> byId.put(r.id(), r));
        return new DesiredState("a".repeat(40), byId, Map.of());
    }

    private static Resource doc(String yaml) {
        Diagnostics diagnostics = new Diagnostics();
        var doc = new YamlReader().read(yaml, "clusters/eks-dev/x.yaml", diagnostics).get(0);
        assertEquals("", diagnostics.format());
        return Resource.of(doc.body(), SourceLocation.of("clusters/eks-dev/x.yaml"));
    }
}
