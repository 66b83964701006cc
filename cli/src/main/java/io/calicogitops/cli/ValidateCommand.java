package io.calicogitops.cli;

import io.calicogitops.diag.Diagnostic;
import io.calicogitops.diag.ExitCodes;
import io.calicogitops.diag.InvalidInputException;
import io.calicogitops.output.OutputFormat;
import io.calicogitops.output.Reporter;
import io.calicogitops.policy.RenderedLint;
import io.calicogitops.render.ClusterRender;
import io.calicogitops.render.Generator;
import io.calicogitops.render.ValidateReport;
import io.calicogitops.version.BuildInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code calico-gitops validate}: every check of a render, without writing anything. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Render and check the fleet (profiles, templates, overlays, CRD schemas, selectors, tiers) without writing.")
public final class ValidateCommand implements Callable<Integer>, FormattedCommand {

    @Spec
    CommandSpec spec;

    @Option(names = "--fleet", required = true, paramLabel = "DIR", description = "folder of cluster profiles (*.yaml)")
    Path fleet;

    @Option(names = "--cluster", paramLabel = "NAME", description = "check only this cluster (repeatable)")
    List<String> clusters = new ArrayList<>();

    @Mixin
    PackOptions packs = new PackOptions();

    @Option(names = "--strict", description = "exit 1 when lint finds anything (lint warnings alone keep exit 0)")
    boolean strict;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws IOException {
        OutputFormat format = output.format(reporter());
        String version = BuildInfo.current().version();
        Generator.RenderResult result;
        try {
            result = new Generator().render(new Generator.RenderRequest(fleet,
                    packs.templates(), packs.overlays(), clusters, Paths::display));
        } catch (InvalidInputException e) {
            // Machine formats carry the errors too (a SARIF upload shows them on the lines); stderr gets them as always.
            if (format != OutputFormat.TEXT) {
                output.print(spec, reporter(), new ValidateReport(List.of(), e.diagnostics(), e.phase(), List.of(), List.of(),
                        version), "invalid");
            }
            throw e;
        }
        result.warnings().stream().map(Diagnostic::format).forEach(spec.commandLine().getErr()::println);
        List<Diagnostic> lint = new ArrayList<>();
        for (ClusterRender c : result.clusters()) {
            Path workloads = c.profile().workloads() == null ? null : fleet.resolve(c.profile().workloads()).normalize();
            lint.addAll(RenderedLint.lint(c.folder(), c.files(), workloads, Set.of(c.profile().quarantineLabel())));
        }
        lint.stream().map(Diagnostic::format).forEach(spec.commandLine().getErr()::println);
        List<ValidateReport.Cluster> rendered = result.clusters().stream()
                .map(c -> new ValidateReport.Cluster(c.profile().name(), c.resources().size())).toList();
        output.print(spec, reporter(), new ValidateReport(rendered, List.of(), "", result.warnings(), lint, version), "valid");
        return strict && !lint.isEmpty() ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    @Override
    public Reporter<ValidateReport> reporter() {
        return ValidateReport.REPORTER;
    }
}
