package io.calicogitops.history;

import io.calicogitops.git.GitRepo;
import io.calicogitops.report.HistoryJsonReporter;
import io.calicogitops.report.HistoryTextReporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.calicogitops.history.Manifests.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The analysis cache in {@code .git/calico-gitops/history} is an optimisation only: every report is byte for byte the
 * report of a walk without it (text and JSON), whatever was cached before and whatever happened to the files; a
 * repeated walk reads no blob and a walk from a newer commit reads only the new commits' blobs.
 */
class HistoryCacheTest {

    @TempDir
    Path tmp;

    /** The fleet history plus a warning, a Secret whose value changes and a commit dated before its parent. */
    private void writeRepo() {
        try (ScriptedRepo r = new ScriptedRepo(tmp)) {
            Scenarios.fleet(r);
            r.put(path("eks-prod", "tier-broken.yaml"), "kind: Tier\nmetadata: [unclosed\n")
                    .commit("break a file", "Bob", Instant.parse("2026-11-28T09:00:00Z"));
            r.put(path("eks-prod", "secret-db.yaml"), secret("hunter2-first-value"))
                    .commit("add the database password", "Carol", Instant.parse("2026-11-29T09:00:00Z"));
            // Committed with a clock behind its parent's: where a walk --since stops depends on it.
            r.put(path("eks-prod", "secret-db.yaml"), secret("hunter2-second-value"))
                    .remove(path("eks-prod", "tier-broken.yaml"))
                    .commit("rotate the password", "Carol", Instant.parse("2026-11-21T09:00:00Z"));
            r.put(path("aks-dev", "tier-security.yaml"), Manifests.tier("security", 410))
                    .commit("aks-dev: reorder", "Dave", Instant.parse("2026-11-30T09:00:00Z"));
            r.put(path("eks-prod", "tier-security.yaml"), Manifests.tier("security", 420))
                    .commit("eks-prod: reorder", "Dave", Instant.parse("2026-12-01T09:00:00Z"));
        }
    }

    private static String secret(String value) {
        return "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n  namespace: app\nstringData:\n  password: " + value + "\n";
    }

    private record Query(String ref, String cluster, String since, String until) {
    }

    private static final List<Query> QUERIES = List.of(
            new Query("HEAD~3", "eks-prod", null, null),
            new Query("HEAD", "eks-prod", null, null),
            new Query("HEAD", "eks-prod", null, null),
            new Query("HEAD", "eks-prod", "2026-11-20", null),
            new Query("HEAD", "eks-prod", "2026-11-10", "2026-11-26"),
            new Query("HEAD~1", "eks-prod", null, "2026-11-22"),
            new Query("HEAD~6", "eks-prod", null, null),
            new Query("HEAD", null, "2026-11-25", null),
            new Query("HEAD", null, null, null),
            new Query("HEAD~2", null, null, "2026-11-29"),
            new Query("HEAD", "aks-dev", null, null),
            new Query("HEAD", "aks-dev", "2026-11-05", "2026-11-05"));

    @Test
    void everyQuery_printsTheSameBytesWithAndWithoutTheCache_whateverWasCachedBefore() {
        writeRepo();
        walk(false, QUERIES.get(1));
        assertEquals(List.of(), cacheFiles(), "a walk without cache writes none");
        for (Query q : QUERIES) {
            String[] expected = render(walk(false, q));
            // Cold (nothing cached for this folder yet, or only what earlier queries left), then warm.
            for (int round = 0; round < 2; round++) {
                String[] got = render(walk(true, q));
                assertEquals(expected[0], got[0], q + " text, round " + round);
                assertEquals(expected[1], got[1], q + " JSON, round " + round);
            }
        }
        assertFalse(cacheFiles().isEmpty());
        // And once more from an empty cache, now that every query has left its segments behind.
        deleteCache();
        for (Query q : QUERIES) {
            assertEquals(render(walk(false, q))[1], render(walk(true, q))[1], q.toString());
        }
    }

    @Test
    void repeatedWalk_readsNoBlob_andAWalkFromANewerCommitReadsOnlyTheNewCommits() {
        writeRepo();
        Query older = new Query("HEAD~2", "eks-prod", null, null);
        Query newer = new Query("HEAD", "eks-prod", null, null);
        long cold = blobsRead(older, true);
        assertTrue(cold > 0);
        assertEquals(0, blobsRead(older, true), "repeated walk");
        // HEAD~1 changed only aks-dev; HEAD changed one eks-prod file: its two versions are the only blobs to read.
        assertEquals(2, blobsRead(newer, true), "walk from two commits later");
        assertEquals(0, blobsRead(newer, true));
        assertEquals(render(walk(false, newer))[1], render(walk(true, newer))[1]);
    }

