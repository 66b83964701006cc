package io.calicogitops.cli;

import io.calicogitops.diag.ExitCodes;
import io.calicogitops.diag.UsageException;
import io.calicogitops.flows.Replay;
import io.calicogitops.flows.ReplayReport;
import io.calicogitops.flows.ReplayResult;
import io.calicogitops.output.Reporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code calico-gitops flows replay}: does every observed flow-log record agree with the policies in Git? */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replay observed flow-log records against the policies in Git: rebuild each record's endpoints, evaluate the flow, "
                + "and compare the recorded verdict, trace and staged re-evaluation for the record's side. "
                + "Exit 0 when every record agrees, 1 when any disagrees, 3 on malformed input.")
public final class FlowsReplayCommand implements Callable<Integer>, FormattedCommand {

    @Spec
    CommandSpec spec;

    @Mixin
    EvaluationOptions input;

    @Option(names = "--flow-logs", required = true, arity = "1..*", paramLabel = "FILE",
            description = "flow-log files: JSON lines, a JSON array, an Elasticsearch search response or Whisker/Goldmane JSON, gzip or not")
    List<Path> flowLogs;

    @Option(names = "--skip-malformed", description = "count and list malformed records instead of failing with exit 3")
    boolean skipMalformed;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws IOException {
        output.format(reporter());
        ReplayResult result = Replay.run(FlowsInput.of(input.load()), flowLogs, skipMalformed);
        output.print(spec, reporter(), result, result.agrees() ? "agrees" : "disagrees");
        return result.agrees() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    @Override
    public Reporter<ReplayResult> reporter() {
        return ReplayReport.REPORTER;
    }
}
