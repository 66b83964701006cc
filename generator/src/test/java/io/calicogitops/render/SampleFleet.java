package io.calicogitops.render;

import io.calicogitops.diag.Diagnostics;
import io.calicogitops.fleet.ClusterProfile;
import io.calicogitops.fleet.Fleet;
import io.calicogitops.testing.Golden;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/** The sample fleet ({@code sample-repo/fleet}) rendered once with the built-in packs and overlays, shared by tests. */
final class SampleFleet {

    private static Generator.RenderResult rendered;

    private SampleFleet() {
    }

    static Path fleetDir() {
        return Golden.projectRoot().resolve("sample-repo/fleet");
    }

    /** Paths as users see them when they run the tool from the repository root. */
    static Function<Path, String> display() {
        Path root = Golden.projectRoot();
        return p -> root.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    static Generator.RenderResult render() {
        return new Generator().render(new Generator.RenderRequest(fleetDir(), Optional.empty(), Optional.empty(),
                List.of(), display()));
    }

    static synchronized Generator.RenderResult rendered() {
        if (rendered == null) {
            rendered = render();
        }
        return rendered;
    }

    /** The cluster names of the sample fleet (for {@code @MethodSource}). */
    static Stream<String> clusters() {
        return Fleet.load(fleetDir(), display(), new Diagnostics()).clusters().stream().map(ClusterProfile::name);
    }

    static ClusterRender cluster(String name) {
        return rendered().clusters().stream().filter(c -> c.profile().name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("cluster " + name + " was not rendered"));
    }
}
