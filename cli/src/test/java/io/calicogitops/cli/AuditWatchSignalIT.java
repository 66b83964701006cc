package io.calicogitops.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.calicogitops.cli.CliRun.projectRoot;
import static io.calicogitops.cli.CliRun.sampleFleet;
import static io.calicogitops.cli.CliRun.sampleRepo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code audit --watch} as a separate process: SIGTERM ends it cleanly (exit 0) with every drift-log entry whole. */
class AuditWatchSignalIT {

    private static Path jar;

    @TempDir
    Path tmp;

    @BeforeAll
    static void findJar() {
        jar = projectRoot().resolve("cli/target/calico-gitops.jar");
        assertTrue(Files.isRegularFile(jar), "the shaded jar is built in the package phase: " + jar);
    }

    @Test
    void watch_sigterm_endsAfterTheAuditInProgressWithExit0() throws Exception {
        Path repo = tmp.resolve("repo");
        CliRun render = CliRun.of("render", "--fleet", sampleFleet(), "--repo", repo.toString(), "--cluster", "eks-dev");
        assertEquals(0, render.exitCode(), render.transcript());
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), "audit", "--repo", repo.toString(), "--cluster", "eks-dev",
                "--live", sampleRepo().resolve("live/eks-dev.yaml").toString(), "--watch", "--interval", "1h", "--record"))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            // Wait (bounded) until the first audit is recorded: the process then sleeps for an hour.
            for (int i = 0; i < 1200 && !Files.readString(err).contains("recorded: eks-dev entry 1"); i++) {
                assertTrue(p.isAlive(), "the watch ended by itself: " + Files.readString(err));
                Thread.sleep(100);
            }
            assertTrue(Files.readString(err).contains("recorded: eks-dev entry 1 (in sync)"), Files.readString(err));

            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(2, TimeUnit.MINUTES), "still running after SIGTERM");
        } finally {
            p.destroyForcibly();
        }

        String stderr = Files.readString(err);
        assertEquals(0, p.exitValue(), stderr);
        assertTrue(stderr.contains("watch: stopped after 1 audit"), stderr);
        assertTrue(Files.readString(out).contains("IN SYNC"));
        CliRun verify = CliRun.of("log", "verify", "--repo", repo.toString(), "--cluster", "eks-dev");
        assertEquals(0, verify.exitCode(), verify.transcript());
    }
}
