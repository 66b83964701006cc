package io.calicogitops.yaml;

import io.calicogitops.diag.Diagnostics;
import io.calicogitops.diag.SourceLocation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Lists the files of an input folder (fleet, templates, overlays, workloads) without ever following a symbolic link
 * out of it. A link out of the folder would make the tool read, and quote in its diagnostics, whatever the link names
 * (a service-account token, a kubeconfig): such a link is an error naming the link, and the target is never opened.
 * A link whose target stays inside the folder is followed, as Git and kubectl's {@code -R} would. Folder links are
 * never descended into (their files, when inside, are reached through the real folder anyway).
 */
public final class InputFolder {

    private InputFolder() {
    }

    /**
     * The regular files below {@code root} down to {@code maxDepth} (1: only its direct entries) that {@code accept}
     * keeps, sorted; every link that leaves {@code root} or points nowhere is an error in {@code diagnostics}, shown
     * through {@code display}.
     *
     * @throws IOException when the folder cannot be listed
     */
    public static List<Path> files(Path root, int maxDepth, java.util.function.Predicate<Path> accept,
                                   Function<Path, String> display, Diagnostics diagnostics) throws IOException {
        Path realRoot = root.toRealPath();
        List<Path> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root, maxDepth)) {
            for (Path p : walk.sorted().toList()) {
                if (p.equals(root) || !accept.test(p) && !Files.isSymbolicLink(p)) {
                    continue;
                }
                if (!Files.isSymbolicLink(p)) {
                    if (Files.isRegularFile(p)) {
                        out.add(p);
                    }
                    continue;
                }
                Path target;
                try {
                    target = p.toRealPath();
                } catch (IOException e) {
                    diagnostics.error(SourceLocation.of(display.apply(p)),
                            "symbolic link points to nothing that can be read; not followed");
                    continue;
                }
                if (!target.startsWith(realRoot)) {
                    diagnostics.error(SourceLocation.of(display.apply(p)),
                            "symbolic link points outside " + display.apply(root) + "; not followed");
                } else if (Files.isRegularFile(target) && accept.test(p)) {
                    out.add(p);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return out;
    }
}
