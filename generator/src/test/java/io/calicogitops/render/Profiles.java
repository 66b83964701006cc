package io.calicogitops.render;

import io.calicogitops.diag.Diagnostics;
import io.calicogitops.fleet.ClusterProfile;
import io.calicogitops.fleet.Fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Cluster profiles for tests, read through {@link Fleet#load} from a one-file fleet in a temporary folder. */
final class Profiles {

    private Profiles() {
    }

    static ClusterProfile load(Path tempDir, String yaml) {
        try {
            Path fleet = Files.createDirectories(tempDir.resolve("fleet-" + Integer.toHexString(yaml.hashCode())));
            Files.writeString(fleet.resolve("cluster.yaml"), yaml);
            return Fleet.load(fleet, p -> p.getFileName().toString(), new Diagnostics()).clusters().get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
