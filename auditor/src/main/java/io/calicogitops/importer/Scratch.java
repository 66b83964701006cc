package io.calicogitops.importer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.diag.CalicoGitOpsException;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.model.Resource;
import io.calicogitops.render.Generator;
import io.calicogitops.yaml.YamlWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A private temporary folder where candidate fleets are written and rendered; nothing of it reaches the user's folders. */
final class Scratch implements AutoCloseable {

    private final Path root;
    private int count;

    Scratch() {
        try {
            root = Files.createTempDirectory("calico-gitops-import-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new fleet folder holding one profile and the given packs (pack name -> objects). */
    Path fleet(ObjectNode profile, Map<String, List<Resource>> packs) {
        Path fleet = root.resolve("fleet-" + (++count));
        try {
            Files.createDirectories(fleet);
            Files.writeString(fleet.resolve(profile.path("name").asText() + ".yaml"), new YamlWriter().write(profile));
            for (Map.Entry<String, List<Resource>> pack : packs.entrySet()) {
                Diagnostics ignored = new Diagnostics();
                Path dir = Files.createDirectories(fleet.resolve(Generator.FLEET_PACKS).resolve(pack.getKey()));
                for (Map.Entry<String, String> f : PackFiles.of(pack.getValue(), "the live state", ignored).entrySet()) {
                    Files.writeString(dir.resolve(f.getKey()), f.getValue());
                }
            }
        } catch (IOException e) {
            throw new CalicoGitOpsException("write a scratch fleet under " + root, e);
        }
        return fleet;
    }

    @Override
    public void close() {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A leftover temporary folder is harmless; the import's result does not depend on it.
        }
    }
}
