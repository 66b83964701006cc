package io.calicogitops.cli;

import io.calicogitops.diag.Diagnostic;
import io.calicogitops.diag.ExitCodes;
import io.calicogitops.diag.UsageException;
import io.calicogitops.git.GitCredentials;
import io.calicogitops.git.PushResult;
import io.calicogitops.git.UnifiedDiff;
import io.calicogitops.render.Generator;
import io.calicogitops.render.RenderSummary;
import io.calicogitops.render.RepoUpdate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code calico-gitops render}: render the fleet into cluster folders of a Git repository and commit once. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render every cluster of the fleet into clusters/<name>/ of a Git repository, validated, as one commit.")
public final class RenderCommand implements Callable<Integer> {

    private static final String REMOTE = "origin";

    @Spec
    CommandSpec spec;

    @Option(names = "--fleet", required = true, paramLabel = "DIR", description = "folder of cluster profiles (*.yaml)")
    Path fleet;

    @Option(names = "--repo", required = true, paramLabel = "DIR",
            description = "Git repository to write (created when absent or empty)")
    Path repo;

    @Option(names = "--cluster", paramLabel = "NAME", description = "render only this cluster (repeatable)")
    List<String> clusters = new ArrayList<>();

    @Option(names = "--message", paramLabel = "TEXT", description = "subject line of the commit")
    String message;

    @Option(names = "--dry-run", description = "print what would change, as a diff, and write nothing; exit 1 when something would change, 0 when nothing")
    boolean dryRun;

    @Option(names = "--push", description = "push the branch to the remote 'origin' after committing (HTTPS token from "
            + "$" + GitCredentials.TOKEN_VARIABLE + "); a rejected push keeps the local commit and exits 4")
    boolean push;

    @Mixin
    PackOptions packs = new PackOptions();

    @Mixin
    ProgressOption progress = new ProgressOption();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (push && dryRun) {
            throw new UsageException("--push and --dry-run exclude each other: a dry run commits nothing to push");
        }
        Generator.RenderResult result = new Generator().render(new Generator.RenderRequest(fleet,
                packs.templates(), packs.overlays(), clusters, Paths::display), progress.on(err));
        result.warnings().stream().map(Diagnostic::format).forEach(err::println);
        RepoUpdate update = RepoUpdate.write(result, repo, clusters.isEmpty(), dryRun, message);
        RenderSummary.print(out, result.clusters(), update.changes());
        if (dryRun) {
            update.changes().forEach(c -> out.print(UnifiedDiff.of(c)));
            out.println(update.changes().isEmpty() ? "dry run: no changes"
                    : "dry run: " + update.changes().size() + " files would change; nothing written");
            // As kubectl diff: 1 when something would change, so CI can ask "is Git behind the fleet?".
            return update.changes().isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
        }
        out.println(update.commitId()
                .map(id -> "committed " + id.substring(0, 12) + ": " + update.changes().size() + " files in " + Paths.display(repo))
                .orElse("no changes: " + Paths.display(repo) + " already matches the fleet"));
        if (push) {
            out.flush();
            PushResult pushed = RepoUpdate.push(repo, REMOTE, GitCredentials.fromEnvironment(System.getenv()));
            String branch = pushed.remoteRef().substring("refs/heads/".length());
            out.println(pushed.status() == PushResult.Status.UP_TO_DATE ? REMOTE + " already has " + branch
                    : "pushed " + branch + " to " + REMOTE);
        }
        return 0;
    }
}
