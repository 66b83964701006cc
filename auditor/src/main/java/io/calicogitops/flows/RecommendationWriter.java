package io.calicogitops.flows;

import io.calicogitops.diag.UsageException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a {@link RecommendationPack} under a templates folder. The pack's own folder is replaced as a whole (a
 * namespace no longer recommended loses its file), nothing else in the folder is touched, and each file is written
 * to a temporary name and moved into place.
 */
public final class RecommendationWriter {

    private RecommendationWriter() {
    }

    /** Writes the pack of {@code rec} into {@code templatesDir}; returns the written paths, relative, sorted. */
    public static List<String> write(Recommendation rec, Path templatesDir) {
        Map<String, String> files = RecommendationPack.files(rec);
        Path packDir = templatesDir.resolve(RecommendationPack.packName(rec.cluster()));
        // Never write through a symbolic link: the pack goes where the folder says, not where a link points.
        if (Files.isSymbolicLink(templatesDir) || Files.isSymbolicLink(packDir)) {
            throw new UsageException("the pack folder " + (Files.isSymbolicLink(packDir) ? packDir : templatesDir)
                    + " is a symbolic link; refusing to write through it");
        }
        try {
            Files.createDirectories(packDir);
            try (Stream<Path> old = Files.list(packDir)) {
                for (Path p : old.toList()) {
                    String rel = RecommendationPack.packName(rec.cluster()) + "/" + p.getFileName();
                    if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !files.containsKey(rel)
                            && (rel.endsWith(".yaml.mustache") || rel.endsWith("/pack.yaml"))) {
                        Files.delete(p);
                    }
                }
            }
            List<String> written = new ArrayList<>();
            for (Map.Entry<String, String> e : files.entrySet()) {
                Path target = templatesDir.resolve(e.getKey());
                Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
                Files.writeString(tmp, e.getValue(), StandardCharsets.UTF_8);
                Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                written.add(e.getKey());
            }
            return written;
        } catch (IOException e) {
            throw new UsageException("cannot write the pack into " + packDir + ": " + e.getMessage());
        }
    }
}
