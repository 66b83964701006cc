package io.calicogitops.cli;

import io.calicogitops.diag.ExitCodes;
import io.calicogitops.diag.UsageException;
import io.calicogitops.driftlog.DriftLog;
import io.calicogitops.driftlog.LogCheckpoint;
import io.calicogitops.driftlog.LogProblem;
import io.calicogitops.driftlog.VerifyOptions;
import io.calicogitops.driftlog.VerifyResult;
import io.calicogitops.git.GitRepo;
import io.calicogitops.signing.SigningKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * {@code calico-gitops log verify}: is the drift log complete and unaltered? Exit 0 valid, 1 broken, 3 a checkpoint
 * file that is not one.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check the drift log's hash chain, seq numbers and branch history; report every broken or missing link."
                + " With --public-key also every entry's signature; with --expect-at-least or --since-checkpoint also that"
                + " the newest entries were not dropped.")
public final class LogVerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--repo", required = true, paramLabel = "DIR", description = "the GitOps repository")
    Path repo;

    @Option(names = "--cluster", paramLabel = "NAME", description = "check only this cluster's entries (default: all)")
    String cluster;

    @Option(names = "--public-key", paramLabel = "FILE", description = "Ed25519 public key (X.509 PEM): every entry must be"
            + " signed with its private key ('audit --record --sign-key'); unsigned or wrongly signed entries are listed")
    Path publicKey;

    @Option(names = "--expect-at-least", paramLabel = "N", description = "each cluster checked must have an entry N or newer"
            + " (catches dropped newest entries)")
    Long expectAtLeast;

    @Option(names = "--since-checkpoint", paramLabel = "FILE", description = "a checkpoint from 'log checkpoint' (repeatable):"
            + " the log must still hold that exact entry; needs --public-key")
    List<Path> checkpoints = new ArrayList<>();

    @Override
    public Integer call() {
        if (!checkpoints.isEmpty() && publicKey == null) {
            throw new UsageException("--since-checkpoint needs --public-key: a checkpoint is only trusted with its signature checked");
        }
        SortedMap<String, LogCheckpoint> read = new TreeMap<>();
        checkpoints.forEach(file -> read.put(Paths.display(file), CheckpointFiles.read(file)));
        VerifyOptions options = new VerifyOptions(Optional.ofNullable(cluster),
                Optional.ofNullable(publicKey).map(k -> SigningKeys.readPublic(k, "--public-key " + Paths.display(k))),
                expectAtLeast == null ? OptionalLong.empty() : OptionalLong.of(expectAtLeast), read);
        VerifyResult result;
        try (GitRepo git = GitRepo.open(repo)) {
            result = new DriftLog().verify(git, options);
        }
        PrintWriter out = spec.commandLine().getOut();
        result.problems().stream().map(LogProblem::format).forEach(out::println);
        String scope = cluster == null ? "" : " of " + cluster;
        if (result.tip().isEmpty() && result.valid()) {
            out.println("ok: nothing recorded yet (no branch " + branch() + ")");
        } else if (result.valid()) {
            out.println("ok: drift log" + scope + " is intact: " + counts(result) + ", tip " + result.tip().get().substring(0, 12)
                    + "; " + signatures(result));
        } else {
            int n = result.problems().size();
            out.println("broken: drift log" + scope + " has " + n + (n == 1 ? " problem" : " problems") + " (" + counts(result)
                    + "; " + signatures(result) + "); first: " + result.firstProblem().orElseThrow().format());
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

    /** Says plainly when signatures were not checked: an intact chain alone does not rule out a consistent forgery. */
    private static String signatures(VerifyResult r) {
        if (r.signaturesChecked()) {
            long bad = r.problems().stream().filter(p -> p.kind() == LogProblem.Kind.UNSIGNED
                    || p.kind() == LogProblem.Kind.BAD_SIGNATURE).count();
            return bad == 0 ? "every entry signed with the public key"
                    : bad + (bad == 1 ? " entry" : " entries") + " not signed with the public key";
        }
        return "signatures not checked (" + r.signedEntries() + " of " + r.totalEntries()
                + " entries signed; give --public-key to check them)";
    }

    private static String branch() {
        return DriftLog.BRANCH.substring("refs/heads/".length());
    }
}
