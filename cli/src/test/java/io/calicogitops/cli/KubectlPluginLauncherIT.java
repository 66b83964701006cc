package io.calicogitops.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.calicogitops.cli.CliRun.projectRoot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code kubectl-calico_gitops}: the kubectl plugin launcher finds the jar and passes arguments and exit codes on. */
class KubectlPluginLauncherIT {

    @TempDir
    Path tmp;

    private static Path jar() {
        Path jar = projectRoot().resolve("cli/target/calico-gitops.jar");
        assertTrue(Files.isRegularFile(jar), "the shaded jar is built in the package phase: " + jar);
        return jar;
    }

    private record Run(int exit, String out) {
    }

    private Run run(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile()).redirectErrorStream(true);
        pb.environment().remove("CALICO_GITOPS_JAR");
        pb.environment().putAll(env);
        Process p = pb.start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "did not finish: " + command);
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes()));
    }

    @Test
    void aCopyNextToTheJar_runsIt_withArgumentsAndExitCode() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("bin"));
        Path launcher = Files.copy(projectRoot().resolve("kubectl-calico_gitops"), dir.resolve("kubectl-calico_gitops"));
        Files.copy(jar(), dir.resolve("calico-gitops.jar"));
        Run version = run(List.of(launcher.toString(), "--version"), Map.of());
        assertEquals(0, version.exit(), version.out());
        assertTrue(version.out().startsWith("calico-gitops "), version.out());
        Run usage = run(List.of(launcher.toString(), "audit", "-o", "xml", "--repo", "r", "--cluster", "c", "--live", "x.yaml"), Map.of());
        assertEquals(2, usage.exit(), "the exit code passes through: " + usage.out());
    }

    @Test
    void withoutAJar_saysSoAndExits2() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("empty"));
        Path launcher = Files.copy(projectRoot().resolve("kubectl-calico_gitops"), dir.resolve("kubectl-calico_gitops"));
        Run run = run(List.of(launcher.toString(), "--version"), Map.of());
        assertEquals(2, run.exit(), run.out());
        assertTrue(run.out().contains("set CALICO_GITOPS_JAR"), run.out());
        Run named = run(List.of(launcher.toString(), "--version"), Map.of("CALICO_GITOPS_JAR", jar().toString()));
        assertEquals(0, named.exit(), named.out());
    }

    @Test
    void kubectl_findsThePluginOnPath_whenKubectlIsInstalled() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("path"));
        Files.copy(projectRoot().resolve("kubectl-calico_gitops"), dir.resolve("kubectl-calico_gitops"));
        Files.copy(jar(), dir.resolve("calico-gitops.jar"));
        String path = dir + java.io.File.pathSeparator + System.getenv("PATH");
        boolean kubectl = run(List.of("sh", "-c", "command -v kubectl"), Map.of()).exit() == 0;
        if (!kubectl) {
            // The launcher itself is covered above; kubectl's dispatch can only be shown where kubectl exists.
            return;
        }
        Run run = run(List.of("kubectl", "calico-gitops", "--version"), Map.of("PATH", path));
        assertEquals(0, run.exit(), run.out());
        assertTrue(run.out().contains("calico-gitops "), run.out());
    }
}
