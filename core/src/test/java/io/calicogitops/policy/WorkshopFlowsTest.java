package io.calicogitops.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.yaml.YamlDocument;
import io.calicogitops.yaml.YamlReader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The EKS workshop replayed step by step: every flow of an acceptance file, both engines. The file is
 * {@code testdata/acceptance/workshop-flows.yaml} unless the {@code acceptance.file} system property names another
 * one in the same format ({@code .ci/run} also replays the upstream file that sits beside the CI checkout).
 */
class WorkshopFlowsTest {

    static final Path FILE = acceptanceFile();
    /** Where the file's own paths start; see {@link #acceptanceRoot}. */
    static final Path ROOT = acceptanceRoot();

    /** One flow of one step with the model as that step leaves it. */
    record Case(String step, int index, JsonNode flow, ClusterModel model) {
        String name() {
            return step + " #" + index + " " + flow.path("from").asText() + " -> " + flow.path("to").asText() + " "
                    + flow.path("protocol").asText() + "/" + flow.path("port").asText("-");
        }
    }

    static List<Case> cases() {
        Diagnostics diagnostics = new Diagnostics();
        YamlReader yaml = new YamlReader();
        assertTrue(Files.isRegularFile(FILE), "acceptance file not found: " + FILE);
        JsonNode spec = yaml.readFile(FILE, FILE.getFileName().toString(), diagnostics).get(0).body();
        ModelBuilder builder = new ModelBuilder(diagnostics);
        for (JsonNode w : spec.path("workloads")) {
            builder.addAll(read(yaml, w.asText(), diagnostics));
        }
        List<Endpoint> externals = new ArrayList<>();
        for (JsonNode x : spec.path("external")) {
            externals.add(Endpoint.external(x.path("name").asText(), IpAddress.parse(x.path("ip").asText(null)).orElse(null),
                    x.path("domain").asText(null)));
        }
        List<Case> cases = new ArrayList<>();
        for (JsonNode step : spec.path("steps")) {
            step.path("delete").forEach(d -> builder.delete(d.asText()));
            step.path("apply").forEach(a -> builder.addAll(read(yaml, a.asText(), diagnostics)));
            ClusterModel model = builder.build(externals);
            int i = 1;
            for (JsonNode flow : step.path("flows")) {
                cases.add(new Case(step.path("name").asText(), i++, flow, model));
            }
        }
        assertFalse(diagnostics.hasErrors(), diagnostics::format);
        return cases;
    }

    private static List<YamlDocument> read(YamlReader yaml, String rel, Diagnostics diagnostics) {
        Path p = ROOT.resolve(rel).normalize();
        assertTrue(Files.isRegularFile(p), "missing " + p);
        return yaml.readFile(p, rel, diagnostics);
    }

    /** {@code -Dacceptance.file} if set (Maven passes its {@code acceptance.file} property), else the repository's own file. */
    static Path acceptanceFile() {
        String set = System.getProperty("acceptance.file", "");
        Path file = set.isBlank()
                ? Path.of(System.getProperty("project.root", "..")).resolve("testdata/acceptance/workshop-flows.yaml")
                : Path.of(set);
        return file.toAbsolutePath().normalize();
    }

    /**
     * The folder the file's paths are relative to: the file's own folder, like an include in a Kustomization or a
     * relative link in Markdown, unless {@code -Dacceptance.root} says otherwise. That override exists for the
     * upstream file in {@code shared/acceptance/}, whose paths are written relative to {@code shared/} itself.
     */
    static Path acceptanceRoot() {
        String set = System.getProperty("acceptance.root", "");
        return (set.isBlank() ? FILE.getParent() : Path.of(set)).toAbsolutePath().normalize();
    }

    @Test
    void acceptanceFile_hasManySteps_andFlows() {
        List<Case> all = cases();
        assertTrue(all.size() > 100, "flows: " + all.size());
        assertTrue(all.stream().map(Case::step).distinct().count() >= 14);
    }

    @TestFactory
    List<DynamicTest> everyFlow_referenceEngine_matchesExpectStagedAndWhy() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c, c.model().reference()))).toList();
    }

    @TestFactory
    List<DynamicTest> everyFlow_compiledEngine_matchesExpectStagedAndWhy() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c, c.model().compiled()))).toList();
    }

    private static void check(Case c, Evaluator evaluator) {
        Inventory inv = c.model().inventory();
        Endpoint from = inv.find(c.flow().path("from").asText()).orElseThrow(() -> new AssertionError("no endpoint " + c.flow().path("from")));
        Endpoint to = inv.find(c.flow().path("to").asText()).orElseThrow(() -> new AssertionError("no endpoint " + c.flow().path("to")));
        int proto = Protocols.number(c.flow().path("protocol").asText()).orElseThrow();
        Flow flow = new Flow(from, to, proto, c.flow().path("port").asInt(-1));
        Verdicts enforcedAll = evaluator.evaluate(flow);
        Verdicts stagedAll = evaluator.evaluateStaged(flow);
        // The workshop's policies never constrain the source port: one verdict for the whole ephemeral range.
        assertEquals(1, enforcedAll.parts().size(), () -> "split by source port: " + enforcedAll.splits());
        assertEquals(1, stagedAll.parts().size(), () -> "split by source port: " + stagedAll.splits());
        Verdict enforced = enforcedAll.first();
        Verdict staged = stagedAll.first();
        String trace = "\n  enforced: " + enforced.egress().display() + " | " + enforced.ingress().display()
                + "\n  staged:   " + staged.egress().display() + " | " + staged.ingress().display()
                + "\n  why:      " + c.flow().path("why").asText();
        assertEquals(c.flow().path("expect").asText(), enforced.word(), "enforced verdict" + trace);
        String expectStaged = c.flow().path("staged").asText(c.flow().path("expect").asText());
        assertEquals(expectStaged, staged.word(), "staged verdict" + trace);
        String why = c.flow().path("why").asText("");
        int cut = why.indexOf("staged:");
        WhyCheck.assertConsistent(cut < 0 ? why : why.substring(0, cut), enforced, trace);
        if (cut >= 0) {
            WhyCheck.assertConsistent(why.substring(cut + "staged:".length()), staged, trace);
        }
    }
}
