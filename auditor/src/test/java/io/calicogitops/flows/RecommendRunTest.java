package io.calicogitops.flows;

import io.calicogitops.diag.UsageException;
import io.calicogitops.render.Generator;
import io.calicogitops.render.RepoUpdate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** recommend end to end on eks-dev's sample: tiers from Git, the pack written, the summary. */
class RecommendRunTest {

    @TempDir
    static Path tmp;
    static Path repo;
    static final FlowRecordSource SAMPLE = files -> files.stream().flatMap(f -> SampleFlowLogs.read(f).stream()).toList();

    @BeforeAll
    static void renderEksDev() {
        Path fleet = SampleFlowLogs.sampleDir().getParent().resolve("fleet");
        Generator.RenderResult rendered = new Generator(1).render(new Generator.RenderRequest(fleet, Optional.empty(),
                Optional.empty(), List.of("eks-dev"), Path::toString));
        repo = tmp.resolve("repo");
        assertTrue(RepoUpdate.write(rendered, repo, true, false, "render eks-dev").commitId().isPresent());
    }

    static RecommendRun.Request request(String tier, Path out) {
        return new RecommendRun.Request(repo, "HEAD", "eks-dev", List.of(SampleFlowLogs.sampleDir().resolve("eks-dev.flows.jsonl")),
                List.of(), tier, 2, out);
    }

    @Test
    void theTiersComeFromGit() {
        assertEquals(Map.of("platform", 300.0, "quarantine", 200.0, "security", 400.0),
                RecommendRun.tiers(request("default", tmp)));
    }

    @Test
    void writesThePackAndSaysWhatItProposedAndWithheld() throws Exception {
        Path out = tmp.resolve("packs");
        RecommendRun.Result result = RecommendRun.run(request("default", out), SAMPLE);
        assertEquals(List.of("recommended-eks-dev/dev-recommendation.yaml.mustache", "recommended-eks-dev/pack.yaml",
                "recommended-eks-dev/storefront-recommendation.yaml.mustache"), result.written());
        assertEquals(RecommendationPack.files(result.recommendation()).get("recommended-eks-dev/pack.yaml"),
                Files.readString(out.resolve("recommended-eks-dev/pack.yaml")));
        String text = RecommendReport.text(result, "packs/recommended-eks-dev", "packs");
        assertTrue(text.startsWith("recommend eks-dev: 2 policies from 27 unprotected of 71 records (tier default, seen in at least 2 intervals)\n"
                + "  StagedNetworkPolicy dev/dev-recommendation\n"
                + "    ingress TCP 80 namespace dev  (records=3 flows=6 intervals=3 first=1796601600 last=1796601630"), text);
        assertTrue(text.contains("withheld: 1\n  dev egress TCP 80 domain deb.debian.org: seen in 1 interval, fewer than 2\n"), text);
        assertTrue(text.endsWith("next: render with --templates packs, then promote --cluster eks-dev --policy dev-recommendation"
                + " --templates packs (one policy at a time)\n"), text);
    }

    /** A namespace no longer recommended loses its file; files that are not the pack's stay. */
    @Test
    void rewritingReplacesThePackOnly() throws Exception {
        Path out = tmp.resolve("again");
        RecommendRun.run(request("default", out), SAMPLE);
        Files.writeString(out.resolve("recommended-eks-dev/NOTES.txt"), "mine");
        RecommendRun.Result onlyDev = RecommendRun.run(new RecommendRun.Request(repo, "HEAD", "eks-dev",
                List.of(SampleFlowLogs.sampleDir().resolve("eks-dev.flows.jsonl")), List.of("dev"), "default", 2, out), SAMPLE);
        assertEquals(1, onlyDev.recommendation().policies().size());
        assertFalse(Files.exists(out.resolve("recommended-eks-dev/storefront-recommendation.yaml.mustache")));
        assertTrue(Files.exists(out.resolve("recommended-eks-dev/NOTES.txt")));
    }

    @Test
    void aTierThatIsNotInGitIsAUsageError() {
        UsageException e = assertThrows(UsageException.class, () -> RecommendRun.run(request("namespace-isolation", tmp.resolve("x")), SAMPLE));
        assertEquals("tier: cluster 'eks-dev' has no tier 'namespace-isolation' in Git (tiers: platform, quarantine, security);"
                + " add it to the profile's tiers first", e.getMessage());
        assertEquals("platform.storefront-recommendation",
                RecommendRun.run(request("platform", tmp.resolve("y")), SAMPLE).recommendation().policies().get(1).name());
    }

    @Test
    void aPackFolderThatIsASymbolicLinkIsNotWrittenThrough() throws Exception {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Path out = Files.createDirectories(tmp.resolve("linked"));
        Files.createSymbolicLink(out.resolve("recommended-eks-dev"), elsewhere);
        UsageException e = assertThrows(UsageException.class, () -> RecommendRun.run(request("default", out), SAMPLE));
        assertTrue(e.getMessage().endsWith("is a symbolic link; refusing to write through it"), e.getMessage());
        try (var files = Files.list(elsewhere)) {
            assertEquals(0, files.count());
        }
    }
}
