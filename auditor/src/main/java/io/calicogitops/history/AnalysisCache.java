package io.calicogitops.history;

import io.calicogitops.version.BuildInfo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Where history keeps what it learnt from earlier walks, in the repository's own storage as Git keeps its own caches
 * there ({@code .git/calico-gitops/history/<folder key>/<tip commit id>}, one {@link CacheSegment} per file). Only an
 * optimisation: any file that is missing, damaged, of another format or another build of the tool reads as a miss,
 * and a repository that cannot be written to is walked without a cache. Files are written to a temporary name and
 * renamed into place, so that a concurrent run sees either the old file or the new one, never half of one.
 */
final class AnalysisCache {

    /** Bumped whenever the analysis (events, sentences, warnings) or the file format changes meaning. */
    static final String ANALYSIS_VERSION = "history-analysis/1";

    /** Walks from many different commits each leave a segment; the oldest beyond this many are removed. */
    static final int MAX_SEGMENTS = 8;

    private static final Pattern TIP = Pattern.compile("[0-9a-f]{40}");
    private static final Duration STALE_TEMPORARY = Duration.ofHours(1);

    private final Path dir;
    private final String prefix;
    private final String version;

    private AnalysisCache(Path dir, String prefix, String version) {
        this.dir = dir;
        this.prefix = prefix;
        this.version = version;
    }

    /** The cache of walks under {@code prefix} in the repository whose Git folder is {@code gitDir}. */
    static AnalysisCache in(Path gitDir, String prefix) {
        return new AnalysisCache(gitDir.resolve("calico-gitops").resolve("history").resolve(key(prefix)), prefix,
                ANALYSIS_VERSION + " " + BuildInfo.current().display());
    }

    /** No cache: every walk reads Git (also how a repository that cannot be written to behaves). */
    static AnalysisCache none(String prefix) {
        return new AnalysisCache(null, prefix, "");
    }

    String prefix() {
        return prefix;
    }

    /** What a segment's header must name to be read: the analysis version and the build that wrote it. */
    String version() {
        return version;
    }

    /** The tip commits of the stored segments (nothing is read but the folder listing). */
    TreeSet<String> tips() {
        TreeSet<String> out = new TreeSet<>();
        if (dir == null || !usable()) {
            return out;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (TIP.matcher(name).matches()) {
                    out.add(name);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Unreadable: as if empty.
        }
        return out;
    }

    /** The segment stored under {@code tip}, or empty when there is none or it does not decode (then it is removed). */
    Optional<CacheSegment> read(String tip) {
        if (dir == null || !usable()) {
            return Optional.empty();
        }
        Path file = dir.resolve(tip);
        byte[] data;
        try {
            if (Files.isSymbolicLink(file)) {
                // Not written by this cache (which renames regular files into place): never followed out of .git.
                return Optional.empty();
            }
            data = Files.readAllBytes(file);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        Optional<CacheSegment> segment = SegmentCodec.decode(data, version, prefix)
                .filter(s -> s.tip().equals(tip));
        if (segment.isEmpty()) {
            // Damaged, or written by another build: it will be written again by this walk.
            deleteQuietly(file);
        }
        return segment;
    }

    /**
     * Stores {@code segment} under its tip and removes the segments it covers, and the oldest beyond
     * {@link #MAX_SEGMENTS}; {@code others} are the segments read by this walk. Silent when nothing can be written.
     */
    void write(CacheSegment segment, List<CacheSegment> others) {
        if (dir == null) {
            return;
        }
        Path tmp = null;
        try {
            byte[] data = SegmentCodec.encode(segment, version);
            Files.createDirectories(dir);
            if (!usable()) {
                return;
            }
            tmp = dir.resolve("." + segment.tip() + "." + UUID.randomUUID() + ".tmp");
            Files.write(tmp, data);
            Files.move(tmp, dir.resolve(segment.tip()), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
            Map<String, Integer> positions = segment.positions();
            for (CacheSegment o : others) {
                if (!o.tip().equals(segment.tip()) && segment.covers(o, positions)) {
                    deleteQuietly(dir.resolve(o.tip()));
                }
            }
            prune();
        } catch (IOException | RuntimeException e) {
            // Read-only repository, full disk, no atomic rename here, or text the format cannot carry: no cache.
        } finally {
            if (tmp != null) {
                deleteQuietly(tmp);
            }
        }
    }

    /** Removes the least recently written segments beyond the limit, and temporary files a killed run left behind. */
    private void prune() throws IOException {
        List<Path> segments = new ArrayList<>();
        Instant staleBefore = Instant.now().minus(STALE_TEMPORARY);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (TIP.matcher(name).matches()) {
                    segments.add(f);
                } else if (name.endsWith(".tmp") && modified(f).toInstant().isBefore(staleBefore)) {
                    deleteQuietly(f);
                }
            }
        }
        if (segments.size() <= MAX_SEGMENTS) {
            return;
        }
        segments.sort(Comparator.comparing(AnalysisCache::modified).reversed().thenComparing(Path::toString));
        segments.subList(MAX_SEGMENTS, segments.size()).forEach(AnalysisCache::deleteQuietly);
    }

    /**
     * A cache folder reached through a symbolic link could be anywhere: used only when none of the folders this
     * cache adds under the Git folder is a link.
     */
    private boolean usable() {
        return !Files.isSymbolicLink(dir) && !Files.isSymbolicLink(dir.getParent())
                && !Files.isSymbolicLink(dir.getParent().getParent());
    }

    private static FileTime modified(Path f) {
        try {
            return Files.getLastModifiedTime(f);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void deleteQuietly(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException | RuntimeException e) {
            // Another run removed it, or the folder is read-only: harmless for a cache.
        }
    }

    /** The folder's name: a digest of the walked prefix, which is also checked inside every file. */
    static String key(String prefix) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(prefix.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
