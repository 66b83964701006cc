package io.calicogitops.flows;

import io.calicogitops.diag.Diagnostic;
import io.calicogitops.policy.RenderedLint;
import io.calicogitops.query.Promoter;
import io.calicogitops.render.ClusterRender;
import io.calicogitops.render.Generator;
import io.calicogitops.render.RenderedResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pack {@code recommend} writes for eks-dev's sample flow logs goes the normal way: {@code render --templates}
 * accepts it (the product's validator runs on every rendered resource), only eks-dev gets it, lint finds nothing in
 * it, and {@code promote} turns each staged recommendation into the enforced policy.
 */
class RecommendationPackTest {

    @TempDir
    static Path tmp;
    static Path fleet;
    static Path pack;
    static Generator.RenderResult withPack;

    @BeforeAll
    static void writePackAndRender() throws IOException {
        Path sample = SampleFlowLogs.sampleDir().getParent();
        copy(sample.resolve("fleet"), tmp.resolve("fleet"));
        copy(sample.resolve("workloads"), tmp.resolve("workloads"));
        fleet = tmp.resolve("fleet");
        pack = tmp.resolve("pack");
        Recommendation rec = Recommender.recommend(SampleFlowLogs.read(SampleFlowLogs.sampleDir().resolve("eks-dev.flows.jsonl")),
                RecommenderTest.options(2));
        RecommendationWriter.write(rec, pack);
        withPack = render(Optional.of(pack));
    }

    static Generator.RenderResult render(Optional<Path> templates) {
        return new Generator(1).render(new Generator.RenderRequest(fleet, templates, Optional.empty(), List.of(), Path::toString));
    }

    @Test
    void renderAcceptsThePackForEksDevOnly() {
        for (ClusterRender c : withPack.clusters()) {
            List<String> recommended = c.resources().stream().map(RenderedResource::resource)
                    .filter(r -> r.id().name().endsWith("-recommendation")).map(r -> r.kind() + " " + r.id().namespace() + "/" + r.id().name())
                    .sorted().toList();
            assertEquals(c.profile().name().equals("eks-dev")
                    ? List.of("StagedNetworkPolicy dev/dev-recommendation", "StagedNetworkPolicy storefront/storefront-recommendation")
                    : List.of(), recommended, c.profile().name());
        }
    }

    /**
     * Lint's structural checks (trailing Pass, shadowed rules, selectors matching nothing, equal orders, unknown
     * labels, types) find nothing in the recommendations; what it adds is CG-L004 on each of them: the flows between
     * known workloads (storefront's here) that are allowed now but were never observed, which a least-privilege policy denies by design
     * (the list to review with promote --dry-run). The findings of the rest of the cluster do not change.
     */
    @Test
    void lintAddsOnlyTheUnobservedFlowsEachRecommendationWouldDeny() {
        ClusterRender eksDev = cluster(withPack, "eks-dev");
        List<String> with = lint(eksDev.files());
        List<String> before = lint(cluster(render(Optional.empty()), "eks-dev").files());
        List<String> added = with.stream().filter(f -> !before.contains(f)).toList();
        assertEquals(with.size(), before.size() + added.size(), "findings of the cluster changed: " + with);
        // dev's unobserved flows are blamed on the staged default-deny, which selects dev too and is unchanged.
        assertEquals(List.of("clusters/eks-dev/stagednetworkpolicy-storefront.storefront-recommendation.yaml CG-L004"),
                added.stream().map(f -> f.substring(0, f.indexOf(':')) + " " + f.substring(f.indexOf("CG-L"), f.indexOf("CG-L") + 7))
                        .sorted().toList(), added.toString());
    }

    private static List<String> lint(Map<String, byte[]> files) {
        return RenderedLint.lint("clusters/eks-dev", files, tmp.resolve("workloads"), Set.of("quarantine")).stream()
                .map(Diagnostic::format).toList();
    }

    @Test
    void promoteTurnsARecommendationIntoTheEnforcedPolicy() throws IOException {
        Path profile = fleet.resolve("eks-dev.yaml");
        String original = Files.readString(profile);
        Promoter.Result result = Promoter.promote(new Promoter.Request(fleet, tmp.resolve("no-repo"), "eks-dev",
                "storefront-recommendation", Optional.of(pack), Optional.empty(), List.of(), true, false, null, Path::toString));
        assertEquals(Promoter.Outcome.DRY_RUN, result.outcome());
        assertEquals("StagedNetworkPolicy", result.fromKind());
        assertEquals("NetworkPolicy", result.toKind());
        assertEquals("/values/recommend-storefront", result.promotion().pointer());
        assertEquals(original, Files.readString(profile));
    }

    /**
     * Every rule shape the recommender writes (network sets global and namespaced, private and public nets, domains,
     * a service, ICMP without ports, UDP) renders and passes the product's validator.
     */
    @Test
    void everyRuleShapeRendersAndValidates() throws IOException {
        FlowEndpoint web = RecommenderTest.wep("storefront", "backend");
        List<FlowRecord> records = new java.util.ArrayList<>();
        for (long t : new long[]{0, 300}) {
            records.add(RecommenderTest.unprotectedEgress(t, web, endpoint(FlowEndpoint.EndpointType.NS, "ip-address-list", null), 443));
            records.add(RecommenderTest.unprotectedEgress(t, web, endpoint(FlowEndpoint.EndpointType.NS, "partners", "storefront"), 8443));
            records.add(RecommenderTest.unprotectedEgress(t, web, endpoint(FlowEndpoint.EndpointType.NET, "pvt", null), 5432));
            records.add(RecommenderTest.unprotectedEgress(t, web, RecommenderTest.pub(), 80));
            records.add(withDomains(RecommenderTest.unprotectedEgress(t, web, RecommenderTest.pub(), 443), List.of("api.example.com")));
            records.add(withService(RecommenderTest.unprotectedEgress(t, web, RecommenderTest.pub(), 8080)));
            records.add(withProto(RecommenderTest.unprotectedEgress(t, web, RecommenderTest.pub(), 0), "icmp"));
            records.add(withProto(RecommenderTest.unprotectedEgress(t, web, RecommenderTest.wep("dev", "centos"), 53), "udp"));
        }
        Recommendation rec = Recommender.recommend(records, RecommenderTest.options(2));
        assertEquals(List.of("DOMAINS", "SERVICE", "NAMESPACE", "NETWORK_SET", "NETWORK_SET", "PRIVATE", "PUBLIC", "PUBLIC"),
                rec.policies().get(0).egress().stream().map(r -> r.peer().scope().name()).toList());
        Path shapes = tmp.resolve("shapes");
        RecommendationWriter.write(rec, shapes);
        Generator.RenderResult result = new Generator(1).render(new Generator.RenderRequest(fleet, Optional.of(shapes),
                Optional.empty(), List.of("eks-dev"), Path::toString));
        assertEquals(1, cluster(result, "eks-dev").resources().stream().filter(r -> r.resource().id().name().equals("storefront-recommendation")).count());
    }

    private static FlowEndpoint endpoint(FlowEndpoint.EndpointType type, String name, String namespace) {
        return new FlowEndpoint(type, null, name, namespace, null, null, new java.util.TreeMap<>());
    }

    private static FlowRecord withDomains(FlowRecord r, List<String> domains) {
        return new FlowRecord(r.origin(), r.startTime(), r.endTime(), r.reporter(), r.action(), r.source(), r.destination(), r.proto(),
                r.destPort(), null, null, null, domains, true, r.enforced(), r.pending(), r.counts());
    }

    private static FlowRecord withService(FlowRecord r) {
        return new FlowRecord(r.origin(), r.startTime(), r.endTime(), r.reporter(), r.action(), r.source(), r.destination(), r.proto(),
                r.destPort(), "storefront", "payments-gateway", 443, List.of(), true, r.enforced(), r.pending(), r.counts());
    }

    private static FlowRecord withProto(FlowRecord r, String proto) {
        return new FlowRecord(r.origin(), r.startTime(), r.endTime(), r.reporter(), r.action(), r.source(), r.destination(), proto,
                proto.equals("icmp") ? null : r.destPort(), null, null, null, List.of(), true, r.enforced(), r.pending(), r.counts());
    }

    static ClusterRender cluster(Generator.RenderResult result, String name) {
        return result.clusters().stream().filter(c -> c.profile().name().equals(name)).findFirst().orElseThrow();
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
