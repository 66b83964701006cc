package io.calicogitops.cli;

import io.calicogitops.diag.ExitCodes;
import io.calicogitops.diag.UsageException;
import io.calicogitops.flows.Replay;
import io.calicogitops.flows.ReplayReport;
import io.calicogitops.flows.ReplayResult;
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
public final class FlowsReplayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    EvaluationOptions input;

    @Option(names = "--flow-logs", required = true, arity = "1..*", paramLabel = "FILE",
            description = "flow-log files: JSON lines, a JSON array, an Elasticsearch search response or Whisker/Goldmane JSON, gzip or not")
    List<Path> flowLogs;

    @Option(names = "--skip-malformed", description = "count and list malformed records instead of failing with exit 3")
    boolean skipMalformed;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, json, html or junit (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--output", paramLabel = "FILE", description = "write the report here instead of stdout")
    Path output;

    @Override
    public Integer call() throws IOException {
        if (!ReplayReport.FORMATS.contains(format)) {
            throw new UsageException("--format: expected text, json, html or junit (got '" + format + "')");
        }
        ReplayResult result = Replay.run(FlowsInput.of(input.load()), flowLogs, skipMalformed);
        String rendered = new ReplayReport(result).render(format);
        OutputFile.write(spec, output, "replay report", w -> w.write(rendered));
        return result.agrees() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }
}
