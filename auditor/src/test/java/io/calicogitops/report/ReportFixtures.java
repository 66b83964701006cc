package io.calicogitops.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.calicogitops.audit.AuditReport;
import io.calicogitops.audit.Change;
import io.calicogitops.audit.Coverage;
import io.calicogitops.audit.DriftEntry;
import io.calicogitops.audit.DriftSeverity;
import io.calicogitops.audit.DriftStatus;
import io.calicogitops.diag.SourceLocation;
import io.calicogitops.model.ResourceId;
import io.calicogitops.output.Renderer;
import io.calicogitops.testing.Golden;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static io.calicogitops.audit.DriftSeverity.CRITICAL;
import static io.calicogitops.audit.DriftSeverity.INFO;
import static io.calicogitops.audit.DriftSeverity.NONE;
import static io.calicogitops.audit.DriftSeverity.WARNING;
import static io.calicogitops.audit.DriftStatus.IGNORED;
import static io.calicogitops.audit.DriftStatus.IN_SYNC;
import static io.calicogitops.audit.DriftStatus.MISSING;
import static io.calicogitops.audit.DriftStatus.MODIFIED;
import static io.calicogitops.audit.DriftStatus.UNMANAGED;

/** Hand-built audit reports shared by the reporter tests. */
final class ReportFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CALICO = "projectcalico.org";

    private ReportFixtures() {
    }

    /** The reporters' golden file {@code name}, under {@code auditor/src/test/resources/golden/report/}. */
    static Path golden(String name) {
        return Golden.testResources("auditor", "golden/report").resolve(name);
    }

    /** Every status and severity: a critical change among three, a missing and an unmanaged policy, an ignored label. */
    static AuditReport drift() {
        return new AuditReport("eks-prod", "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b", "HEAD",
                "context eks-prod (projectcalico.org/v3)", List.of(
                entry(id("GlobalNetworkPolicy", "", "allow-cluster-dns"), IN_SYNC, NONE, null, List.of(),
                        "clusters/eks-prod/policies/allow-cluster-dns.yaml", 1, null),
                entry(id("GlobalNetworkPolicy", "", "debug-allow-all"), UNMANAGED, CRITICAL, null, List.of(
                        new Change("", "not in Git: allows all ingress and egress traffic", CRITICAL)), null, 0, null),
                entry(id("GlobalNetworkPolicy", "", "deny-egress-internet"), MODIFIED, CRITICAL, json("""
                        [{"op": "replace", "path": "/spec/egress/1/action", "value": "Deny"},
                         {"op": "replace", "path": "/spec/order", "value": 100},
                         {"op": "add", "path": "/metadata/labels/team", "value": "platform"}]"""), List.of(
                        new Change("/spec/egress/1/action", "egress rule 2: action Deny -> Allow", CRITICAL),
                        new Change("/spec/order", "order 100 -> 1000", WARNING),
                        new Change("/metadata/labels/team", "label team removed (was platform)", INFO)),
                        "clusters/eks-prod/policies/deny-egress-internet.yaml", 4, null),
                entry(id("GlobalNetworkSet", "", "monitoring-ranges"), IGNORED, INFO, json("""
                        [{"op": "remove", "path": "/metadata/labels/projectcalico.org~1managed-by"}]"""), List.of(
                        new Change("/metadata/labels/projectcalico.org~1managed-by",
                                "label projectcalico.org/managed-by added", INFO)),
                        "clusters/eks-prod/networksets/monitoring-ranges.yaml", 1, "operator-managed-labels"),
                entry(id("NetworkPolicy", "payments", "allow-ingress-from-istio-ingressgateway-and-prometheus-scrapers"),
                        MISSING, WARNING, MissingNode.getInstance(), List.of(),
                        "clusters/eks-prod/namespaces/payments/allow-ingress-from-istio-ingressgateway-and-prometheus-scrapers.yaml",
                        1, null),
                entry(id("NetworkPolicy", "payments", "default-deny"), IN_SYNC, NONE, MissingNode.getInstance(), List.of(),
                        "clusters/eks-prod/namespaces/payments/default-deny.yaml", 1, null),
                entry(id("Tier", "", "security"), MODIFIED, INFO, json("""
                        [{"op": "replace", "path": "/metadata/annotations/owner", "value": "team-a"}]"""), List.of(
                        new Change("/metadata/annotations/owner", "annotation owner: team-a -> team-b", INFO)),
                        "clusters/eks-prod/tiers.yaml", 12, null)),
                new Coverage(7, 9), List.of("allow-debug-until-2025-01-31", "legacy-nodeport-range"));
    }

    /** Nothing drifts; one difference is ignored, so the report is in sync but not empty. */
    static AuditReport inSync() {
        return new AuditReport("aks-dev", "0f9e8d7c6b5a49382716a5b4c3d2e1f0a9b8c7d6", "main",
                "files: snapshots/aks-dev/*.yaml", List.of(
                entry(id("GlobalNetworkPolicy", "", "allow-cluster-dns"), IN_SYNC, NONE, null, List.of(),
                        "clusters/aks-dev/policies/allow-cluster-dns.yaml", 1, null),
                entry(id("NetworkPolicy", "shop", "allow-frontend"), IGNORED, WARNING, json("""
                        [{"op": "replace", "path": "/spec/order", "value": 10}]"""), List.of(
                        new Change("/spec/order", "order 10 -> 20", WARNING)),
                        "clusters/aks-dev/namespaces/shop/allow-frontend.yaml", 3, "dev-order-experiments"),
                entry(id("NetworkPolicy", "shop", "default-deny"), IN_SYNC, NONE, null, List.of(),
                        "clusters/aks-dev/namespaces/shop/default-deny.yaml", 1, null)),
                new Coverage(3, 3), List.of());
    }

    /** No resources, no live policies, no ref. */
    static AuditReport empty() {
        return new AuditReport("kind-local", "ffffffffffffffffffffffffffffffffffffffff", null, "context kind-local",
                List.of(), new Coverage(0, 0), List.of());
    }

    /** Text that must be escaped in every format: markup, ampersands, pipes, backticks, quotes, a control character. */
    static AuditReport hostile() {
        return new AuditReport("prod<script>alert(1)</script>&co", "abc", "feature/<b>&\"x\"",
                "context 'a' & \"b\" | `c`", List.of(
                entry(id("GlobalNetworkSet", "", "x<script>alert(\"x\")</script>&y|z`w"), UNMANAGED, CRITICAL, null,
                        List.of(new Change("/spec/nets/0", "net <b>10.0.0.0/8</b> & ```|``` \u0001 added\nsecond line", CRITICAL)),
                        null, 0, null),
                entry(id("NetworkPolicy", "ns&<i>", "p"), MODIFIED, WARNING, json("""
                        [{"op": "add", "path": "/metadata/annotations/n", "value": "</code></pre><script>x()</script> ````"}]"""),
                        List.of(new Change("/metadata/annotations/n", "annotation n: <none> -> ```", WARNING)),
                        "dir with <angle>&amp/p.yaml", 2, null),
                entry(id("NetworkPolicy", "ns", "q"), IGNORED, INFO, null, List.of(), "q.yaml", 0, "rule <&> \"r\"")),
                new Coverage(1, 3), List.of("expired <rule> & co"));
    }

    /** A resource whose name and namespace are a Markdown link to script and a table-breaking pipe. */
    static AuditReport linkShaped() {
        return new AuditReport("prod", "abc", null, "context prod", List.of(
                entry(id("NetworkPolicy", "ns|x", "[x](javascript:alert(1))"), UNMANAGED, CRITICAL, null,
                        List.of(new Change("/metadata/labels/app", "label app: <script>a()</script> [y](javascript:b())", CRITICAL)),
                        null, 0, null)),
                new Coverage(1, 1), List.of());
    }

    static List<AuditReport> all() {
        return List.of(drift(), inSync(), empty(), hostile());
    }

    static String render(Renderer<AuditReport> reporter, AuditReport report) {
        try {
            StringWriter out = new StringWriter();
            reporter.write(report, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ResourceId id(String kind, String namespace, String name) {
        return new ResourceId(CALICO, kind, namespace, name);
    }

    private static DriftEntry entry(ResourceId id, DriftStatus status, DriftSeverity severity, JsonNode patch,
                                    List<Change> changes, String file, int line, String ignoredBy) {
        return new DriftEntry(id, status, severity, patch, changes,
                Optional.ofNullable(file).map(f -> SourceLocation.of(f, line, 0)), Optional.ofNullable(ignoredBy));
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
