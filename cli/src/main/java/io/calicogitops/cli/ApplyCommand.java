package io.calicogitops.cli;

import io.calicogitops.apply.Applier;
import io.calicogitops.apply.ApplyReporters;
import io.calicogitops.apply.ApplyRequest;
import io.calicogitops.apply.ApplyResult;
import io.calicogitops.apply.ApplyStrategy;
import io.calicogitops.apply.KubeClusterWriter;
import io.calicogitops.apply.StepResult;
import io.calicogitops.apply.StepStatus;
import io.calicogitops.audit.live.KubeLiveReader;
import io.calicogitops.diag.UsageException;
import io.calicogitops.output.Reporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.concurrent.Callable;

/**
 * {@code calico-gitops apply}: rolls a cluster out to the cluster folder at a commit. Exit 0 when applied (or nothing
 * to do), 4 when a write failed (apply stops there and reports what was and was not applied); with {@code --dry-run}
 * 1 when something would change.
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Apply clusters/<name>/ at a commit to the cluster in dependency order, stamping each object with the"
                + " commit; --prune deletes what it manages that the commit no longer holds; --dry-run shows the audit's diff.")
public final class ApplyCommand implements Callable<Integer>, FormattedCommand {

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions target;

    /** An older ref rolls the cluster back. */
    @Mixin
    RefOption at;

    @Mixin
    KubeconfigOptions kube;

    @Option(names = "--strategy", paramLabel = "STRATEGY", defaultValue = "update",
            description = "update (create, else replace against the read resourceVersion; default) or server-side (server-side apply)")
    String strategy;

    @Option(names = "--dry-run", description = "write nothing; print the changes apply would make, with the audit's sentences and patches")
    boolean dryRun;

    @Option(names = "--prune", description = "delete objects stamped as managed for this cluster that the commit no longer holds")
    boolean prune;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws IOException {
        ApplyStrategy chosen;
        try {
            chosen = ApplyStrategy.parse(strategy);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--strategy: " + e.getMessage());
        }
        output.format(reporter());
        ApplyResult result;
        try (KubeClusterWriter writer = new KubeClusterWriter(kube.file(), kube.contextName())) {
            KubeLiveReader reader = new KubeLiveReader(kube.file(), kube.contextName());
            result = new Applier().apply(new ApplyRequest(target.repo, target.cluster, at.ref, reader, writer, chosen, dryRun, prune));
        }
        output.print(spec, reporter(), result, result.failure().isPresent() ? "failed" : "applied");
        if (result.failure().isPresent()) {
            StepResult failed = result.steps().stream().filter(s -> s.status() == StepStatus.FAILED).findFirst().orElseThrow();
            spec.commandLine().getErr().println("error: apply stopped at " + failed.change().describe() + ": "
                    + result.failure().get());
            spec.commandLine().getErr().flush();
        }
        return result.exitCode();
    }

    @Override
    public Reporter<io.calicogitops.apply.ApplyResult> reporter() {
        return ApplyReporters.REPORTER;
    }
}
