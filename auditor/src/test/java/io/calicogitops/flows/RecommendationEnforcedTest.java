package io.calicogitops.flows;

import io.calicogitops.diag.Diagnostics;
import io.calicogitops.fleet.ProfileEdit;
import io.calicogitops.policy.ClusterModel;
import io.calicogitops.policy.Endpoint;
import io.calicogitops.policy.Evaluator;
import io.calicogitops.policy.Flow;
import io.calicogitops.policy.Inventory;
import io.calicogitops.policy.IpAddress;
import io.calicogitops.policy.ModelBuilder;
import io.calicogitops.policy.Protocols;
import io.calicogitops.policy.SourceDocument;
import io.calicogitops.render.ClusterRender;
import io.calicogitops.render.Generator;
import io.calicogitops.render.RenderedResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The recommendations for eks-dev enforced (and the staged default deny too), evaluated by the product's evaluator on
 * the sample's own records, each on its own leg (egress at the source for src, ingress at the destination for dst):
 * every leg the logs show denied is still denied, and every unprotected leg a rule was proposed for is still allowed
 * (the withheld one, dev/nginx seen once, is left out).
 */
class RecommendationEnforcedTest {

    @TempDir
    Path tmp;

    @Test
    void observedDenialsStayDeniedAndRecommendedTrafficStaysAllowed() throws IOException {
        Path sample = SampleFlowLogs.sampleDir().getParent();
        RecommendationPackTest.copy(sample.resolve("fleet"), tmp.resolve("fleet"));
        RecommendationPackTest.copy(sample.resolve("workloads"), tmp.resolve("workloads"));
        Path fleet = tmp.resolve("fleet");
        List<FlowRecord> records = SampleFlowLogs.read(SampleFlowLogs.sampleDir().resolve("eks-dev.flows.jsonl"));
        Recommendation rec = Recommender.recommend(records, RecommenderTest.options(2));
        RecommendationWriter.write(rec, tmp.resolve("pack"));
        Path profile = fleet.resolve("eks-dev.yaml");
        String text = Files.readString(profile);
        for (String pointer : List.of("/values/recommend-dev", "/values/recommend-storefront")) {
            text = ProfileEdit.setString(text, "eks-dev.yaml", pointer, "enforced");
        }
        text = ProfileEdit.setString(text, "eks-dev.yaml", "/defaultDeny/mode", "enforced");
        Files.writeString(profile, text);
        ClusterRender eksDev = new Generator(1).render(new Generator.RenderRequest(fleet, Optional.of(tmp.resolve("pack")),
                Optional.empty(), List.of("eks-dev"), Path::toString)).clusters().get(0);
        assertTrue(eksDev.resources().stream().anyMatch(r -> r.resource().kind().equals("NetworkPolicy")
                && r.resource().id().name().equals("storefront-recommendation")));
        ClusterModel model = model(eksDev, tmp.resolve("workloads"));
        Evaluator evaluator = model.compiled();

        List<String> wrong = new ArrayList<>();
        int denied = 0;
        int allowed = 0;
        for (FlowRecord r : records) {
            Optional<Flow> flow = flow(r, model.inventory());
            if (flow.isEmpty()) {
                continue;
            }
            // The record's own leg: the egress decision of the source (src) or the ingress one of the destination (dst).
            var verdict = evaluator.evaluate(flow.get()).parts().get(0);
            boolean isAllowed = (r.reporter() == FlowRecord.Reporter.SRC ? verdict.egress() : verdict.ingress()).allows();
            if (r.action() == FlowRecord.FlowAction.DENY) {
                denied++;
                if (isAllowed) {
                    wrong.add("allowed now, denied in the logs: " + r.origin() + " " + flow.get().display());
                }
            } else if (Recommender.unprotected(r) && !r.source().nameAggr().startsWith("dev-nginx")) {
                allowed++;
                if (!isAllowed) {
                    wrong.add("denied now, recommended from the logs: " + r.origin() + " " + flow.get().display());
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(6, denied, "the sample's denied records (3 flows) that name endpoints Git knows");
        assertTrue(allowed >= 20, "unprotected records checked: " + allowed);
    }

    private static ClusterModel model(ClusterRender cluster, Path workloads) {
        Diagnostics diagnostics = new Diagnostics();
        ModelBuilder builder = new ModelBuilder(diagnostics);
        builder.workloads().readPath(workloads, Path.of(""));
        for (RenderedResource r : cluster.resources()) {
            builder.addObject(new SourceDocument(r.resource(), r.locate()));
        }
        ClusterModel m = builder.build(List.of());
        assertTrue(!diagnostics.hasErrors(), diagnostics::format);
        return m;
    }

    /** The flow of a record: workloads by namespace and labels, anything else as an external address (level 0/1 IPs). */
    private static Optional<Flow> flow(FlowRecord r, Inventory inv) {
        Optional<Endpoint> from = endpoint(r.source(), inv, List.of());
        Optional<Endpoint> to = endpoint(r.destination(), inv, r.destDomains());
        if (from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        int proto = Protocols.lenient(r.proto()).orElseThrow();
        return Optional.of(new Flow(from.get(), to.get(), proto, r.destPort() == null ? -1 : r.destPort()));
    }

    private static Optional<Endpoint> endpoint(FlowEndpoint e, Inventory inv, List<String> domains) {
        if (e.type() == FlowEndpoint.EndpointType.WEP) {
            return inv.workloads().stream().filter(w -> e.namespace().equals(w.namespace())
                    && e.labels().entrySet().stream().filter(l -> !l.getKey().equals("pod-template-hash"))
                    .allMatch(l -> l.getValue().equals(w.labels().get(l.getKey())))).findFirst();
        }
        // Threat-feed sets are filled by the operator from the feed: Git does not know their addresses.
        if (e.ip() == null || e.nameAggr().startsWith("threatfeed.")) {
            return Optional.empty();
        }
        return Optional.of(Endpoint.external(e.nameAggr(), IpAddress.parse(e.ip()).orElseThrow(),
                domains.isEmpty() ? null : domains.get(0)));
    }
}
