package io.calicogitops.cli;

import io.calicogitops.diag.ExitCodes;
import io.calicogitops.diag.UsageException;
import io.calicogitops.output.Reporter;
import io.calicogitops.policy.Diagram;
import io.calicogitops.query.LoadedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code calico-gitops diagram}: workloads by namespace and the flows the policies allow (PCI DSS 1.2.3 / 1.2.4). */
@Command(name = "diagram", mixinStandardHelpOptions = true,
        description = "Draw the workloads grouped by namespace, the external endpoints, and an arrow for every flow the "
                + "enforced policies allow, labelled with its ports: Graphviz dot, Mermaid, or a self-contained SVG.")
public final class DiagramCommand implements Callable<Integer>, FormattedCommand {

    @Spec
    CommandSpec spec;

    @Mixin
    EvaluationOptions input;

    @Mixin
    SourcePortOption sourcePorts;

    @Mixin
    OutputOptions output;

    @Option(names = "--flow-logs", paramLabel = "FILE", arity = "1..*",
            description = "observed Calico flow logs: mark each allowed flow used or never used, and draw denied attempts")
    java.util.List<Path> flowLogs = java.util.List.of();

    @Override
    public Integer call() throws IOException {
        output.format(reporter());
        sourcePorts.validate();
        LoadedModel loaded = input.load();
        if (loaded.model().inventory().workloads().isEmpty()) {
            throw new UsageException("no workloads to draw: give --workloads or --fleet");
        }
        Diagram allowed = Diagram.of(loaded.model(), loaded.model().compiled(), sourcePorts.resolve(loaded));
        if (flowLogs.isEmpty()) {
            output.print(spec, reporter(), allowed, allowed.edges().size() + " allowed flows drawn");
            return ExitCodes.OK;
        }
        io.calicogitops.flows.ObservedDiagram.Result observed =
                io.calicogitops.flows.ObservedDiagram.of(FlowsInput.of(loaded), allowed, flowLogs);
        output.print(spec, Diagram.reporter(d -> observed.text()), observed.diagram(),
                observed.diagram().edges().size() + " allowed flows drawn");
        return ExitCodes.OK;
    }

    @Override
    public Reporter<Diagram> reporter() {
        return Diagram.REPORTER;
    }
}
