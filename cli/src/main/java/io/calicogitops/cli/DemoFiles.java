package io.calicogitops.cli;

import io.calicogitops.render.TemplateFile;
import io.calicogitops.render.TemplateLibrary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** The folders of {@code calico-gitops demo}: the sample it reads and the trees it rewrites on each run. */
final class DemoFiles {

    private DemoFiles() {
    }

    /** {@code sample} when it holds a fleet, else the copy inside the program extracted under {@code out}. */
    static Path sample(Path sample, Path out) throws IOException {
        return Files.isDirectory(sample.resolve("fleet")) ? sample : extractEmbeddedSample(out.resolve("sample-repo"));
    }

    /** The sample ships inside the jar, so the demo also runs outside a checkout. */
    private static Path extractEmbeddedSample(Path target) throws IOException {
        deleteTree(target);
        for (TemplateFile f : TemplateLibrary.load("sample-repo", Optional.empty(), "").files().values()) {
            Path dest = target.resolve(f.relativePath());
            Files.createDirectories(dest.getParent());
            Files.writeString(dest, f.text());
        }
        return target;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
