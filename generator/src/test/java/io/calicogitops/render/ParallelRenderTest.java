package io.calicogitops.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Rendering clusters in parallel gives the same clusters, files and bytes as rendering them one by one. */
class ParallelRenderTest {

    private static Map<String, Map<String, String>> render(int threads) {
        Path fleet = Path.of(System.getProperty("project.root", "..")).resolve("sample-repo/fleet");
        Generator.RenderResult result = new Generator(threads).render(new Generator.RenderRequest(fleet, Optional.empty(),
                Optional.empty(), List.of(), Path::toString));
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (ClusterRender c : result.clusters()) {
            Map<String, String> files = new LinkedHashMap<>();
            c.files().forEach((name, bytes) -> files.put(name, new String(bytes, java.nio.charset.StandardCharsets.UTF_8)));
            out.put(c.folder(), files);
        }
        return out;
    }

    @Test
    void render_oneThreadAndFourThreads_sameFilesInTheSameOrder() {
        Map<String, Map<String, String>> one = render(1);
        Map<String, Map<String, String>> four = render(4);
        assertTrue(one.size() >= 5, one.keySet().toString());
        assertEquals(List.copyOf(one.keySet()), List.copyOf(four.keySet()));
        for (String cluster : one.keySet()) {
            assertEquals(List.copyOf(one.get(cluster).keySet()), List.copyOf(four.get(cluster).keySet()), cluster);
            assertEquals(one.get(cluster), four.get(cluster), cluster);
        }
    }
}
