package io.calicogitops.render;

import io.calicogitops.diag.GitAccessException;
import io.calicogitops.git.FileChange;
import io.calicogitops.git.GitRepo;
import io.calicogitops.model.RepoLayout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Works out what a render changes in the repository: files added, modified and removed in the cluster folders the
 * generator owns. Files without the generator's marker are never touched; a generated file with uncommitted user
 * edits stops the render instead of being overwritten.
 */
public final class RepoPlan {

    private RepoPlan() {
    }

    /**
     * @param all whether the whole fleet was rendered: only then are folders of clusters no longer in the fleet removed
     */
    public static List<FileChange> plan(GitRepo repo, List<ClusterRender> clusters, boolean all) {
        Path root = repo.workTree();
        Set<String> touchedDirs = new LinkedHashSet<>();
        Map<String, FileChange> changes = new TreeMap<>();
        List<String> foreign = new ArrayList<>();
        for (ClusterRender c : clusters) {
            planFolder(root, c.folder(), c.files(), changes, foreign);
            touchedDirs.add(c.folder());
            // The other layout's folder (RepoLayout): its generated files go, so a repository rendered before moves to
            // clusters/<name>/calico/ in one commit (and back with layout: cluster). Files we did not write stay.
            String other = otherLayout(c);
            planFolder(root, other, Map.of(), changes, foreign);
            touchedDirs.add(other);
            if (!c.bootstrapFiles().isEmpty() || Files.isDirectory(root.resolve(c.bootstrapFolder()))) {
                planFolder(root, c.bootstrapFolder(), c.bootstrapFiles(), changes, foreign);
                touchedDirs.add(c.bootstrapFolder());
            }
        }
        if (all) {
            for (String dir : ownedDirs(root)) {
                if (!touchedDirs.contains(dir)) {
                    ownedFiles(root, dir, new ArrayList<>(), Set.of()).forEach((name, old) -> {
                        String path = dir + "/" + name;
                        changes.put(path, new FileChange(path, FileChange.Type.REMOVED, old, null));
                    });
                }
            }
        }
        if (!foreign.isEmpty()) {
            throw new GitAccessException("refusing to overwrite files that calico-gitops did not generate: "
                    + String.join(", ", foreign) + " (move them out of the cluster folder)");
        }
        // Only files the render would write or remove can lose a user's edit: ask Git about those, in one status walk
        // (none when nothing changes: a no-op re-render reads no work-tree file for status).
        Set<String> dirty = repo.uncommitted(new TreeSet<>(changes.keySet()));
        dirty.retainAll(changes.keySet());
        if (!dirty.isEmpty()) {
            throw new GitAccessException("generated files have uncommitted edits: " + String.join(", ", dirty)
                    + " (commit or discard them first: a render would overwrite them)");
        }
        Set<String> staged = repo.stagedOutside(changes.keySet());
        if (!staged.isEmpty()) {
            throw new GitAccessException("the index holds staged changes outside the generated files: "
                    + String.join(", ", staged) + " (commit or unstage them first, so the render commit holds only its own files)");
        }
        return List.copyOf(changes.values());
    }

    /** Adds, changes and removals that make the generated files of {@code dir} equal {@code files}. */
    private static void planFolder(Path root, String dir, Map<String, byte[]> files, Map<String, FileChange> changes,
                                   List<String> foreign) {
        Map<String, byte[]> existing = ownedFiles(root, dir, foreign, files.keySet());
        files.forEach((name, bytes) -> {
            String path = dir + "/" + name;
            byte[] old = existing.get(name);
            if (old == null) {
                changes.put(path, new FileChange(path, FileChange.Type.ADDED, null, bytes));
            } else if (!Arrays.equals(old, bytes)) {
                changes.put(path, new FileChange(path, FileChange.Type.MODIFIED, old, bytes));
            }
        });
        existing.forEach((name, old) -> {
            if (!files.containsKey(name)) {
                String path = dir + "/" + name;
                changes.put(path, new FileChange(path, FileChange.Type.REMOVED, old, null));
            }
        });
    }

    private static String otherLayout(ClusterRender c) {
        String name = c.profile().name();
        String current = RepoLayout.folder(name, RepoLayout.Style.CALICO_SUBFOLDER);
        return c.folder().equals(current) ? RepoLayout.clusterRoot(name) : current;
    }

