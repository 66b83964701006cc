package io.calicogitops.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.calicogitops.diag.UsageException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.calicogitops.evidence.EvidenceFixtures.entries;
import static io.calicogitops.evidence.EvidenceFixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which commits a bundle covers, on a repository with commits at known times: the end commit is the last at or before
 * {@code --until}, the range the first and last that changed the cluster's folder in the interval.
 */
class CommitRangeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path repo;
    static final List<String> ids = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void fourCommits() throws Exception {
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            commit(git, "2026-01-10T09:00:00Z", "add c1 and other", "clusters/c1/tier.yaml", "1", "clusters/other/x.yaml", "7");
            commit(git, "2026-03-01T09:00:00Z", "change other only", "clusters/other/x.yaml", "8");
            commit(git, "2026-04-15T09:00:00Z", "change c1", "clusters/c1/tier.yaml", "2");
            commit(git, "2026-08-01T09:00:00Z", "change c1 again", "clusters/c1/tier.yaml", "3");
        }
    }

    private static void commit(Git git, String time, String message, String... pathsAndContents) throws Exception {
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            Path file = repo.resolve(pathsAndContents[i]);
            Files.createDirectories(file.getParent());
            Files.writeString(file, tier(pathsAndContents[i + 1]));
            git.add().addFilepattern(pathsAndContents[i]).call();
        }
        PersonIdent who = new PersonIdent("Pat Reviewer", "pat@example.com", Instant.parse(time), ZoneOffset.UTC);
        ids.add(git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call().getId().name());
    }

    private static String tier(String order) {
        return "apiVersion: projectcalico.org/v3\nkind: Tier\nmetadata:\n  name: security\nspec:\n  order: " + order + "\n";
    }

    private ExportResult export(String since, String until) {
        return EvidenceFixtures.Export.of(repo, "c1").interval(EvidenceTime.since(since), EvidenceTime.until(until))
                .to(dir.resolve("c1.zip"));
    }

    @Test
    void interval_withOneChangeToTheCluster_rangeIsThatCommit_endIsTheLastCommitBeforeUntil() throws IOException {
        ExportResult result = export("2026-02-01", "2026-06-30");

        assertEquals(new CommitRange(Optional.of(ids.get(2)), Optional.of(ids.get(2)), ids.get(2)), result.manifest().commits());
        assertEquals(tier("2"), text(result.out(), "desired/clusters/c1/tier.yaml"), "the folder at the end commit");
        JsonNode commits = JSON.readTree(text(result.out(), BundleLayout.COMMITS));
        assertEquals(1, commits.path("commits").size());
        JsonNode c = commits.path("commits").get(0);
        assertEquals("change c1", c.path("subject").asText());
        assertEquals("2026-04-15T09:00:00Z", c.path("time").asText());
        assertEquals("Pat Reviewer", c.path("author").path("name").asText());
        assertEquals("clusters/c1/tier.yaml", c.path("paths").get(0).path("path").asText());
        assertEquals("M", c.path("paths").get(0).path("change").asText());
    }

    @Test
    void wholeYear_rangeRunsFromTheFirstToTheLastChangeOfTheCluster_skippingOtherFolders() throws IOException {
        ExportResult result = export("2026-01-01", "2026-12-31");

        assertEquals(new CommitRange(Optional.of(ids.get(0)), Optional.of(ids.get(3)), ids.get(3)), result.manifest().commits());
        JsonNode commits = JSON.readTree(text(result.out(), BundleLayout.COMMITS));
        List<String> subjects = new ArrayList<>();
        commits.path("commits").forEach(c -> subjects.add(c.path("subject").asText()));
        assertEquals(List.of("add c1 and other", "change c1", "change c1 again"), subjects);
        assertEquals("A", commits.path("commits").get(0).path("paths").get(0).path("change").asText());
        assertEquals(1, commits.path("commits").get(0).path("paths").size(), "only paths under the cluster's folder");
    }

    @Test
    void interval_withoutChangesToTheCluster_hasNoRange_butTheStateAtItsEnd() {
        ExportResult result = export("2026-02-01", "2026-03-15");

        assertEquals(new CommitRange(Optional.empty(), Optional.empty(), ids.get(1)), result.manifest().commits());
        assertEquals(tier("1"), text(result.out(), "desired/clusters/c1/tier.yaml"));
        assertTrue(entries(result.out()).keySet().stream().noneMatch(p -> p.startsWith("desired/clusters/other/")));
    }

    @Test
    void until_beforeTheFirstCommit_isAUsageError() {
        UsageException e = assertThrows(UsageException.class, () -> export("2025-01-01", "2025-12-31"));

        assertEquals("no commit of 'HEAD' is at or before --until 2025-12-31T23:59:59Z", e.getMessage());
    }

    @Test
    void until_beforeSince_isAUsageError() {
        UsageException e = assertThrows(UsageException.class, () -> export("2026-05-01", "2026-04-01"));

        assertEquals("until: 2026-04-01T23:59:59Z is before the start of the interval, 2026-05-01T00:00:00Z", e.getMessage());
    }

    @Test
    void clusterWithoutAFolderAtTheEndCommit_isAUsageError() {
        UsageException e = assertThrows(UsageException.class, () -> EvidenceFixtures.Export.of(repo, "c2").to(dir.resolve("x.zip")));

        assertTrue(e.getMessage().startsWith("no folder clusters/c2/calico/ (nor clusters/c2/) at commit " + ids.get(3).substring(0, 12)), e.getMessage());
    }
}
