package io.calicogitops.cli;

import io.calicogitops.query.EvaluationInput;
import io.calicogitops.query.EvaluationRequest;
import io.calicogitops.query.LoadedModel;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Where the evaluator's input comes from, shared by reach, check segmentation, diagram, lint and matrix. */
final class EvaluationOptions {

    @Mixin
    ClusterOptions target;

    @Mixin
    RefOption at;

    @Option(names = "--fleet", paramLabel = "DIR",
            description = "the fleet folder: the cluster's profile gives the default workloads, the PCI label and the segmentation exceptions")
    Path fleet;

    @Option(names = "--workloads", paramLabel = "PATH", arity = "1..*",
            description = "Kubernetes manifests (files or folders): Pods, Deployments, StatefulSets, DaemonSets, Jobs, CronJobs, "
                    + "Namespaces, ServiceAccounts, Services (default: the profile's workloads folder)")
    List<Path> workloads = List.of();

    @Option(names = "--external", paramLabel = "NAME=IP[,DOMAIN]", arity = "1..*",
            description = "an endpoint outside the cluster, by IP and/or DNS name (for the diagram and --from/--to by name)")
    List<String> externals = List.of();

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    LiveSourceOptions live;

    LoadedModel load() {
        return EvaluationInput.load(new EvaluationRequest(target.repo, target.cluster, at.ref, workloads, Optional.ofNullable(fleet),
                live == null ? Optional.empty() : Optional.of(live.reader()), live == null ? "" : live.describe(),
                live != null && live.isFiles() ? live.live : List.of(), externals));
    }
}
