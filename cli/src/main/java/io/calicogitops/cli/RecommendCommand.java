package io.calicogitops.cli;

import io.calicogitops.diag.ExitCodes;
import io.calicogitops.flows.FlowRecordSource;
import io.calicogitops.flows.RecommendReport;
import io.calicogitops.flows.RecommendRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code calico-gitops recommend}: staged least-privilege policies from observed flow logs, as a user policy pack. */
@Command(name = "recommend", mixinStandardHelpOptions = true,
        description = "Recommend staged, least-privilege policies from observed allowed traffic that no policy addressed (flow-log "
                + "records whose trace ends in a __PROFILE__ allow), one per namespace, like Calico's Policy Recommender but "
                + "with stable names, the observed counts on every rule, and only traffic seen in --min-intervals export "
                + "intervals; written as a policy pack for render/promote --templates. Exit 0.")
public final class RecommendCommand implements Callable<Integer> {

    /** The records of the given files; the flow-log reader of the product is wired in here. */
    private final FlowRecordSource source;

    @Spec
    CommandSpec spec;

    /** The repository's tiers decide which denials a rule could override; the flow logs come from this cluster. */
    @Mixin
    ClusterOptions target;

    @Mixin
    RefOption at;

    @Option(names = "--flow-logs", required = true, paramLabel = "FILE", arity = "1..*", description = "flow-log files of that cluster")
    List<Path> flowLogs = new ArrayList<>();

    @Option(names = "--namespace", paramLabel = "NS", description = "recommend for this namespace only (repeatable; default: every namespace "
            + "except kube-*, calico-* and tigera-*)")
    List<String> namespaces = new ArrayList<>();

    @Option(names = "--tier", paramLabel = "NAME", defaultValue = "default", description = "tier of the recommended policies; must exist "
            + "in Git (default: ${DEFAULT-VALUE})")
    String tier;

    @Option(names = "--min-intervals", paramLabel = "N", defaultValue = "2", description = "propose a rule only for traffic seen in at "
            + "least N export intervals (default: ${DEFAULT-VALUE})")
    int minIntervals;

    @Option(names = "--out", required = true, paramLabel = "PACK_DIR", description = "templates folder to write the pack "
            + "recommended-<cluster>/ into (give it to render and promote as --templates)")
    Path out;

    public RecommendCommand() {
        this(FlowRecordSource.files());
    }

    RecommendCommand(FlowRecordSource source) {
        this.source = source;
    }

    @Override
    public Integer call() {
        RecommendRun.Result result = RecommendRun.run(new RecommendRun.Request(target.repo, at.ref, target.cluster, flowLogs, namespaces, tier,
                minIntervals, out), source);
        spec.commandLine().getOut().print(RecommendReport.text(result, Paths.display(result.packDir()), Paths.display(out)));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
