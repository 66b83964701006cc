package io.calicogitops.cli;

import io.calicogitops.diag.Diagnostic;
import io.calicogitops.diag.ExitCodes;
import io.calicogitops.output.Reporter;
import io.calicogitops.policy.Linter;
import io.calicogitops.query.LintReport;
import io.calicogitops.query.LoadedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code calico-gitops lint}: what Calico accepts but is almost always a mistake, as compiler-style warnings. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = "Warn about policies Calico accepts but that are almost always mistakes (codes CG-L001..CG-L007, see "
                + "docs/policy-questions.md): a non-default tier policy without trailing Pass, shadowed rules, selectors that "
                + "match no workload, staged policies that would deny allowed traffic, equal orders in a tier, labels no workload "
                + "carries, rules for a direction types leaves out. "
                + "Exit 0, or 1 with --strict when there are findings.")
public final class LintCommand implements Callable<Integer>, FormattedCommand {

    @Spec
    CommandSpec spec;

    @Mixin
    EvaluationOptions input;

    @Option(names = "--strict", description = "exit 1 when there is any finding")
    boolean strict;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws IOException {
        output.format(reporter());
        LoadedModel loaded = input.load();
        Set<String> dormant = loaded.profile().map(p -> Set.of(p.quarantineLabel())).orElse(Set.of("quarantine"));
        List<Diagnostic> findings = new Linter(loaded.model(), dormant).run();
        String note = loaded.model().inventory().workloads().isEmpty()
                ? "no workloads given: CG-L003, CG-L004 and CG-L006 need --workloads or --fleet" : "";
        output.print(spec, reporter(), new LintReport(findings, loaded.policySource(), note), findings.size() + " warnings");
        return strict && !findings.isEmpty() ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    @Override
    public Reporter<LintReport> reporter() {
        return LintReport.REPORTER;
    }
}