    @Test
    void damagedOrTruncatedCacheFile_isRebuiltAndNeverChangesTheReport() throws IOException {
        writeRepo();
        Query q = new Query("HEAD", "eks-prod", null, null);
        String[] expected = render(walk(false, q));
        walk(true, q);
        Path file = cacheFiles().get(0);
        byte[] good = Files.readAllBytes(file);
        // A byte of a sentence changed ("Tier" -> "Tiex"): decodes fine, only the checksum can tell.
        String text = new String(good, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("hunter2") >= 0 ? -1 : text.indexOf("reorder");
        assertTrue(at > 0, "the cache holds the commit message");
        for (byte[] bad : List.of(flip(good, at), java.util.Arrays.copyOf(good, good.length / 2),
                java.util.Arrays.copyOf(good, good.length - 1), new byte[0], new byte[] {'x'})) {
            Files.write(file, bad);
            String[] got = render(walk(true, q));
            assertEquals(expected[0], got[0]);
            assertEquals(expected[1], got[1]);
            assertTrue(java.util.Arrays.equals(good, Files.readAllBytes(file)), "rewritten by the walk");
        }
    }

    @Test
    void repositoryWhoseGitFolderCannotBeWritten_isWalkedWithoutCache() throws IOException {
        writeRepo();
        // A file where the cache folder would be: creating it fails as on a read-only file system.
        Files.writeString(tmp.resolve(".git/calico-gitops"), "not a folder\n");
        Query q = new Query("HEAD", "eks-prod", null, null);
        String[] expected = render(walk(false, q));
        String[] got = render(walk(true, q));
        assertEquals(expected[1], got[1]);
        assertEquals(expected[0], render(walk(true, q))[0]);
        assertEquals("not a folder\n", Files.readString(tmp.resolve(".git/calico-gitops")));
    }

    @Test
    @Timeout(120)
    void concurrentWalks_allPrintTheSameReport_andLeaveACacheThatReadsBack() throws Exception {
        writeRepo();
        Query q = new Query("HEAD", null, null, null);
        String expected = render(walk(false, q))[1];
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 3; round++) {
                deleteCache();
                List<Future<String>> runs = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    runs.add(pool.submit(() -> render(walk(true, q))[1]));
                }
                for (Future<String> f : runs) {
                    assertEquals(expected, f.get(60, TimeUnit.SECONDS));
                }
                assertEquals(1, cacheFiles().size(), cacheFiles().toString());
                try (GitRepo git = GitRepo.open(tmp)) {
                    assertEquals(expected, render(new History(DriftTimelineSource.none(), true)
                            .walk(git, request(q)))[1]);
                    assertEquals(0, git.blobsRead(), "read from the cache");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void cacheHoldsNoSecretValue() throws IOException {
        writeRepo();
        String json = render(walk(true, new Query("HEAD", "eks-prod", null, null)))[1];
        assertTrue(json.contains("Secret"), "the Secret's changes are in the report");
        assertFalse(json.contains("hunter2"));
        List<Path> files = cacheFiles();
        assertFalse(files.isEmpty());
        for (Path f : files) {
            String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            assertFalse(bytes.contains("hunter2"), f.toString());
        }
    }

    @Test
    void otherFolder_otherBuild_orOtherFormat_isNotRead() {
        writeRepo();
        Query q = new Query("HEAD", "eks-prod", null, null);
        walk(true, q);
        String tip = cacheFiles().get(0).getFileName().toString();
        AnalysisCache mine = AnalysisCache.in(tmp.resolve(".git"), "clusters/eks-prod");
        CacheSegment segment = mine.read(tip).orElseThrow();
        byte[] data = SegmentCodec.encode(segment, "v");
        assertEquals(segment, SegmentCodec.decode(data, "v", "clusters/eks-prod").orElseThrow());
        assertEquals(Optional.empty(), SegmentCodec.decode(data, "w", "clusters/eks-prod"));
        assertEquals(Optional.empty(), SegmentCodec.decode(data, "v", "clusters/aks-dev"));
        assertNotEquals(AnalysisCache.key("clusters/eks-prod"), AnalysisCache.key("clusters/aks-dev"));
        for (int n = 0; n < data.length; n++) {
            assertEquals(Optional.empty(), SegmentCodec.decode(java.util.Arrays.copyOf(data, n), "v", "clusters/eks-prod"),
                    "truncated to " + n + " bytes");
        }
    }

    private HistoryRequest request(Query q) {
        return new HistoryRequest(tmp, q.ref(), Optional.ofNullable(q.cluster()), Interval.parse(q.since(), q.until()));
    }

    private HistoryReport walk(boolean cached, Query q) {
        return new History(DriftTimelineSource.none(), cached).walk(request(q));
    }

    private long blobsRead(Query q, boolean cached) {
        try (GitRepo git = GitRepo.open(tmp)) {
            new History(DriftTimelineSource.none(), cached).walk(git, request(q));
            return git.blobsRead();
        }
    }

    private static String[] render(HistoryReport report) {
        try {
            StringWriter text = new StringWriter();
            new HistoryTextReporter().write(report, text);
            StringWriter json = new StringWriter();
            new HistoryJsonReporter().write(report, json);
            return new String[] {text.toString(), json.toString()};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] flip(byte[] data, int at) {
        byte[] out = data.clone();
        out[at] ^= 0x01;
        return out;
    }

    private List<Path> cacheFiles() {
        Path root = tmp.resolve(".git/calico-gitops/history");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void deleteCache() {
        for (Path f : cacheFiles()) {
            try {
                Files.delete(f);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
