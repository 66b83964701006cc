package io.calicogitops.render;

import io.calicogitops.git.FileChange;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevWalk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shared helpers for the repository-writing tests: the sample fleet, renders, and read-only views of a JGit repository. */
final class RepoFixtures {

    private static Generator.RenderResult sampleRender;

    private RepoFixtures() {
    }

    static Path projectRoot() {
        return Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    }

    /** {@code sample-repo/fleet} of the checkout: five clusters. */
    static Path sampleFleet() {
        Path fleet = projectRoot().resolve("sample-repo/fleet");
        assertTrue(Files.isDirectory(fleet), "sample fleet not found at " + fleet);
        return fleet;
    }

    /** A private copy of {@code sample-repo} (fleet and workloads, so {@code workloads: ../workloads} resolves); returns its fleet. */
    static Path copySampleFleet(Path into) {
        Path source = sampleFleet().getParent();
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : walk.toList()) {
                Path dest = into.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return into.resolve("fleet");
    }

    static Generator.RenderResult render(Path fleet, String... clusters) {
        return new Generator().render(new Generator.RenderRequest(fleet, Optional.empty(), Optional.empty(),
                List.of(clusters), p -> p.toString().replace('\\', '/')));
    }

    /** The render of the unmodified sample fleet; immutable, so computed once per test JVM. */
    static synchronized Generator.RenderResult sampleRender() {
        if (sampleRender == null) {
            sampleRender = render(sampleFleet());
        }
        return sampleRender;
    }

    /** A full-fleet, real (not dry-run) write with the default commit message. */
    static RepoUpdate write(Generator.RenderResult rendered, Path repo) {
        return RepoUpdate.write(rendered, repo, true, false, null);
    }

    /** Replaces one exact piece of text in a profile, failing when the text is not there. */
    static void editProfile(Path fleet, String file, String from, String to) {
        Path profile = fleet.resolve(file);
        String text = read(profile);
        assertTrue(text.contains(from), file + " does not contain '" + from + "'");
        writeFile(profile, text.replace(from, to));
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeFile(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Git git(Path repo) {
        try {
            return Git.open(repo.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The commit HEAD points at, or empty before the first commit. */
    static Optional<ObjectId> head(Path repo) {
        try (Git git = git(repo)) {
            return Optional.ofNullable(git.getRepository().resolve("HEAD^{commit}"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@code git rev-parse HEAD^{tree}} prints. */
    static ObjectId headTree(Path repo) {
        try (Git git = git(repo)) {
            ObjectId tree = git.getRepository().resolve("HEAD^{tree}");
            assertTrue(tree != null, "no commit in " + repo);
            return tree;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int commitCount(Path repo) {
        try (Git git = git(repo)) {
            int n = 0;
            for (var ignored : git.log().call()) {
                n++;
            }
            return n;
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    static String fullMessage(Path repo, ObjectId commit) {
        try (Git git = git(repo); RevWalk rw = new RevWalk(git.getRepository())) {
            return rw.parseCommit(commit).getFullMessage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every path in the tree of HEAD ({@code git ls-tree -r --name-only HEAD}). */
    static SortedMap<String, String> headFiles(Path repo) {
        try (io.calicogitops.git.GitRepo r = io.calicogitops.git.GitRepo.open(repo)) {
            ObjectId head = r.resolve("HEAD").orElseThrow();
            return r.readTree(head, "").entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                    e -> new String(e.getValue(), StandardCharsets.UTF_8), (a, b) -> a, TreeMap::new));
        }
    }

    /** Every file of the work tree outside {@code .git}, as text, keyed by path relative to the repository. */
    static SortedMap<String, String> workTree(Path repo) {
        SortedMap<String, String> out = new TreeMap<>();
        if (!Files.exists(repo)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(repo)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String rel = repo.relativize(p).toString().replace('\\', '/');
                if (!rel.startsWith(".git/")) {
                    out.put(rel, read(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Path to A/M/D, sorted: the shape of a change set without the bytes. */
    static SortedMap<String, String> summary(List<FileChange> changes) {
        return changes.stream().collect(Collectors.toMap(FileChange::path, c -> c.type().letter(), (a, b) -> a, TreeMap::new));
    }

    /** A file the user writes and commits themselves (no generator marker). */
    static void commitUserFile(Path repo, String path, String text) {
        writeFile(repo.resolve(path), text);
        try (Git git = git(repo)) {
            git.add().addFilepattern(path).call();
            PersonIdent user = new PersonIdent("A User", "user@example.com");
            git.commit().setMessage("user adds " + path).setAuthor(user).setCommitter(user).setSign(false).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }
}
