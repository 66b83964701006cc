package io.calicogitops.history;

import io.calicogitops.git.GitRepo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import static io.calicogitops.history.Manifests.path;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * History reads only what the cluster's own commits changed: over 2,000 commits of which 20 touch eks-prod, the blobs
 * read are exactly those 20 commits' changed files, each once (counted by the Git adapter, not timed).
 */
class HistoryStreamingTest {

    @TempDir
    Path tmp;

    @Test
    void walk_readsBlobsOnlyForTheCommitsThatTouchedTheCluster() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        try (ScriptedRepo r = new ScriptedRepo(tmp)) {
            for (int i = 0; i < 30; i++) {
                r.put(path("aks-dev", "tier-t" + i + ".yaml"), Manifests.tier("t" + i, i));
            }
            r.put("docs/notes.md", "0\n").commit("seed aks-dev", "Bob", t);
            for (int i = 1; i < 2000; i++) {
                t = t.plusSeconds(60);
                if (i % 100 == 0 && i <= 1000) {
                    // 10 commits add a tier to eks-prod: one new blob each
                    r.put(path("eks-prod", "tier-e" + i + ".yaml"), Manifests.tier("e" + i, i));
                } else if (i % 100 == 0 || i == 1999) {
                    // 10 commits change one of those tiers: one new blob each, compared with the blob an add wrote
                    int n = (i == 1999 ? 1000 : i - 1000);
                    r.put(path("eks-prod", "tier-e" + n + ".yaml"), Manifests.tier("e" + n, i));
                } else if (i % 2 == 0) {
                    r.put(path("aks-dev", "tier-t" + (i % 30) + ".yaml"), Manifests.tier("t" + (i % 30), i));
                } else {
                    r.put("docs/notes.md", i + "\n");
                }
                r.commit("commit " + i, "Bob", t);
            }
        }
        try (GitRepo git = GitRepo.open(tmp)) {
            HistoryReport report = new History().walk(git, new HistoryRequest(tmp, null, Optional.of("eks-prod"), null));
            assertEquals(20, report.commits().size());
            // 20 distinct blobs, each read once: the version a change replaced is the one an older commit wrote.
            assertEquals(20, git.blobsRead());
            assertEquals(new HistorySummary(0, 0, 0, 0, 0, 10, 10, 0, 20), report.summary());
        }
    }
}
