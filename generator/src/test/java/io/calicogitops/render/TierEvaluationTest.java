package io.calicogitops.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.model.Kinds;
import io.calicogitops.model.Resource;
import io.calicogitops.yaml.YamlDocument;
import io.calicogitops.yaml.YamlReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Calico evaluates the policies of a tier by order (none = last, ties by name) and stops at the first rule that
 * allows, denies or passes (calico-semantics §2). A rule with no match criteria therefore decides everything that
 * reaches it: any later policy of the tier that selects the same endpoints, in the same direction, is never
 * evaluated. Checked on every rendered sample cluster, where it is decidable (a selector {@code all()} overlaps any).
 */
class TierEvaluationTest {

    private static final Set<String> TERMINAL = Set.of("Allow", "Deny", "Pass");

    static Stream<String> sampleClusters() {
        return SampleFleet.clusters();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleClusters")
    void render_sampleCluster_noPolicyIsUnreachableBehindAnEarlierUnconditionalRule(String cluster) {
        List<Resource> policies = SampleFleet.cluster(cluster).resources().stream().map(RenderedResource::resource)
                .filter(r -> Kinds.CALICO_GROUP.equals(r.id().group()))
                .filter(r -> r.kind().equals("GlobalNetworkPolicy") || r.kind().equals("NetworkPolicy"))
                .toList();

        List<String> shadowed = shadowedPolicies(policies);

        assertEquals(List.of(), shadowed);
    }

    @Test
    void render_sampleClusterWithSecurityPacks_endsTheSecurityTierWithOnePassPolicy() {
        ClusterRender eksDev = SampleFleet.cluster("eks-dev");

        List<String> security = inEvaluationOrder(eksDev.resources().stream().map(RenderedResource::resource)
                .filter(r -> r.kind().equals("GlobalNetworkPolicy") && tier(r).equals("security")).toList())
                .stream().map(r -> r.id().name()).toList();

        assertEquals("security.pass-to-next-tier", security.get(security.size() - 1), security.toString());
        assertTrue(security.indexOf("security.allow-kube-dns") < security.indexOf("security.block-feodo-tracker"));
    }

    @Test
    void shadowedPolicies_seedPatternOfATrailingPassInAnAllSelectingPolicy_isReported() {
        Resource kubeDns = policy("""
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: security.allow-kube-dns}
                spec:
                  tier: security
                  order: 50
                  selector: all()
                  types: [Egress]
                  egress:
                  - {action: Allow, protocol: UDP, destination: {ports: [53]}}
                  - action: Pass
                """);
        Resource feed = policy("""
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: security.block-feodo}
                spec:
                  tier: security
                  order: 210
                  selector: all()
                  types: [Egress]
                  egress:
                  - {action: Deny, destination: {selector: threatfeed == "feodo"}}
                """);

        assertEquals(List.of("GlobalNetworkPolicy security.block-feodo (egress) is never evaluated: "
                + "GlobalNetworkPolicy security.allow-kube-dns ends with an unconditional Pass"),
                shadowedPolicies(List.of(feed, kubeDns)));
    }

    private static Resource policy(String yaml) {
        Diagnostics diagnostics = new Diagnostics();
        YamlDocument doc = new YamlReader().read(yaml, "policy.yaml", diagnostics).get(0);
        assertEquals("", diagnostics.format());
        return Resource.of(doc.body(), doc.location());
    }

    /** One sentence per policy that an earlier policy of its tier makes unreachable in a direction. */
    static List<String> shadowedPolicies(List<Resource> policies) {
        List<String> out = new ArrayList<>();
        Map<String, List<Resource>> byTier = policies.stream()
                .collect(Collectors.groupingBy(TierEvaluationTest::tier));
        for (List<Resource> tier : byTier.values()) {
            List<Resource> ordered = inEvaluationOrder(tier);
            for (String direction : List.of("ingress", "egress")) {
                for (int i = 0; i < ordered.size(); i++) {
                    Resource p = ordered.get(i);
                    String decides = unconditionalLastRule(p, direction);
                    if (decides == null) {
                        continue;
                    }
                    for (Resource q : ordered.subList(i + 1, ordered.size())) {
                        if (governs(q, direction) && overlaps(p, q)) {
                            out.add(q.id().display() + " (" + direction + ") is never evaluated: " + p.id().display()
                                    + " ends with an unconditional " + decides);
                        }
                    }
                }
            }
        }
        return out;
    }

    private static List<Resource> inEvaluationOrder(List<Resource> tier) {
        return tier.stream().sorted(Comparator
                .comparingDouble((Resource r) -> r.spec().path("order").isNumber()
                        ? r.spec().path("order").asDouble() : Double.POSITIVE_INFINITY)
                .thenComparing(r -> r.id().name())).toList();
    }

    private static String tier(Resource r) {
        String t = r.spec().path("tier").asText("");
        return t.isEmpty() ? "default" : t;
    }

    private static boolean governs(Resource r, String direction) {
        String type = direction.equals("ingress") ? "Ingress" : "Egress";
        for (JsonNode t : r.spec().path("types")) {
            if (t.asText().equals(type)) {
                return true;
            }
        }
        return false;
    }

    /** The action of the direction's last rule when that rule has no match criteria, else null. */
    private static String unconditionalLastRule(Resource r, String direction) {
        JsonNode rules = r.spec().path(direction);
        if (!governs(r, direction) || rules.size() == 0) {
            return null;
        }
        JsonNode last = rules.get(rules.size() - 1);
        String action = last.path("action").asText();
        if (!TERMINAL.contains(action)) {
            return null;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = last.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            boolean empty = field.getValue().isNull() || (field.getValue().isContainerNode() && field.getValue().isEmpty());
            if (!field.getKey().equals("action") && !empty) {
                return null;
            }
        }
        return action;
    }

    /** Whether two policies certainly select a common endpoint: one selects everything, or both say the same. */
    private static boolean overlaps(Resource p, Resource q) {
        boolean pGlobal = p.id().namespace().isEmpty();
        boolean qGlobal = q.id().namespace().isEmpty();
        boolean sameScope = pGlobal || qGlobal || p.id().namespace().equals(q.id().namespace());
        String ps = selector(p);
        String qs = selector(q);
        return sameScope && (ps.equals("all()") || qs.equals("all()") || ps.equals(qs));
    }

    private static String selector(Resource r) {
        String s = r.spec().path("selector").asText("").strip();
        return s.isEmpty() ? "all()" : s;
    }
}
