package io.calicogitops.flows;

import io.calicogitops.diag.SourceLocation;
import io.calicogitops.flows.FlowEndpoint.EndpointType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecommenderTest {

    static final String PASS = "0|security|security.pass-to-next-tier|pass|0";
    static final String PROFILE_DEV = "1|__PROFILE__|__PROFILE__.kns.dev|allow|0";
    static final Map<String, Double> TIERS = Map.of("quarantine", 200.0, "platform", 300.0, "security", 400.0);

    static RecommendOptions options(int minIntervals) {
        return new RecommendOptions("eks-dev", List.of(), "default", TIERS, 1500, minIntervals);
    }

    static FlowEndpoint wep(String ns, String aggr) {
        return new FlowEndpoint(EndpointType.WEP, null, aggr, ns, null, null, new TreeMap<>(Map.of("app", aggr)));
    }

    static FlowEndpoint pub() {
        return new FlowEndpoint(EndpointType.NET, null, "pub", null, null, null, new TreeMap<>());
    }

    static FlowRecord record(long start, FlowRecord.Reporter reporter, FlowRecord.FlowAction action, FlowEndpoint src,
                             FlowEndpoint dst, int port, List<String> domains, String... enforced) {
        List<PolicyHit> hits = new ArrayList<>();
        for (String h : enforced) {
            hits.add(SampleFlowLogs.hit(h));
        }
        return new FlowRecord(SourceLocation.of("test.jsonl", 1, 1), start, start + 300, reporter, action, src, dst, "tcp",
                port, null, null, null, domains, true, hits, hits, new FlowCounts(2, 100, 200, 3, 4));
    }

    static FlowRecord unprotectedEgress(long start, FlowEndpoint src, FlowEndpoint dst, int port) {
        return record(start, FlowRecord.Reporter.SRC, FlowRecord.FlowAction.ALLOW, src, dst, port, List.of(), PASS,
                "1|__PROFILE__|__PROFILE__.kns." + src.namespace() + "|allow|0");
    }

    @Test
    void unprotectedTrafficSeenInEnoughIntervalsBecomesOneRulePerPeerAndProtocol() {
        List<FlowRecord> records = List.of(
                unprotectedEgress(0, wep("dev", "nginx"), wep("dev", "centos"), 80),
                unprotectedEgress(300, wep("dev", "nginx"), wep("dev", "centos"), 80),
                unprotectedEgress(300, wep("dev", "nginx"), wep("dev", "centos"), 8080),
                unprotectedEgress(600, wep("dev", "nginx"), wep("dev", "centos"), 8080));
        Recommendation rec = Recommender.recommend(records, options(2));
        assertEquals(1, rec.policies().size());
        RecommendedPolicy p = rec.policies().get(0);
        assertEquals("dev-recommendation", p.name());
        assertEquals(List.of("Egress"), p.types());
        assertEquals(1, p.egress().size());
        RecommendedRule rule = p.egress().get(0);
        assertEquals(List.of(80, 8080), rule.ports());
        assertEquals(RecommendedPeer.Scope.NAMESPACE, rule.peer().scope());
        assertEquals("records=4 flows=8 intervals=3 first=0 last=600 packets=28 bytes=1200", rule.evidence().annotation());
    }

    @Test
    void trafficSeenInFewerIntervalsThanAskedGetsNoRule() {
        List<FlowRecord> records = List.of(
                unprotectedEgress(0, wep("dev", "nginx"), wep("dev", "centos"), 80),
                unprotectedEgress(0, wep("dev", "nginx"), wep("dev", "centos"), 80));
        Recommendation rec = Recommender.recommend(records, options(2));
        assertTrue(rec.policies().isEmpty());
        assertEquals("seen in 1 interval, fewer than 2", rec.withheld().get(0).reason());
        assertEquals(1, Recommender.recommend(records, options(1)).policies().size());
    }

    /** Never widen: traffic an enforced policy already allows is not "unprotected" and gets no rule. */
    @Test
    void trafficAnEnforcedPolicyAlreadyAllowsGetsNoRule() {
        List<FlowRecord> records = new ArrayList<>();
        for (long t : new long[]{0, 300, 600}) {
            records.add(record(t, FlowRecord.Reporter.SRC, FlowRecord.FlowAction.ALLOW, wep("dev", "centos"),
                    wep("default", "frontend"), 8080, List.of(), PASS, "1|platform|dev/platform.centos-to-frontend|allow|0"));
            records.add(record(t, FlowRecord.Reporter.DST, FlowRecord.FlowAction.ALLOW, wep("dev", "centos"),
                    wep("default", "frontend"), 8080, List.of(), PASS, "1|default|np:default/frontend|allow|1"));
        }
        Recommendation rec = Recommender.recommend(records, options(2));
        assertTrue(rec.policies().isEmpty(), rec.toString());
        assertEquals(0, rec.recordsUsed());
        assertEquals(6, rec.recordsRead());
    }

    /**
     * A namespace-wide public rule for nginx's unprotected egress would also let centos out where the end of tier
     * default denied it (the recommendation lands in that tier): it is withheld. The same denial decided in tier
     * security, which comes first, cannot be overridden by it, so there the rule is proposed.
     */
    @Test
    void aRuleThatWouldAllowObservedDeniedTrafficIsWithheld() {
        List<FlowRecord> records = new ArrayList<>();
        for (long t : new long[]{0, 300}) {
            records.add(unprotectedEgress(t, wep("dev", "nginx"), pub(), 443));
        }
        FlowRecord deniedAtDefault = record(300, FlowRecord.Reporter.SRC, FlowRecord.FlowAction.DENY, wep("dev", "centos"),
                pub(), 443, List.of("www.google.com"), PASS, "1|platform|dev/platform.centos-to-frontend|pass|1",
                "2|default|dev/default.centos|deny|-1");
        List<FlowRecord> withDenial = new ArrayList<>(records);
        withDenial.add(deniedAtDefault);
        Recommendation rec = Recommender.recommend(withDenial, options(2));
        assertTrue(rec.policies().isEmpty(), rec.toString());
        assertTrue(rec.withheld().get(0).reason().startsWith("would also allow denied traffic: dev/centos -> pub TCP/443 denied by "
                + "2|default|dev/default.centos|deny|-1"), rec.withheld().get(0).reason());

        FlowRecord deniedInSecurity = record(300, FlowRecord.Reporter.SRC, FlowRecord.FlowAction.DENY, wep("dev", "centos"),
                pub(), 443, List.of(), "0|security|security.block-feodo-tracker|deny|0");
        List<FlowRecord> earlierDenial = new ArrayList<>(records);
        earlierDenial.add(deniedInSecurity);
        assertEquals(1, Recommender.recommend(earlierDenial, options(2)).policies().size());
    }

    /** A record without a policy trace cannot say whether a policy addressed it: counted, never used. */
    @Test
    void recordsWithoutAPolicyTraceAreCountedAndNotUsed() {
        List<FlowRecord> records = new ArrayList<>();
        for (long t : new long[]{0, 300}) {
            FlowRecord r = unprotectedEgress(t, wep("dev", "nginx"), pub(), 443);
            records.add(new FlowRecord(r.origin(), r.startTime(), r.endTime(), r.reporter(), r.action(), r.source(), r.destination(),
                    r.proto(), r.destPort(), null, null, null, List.of(), false, List.of(), List.of(), r.counts()));
        }
        Recommendation rec = Recommender.recommend(records, options(2));
        assertTrue(rec.policies().isEmpty());
        assertEquals(2, rec.recordsWithoutTrace());
        assertEquals(0, rec.recordsUsed());
    }

    /** Aggregation level 3 hides the destination port; a TCP rule without ports would allow them all. */
    @Test
    void trafficWithoutADestinationPortGetsNoRule() {
        List<FlowRecord> records = new ArrayList<>();
        for (long t : new long[]{0, 300}) {
            FlowRecord r = unprotectedEgress(t, wep("dev", "nginx"), pub(), 443);
            records.add(new FlowRecord(r.origin(), r.startTime(), r.endTime(), r.reporter(), r.action(), r.source(), r.destination(),
                    r.proto(), null, null, null, null, List.of(), true, r.enforced(), r.pending(), r.counts()));
        }
        Recommendation rec = Recommender.recommend(records, options(2));
        assertTrue(rec.policies().isEmpty(), rec.toString());
        assertEquals("no destination port recorded (aggregation level 3); a rule without ports would allow every port",
                rec.withheld().get(0).reason());
    }

    @Test
    void systemNamespacesAreLeftOutUnlessAsked() {
        List<FlowRecord> records = List.of(
                unprotectedEgress(0, wep("kube-system", "coredns"), pub(), 53),
                unprotectedEgress(300, wep("kube-system", "coredns"), pub(), 53));
        assertTrue(Recommender.recommend(records, options(2)).policies().isEmpty());
        RecommendOptions asked = new RecommendOptions("c", List.of("kube-system"), "default", TIERS, 1500, 2);
        assertEquals("kube-system-recommendation", Recommender.recommend(records, asked).policies().get(0).name());
    }

    @Test
    void theEksDevSampleGivesTheSamePackWhateverTheRecordOrder() {
        List<FlowRecord> records = SampleFlowLogs.read(SampleFlowLogs.sampleDir().resolve("eks-dev.flows.jsonl"));
        Recommendation rec = Recommender.recommend(records, options(2));
        assertEquals(List.of("dev", "storefront"), rec.policies().stream().map(RecommendedPolicy::namespace).toList());
        List<FlowRecord> shuffled = new ArrayList<>(records);
        Collections.shuffle(shuffled, new Random(7));
        assertEquals(RecommendationPack.files(rec), RecommendationPack.files(Recommender.recommend(shuffled, options(2))));
    }
}
