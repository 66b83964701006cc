package io.calicogitops.cli;

import io.calicogitops.diag.ExitCodes;
import io.calicogitops.diag.UsageException;
import io.calicogitops.flows.Impact;
import io.calicogitops.flows.ImpactReport;
import io.calicogitops.flows.ImpactResult;
import io.calicogitops.output.Reporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code calico-gitops flows impact}: which observed flows would the staged policies deny or newly allow if enforced? */
@Command(name = "impact", mixinStandardHelpOptions = true,
        description = "Staged impact on real traffic: the observed flows each staged policy (or --policy) would deny or newly allow if "
                + "enforced, from the records' pending traces and from the evaluator, with flows, bytes and packets per pair and the "
                + "deciding rule. Exit 0, or 1 when an observed flow would be denied.")
public final class FlowsImpactCommand implements Callable<Integer>, FormattedCommand {

    @Spec
    CommandSpec spec;

    @Mixin
    EvaluationOptions input;

    @Option(names = "--flow-logs", required = true, arity = "1..*", paramLabel = "FILE", description = "flow-log files (as for flows replay)")
    List<Path> flowLogs;

    @Option(names = "--policy", paramLabel = "NAME", description = "only this staged policy (NAME or NAMESPACE/NAME, without the tier prefix)")
    String policy;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws IOException {
        output.format(reporter());
        ImpactResult result = Impact.run(FlowsInput.of(input.load()), flowLogs, Optional.ofNullable(policy));
        output.print(spec, reporter(), result, result.cutsTraffic() ? "traffic would be cut" : "no observed flow cut");
        return result.cutsTraffic() ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    @Override
    public Reporter<ImpactResult> reporter() {
        return ImpactReport.REPORTER;
    }
}
