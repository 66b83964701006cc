package io.calicogitops.cli;

import io.calicogitops.diag.ExitCodes;
import io.calicogitops.diag.UsageException;
import io.calicogitops.driftlog.CheckpointResult;
import io.calicogitops.driftlog.DriftLog;
import io.calicogitops.driftlog.LogCheckpoint;
import io.calicogitops.driftlog.LogProblem;
import io.calicogitops.git.GitRepo;
import io.calicogitops.signing.SigningKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code calico-gitops log checkpoint}: a signed note of a cluster's newest drift-log entry, to keep outside the
 * repository and hand to {@code log verify --since-checkpoint}. Exit 0 written, 1 the log is broken or empty (nothing
 * written).
 */
@Command(name = "checkpoint", mixinStandardHelpOptions = true,
        description = "Verify a cluster's drift log and write a signed checkpoint of its newest entry (seq and hash). Keep it"
                + " outside the repository; 'log verify --since-checkpoint' then finds dropped or re-forged entries.")
public final class LogCheckpointCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions target;

    @Option(names = "--sign-key", required = true, paramLabel = "FILE",
            description = "Ed25519 private key (PKCS#8 PEM), the one the recorder signs entries with")
    Path signKey;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write the checkpoint")
    Path out;

    @Override
    public Integer call() {
        var key = SigningKeys.readPrivate(signKey, "--sign-key " + Paths.display(signKey));
        CheckpointResult result;
        try (GitRepo git = GitRepo.open(target.repo)) {
            result = new DriftLog().checkpoint(git, target.cluster, key);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        if (result.checkpoint().isEmpty()) {
            result.verified().problems().stream().map(LogProblem::format).forEach(stdout::println);
            stdout.println(result.verified().valid() ? "no checkpoint written: the drift log has no entry of " + target.cluster
                    : "no checkpoint written: the drift log of " + target.cluster + " is broken (" + result.verified().problems().size()
                    + " problems, see above)");
            stdout.flush();
            return ExitCodes.FINDINGS;
        }
        LogCheckpoint c = result.checkpoint().get();
        try {
            Path parent = out.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.write(out, c.fileBytes());
        } catch (IOException e) {
            throw new UsageException("--out " + Paths.display(out) + ": cannot write it (" + e.getClass().getSimpleName() + ")");
        }
        stdout.println("wrote checkpoint " + Paths.display(out) + ": " + c.cluster() + " entry " + c.seq() + " (hash "
                + c.hash().substring(0, 12) + ", " + c.time() + "); keep it outside the repository");
        stdout.flush();
        return ExitCodes.OK;
    }
}
