package io.calicogitops.audit.normalise;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every desired/live fixture pair: equal pairs normalise to one tree, {@code -drift} pairs still differ. */
class NormaliserFixtureTest {

    /** Folders that prove a property of the whole pipeline rather than one step. */
    private static final Set<String> SCENARIOS = Set.of("rule-order", "workshop-roundtrip", ManagedFields.NAME);

    private final Normaliser normaliser = Normaliser.standard();

    static Stream<NormaliseFixtures.Pair> equalPairs() {
        return NormaliseFixtures.pairs().stream().filter(p -> !p.drift());
    }

    static Stream<NormaliseFixtures.Pair> driftPairs() {
        return NormaliseFixtures.pairs().stream().filter(NormaliseFixtures.Pair::drift);
    }

    static Stream<NormaliseFixtures.Pair> allPairs() {
        return NormaliseFixtures.pairs().stream();
    }

    static Stream<NormaliseFixtures.Pair> stepPairs() {
        return equalPairs().filter(p -> !p.folder().equals("rule-order") && !p.folder().equals("workshop-roundtrip"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("equalPairs")
    void equalPair_normalisesDesiredAndLiveToTheSameTree(NormaliseFixtures.Pair pair) {
        Normaliser.Pair result = normaliser.normalisePair(load(pair.desired()), load(pair.live()));
        assertEquals(result.desired(), result.live(), () -> "desired: " + result.desired().toPrettyString()
                + "\nlive:    " + result.live().toPrettyString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("driftPairs")
    void driftPair_stillDiffersAfterNormalisation(NormaliseFixtures.Pair pair) {
        Normaliser.Pair result = normaliser.normalisePair(load(pair.desired()), load(pair.live()));
        assertNotEquals(result.desired(), result.live(), () -> pair + " normalised to the same tree: "
                + result.desired().toPrettyString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stepPairs")
    void equalPair_differsWithoutTheStepItsFolderNames(NormaliseFixtures.Pair pair) {
        Resource desired = load(pair.desired());
        Resource live = load(pair.live());
        JsonNode d;
        JsonNode l;
        if (pair.folder().equals(ManagedFields.NAME)) {
            // The pairwise step: each side normalised on its own must still differ.
            d = normaliser.normalise(desired, Side.DESIRED);
            l = normaliser.normalise(live, Side.LIVE);
        } else {
            List<NormaliseStep> without = normaliser.steps().stream()
                    .filter(s -> !s.name().equals(pair.folder())).toList();
            assertEquals(normaliser.steps().size() - 1, without.size(), "no step named " + pair.folder());
            Normaliser.Pair result = Normaliser.of(without).normalisePair(desired, live);
            d = result.desired();
            l = result.live();
        }
        assertNotEquals(d, l, pair + " is equal even without step " + pair.folder() + ": it proves nothing");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allPairs")
    void pair_hasTheSameIdentityOnBothSides(NormaliseFixtures.Pair pair) {
        assertTrue(Files.isRegularFile(pair.live()), "missing " + pair.live().getFileName());
        assertEquals(load(pair.desired()).id(), load(pair.live()).id());
    }

    @Test
    void everyStep_hasAFolderWithAnEqualPair() {
        Set<String> folders = equalPairs().map(NormaliseFixtures.Pair::folder).collect(Collectors.toSet());
        List<String> missing = normaliser.steps().stream().map(NormaliseStep::name)
                .filter(name -> !folders.contains(name)).toList();
        assertEquals(List.of(), missing);
    }

    @Test
    void everyFixtureFolder_namesAStepOrAScenario() throws IOException {
        Set<String> known = new TreeSet<>(SCENARIOS);
        normaliser.steps().forEach(s -> known.add(s.name()));
        try (Stream<Path> folders = Files.list(NormaliseFixtures.root())) {
            List<String> unknown = folders.map(p -> p.getFileName().toString()).filter(n -> !known.contains(n)).toList();
            assertEquals(List.of(), unknown);
        }
    }

    @Test
    void everyFixtureFile_belongsToAPair() throws IOException {
        try (Stream<Path> files = Files.walk(NormaliseFixtures.root())) {
            List<String> stray = files.filter(p -> p.getFileName().toString().endsWith(".yaml"))
                    .filter(p -> {
                        String n = p.getFileName().toString();
                        return n.endsWith("-live.yaml")
                                ? !Files.exists(p.resolveSibling(n.replace("-live.yaml", "-desired.yaml")))
                                : !n.endsWith("-desired.yaml");
                    })
                    .map(p -> NormaliseFixtures.root().relativize(p).toString()).toList();
            assertEquals(List.of(), stray);
        }
    }

    private static Resource load(Path file) {
        return NormaliseFixtures.load(file);
    }
}
