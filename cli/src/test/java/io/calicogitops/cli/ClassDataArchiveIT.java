package io.calicogitops.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.calicogitops.cli.CliRun.projectRoot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The class-data-sharing archive the build makes beside the jar: the launchers use it, and when it does not fit it costs nothing but speed. */
class ClassDataArchiveIT {

    @TempDir
    Path tmp;

    private static final Path JAR = projectRoot().resolve("cli/target/calico-gitops.jar");
    private static final Path ARCHIVE = projectRoot().resolve("cli/target/calico-gitops.jsa");

    private LauncherRun run(List<String> command, Map<String, String> env) throws Exception {
        return LauncherRun.run(tmp, command, env, 5);
    }

    private List<String> validate(Path launcher) {
        return List.of(launcher.toString(), "validate", "--fleet", projectRoot().resolve("sample-repo/fleet").toString(),
                "--cluster", "eks-dev");
    }

    @Test
    void theBuildMakesAnArchiveThatFitsTheJar() throws Exception {
        assertTrue(Files.isRegularFile(ARCHIVE), "the package phase writes it (cli/pom.xml, class-data-archive)");
        assertTrue(Files.getLastModifiedTime(ARCHIVE).compareTo(Files.getLastModifiedTime(JAR)) > 0,
                "the launchers use it only when it is newer than the jar");
        // -Xshare:on makes the JVM fail instead of going on without an archive that does not fit.
        LauncherRun strict = run(List.of("java", "-Xshare:on", "-XX:SharedArchiveFile=" + ARCHIVE, "-jar", JAR.toString(),
                "--version"), Map.of());
        assertEquals(0, strict.exit(), strict.out());
    }

    @Test
    void theLauncher_loadsTheToolsClassesFromTheArchive() throws Exception {
        Path launcher = projectRoot().resolve("kubectl-calico_gitops");
        LauncherRun run = run(validate(launcher), Map.of("CALICO_GITOPS_JAR", JAR.toString(),
                "CALICO_GITOPS_JAVA_OPTS", "-Xlog:class+load=info"));
        assertEquals(0, run.exit(), run.out());
        assertTrue(run.out().contains("io.calicogitops.cli.Main source: shared objects file (top)"),
                "Main should come from the archive:\n" + head(run.out()));
    }

    @Test
    void anArchiveThatDoesNotFit_isIgnoredSilently_andTheOutputIsTheSame() throws Exception {
        Path without = Files.createDirectories(tmp.resolve("without"));
        Path with = Files.createDirectories(tmp.resolve("with"));
        List<Path> launchers = new ArrayList<>();
        for (Path dir : List.of(without, with)) {
            Path launcher = Files.copy(projectRoot().resolve("kubectl-calico_gitops"), dir.resolve("kubectl-calico_gitops"));
            Files.copy(JAR, dir.resolve("calico-gitops.jar"));
            launchers.add(launcher);
        }
        // The archive was made for the jar at cli/target: beside a copy elsewhere (a moved install) it does not fit.
        Path copied = Files.copy(ARCHIVE, with.resolve("calico-gitops.jsa"));
        Files.setLastModifiedTime(copied, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        LauncherRun plain = run(validate(launchers.get(0)), Map.of());
        LauncherRun ignored = run(validate(launchers.get(1)), Map.of());
        assertEquals(plain.exit(), ignored.exit(), ignored.out());
        assertEquals(plain.out(), ignored.out(), "a refused archive prints nothing");
        assertFalse(ignored.out().contains("shared archive"), ignored.out());
    }

    @Test
    void bothLaunchers_decideTheSameWay() throws Exception {
        String tool = cdsBlock(projectRoot().resolve("calico-gitops"));
        String plugin = cdsBlock(projectRoot().resolve("kubectl-calico_gitops"));
        assertTrue(tool.contains("-XX:SharedArchiveFile"), tool);
        assertEquals(tool, plugin, "./calico-gitops and kubectl-calico_gitops pass the archive under the same rule");
    }

    private static String cdsBlock(Path launcher) throws Exception {
        String text = Files.readString(launcher);
        return text.substring(text.indexOf("# The class-data-sharing archive"), text.indexOf("exec java"));
    }

    private static String head(String out) {
        return out.length() > 2000 ? out.substring(0, 2000) : out;
    }
}
