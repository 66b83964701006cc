package io.calicogitops.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A launcher (or any command) run as a user would run it, for the launcher tests: in {@code dir}, without the
 * caller's CALICO_GITOPS_JAR and CALICO_GITOPS_JAVA_OPTS, with {@code env} on top; stdout and stderr together, through
 * a file rather than a pipe (a class-load or flags log is larger than a pipe's buffer).
 */
record LauncherRun(int exit, String out) {

    static LauncherRun run(Path dir, List<String> command, Map<String, String> env, int minutes) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().remove("CALICO_GITOPS_JAR");
        pb.environment().remove("CALICO_GITOPS_JAVA_OPTS");
        pb.environment().putAll(env);
        Path out = Files.createTempFile(dir, "out", ".txt");
        pb.redirectOutput(out.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(minutes, TimeUnit.MINUTES), "did not finish: " + command);
        return new LauncherRun(p.exitValue(), Files.readString(out));
    }
}
