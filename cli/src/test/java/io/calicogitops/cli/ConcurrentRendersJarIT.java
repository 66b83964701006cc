package io.calicogitops.cli;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static io.calicogitops.cli.CliRun.copySampleFleet;
import static io.calicogitops.cli.CliRun.projectRoot;
import static io.calicogitops.cli.CliRun.sampleFleet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two {@code calico-gitops render} processes on one repository at the same time: both commits land, nothing is lost. */
class ConcurrentRendersJarIT {

    @TempDir
    Path tmp;

    @Test
    void twoRenderProcessesOfDifferentClusters_bothCommitAndTheTreeHoldsBothChanges() throws Exception {
        Path repo = tmp.resolve("gitops");
        assertEquals(0, CliRun.of("render", "--fleet", sampleFleet(), "--repo", repo.toString()).exitCode());
        Path fleet = copySampleFleet(tmp.resolve("sample"));
        edit(fleet.resolve("eks-dev.yaml"), "flowFlushInterval: 15s", "flowFlushInterval: 30s");
        edit(fleet.resolve("aks-dev.yaml"), "flowFlushInterval: 15s", "flowFlushInterval: 45s");

        Process eks = start(repo, fleet, "eks-dev");
        Process aks = start(repo, fleet, "aks-dev");

        for (Process p : List.of(eks, aks)) {
            assertTrue(p.waitFor(5, TimeUnit.MINUTES), "render did not finish");
            assertEquals(0, p.exitValue(), new String(p.getErrorStream().readAllBytes()));
        }
        assertTrue(Files.readString(repo.resolve("clusters/eks-dev/calico/felixconfiguration-default.yaml")).contains("30s"));
        assertTrue(Files.readString(repo.resolve("clusters/aks-dev/calico/felixconfiguration-default.yaml")).contains("45s"));
        try (Git git = Git.open(repo.toFile())) {
            assertTrue(git.status().call().isClean(), "every written file is committed");
            List<RevCommit> log = new ArrayList<>();
            git.log().call().forEach(log::add);
            assertEquals(3, log.size());
            Set<String> subjects = new HashSet<>();
            log.subList(0, 2).forEach(c -> subjects.add(c.getShortMessage()));
            assertEquals(Set.of("render eks-dev", "render aks-dev"), subjects);
        }
    }

    private static void edit(Path file, String from, String to) throws Exception {
        String text = Files.readString(file);
        assertTrue(text.contains(from), file + " holds " + from);
        Files.writeString(file, text.replace(from, to));
    }

    private Process start(Path repo, Path fleet, String cluster) throws Exception {
        Path jar = projectRoot().resolve("cli/target/calico-gitops.jar");
        assertTrue(Files.isRegularFile(jar), "the shaded jar is built in the package phase: " + jar);
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
                "render", "--fleet", fleet.toString(), "--repo", repo.toString(), "--cluster", cluster)
                .redirectOutput(tmp.resolve(cluster + ".out").toFile()).start();
    }
}
