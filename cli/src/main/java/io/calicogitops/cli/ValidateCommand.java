package io.calicogitops.cli;

import io.calicogitops.diag.Diagnostic;
import io.calicogitops.policy.RenderedLint;
import io.calicogitops.render.ClusterRender;
import io.calicogitops.render.Generator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code calico-gitops validate}: every check of a render, without writing anything. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Render and check the fleet (profiles, templates, overlays, CRD schemas, selectors, tiers) without writing.")
public final class ValidateCommand implements Callable<Integer> {

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

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Generator.RenderResult result = new Generator().render(new Generator.RenderRequest(fleet,
                packs.templates(), packs.overlays(), clusters, Paths::display));
        result.warnings().stream().map(Diagnostic::format).forEach(spec.commandLine().getErr()::println);
        int resources = result.clusters().stream().mapToInt(c -> c.resources().size()).sum();
        for (ClusterRender c : result.clusters()) {
            out.printf("ok  %-20s %4d resources%n", c.profile().name(), c.resources().size());
        }
        out.printf("valid: %d %s, %d resources, %d %s%n", result.clusters().size(),
                result.clusters().size() == 1 ? "cluster" : "clusters", resources, result.warnings().size(),
                result.warnings().size() == 1 ? "warning" : "warnings");
        List<Diagnostic> lint = new ArrayList<>();
        for (ClusterRender c : result.clusters()) {
            Path workloads = c.profile().workloads() == null ? null : fleet.resolve(c.profile().workloads()).normalize();
            lint.addAll(RenderedLint.lint(c.folder(), c.files(), workloads, Set.of(c.profile().quarantineLabel())));
        }
        lint.stream().map(Diagnostic::format).forEach(spec.commandLine().getErr()::println);
        out.printf("lint: %d %s (calico-gitops lint; codes in docs/policy-questions.md)%n", lint.size(), lint.size() == 1 ? "finding" : "findings");
        return strict && !lint.isEmpty() ? 1 : 0;
    }
}
