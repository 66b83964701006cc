package io.calicogitops.cli;

import io.calicogitops.diag.ExitCodes;
import io.calicogitops.importer.ImportRequest;
import io.calicogitops.importer.ImportResult;
import io.calicogitops.importer.ImportTable;
import io.calicogitops.importer.Importer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code calico-gitops import}: bring a hand-built cluster into Git, as a profile and an imported pack, and commit it. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Bring a cluster built by hand into Git: read its live Calico objects, write a profile whose packs"
                + " reproduce what they can and a pack imported-<cluster> holding every other object verbatim, render,"
                + " commit, and audit that commit against the same live state. Exit 0 when that audit is clean.")
public final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--cluster", required = true, paramLabel = "NAME", description = "name of the cluster's profile and folder")
    String cluster;

    /** No source named: the kubeconfig by kubectl's rules ({@code KUBECONFIG}, else {@code ~/.kube/config}). */
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    LiveSourceOptions source;

    @Option(names = "--fleet", required = true, paramLabel = "DIR", description = "folder of cluster profiles to add the profile to")
    Path fleet;

    @Option(names = "--repo", required = true, paramLabel = "DIR", description = "Git repository to render into (created when absent or empty)")
    Path repo;

    @Option(names = "--provider", paramLabel = "EKS|AKS", defaultValue = "EKS", description = "the profile's provider (default: ${DEFAULT-VALUE})")
    String provider;

    @Option(names = "--force", description = "replace an existing profile and imported pack of this cluster")
    boolean force;

    @Option(names = "--adopt-names", description = "take a pack that renders a live object under another name, keeping the"
            + " live name for this cluster (profile key adoptNames) instead of offering the rename")
    boolean adoptNames;

    @Override
    public Integer call() {
        LiveSourceOptions from = source == null ? LiveSourceOptions.kubeconfigDefaults() : source;
        ImportResult result = new Importer().run(new ImportRequest(cluster, from.reader(), fleet, repo, provider, force,
                adoptNames, Paths::display));
        PrintWriter out = spec.commandLine().getOut();
        out.print(ImportTable.text(result));
        out.flush();
        return result.audit().inSync() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }
}
