package io.calicogitops.audit.normalise;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The workshop round trips: every document of the regismartins workshop has a {@code workshop-roundtrip} pair whose
 * desired side is that document (the pairs themselves are checked by {@link NormaliserFixtureTest}).
 */
class NormaliserWorkshopRoundTripTest {

    private static final String FOLDER = "workshop-roundtrip";

    @Test
    void everyWorkshopDocument_hasARoundTripPairWithItAsDesired() throws IOException {
        Path inline = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize()
                .resolve("testdata/upstream/workshop/regismartins/inline");
        assertTrue(Files.isDirectory(inline), "workshop data not found at " + inline);
        List<JsonNode> desired = NormaliseFixtures.pairs().stream()
                .filter(p -> p.folder().equals(FOLDER) && !p.drift())
                .map(p -> NormaliseFixtures.load(p.desired()).body()).toList();
        List<String> missing = new ArrayList<>();
        int documents = 0;
        try (Stream<Path> files = Files.list(inline)) {
            for (Path file : files.sorted().toList()) {
                for (JsonNode document : NormaliseFixtures.documents(file)) {
                    documents++;
                    // The workshop's shell variable is rendered by the generator before anything reaches Git.
                    JsonNode rendered = NormaliseFixtures.parse(
                            document.toString().replace("$MY_IP", "203.0.113.7"), file.toString()).body();
                    if (!desired.contains(rendered)) {
                        missing.add(file.getFileName() + ": " + document.at("/kind").asText() + " "
                                + document.at("/metadata/name").asText());
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
        assertEquals(documents, desired.size(), "one equal pair per workshop document");
    }

    @Test
    void everyRoundTripLiveSide_carriesServerMetadata() {
        for (NormaliseFixtures.Pair pair : NormaliseFixtures.pairs()) {
            if (pair.folder().equals(FOLDER)) {
                JsonNode meta = NormaliseFixtures.load(pair.live()).body().path("metadata");
                assertTrue(meta.has("uid") && meta.has("resourceVersion") && meta.has("creationTimestamp"),
                        pair + ": a round trip's live side is what the API server returns");
            }
        }
    }
}
