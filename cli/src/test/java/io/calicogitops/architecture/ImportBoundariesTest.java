package io.calicogitops.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The boundaries of DESIGN.md, checked on the main sources of every module (read through {@code project.root}, so
 * this test in the cli module sees them all): the modules layer as core &lt;- generator &lt;- auditor &lt;- cli, no
 * package lives in two modules, picocli only in the cli module, fabric8 only in the live-state package (the reader,
 * and the object writer {@code apply} uses), JGit only behind the Git adapter, and no package cycles.
 */
class ImportBoundariesTest {

    /** The modules, lowest first: each may import only the modules before it. */
    static final List<String> LAYERS = List.of("core", "generator", "auditor", "cli");

    /**
     * Package cycles allowed for now; any other cycle fails, and an entry whose cycle is gone fails too. Empty since
     * issue 13 broke {audit, audit.live, diff}: the live-reader port (LiveReader, LiveQuery) moved into audit, and
     * diff, which needed audit's Change, DriftSeverity and Secrets as much as audit needed it, merged into audit.
     */
    static final Set<Set<String>> KNOWN_CYCLES = Set.of();

    @Test
    void picocli_isImportedOnlyInTheCliModule() throws IOException {
        assertOnlyIn("import picocli.", s -> s.module().equals("cli") && s.pkg().equals("io.calicogitops.cli"));
    }

    @Test
    void fabric8_isImportedOnlyInTheLiveStatePackage_readerAndWriter() throws IOException {
        assertOnlyIn("import io.fabric8.", s -> s.module().equals("auditor") && s.pkg().equals("io.calicogitops.audit.live"));
    }

    @Test
    void auditPackages_neverDependOnTheApplyOrchestration() throws IOException {
        // apply builds on the audit (desired state, live reader, diff); the reverse would make a package cycle.
        assertOnlyIn("import io.calicogitops.apply.", s -> !s.pkg().startsWith("io.calicogitops.audit"));
    }

    @Test
    void jgit_isImportedOnlyInTheGitAdapter() throws IOException {
        assertOnlyIn("import org.eclipse.jgit.", s -> s.pkg().equals("io.calicogitops.git"));
    }

    @Test
    void commands_neverReachIntoAnotherCommand() throws IOException {
        // A helper two commands share belongs in a library (or a non-command cli class), not in one of them: issue 13.
        List<String> offenders = new ArrayList<>();
        for (SourceFile s : SourceFile.all()) {
            String name = s.path().getFileName().toString().replace(".java", "");
            if (s.module().equals("cli") && name.endsWith("Command")) {
                CommandReferences.of(name, s.text()).forEach(r -> offenders.add(s.relative() + " uses " + r));
            }
        }
        assertEquals(List.of(), offenders, "commands calling another command's members");
    }

    @Test
    void theCommandScan_findsAMemberButNotAClassLiteral() {
        // Guards the test above against passing because the scan finds nothing.
        String source = "@Command(subcommands = {LogShowCommand.class})\n"
                + "/** like RenderCommand.printTable */ class X { void f() { RenderCommand.printTable(o, a, b);\n"
                + "  var d = LogShowCommand . duration(s); DemoCommand.helper(); } }";
        assertEquals(List.of("RenderCommand.printTable", "LogShowCommand.duration"), CommandReferences.of("DemoCommand", source));
    }

    @Test
    void everyPackage_livesInExactlyOneModule() throws IOException {
        Map<String, Set<String>> modules = new TreeMap<>();
        for (SourceFile s : SourceFile.all()) {
            modules.computeIfAbsent(s.pkg(), p -> new TreeSet<>()).add(s.module());
        }
        Map<String, Set<String>> shared = new TreeMap<>(modules);
        shared.values().removeIf(m -> m.size() == 1);
        assertEquals(Map.of(), shared, "packages found in more than one module");
    }

    @Test
    void eachModule_importsOnlyTheModulesBelowIt() throws IOException {
        Map<String, String> moduleOf = new TreeMap<>();
        SourceFile.all().forEach(s -> moduleOf.put(s.pkg(), s.module()));
        List<String> offenders = new ArrayList<>();
        for (SourceFile s : SourceFile.all()) {
            for (String target : s.importedPackages()) {
                String to = moduleOf.get(target);
                if (to != null && LAYERS.indexOf(to) > LAYERS.indexOf(s.module())) {
                    offenders.add(s.relative() + " (" + s.module() + ") imports " + target + " (" + to + ")");
                }
            }
        }
        assertEquals(List.of(), offenders, "imports against the module order " + LAYERS);
    }

    @Test
    void packages_formNoCycles_otherThanTheKnownOnes() throws IOException {
        List<Set<String>> cycles = PackageGraph.of(SourceFile.all()).cycles();
        List<Set<String>> unknown = cycles.stream().filter(c -> !KNOWN_CYCLES.contains(c)).toList();
        assertEquals(List.of(), unknown, "package cycles (each set imports itself round); all cycles: " + cycles);
        List<Set<String>> fixed = KNOWN_CYCLES.stream().filter(c -> !cycles.contains(c)).toList();
        assertEquals(List.of(), fixed, "known cycles that no longer exist: remove them from KNOWN_CYCLES");
    }

    @Test
    void theCycleSearch_findsACycle() {
        // Guards the test above against passing because the search finds nothing.
        PackageGraph g = new PackageGraph(Map.of(
                "a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a", "d"), "d", Set.of(), "e", Set.of("e")));
        assertEquals(List.of(Set.of("a", "b", "c")), g.cycles());
    }

    @Test
    void theScan_seesTheSourcesOfEveryModule() throws IOException {
        // Guards the other tests against passing because they read nothing.
        List<SourceFile> all = SourceFile.all();
        assertTrue(all.size() > 100, "only " + all.size() + " source files found under " + SourceFile.ROOT);
        for (String module : LAYERS) {
            assertTrue(all.stream().anyMatch(s -> s.module().equals(module)), "no sources of module " + module);
        }
    }

    private static void assertOnlyIn(String importPrefix, Predicate<SourceFile> allowed) throws IOException {
        List<String> offenders = new ArrayList<>();
        for (SourceFile s : SourceFile.all()) {
            if (s.text().contains(importPrefix) && !allowed.test(s)) {
                offenders.add(s.relative());
            }
        }
        assertEquals(List.of(), offenders, "'" + importPrefix + "' outside its package");
    }
}
