package io.calicogitops.history;

import io.calicogitops.git.GitRepo;
import io.calicogitops.output.OutputFormat;
import io.calicogitops.report.HistoryCsvReporter;
import io.calicogitops.report.HistoryReporters;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.calicogitops.history.Manifests.path;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

    /** Outside the repository: CSV folders, a bare clone. */
    @TempDir
    Path scratch;

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
    void everyQuery_printsTheSameBytesInEveryFormatWithAndWithoutTheCache_whateverWasCachedBefore() {
        writeRepo();
        walk(false, QUERIES.get(1));
        assertEquals(List.of(), cacheFiles(), "a walk without cache writes none");
        for (Query q : QUERIES) {
            List<String> expected = render(walk(false, q));
            // Cold (nothing cached for this folder yet, or only what earlier queries left), then warm.
            for (int round = 0; round < 2; round++) {
                assertEquals(expected, render(walk(true, q)), q + ", round " + round);
            }
        }
        assertFalse(cacheFiles().isEmpty());
        // And once more from an empty cache, now that every query has left its segments behind.
        deleteCache();
        for (Query q : QUERIES) {
            assertEquals(render(walk(false, q)), render(walk(true, q)), q.toString());
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
        assertEquals(render(walk(false, newer)), render(walk(true, newer)));
    }

    @Test
    void damagedOrTruncatedCacheFile_isRebuiltAndNeverChangesTheReport() throws IOException {
        writeRepo();
        Query q = new Query("HEAD", "eks-prod", null, null);
        List<String> expected = render(walk(false, q));
        walk(true, q);
        Path file = cacheFiles().get(0);
        byte[] good = Files.readAllBytes(file);
        // One bit of a commit message changed ("reorder" -> "seorder"): decodes fine, only the checksum can tell.
        int at = new String(good, StandardCharsets.ISO_8859_1).indexOf("reorder");
        assertTrue(at > 0, "the cache holds the commit message");
        for (byte[] bad : List.of(flip(good, at), Arrays.copyOf(good, good.length / 2),
                Arrays.copyOf(good, good.length - 1), new byte[0], new byte[] {'x'})) {
            Files.write(file, bad);
            assertEquals(expected, render(walk(true, q)));
            assertArrayEquals(good, Files.readAllBytes(file), "rewritten by the walk");
        }
    }

    @Test
    void segmentOfAnotherAnalysisVersion_isNotTrusted_andIsReplaced() throws IOException {
        writeRepo();
        Query q = new Query("HEAD", "eks-prod", null, null);
        List<String> expected = render(walk(false, q));
        walk(true, q);
        Path file = cacheFiles().get(0);
        byte[] good = Files.readAllBytes(file);
        // What an older build could have stored for the same commits: a different analysis, with a valid checksum.
        CacheSegment mine = AnalysisCache.in(tmp.resolve(".git"), "clusters/eks-prod")
                .read(file.getFileName().toString()).orElseThrow();
        CacheSegment older = withMessages(mine, "from an older build");
        Files.write(file, SegmentCodec.encode(older, "history-analysis/0 calico-gitops 0.1.0"));
        assertEquals(expected, render(walk(true, q)));
        assertArrayEquals(good, Files.readAllBytes(file), "replaced by this build's segment");
    }

    @Test
    void segmentNameThatIsASymbolicLink_isNotFollowed() throws IOException {
        writeRepo();
        Query q = new Query("HEAD", "eks-prod", null, null);
        List<String> expected = render(walk(false, q));
        walk(true, q);
        Path file = cacheFiles().get(0);
        AnalysisCache cache = AnalysisCache.in(tmp.resolve(".git"), "clusters/eks-prod");
        CacheSegment mine = cache.read(file.getFileName().toString()).orElseThrow();
        // A well-formed segment of this very build, outside the Git folder, linked in under the tip's name.
        Path outside = scratch.resolve("planted");
        Files.write(outside, SegmentCodec.encode(withMessages(mine, "planted outside the repository"), cache.version()));
        Files.delete(file);
        Files.createSymbolicLink(file, outside);
        assertEquals(expected, render(walk(true, q)));
    }

    @Test
    void repositoryWhoseGitFolderCannotBeWritten_isWalkedWithoutCache() throws IOException {
        writeRepo();
        // A file where the cache folder would be: creating it fails as on a read-only file system (the tests run as
        // root in CI, where a read-only mode bit would not stop a write).
        Files.writeString(tmp.resolve(".git/calico-gitops"), "not a folder\n");
        Query q = new Query("HEAD", "eks-prod", null, null);
        List<String> expected = render(walk(false, q));
        assertEquals(expected, render(walk(true, q)));
        assertEquals(expected, render(walk(true, q)));
        assertEquals("not a folder\n", Files.readString(tmp.resolve(".git/calico-gitops")));
    }

    @Test
    void bareRepository_keepsItsCacheInItsOwnFolder() throws Exception {
        writeRepo();
        Path bare = scratch.resolve("fleet.git");
        Git.cloneRepository().setURI(tmp.toUri().toString()).setDirectory(bare.toFile()).setBare(true).call().close();
        Query q = new Query("HEAD", "eks-prod", null, "2026-11-30");
        HistoryRequest request = new HistoryRequest(bare, q.ref(), Optional.of("eks-prod"), Interval.parse(null, q.until()));
        List<String> expected = render(new History(DriftTimelineSource.none(), false).walk(request));
        assertEquals(expected, render(new History(DriftTimelineSource.none(), true).walk(request)));
        Path cache = bare.resolve("calico-gitops/history").resolve(AnalysisCache.key("clusters/eks-prod"));
        try (Stream<Path> files = Files.list(cache)) {
            assertEquals(1, files.count(), "one segment in the bare repository");
        }
        try (GitRepo git = GitRepo.open(bare)) {
            assertEquals(expected, render(new History(DriftTimelineSource.none(), true).walk(git, request)));
            assertEquals(0, git.blobsRead(), "read from the cache");
        }
    }

    @Test
    @Timeout(120)
    void concurrentWalks_allPrintTheSameReport_andLeaveACacheThatReadsBack() throws Exception {
        writeRepo();
        Query q = new Query("HEAD", null, null, null);
        List<String> expected = render(walk(false, q));
        Path dir = tmp.resolve(".git/calico-gitops/history").resolve(AnalysisCache.key("clusters"));
        String tip;
        try (GitRepo git = GitRepo.open(tmp)) {
            tip = git.commitId("HEAD").orElseThrow();
        }
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            for (int round = 0; round < 3; round++) {
                deleteCache();
                List<Future<List<String>>> runs = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    runs.add(pool.submit(() -> render(walk(true, q))));
                }
                // Meanwhile, whatever a reader finds under the segment's name is a whole segment: never half written.
                Future<Integer> reader = pool.submit(() -> readWhileWritten(dir.resolve(tip), runs));
                for (Future<List<String>> f : runs) {
                    assertEquals(expected, f.get(60, TimeUnit.SECONDS));
                }
                assertEquals(0, reader.get(60, TimeUnit.SECONDS), "partial segments seen");
                assertEquals(1, cacheFiles().size(), cacheFiles().toString());
                try (GitRepo git = GitRepo.open(tmp)) {
                    assertEquals(expected, render(new History(DriftTimelineSource.none(), true).walk(git, request(q))));
                    assertEquals(0, git.blobsRead(), "read from the cache");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Reads {@code file} until the runs are done (at most 20,000 times); how many reads found a damaged file. */
    private static int readWhileWritten(Path file, List<? extends Future<?>> runs) {
        int damaged = 0;
        for (int i = 0; i < 20_000 && !runs.stream().allMatch(Future::isDone); i++) {
            try {
                byte[] data = Files.readAllBytes(file);
                if (SegmentCodec.decode(data, AnalysisCache.in(file.getParent(), "clusters").version(), "clusters").isEmpty()) {
                    damaged++;
                }
            } catch (IOException e) {
                // Not there yet, or replaced while opened: not a partial file.
            }
        }
        return damaged;
    }

    @Test
    void cacheHoldsNoSecretValue() throws IOException {
        writeRepo();
        String json = render(walk(true, new Query("HEAD", "eks-prod", null, null))).get(1);
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
            assertEquals(Optional.empty(), SegmentCodec.decode(Arrays.copyOf(data, n), "v", "clusters/eks-prod"),
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

    /**
     * The report in every format history writes ({@code -o text|json|markdown|html|csv}), then the other two files of
     * {@code -o csv --output-file DIR} ({@code events.json}, {@code drift-spans.csv}): index 0 is text, 1 JSON.
     */
    private List<String> render(HistoryReport report) {
        List<String> out = new ArrayList<>();
        out.add(HistoryReporters.REPORTER.render(report, OutputFormat.TEXT));
        out.add(HistoryReporters.REPORTER.render(report, OutputFormat.JSON));
        for (OutputFormat f : HistoryReporters.REPORTER.formats()) {
            if (f != OutputFormat.TEXT && f != OutputFormat.JSON) {
                out.add(HistoryReporters.REPORTER.render(report, f));
            }
        }
        try {
            Path dir = Files.createTempDirectory(scratch, "csv");
            for (Path f : new HistoryCsvReporter().writeFiles(report, dir)) {
                out.add(f.getFileName() + "\n" + Files.readString(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** {@code segment} with every analysed commit's message replaced: a well-formed segment that says something else. */
    private static CacheSegment withMessages(CacheSegment segment, String message) {
        List<WalkStep> steps = new ArrayList<>();
        for (WalkStep s : segment.steps()) {
            steps.add(s.touched() ? new WalkStep(s.id(), s.time(), new CommitAnalyser.Result(
                    withMessage(s.result().commit(), message), s.result().warnings())) : s);
        }
        return new CacheSegment(segment.prefix(), steps, segment.next());
    }

    private static HistoryCommit withMessage(HistoryCommit c, String message) {
        return new HistoryCommit(c.id(), c.parents(), c.author(), c.authorEmail(), c.committer(), c.time(), message,
                c.changes());
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
