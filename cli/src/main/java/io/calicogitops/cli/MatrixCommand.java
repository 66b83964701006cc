package io.calicogitops.cli;

import io.calicogitops.diag.ExitCodes;
import io.calicogitops.diag.UsageException;
import io.calicogitops.output.Reporter;
import io.calicogitops.policy.ConnectivityMatrix;
import io.calicogitops.policy.Evaluator;
import io.calicogitops.policy.SourcePorts;
import io.calicogitops.query.LoadedModel;
import io.calicogitops.query.MatrixView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.concurrent.Callable;

/** {@code calico-gitops matrix}: the full connectivity matrix of a cluster's workloads. */
@Command(name = "matrix", mixinStandardHelpOptions = true,
        description = "Evaluate every ordered pair of workloads on every port the destination declares (containers and "
                + "Services): text (summary and allowed flows), json or csv (every cell).")
public final class MatrixCommand implements Callable<Integer>, FormattedCommand {

    @Spec
    CommandSpec spec;

    @Mixin
    EvaluationOptions input;

    @Mixin
    SourcePortOption sourcePorts;

    @Mixin
    OutputOptions output;

    @Option(names = "--sources", hidden = true, paramLabel = "N", description = "only the first N workloads as sources (benchmarks)")
    Integer sources;

    @Option(names = "--engine", hidden = true, defaultValue = "compiled", description = "compiled or reference")
    String engine;

    @Override
    public Integer call() throws IOException {
        output.format(reporter());
        if (!engine.matches("compiled|reference")) {
            throw new UsageException("--engine: expected compiled or reference (got '" + engine + "')");
        }
        sourcePorts.validate();
        LoadedModel loaded = input.load();
        Evaluator evaluator = engine.equals("compiled") ? loaded.model().compiled() : loaded.model().reference();
        SourcePorts ports = sourcePorts.resolve(loaded);
        ConnectivityMatrix.Result matrix = ConnectivityMatrix.compute(loaded.model(), evaluator, sources == null ? Integer.MAX_VALUE : sources,
                ports);
        output.print(spec, reporter(), new MatrixView(loaded, matrix, ports), matrix.cells().size() + " cells, " + matrix.allowedCount() + " allowed"
                        + (matrix.dependsCount() == 0 ? "" : ", " + matrix.dependsCount() + " depending on the source port"));
        return ExitCodes.OK;
    }

    @Override
    public Reporter<MatrixView> reporter() {
        return MatrixView.REPORTER;
    }
}
