package io.calicogitops.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The boundaries of DESIGN.md, checked on the sources of both modules: picocli only in {@code *.cli} packages,
 * fabric8 only in the live-state package (the reader, and the object writer {@code apply} uses: the apply
 * orchestration in {@code io.calicogitops.apply} stays free of it, and the audit packages never depend on it), JGit
 * only behind the Git adapter, and no package in two modules.
 */
class ImportBoundariesTest {

    private static final Path ROOT = Path.of(System.getProperty("project.root", ".."));

    @Test
    void picocli_isImportedOnlyInCliPackages() throws IOException {
        assertOnlyIn("import picocli.", pkg -> pkg.endsWith(".cli"));
    }

    @Test
    void fabric8_isImportedOnlyInTheLiveStatePackage_readerAndWriter() throws IOException {
        assertOnlyIn("import io.fabric8.", pkg -> pkg.equals("io.calicogitops.audit.live"));
    }

    @Test
    void auditPackages_neverDependOnTheApplyOrchestration() throws IOException {
        // apply builds on the audit (desired state, live reader, diff); the reverse would make a package cycle.
        assertOnlyIn("import io.calicogitops.apply.", pkg -> !pkg.startsWith("io.calicogitops.audit"));
    }

    @Test
    void jgit_isImportedOnlyInTheGitAdapter() throws IOException {
        assertOnlyIn("import org.eclipse.jgit.", pkg -> pkg.equals("io.calicogitops.git"));
    }

    @Test
    void everyPackage_livesInExactlyOneModule() throws IOException {
        List<String> generator = packages("generator");
        List<String> shared = packages("auditor").stream().filter(generator::contains).distinct().toList();
        assertEquals(List.of(), shared, "packages found in both modules");
    }

    @Test
    void theScan_seesTheSources() throws IOException {
        // Guards the other tests against passing because they read nothing.
        assertTrue(sources().size() > 100, "only " + sources().size() + " source files found under " + ROOT);
    }

    private static void assertOnlyIn(String importPrefix, Predicate<String> allowed) throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : sources()) {
            String text = Files.readString(file);
            if (text.contains(importPrefix) && !allowed.test(packageOf(text))) {
                offenders.add(ROOT.relativize(file).toString());
            }
        }
        assertEquals(List.of(), offenders, "'" + importPrefix + "' outside its package");
    }

    private static List<String> packages(String module) throws IOException {
        List<String> out = new ArrayList<>();
        for (Path file : sources()) {
            if (ROOT.relativize(file).startsWith(module)) {
                out.add(packageOf(Files.readString(file)));
            }
        }
        return out.stream().distinct().toList();
    }

    private static List<Path> sources() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String module : List.of("generator", "auditor")) {
            try (Stream<Path> s = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
                s.filter(p -> p.toString().endsWith(".java")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    private static String packageOf(String text) {
        int start = text.indexOf("package ");
        return text.substring(start + "package ".length(), text.indexOf(';', start)).trim();
    }
}
