package io.calicogitops.render;

import io.calicogitops.diag.CalicoGitOpsException;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.diag.InvalidValueException;
import io.calicogitops.diag.UsageException;
import io.calicogitops.yaml.InputFolder;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The files under one root ({@code templates} or {@code overlays}): the built-in ones shipped in the jar, with a user
 * folder layered on top (a user file replaces the built-in file with the same relative path). Sorted by path, so
 * every run sees the same order.
 */
public final class TemplateLibrary {

    private final SortedMap<String, TemplateFile> files;

    private TemplateLibrary(SortedMap<String, TemplateFile> files) {
        this.files = Collections.unmodifiableSortedMap(files);
    }

    /** One folder layered over the built-in files, shown with {@code display} as prefix. */
    public record Layer(Path dir, String display) {
    }

    /** Built-in files of {@code root} plus those of {@code userDir} (shown with {@code userDisplay} as prefix). */
    public static TemplateLibrary load(String root, Optional<Path> userDir, String userDisplay) {
        return load(root, userDir.map(d -> List.of(new Layer(d, userDisplay))).orElse(List.of()));
    }

    /** Built-in files of {@code root} with each layer on top, in order: a later layer replaces an earlier file. */
    public static TemplateLibrary load(String root, List<Layer> layers) {
        SortedMap<String, TemplateFile> files = new TreeMap<>();
        readBuiltIn(root, files);
        for (Layer layer : layers) {
            if (!Files.isDirectory(layer.dir())) {
                throw new InvalidValueException(root, "folder not found: " + layer.dir());
            }
            readTree(layer.dir(), layer.display(), files);
        }
        return new TemplateLibrary(files);
    }

    public SortedMap<String, TemplateFile> files() {
        return files;
    }

    /** The groups (first path segment) that hold at least one {@code *.yaml.mustache} or {@code overlay.yaml}. */
    public List<String> groups() {
        return files.values().stream()
                .filter(f -> f.isTemplate() || f.relativePath().endsWith("/overlay.yaml"))
                .map(TemplateFile::group).filter(g -> !g.isEmpty()).distinct().sorted().toList();
    }

    public List<TemplateFile> inGroup(String group) {
        return files.values().stream().filter(f -> f.group().equals(group)).toList();
    }

    private static void readBuiltIn(String root, SortedMap<String, TemplateFile> files) {
        URL marker = TemplateLibrary.class.getClassLoader().getResource(root + "/README.md");
        if (marker == null) {
            throw new CalicoGitOpsException("built-in " + root + " are missing from the classpath (broken build)");
        }
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs = jarFileSystem(uri);
                readTree(fs.getPath("/" + root), root, files);
            } else {
                readTree(Path.of(uri).getParent(), root, files);
            }
        } catch (URISyntaxException | IOException e) {
            throw new CalicoGitOpsException("cannot read built-in " + root + ": " + e.getMessage(), e);
        }
    }

    private static synchronized FileSystem jarFileSystem(URI uri) throws IOException {
        try {
            return FileSystems.getFileSystem(uri);
        } catch (FileSystemNotFoundException e) {
            return FileSystems.newFileSystem(uri, Map.of());
        }
    }

    private static void readTree(Path dir, String display, SortedMap<String, TemplateFile> files) {
        Diagnostics diagnostics = new Diagnostics();
        Function<Path, String> shown = p -> p.equals(dir) ? display
                : display + "/" + dir.relativize(p).toString().replace('\\', '/');
        try {
            for (Path p : InputFolder.files(dir, Integer.MAX_VALUE, p -> true, shown, diagnostics)) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (rel.endsWith("README.md") || rel.startsWith(".")) {
                    continue;
                }
                String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
                files.put(rel, new TemplateFile(rel, display + "/" + rel, text));
            }
        } catch (IOException e) {
            throw new UsageException("cannot read " + display + ": " + e.getMessage());
        }
        diagnostics.throwIfErrors(display);
    }
}
