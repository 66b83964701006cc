package io.calicogitops.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.calicogitops.cli.CliRun.projectRoot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launchers' JIT choice: C1 alone, except for 256 MiB of flow logs or more (a .gz file counting 8 times its size):
 * the full JIT and the throughput collector; CALICO_GITOPS_JAVA_OPTS over both. Read from the JVM's own final flags ({@code -XX:+PrintFlagsFinal} through
 * JAVA_TOOL_OPTIONS) on a {@code --help} run, with sparse files: only their size is looked at.
 */
class LauncherJitIT {

    private static final long MIB = 1024 * 1024;

    @TempDir
    Path tmp;

    @Test
    void smallFlowLogs_andOtherCommands_useC1Only() throws Exception {
        Path small = sized("small.jsonl", 10 * MIB);
        for (String launcher : List.of("calico-gitops", "kubectl-calico_gitops")) {
            assertEquals(1, level(launcher, Map.of(), "flows", "replay", "--flow-logs", small.toString()));
            assertTrue(flags(launcher, Map.of(), "validate").matches("(?s).*bool UseParallelGC\\s+= false.*"), "the JVM's own collector");
            assertEquals(1, level(launcher, Map.of(), "validate"));
        }
    }

    @Test
    void largeFlowLogs_useTheFullJit_inEitherOptionForm_andSummedOverFiles() throws Exception {
        Path big = sized("big.jsonl", 300 * MIB);
        Path half = sized("half.jsonl", 130 * MIB);
        Path gz = sized("day.jsonl.gz", 40 * MIB); // 320 MiB of records
        for (String launcher : List.of("calico-gitops", "kubectl-calico_gitops")) {
            assertEquals(4, level(launcher, Map.of(), "flows", "replay", "--flow-logs", big.toString()));
            assertTrue(flags(launcher, Map.of(), "flows", "replay", "--flow-logs", big.toString())
                    .matches("(?s).*bool UseParallelGC\\s+= true.*"), "the throughput collector");
            assertEquals(4, level(launcher, Map.of(), "recommend", "--flow-logs=" + big));
            assertEquals(4, level(launcher, Map.of(), "flows", "replay", "--flow-logs", half.toString(), half.toString()));
            assertEquals(4, level(launcher, Map.of(), "flows", "impact", "--flow-logs", gz.toString()));
            // Only --flow-logs values count: the same file after another option is not a flow log.
            assertEquals(1, level(launcher, Map.of(), "flows", "replay", "--flow-logs", half.toString(), "--output-file", big.toString()));
        }
    }

    @Test
    void theEnvironmentVariable_replacesEitherChoice() throws Exception {
        Path big = sized("big.jsonl", 300 * MIB);
        assertEquals(4, level("calico-gitops", Map.of("CALICO_GITOPS_JAVA_OPTS", ""), "validate"));
        assertEquals(2, level("calico-gitops", Map.of("CALICO_GITOPS_JAVA_OPTS", "-XX:TieredStopAtLevel=2 -Xmx256m"),
                "flows", "replay", "--flow-logs", big.toString()));
    }

    private Path sized(String name, long size) throws Exception {
        Path file = tmp.resolve(name);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size); // sparse: no data is written
        }
        return file;
    }

    /** The TieredStopAtLevel the launcher's JVM ran with. */
    private int level(String launcher, Map<String, String> env, String... args) throws Exception {
        String text = flags(launcher, env, args);
        Matcher m = Pattern.compile("intx TieredStopAtLevel\\s+= (\\d+)").matcher(text);
        assertTrue(m.find(), text);
        return Integer.parseInt(m.group(1));
    }

    /** The final flags of the launcher's JVM (-XX:+PrintFlagsFinal) on a --help run. */
    private String flags(String launcher, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(projectRoot().resolve(launcher).toString()));
        command.addAll(List.of(args));
        command.add("--help");
        Map<String, String> environment = new HashMap<>(Map.of(
                "CALICO_GITOPS_JAR", projectRoot().resolve("cli/target/calico-gitops.jar").toString(),
                "JAVA_TOOL_OPTIONS", "-XX:+PrintFlagsFinal"));
        environment.putAll(env);
        LauncherRun run = LauncherRun.run(tmp, command, environment, 2);
        String text = run.out();
        assertEquals(0, run.exit(), text);
        return text;
    }
}
