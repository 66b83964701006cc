package io.calicogitops.cli;

import io.calicogitops.diag.ExitCodes;
import io.calicogitops.evidence.EvaluatedSources;
import io.calicogitops.evidence.Evidence;
import io.calicogitops.evidence.EvidenceSources;
import io.calicogitops.evidence.EvidenceStatus;
import io.calicogitops.evidence.EvidenceTime;
import io.calicogitops.evidence.ExportRequest;
import io.calicogitops.evidence.ExportResult;
import io.calicogitops.evidence.LiveInput;
import io.calicogitops.signing.SigningKeys;
import io.calicogitops.version.BuildInfo;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code calico-gitops evidence export}: one cluster's PCI evidence over an interval, as a reproducible zip. Exit 0 when written. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a PCI evidence bundle (zip) for one cluster and an interval: desired state, commits, live "
                + "snapshot and drift report, history, ignore rules, PCI DSS mapping, index.html, SHA-256 manifest.")
public final class EvidenceExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions target;

    @Option(names = "--since", required = true, paramLabel = "DATE", description = "start of the interval: 2026-01-01 (UTC) or an instant")
    String since;

    @Option(names = "--until", required = true, paramLabel = "DATE", description = "end of the interval, inclusive: a date (its last second) or an instant")
    String until;

    @Option(names = "--ref", paramLabel = "REV", defaultValue = "HEAD",
            description = "the branch whose history is read (default: ${DEFAULT-VALUE}); the end commit is its last commit at or before --until")
    String ref;

    @Option(names = "--out", required = true, paramLabel = "FILE.zip", description = "the bundle to write")
    Path out;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    LiveSourceOptions source;

    @Option(names = "--ignore", paramLabel = "FILE", description = "ignore rules: applied to the drift report and listed in the bundle")
    Path ignore;

    @Option(names = "--generated-at", paramLabel = "TIME", description = "the generation time written in the manifest (default: now)")
    String generatedAt;

    @Option(names = "--fleet", paramLabel = "DIR",
            description = "the fleet folder: adds the segmentation check and network diagrams, with the profile's workloads, PCI label "
                    + "and exceptions, from Git and (with --live or --kubeconfig) from the live state")
    Path fleet;

    @Option(names = "--workloads", paramLabel = "PATH", arity = "1..*", description = "workload manifests for the segmentation check and diagrams")
    java.util.List<Path> workloads = java.util.List.of();

    @Option(names = "--flow-logs", paramLabel = "FILE", arity = "1..*",
            description = "Calico flow logs to replay against Git (with --fleet or --workloads): the bundle gets the replay summary")
    java.util.List<Path> flowLogs = java.util.List.of();

    @Option(names = "--sign-key", paramLabel = "KEY", description = "Ed25519 private key (PKCS#8 PEM) to sign the manifest with")
    Path signKey;

    @Override
    public Integer call() {
        if (source != null && source.inCluster) {
            throw new io.calicogitops.diag.UsageException("evidence export: --in-cluster is for audit; give --kubeconfig or --live");
        }
        if (!flowLogs.isEmpty() && fleet == null && workloads.isEmpty()) {
            throw new io.calicogitops.diag.UsageException("evidence export: --flow-logs needs the workloads: give --fleet or --workloads");
        }
        Optional<LiveInput> live = source == null ? Optional.empty()
                : source.isFiles() ? Optional.of(LiveInput.files(source.live))
                : Optional.of(LiveInput.cluster(source.kube.file(), source.context()));
        ExportRequest request = new ExportRequest(target.repo, target.cluster, ref, EvidenceTime.since(since), EvidenceTime.until(until),
                live, Optional.ofNullable(ignore),
                generatedAt == null ? EvidenceTime.now() : EvidenceTime.generatedAt(generatedAt), BuildInfo.current(),
                Optional.ofNullable(signKey).map(k -> SigningKeys.readPrivate(k, "--sign-key " + Paths.display(k))),
                fleet == null && workloads.isEmpty() ? EvidenceSources.standard()
                        : new EvaluatedSources(EvidenceSources.standard(), Optional.ofNullable(fleet), workloads, flowLogs), out);
        ExportResult result = new Evidence().export(request);
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "wrote %s (%d files, %,d bytes%s)%n", Paths.display(result.out()),
                result.manifest().files().size() + 1 + (result.signed() ? 1 : 0), result.size(), result.signed() ? ", signed" : "");
        o.printf("cluster %s, desired state at %s, interval %s .. %s%n", target.cluster, result.manifest().commits().end().substring(0, 12),
                request.since(), request.until());
        o.println("drift report: " + result.audit().map(a -> a.inSync() ? "in sync"
                : "DRIFT (" + a.worst().label() + ")").orElse("none (no --live or --kubeconfig)"));
        o.printf("PCI DSS: %d evidenced, %d partial, %d not met, %d not evidenced (see index.html)%n",
                result.pciStatuses().getOrDefault(EvidenceStatus.EVIDENCED, 0L),
                result.pciStatuses().getOrDefault(EvidenceStatus.PARTIAL, 0L),
                result.pciStatuses().getOrDefault(EvidenceStatus.NOT_MET, 0L),
                result.pciStatuses().getOrDefault(EvidenceStatus.NOT_EVIDENCED, 0L));
        o.println("manifest digest " + result.manifest().digest());
        o.flush();
        return ExitCodes.OK;
    }

}
