package io.calicogitops.flows;

import org.junit.jupiter.api.Test;
import java.util.List;

class PrintPackTest {
    @Test
    void print() {
        Recommendation rec = Recommender.recommend(SampleFlowLogs.read(SampleFlowLogs.sampleDir().resolve("eks-dev.flows.jsonl")), RecommenderTest.options(2));
        RecommendationPack.files(rec).forEach((k, v) -> System.out.println("=== " + k + "\n" + v));
        rec.withheld().forEach(System.out::println);
        Recommendation prod = Recommender.recommend(SampleFlowLogs.read(SampleFlowLogs.sampleDir().resolve("eks-prod.flows.jsonl")),
            new RecommendOptions("eks-prod", List.of(), "default", RecommenderTest.TIERS, 1500, 2));
        RecommendationPack.files(prod).forEach((k, v) -> System.out.println("=== " + k + "\n" + v));
        prod.withheld().forEach(System.out::println);
    }
}
