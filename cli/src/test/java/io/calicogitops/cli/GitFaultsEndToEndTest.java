package io.calicogitops.cli;

import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.calicogitops.cli.CliRun.copySampleFleet;
import static io.calicogitops.cli.CliRun.files;
import static io.calicogitops.cli.CliRun.sampleFleet;
import static io.calicogitops.cli.CliRun.sampleRepo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Repositories in states the commands must refuse, as the user sees it: exit 4, one clear line, nothing written. */
class GitFaultsEndToEndTest {

    @TempDir
    Path tmp;

    @Test
    void everyCommand_onAFolderThatIsNotAGitRepository_exits4() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("notes"));
        Files.writeString(folder.resolve("todo.txt"), "buy milk\n");
        String live = sampleRepo().resolve("live/eks-dev.yaml").toString();

        List<CliRun> runs = List.of(
                CliRun.of("render", "--fleet", sampleFleet(), "--repo", folder.toString()),
                CliRun.of("audit", "--repo", folder.toString(), "--cluster", "eks-dev", "--live", live),
                CliRun.of("audit", "--repo", folder.toString(), "--cluster", "eks-dev", "--live", live, "--record"),
                CliRun.of("history", "--repo", folder.toString(), "--cluster", "eks-dev"),
                CliRun.of("log", "verify", "--repo", folder.toString()));

        for (CliRun run : runs) {
            assertEquals(4, run.exitCode(), run.transcript());
            assertTrue(run.err().contains("not a Git repository: " + folder), run.transcript());
            assertTrue(!run.out().toLowerCase().contains("in sync"), run.transcript());
        }
        assertEquals(java.util.Set.of("todo.txt"), java.util.Set.copyOf(files(folder)), "nothing was written");
    }

    @Test
    void render_onADetachedHead_exits4AndLeavesTheRepositoryAsItWas() throws Exception {
        Path repo = tmp.resolve("gitops");
        assertEquals(0, CliRun.of("render", "--fleet", sampleFleet(), "--repo", repo.toString()).exitCode());
        try (Git git = Git.open(repo.toFile())) {
            git.checkout().setName(git.getRepository().resolve("HEAD").name()).call();
        }
        Path fleet = copySampleFleet(tmp.resolve("sample"));
        Path profile = fleet.resolve("eks-dev.yaml");
        Files.writeString(profile, Files.readString(profile).replace("flowFlushInterval: 15s", "flowFlushInterval: 30s"));
        var before = files(repo);

        CliRun run = CliRun.of("render", "--fleet", fleet.toString(), "--repo", repo.toString());

        assertEquals(4, run.exitCode(), run.transcript());
        assertTrue(run.err().startsWith("error: HEAD is detached in " + repo + ": nothing was written\n"
                + "    hint: check out a branch first"), run.transcript());
        assertEquals(before, files(repo));
        try (Git git = Git.open(repo.toFile())) {
            assertTrue(git.status().call().isClean());
        }
    }
}
