package io.calicogitops.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static io.calicogitops.cli.CliRun.projectRoot;
import static io.calicogitops.cli.CliRun.sampleFleet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Black box: the shaded jar the launcher runs, as a separate process (failsafe, after {@code package}). */
class CalicoGitOpsJarIT {

    private static Path jar;

    @TempDir
    Path tmp;

    record Run(int exitCode, String out, String err) {
        String transcript() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    @BeforeAll
    static void findJar() {
        jar = projectRoot().resolve("cli/target/calico-gitops.jar");
        assertTrue(Files.isRegularFile(jar), "the shaded jar is built in the package phase: " + jar);
    }

    private Run run(Path workingDir, String... args) throws Exception {
        return run(workingDir, List.of(), args);
    }

    private Run run(Path workingDir, List<String> jvmOptions, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process p = new ProcessBuilder(command).directory(workingDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "calico-gitops did not finish: " + command);
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void version_namesTheVersionAndTheCommitTheJarWasBuiltFrom() throws Exception {
        Run run = run(tmp, "--version");

        assertEquals(0, run.exitCode(), run.transcript());
        assertTrue(Pattern.compile("^calico-gitops \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(commit [^ ()]+\\)\\R$").matcher(run.out()).matches(), run.transcript());
        assertEquals("calico-gitops " + io.calicogitops.version.BuildInfo.current().display(), run.out().strip(), "the commit the jar was built from");
    }

    @Test
    void help_printsPicocliTextWithoutBuildingAnyCommandModel() throws Exception {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"audit", "--help"},
                new String[] {"log", "show", "-h"}, new String[] {"--version"})) {
            Path classes = Files.createTempFile(tmp, "classes", ".txt");
            Run fast = run(tmp, List.of("-Xlog:class+load:file=" + classes), args);
            // A usage width given to picocli turns the prebuilt texts off: picocli itself answers.
            Run picocli = run(tmp, List.of("-Dpicocli.usage.width=80"), args);

            assertEquals(0, fast.exitCode(), fast.transcript());
            assertEquals(picocli.transcript(), fast.transcript(), String.join(" ", args));
            String loaded = Files.readString(classes);
            assertTrue(loaded.contains("io.calicogitops.cli.PrebuiltHelp "), loaded);
            assertFalse(loaded.contains("picocli.CommandLine$Model$CommandSpec "), "a command model was built");
        }
    }

    @Test
    void render_sampleFleetTwice_commitsOnceThenReportsNoChanges() throws Exception {
        Path repo = tmp.resolve("gitops");

        Run first = run(tmp, "render", "--fleet", sampleFleet(), "--repo", repo.toString());
        Run second = run(tmp, "render", "--fleet", sampleFleet(), "--repo", repo.toString());

        assertEquals(0, first.exitCode(), first.transcript());
        assertTrue(first.out().contains("committed "), first.transcript());
        assertEquals(0, second.exitCode(), second.transcript());
        assertTrue(second.out().contains("no changes: "), second.transcript());
    }

    @Test
    void usageError_exits2ThroughSystemExit() throws Exception {
        Run run = run(tmp, "render", "--fleet", sampleFleet(), "--repo", tmp.resolve("r").toString(), "--no-such-option");

        assertEquals(2, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("Unknown option: '--no-such-option'"), run.transcript());
        assertFalse(Files.exists(tmp.resolve("r")));
    }

    @Test
    void demo_inAFolderWithoutSample_extractsTheSampleFromTheJarAndRenders() throws Exception {
        Path workDir = Files.createDirectories(tmp.resolve("elsewhere"));

        Run run = run(workDir, "demo");

        assertEquals(0, run.exitCode(), run.transcript());
        assertTrue(run.out().contains("== 1. render target/demo/sample-repo/fleet into a new Git repository target/demo/repo"),
                run.transcript());
        assertTrue(run.out().contains("no changes: the repository already matches the fleet"), run.transcript());
        assertTrue(Files.isRegularFile(workDir.resolve("target/demo/sample-repo/fleet/eks-prod.yaml")));
        assertTrue(Files.isDirectory(workDir.resolve("target/demo/repo/.git")));
        assertFalse(Files.exists(workDir.resolve("sample-repo")));
    }
}
