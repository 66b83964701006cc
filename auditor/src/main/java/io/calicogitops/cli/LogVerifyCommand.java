package io.calicogitops.cli;

import io.calicogitops.diag.ExitCodes;
import io.calicogitops.driftlog.DriftLog;
import io.calicogitops.driftlog.LogProblem;
import io.calicogitops.driftlog.VerifyResult;
import io.calicogitops.git.GitRepo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code calico-gitops log verify}: is the drift log complete and unaltered? Exit 0 valid, 1 broken. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check the drift log's hash chain, seq numbers and branch history; report every broken or missing link.")
public final class LogVerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--repo", required = true, paramLabel = "DIR", description = "the GitOps repository")
    Path repo;

    @Option(names = "--cluster", paramLabel = "NAME", description = "check only this cluster's entries (default: all)")
    String cluster;

    @Override
    public Integer call() {
        VerifyResult result;
        try (GitRepo git = GitRepo.open(repo)) {
            result = new DriftLog().verify(git, Optional.ofNullable(cluster));
        }
        PrintWriter out = spec.commandLine().getOut();
        result.problems().stream().map(LogProblem::format).forEach(out::println);
        String scope = cluster == null ? "" : " of " + cluster;
        if (result.tip().isEmpty()) {
            out.println("ok: nothing recorded yet (no branch " + branch() + ")");
        } else if (result.valid()) {
            out.println("ok: drift log" + scope + " is intact: " + counts(result) + ", tip " + result.tip().get().substring(0, 12));
        } else {
            int n = result.problems().size();
            out.println("broken: drift log" + scope + " has " + n + (n == 1 ? " problem" : " problems") + " (" + counts(result)
                    + "); first: " + result.firstProblem().orElseThrow().format());
        }
        out.flush();
        return result.valid() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    private static String counts(VerifyResult r) {
        StringBuilder b = new StringBuilder().append(r.totalEntries()).append(r.totalEntries() == 1 ? " entry" : " entries");
        if (!r.entries().isEmpty()) {
            b.append(" (");
            r.entries().forEach((c, n) -> b.append(b.charAt(b.length() - 1) == '(' ? "" : ", ").append(c).append(' ').append(n));
            b.append(')');
        }
        return b.append(" in ").append(r.commits()).append(r.commits() == 1 ? " commit" : " commits").toString();
    }

    private static String branch() {
        return DriftLog.BRANCH.substring("refs/heads/".length());
    }
}
