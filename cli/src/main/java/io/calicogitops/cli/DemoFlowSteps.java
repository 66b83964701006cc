package io.calicogitops.cli;

import io.calicogitops.flows.FlowRecordSource;
import io.calicogitops.flows.RecommendReport;
import io.calicogitops.flows.RecommendRun;
import io.calicogitops.flows.Replay;
import io.calicogitops.flows.ReplayResult;
import io.calicogitops.query.EvaluationInput;
import io.calicogitops.query.EvaluationRequest;
import io.calicogitops.query.LoadedModel;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The demo's flow-log steps: replay eks-prod's observed traffic against Git, recommend policies for eks-dev. */
final class DemoFlowSteps {

    private final PrintWriter o;
    private final Path sampleDir;
    private final Path repo;
    private final Path out;

    DemoFlowSteps(PrintWriter o, Path sampleDir, Path repo, Path out) {
        this.o = o;
        this.sampleDir = sampleDir;
        this.repo = repo;
        this.out = out;
    }

    private Path flowLog(String cluster) {
        return sampleDir.resolve("flow-logs").resolve(cluster + ".flows.jsonl");
    }

    /** Step 8: every record of the cluster's flow log replayed; the disagreements are the live drift's traffic. */
    ReplayResult replay(String cluster) {
        o.println("== 8. replay the flow logs of " + cluster + " (" + Paths.display(flowLog(cluster)) + ") against Git");
        LoadedModel loaded = EvaluationInput.load(new EvaluationRequest(repo, cluster, "HEAD", List.of(),
                Optional.of(sampleDir.resolve("fleet")), Optional.empty(), "", List.of(), List.of()));
        ReplayResult result = Replay.run(FlowsInput.of(loaded), List.of(flowLog(cluster)), false);
        o.println(result.records() + " records: " + result.agreed() + " agree with the policies in Git, "
                + (result.records() - result.agreed()) + " disagree");
        for (Map.Entry<String, Long> c : result.byCategory().entrySet()) {
            o.println("  " + c.getValue() + "  " + c.getKey());
        }
        o.println("(calico-gitops flows replay ... lists each one with its file:line; audit shows the drift behind them)");
        return result;
    }

    /** Step 9: least-privilege staged policies from the cluster's unprotected observed traffic. */
    void recommend(String cluster) throws java.io.IOException {
        o.println("== 9. recommend staged least-privilege policies for " + cluster + " from its flow logs");
        Path templates = out.resolve("recommended");
        Files.createDirectories(templates);
        RecommendRun.Result result = RecommendRun.run(new RecommendRun.Request(repo, "HEAD", cluster, List.of(flowLog(cluster)),
                List.of(), "default", 2, templates), FlowRecordSource.files());
        o.print(RecommendReport.text(result, Paths.display(result.packDir()), Paths.display(templates)));
    }
}
