package io.calicogitops.cli;

import io.calicogitops.diag.ExitCodes;
import io.calicogitops.output.Reporter;
import io.calicogitops.policy.Endpoint;
import io.calicogitops.query.PromoteReport;
import io.calicogitops.query.Promoter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code calico-gitops promote}: enforce a staged policy through the profile, after showing the flows it denies. */
@Command(name = "promote", mixinStandardHelpOptions = true,
        description = "Turn a staged policy into the enforced one: set the profile value its pack declares, render the cluster, "
                + "show every flow between its workloads (and to and from the internet and --external endpoints) that becomes "
                + "denied or allowed, and commit the rendering. When flows become denied, nothing is written without --yes. "
                + "Exit 0 promoted (or dry run, or already enforced), 1 flows would become denied and --yes was not given.")
public final class PromoteCommand implements Callable<Integer>, FormattedCommand {

    @Spec
    CommandSpec spec;

    @Option(names = "--fleet", required = true, paramLabel = "DIR", description = "folder of cluster profiles (*.yaml)")
    Path fleet;

    @Mixin
    ClusterOptions target;

    @Option(names = "--policy", required = true, paramLabel = "NAME", description = "the staged policy (name, or Kind/name)")
    String policy;

    @Option(names = "--external", paramLabel = "NAME=IP[,DOMAIN]", arity = "1..*",
            description = "more endpoints outside the cluster to check flows with (an address in no network set is always checked)")
    List<String> externals = new ArrayList<>();

    @Option(names = "--yes", description = "accept the flows that become denied and commit")
    boolean yes;

    @Option(names = "--dry-run", description = "show what would change and write nothing")
    boolean dryRun;

    @Option(names = "--message", paramLabel = "TEXT", description = "subject line of the commit")
    String message;

    @Mixin
    OutputOptions output;

    @Option(names = "--flow-logs", paramLabel = "FILE", arity = "1..*",
            description = "observed Calico flow logs: show the real flows that would become denied too (they need --yes as well)")
    List<Path> flowLogs = new ArrayList<>();

    @Mixin
    PackOptions packs = new PackOptions();

    @Override
    public Integer call() throws IOException {
        output.format(reporter());
        List<Endpoint> outside = new ArrayList<>();
        externals.forEach(x -> outside.add(io.calicogitops.query.EvaluationInput.external(x)));
        Promoter.Result result = Promoter.promote(new Promoter.Request(fleet, target.repo, target.cluster, policy, packs.templates(),
                packs.overlays(), outside, dryRun, yes, message, Paths::display, flowLogs));
        output.print(spec, reporter(), result, result.outcome().name().toLowerCase(java.util.Locale.ROOT));
        return result.outcome() == Promoter.Outcome.NEEDS_ACCEPT ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    @Override
    public Reporter<Promoter.Result> reporter() {
        return PromoteReport.REPORTER;
    }
}
