package io.calicogitops.cli;

import io.calicogitops.diag.ExitCodes;
import io.calicogitops.output.Reporter;
import io.calicogitops.query.LoadedModel;
import io.calicogitops.query.Segmentation;
import io.calicogitops.query.SegmentationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.concurrent.Callable;

/** {@code calico-gitops check segmentation}: no flow between in-scope and out-of-scope workloads but the listed ones. */
@Command(name = "segmentation", mixinStandardHelpOptions = true,
        description = "Prove that no flow is allowed between in-scope workloads (label, default the profile's PCI label = \"true\") "
                + "and the others, in either direction, on any port the destination declares, except the profile's "
                + "segmentation.allowedFlows; print counter-examples with traces. A flow allowed from any source port of the "
                + "client's range counts. Exit 0 holds, 1 violated.")
public final class CheckSegmentationCommand implements Callable<Integer>, FormattedCommand {

    @Spec
    CommandSpec spec;

    @Mixin
    EvaluationOptions input;

    @Mixin
    SourcePortOption sourcePorts;

    @Option(names = "--label", paramLabel = "KEY[=VALUE]", description = "the in-scope label (default: the profile's segmentation.label, else pci.label, else PCI; value true)")
    String label;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws IOException {
        output.format(reporter());
        sourcePorts.validate();
        LoadedModel loaded = input.load();
        SegmentationReport report = Segmentation.check(loaded, label, sourcePorts.resolve(loaded));
        output.print(spec, reporter(), report, report.result().holds() ? "holds" : "violated");
        return report.result().holds() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    @Override
    public Reporter<SegmentationReport> reporter() {
        return SegmentationReport.REPORTER;
    }
}
