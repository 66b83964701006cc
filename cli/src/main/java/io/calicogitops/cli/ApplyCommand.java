package io.calicogitops.cli;

import io.calicogitops.apply.Applier;
import io.calicogitops.apply.ApplyJsonReport;
import io.calicogitops.apply.ApplyRequest;
import io.calicogitops.apply.ApplyResult;
import io.calicogitops.apply.ApplyStrategy;
import io.calicogitops.apply.ApplyTextReport;
import io.calicogitops.apply.KubeClusterWriter;
import io.calicogitops.apply.StepResult;
import io.calicogitops.apply.StepStatus;
import io.calicogitops.audit.live.KubeLiveReader;
import io.calicogitops.diag.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code calico-gitops apply}: rolls a cluster out to the cluster folder at a commit. Exit 0 when applied (or nothing
 * to do), 4 when a write failed (apply stops there and reports what was and was not applied); with {@code --dry-run}
 * 1 when something would change.
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Apply clusters/<name>/ at a commit to the cluster in dependency order, stamping each object with the"
                + " commit; --prune deletes what it manages that the commit no longer holds; --dry-run shows the audit's diff.")
public final class ApplyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--repo", required = true, paramLabel = "DIR", description = "the GitOps repository")
    Path repo;

    @Option(names = "--cluster", required = true, paramLabel = "NAME", description = "the cluster folder to apply")
    String cluster;

    @Option(names = "--ref", paramLabel = "REV", defaultValue = "HEAD", description = "commit, branch or tag (default: ${DEFAULT-VALUE}); an older ref rolls back")
    String ref;

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "kubeconfig file (default: KUBECONFIG, ~/.kube/config, or in-cluster)")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", description = "kubeconfig context (default: current)")
    String context;

    @Option(names = "--strategy", paramLabel = "STRATEGY", defaultValue = "update",
            description = "update (create, else replace against the read resourceVersion; default) or server-side (server-side apply)")
    String strategy;

    @Option(names = "--dry-run", description = "write nothing; print the changes apply would make, with the audit's sentences and patches")
    boolean dryRun;

    @Option(names = "--prune", description = "delete objects stamped as managed for this cluster that the commit no longer holds")
    boolean prune;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    String format;

    @Override
    public Integer call() throws IOException {
        ApplyStrategy chosen;
        try {
            chosen = ApplyStrategy.parse(strategy);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--strategy: " + e.getMessage());
        }
        if (!format.equals("text") && !format.equals("json")) {
            throw new UsageException("--format: unknown format '" + format + "' (expected text or json)");
        }
        ApplyResult result;
        try (KubeClusterWriter writer = new KubeClusterWriter(Optional.ofNullable(kubeconfig), Optional.ofNullable(context))) {
            KubeLiveReader reader = new KubeLiveReader(Optional.ofNullable(kubeconfig), Optional.ofNullable(context));
            result = new Applier().apply(new ApplyRequest(repo, cluster, ref, reader, writer, chosen, dryRun, prune));
        }
        Writer out = spec.commandLine().getOut();
        if (format.equals("json")) {
            ApplyJsonReport.write(result, out);
        } else {
            ApplyTextReport.write(result, out);
        }
        if (result.failure().isPresent()) {
            StepResult failed = result.steps().stream().filter(s -> s.status() == StepStatus.FAILED).findFirst().orElseThrow();
            spec.commandLine().getErr().println("error: apply stopped at " + failed.change().describe() + ": "
                    + result.failure().get());
            spec.commandLine().getErr().flush();
        }
        return result.exitCode();
    }
}