    /**
     * Generated files (first line is the marker) in {@code dir} and its sub-folders, except, in a cluster's root
     * folder, those of its {@code calico/} sub-folder, which is the other layout's folder; names we want to write but cannot own go to {@code foreign}. */
    private static Map<String, byte[]> ownedFiles(Path root, String dir, List<String> foreign, Set<String> wanted) {
        Map<String, byte[]> out = new TreeMap<>();
        Path folder = root.resolve(dir);
        if (!Files.isDirectory(folder)) {
            return out;
        }
        // Depth 2: the cluster folder's own files and those of its Flux stage folders (flux-tiers/, flux-policies/).
        try (Stream<Path> s = Files.walk(folder, 2)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                byte[] bytes = Files.readAllBytes(p);
                String name = folder.relativize(p).toString().replace('\\', '/');
                if (isClusterRoot(dir) && name.startsWith(RepoLayout.SUBFOLDER + "/")) {
                    continue;
                }
                if (isGenerated(bytes)) {
                    out.put(name, bytes);
                } else if (wanted.contains(name)) {
                    foreign.add(dir + "/" + name);
                }
            }
        } catch (IOException e) {
            throw new GitAccessException("read " + folder + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static boolean isClusterRoot(String dir) {
        String[] parts = dir.split("/");
        return parts.length == 2 && parts[0].equals(RepoLayout.CLUSTERS);
    }

    static boolean isGenerated(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.UTF_8);
        return head.startsWith(ClusterLayout.MARKER) || head.startsWith("<!-- " + ClusterLayout.MARKER.substring(2));
    }

    /** The per-cluster folders the generator may own: {@code bootstrap/<name>}, {@code clusters/<name>} and {@code clusters/<name>/calico}. */
    private static List<String> ownedDirs(Path root) {
        List<String> out = new ArrayList<>();
        for (String top : List.of("bootstrap", RepoLayout.CLUSTERS)) {
            Path parent = root.resolve(top);
            if (!Files.isDirectory(parent)) {
                continue;
            }
            try (Stream<Path> s = Files.list(parent)) {
                for (Path p : s.filter(Files::isDirectory).sorted().toList()) {
                    out.add(top + "/" + p.getFileName());
                    if (top.equals(RepoLayout.CLUSTERS) && Files.isDirectory(p.resolve(RepoLayout.SUBFOLDER))) {
                        out.add(top + "/" + p.getFileName() + "/" + RepoLayout.SUBFOLDER);
                    }
                }
            } catch (IOException e) {
                throw new GitAccessException("list " + parent + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** The commit message: a subject naming the clusters and counts, then every resource added, changed or removed. */
    public static String message(List<FileChange> changes, String userMessage) {
        Map<String, List<FileChange>> byCluster = new TreeMap<>();
        for (FileChange c : changes) {
            String[] parts = c.path().split("/");
            byCluster.computeIfAbsent(parts[1], k -> new ArrayList<>()).add(c);
        }
        long added = changes.stream().filter(c -> c.type() == FileChange.Type.ADDED).count();
        long modified = changes.stream().filter(c -> c.type() == FileChange.Type.MODIFIED).count();
        long removed = changes.stream().filter(c -> c.type() == FileChange.Type.REMOVED).count();
        StringBuilder b = new StringBuilder();
        List<String> rendered = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        byCluster.forEach((cluster, list) -> {
            boolean removedWhole = list.stream().allMatch(c -> c.type() == FileChange.Type.REMOVED)
                    && list.stream().anyMatch(c -> c.path().startsWith("clusters/") && c.path().endsWith("/kustomization.yaml"));
            (removedWhole ? gone : rendered).add(cluster);
        });
        String auto = (rendered.isEmpty() ? "" : "render " + String.join(", ", rendered))
                + (rendered.isEmpty() || gone.isEmpty() ? "" : "; ")
                + (gone.isEmpty() ? "" : "remove " + String.join(", ", gone));
        String subject = userMessage != null && !userMessage.isBlank() ? userMessage.strip() : auto;
        b.append(subject).append("\n\n");
        b.append(added).append(" added, ").append(modified).append(" changed, ").append(removed).append(" removed.\n");
        byCluster.forEach((cluster, list) -> {
            b.append('\n').append(cluster).append(":\n");
            for (FileChange c : list) {
                String name = c.path().substring(c.path().lastIndexOf('/') + 1);
                b.append("  ").append(c.type().letter()).append(' ').append(describe(name)).append('\n');
            }
        });
        return b.toString();
    }

    /** {@code globalnetworkpolicy-security.pci-whitelist.yaml} as {@code globalnetworkpolicy security.pci-whitelist}. */
    static String describe(String fileName) {
        if (!fileName.endsWith(".yaml") || fileName.equals("kustomization.yaml") || !fileName.contains("-")) {
            return fileName;
        }
        String stem = fileName.substring(0, fileName.length() - ".yaml".length());
        int dash = stem.indexOf('-');
        return stem.substring(0, dash) + " " + stem.substring(dash + 1);
    }
}
