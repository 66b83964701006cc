package io.calicogitops.history;

import io.calicogitops.audit.DriftSeverity;
import io.calicogitops.model.ResourceId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static io.calicogitops.history.ChangeType.CREATED;
import static io.calicogitops.history.ChangeType.DELETED;
import static io.calicogitops.history.ChangeType.DEMOTED;
import static io.calicogitops.history.ChangeType.MODIFIED;
import static io.calicogitops.history.ChangeType.PROMOTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** History over the scripted fleet repository ({@link Scenarios#fleet}): one assertion per kind of event. */
class HistoryTest {

    private static final String CALICO = "projectcalico.org";

    @TempDir
    static Path repo;

    private static HistoryReport eksProd;
    private static HistoryReport all;

    @BeforeAll
    static void walk() {
        Scenarios.fleet(repo);
        eksProd = new History().walk(new HistoryRequest(repo, null, Optional.of("eks-prod"), null));
        all = new History().walk(new HistoryRequest(repo, null, Optional.empty(), null));
    }

    private static HistoryCommit commit(HistoryReport r, String subject) {
        return r.commits().stream().filter(c -> c.subject().equals(subject)).findFirst()
                .orElseThrow(() -> new AssertionError("no commit '" + subject + "' in " + subjects(r)));
    }

    private static List<String> subjects(HistoryReport r) {
        return r.commits().stream().map(HistoryCommit::subject).toList();
    }

    private static ResourceChange only(HistoryCommit c) {
        assertEquals(1, c.changes().size(), () -> c.changes().toString());
        return c.changes().get(0);
    }

    @Test
    void walk_oneCluster_listsItsCommitsOldestFirstAndLeavesOutOtherClustersAndReadmeOnlyCommits() {
        assertEquals(List.of("render eks-prod, aks-dev", "reformat the PCI whitelist", "open the PCI whitelist",
                "pass before DNS", "enforce the default deny", "stage the default deny again", "replace the PCI whitelist",
                "Merge branch 'block-eks-prod'"), subjects(eksProd));
        assertTrue(eksProd.commits().stream().flatMap(c -> c.changes().stream()).allMatch(ch -> ch.cluster().equals("eks-prod")));
    }

    @Test
    void walk_allClusters_includesCommitsOfEveryClusterSortedByCluster() {
        assertEquals(10, all.commits().size(), () -> subjects(all).toString());
        HistoryCommit first = commit(all, "render eks-prod, aks-dev");
        assertEquals(List.of("aks-dev", "eks-prod", "eks-prod", "eks-prod"),
                first.changes().stream().map(ResourceChange::cluster).toList());
        assertTrue(all.manyClusters());
        assertEquals(List.of("aks-dev", "eks-prod"), List.copyOf(all.clusterSummaries().keySet()));
    }

    @Test
    void walk_firstRender_createsEachResourceWithItsFileAndNoSentences() {
        HistoryCommit c = commit(eksProd, "render eks-prod, aks-dev");
        assertEquals(List.of("GlobalNetworkPolicy security.pci-whitelist", "StagedGlobalNetworkPolicy default-deny", "Tier security"),
                c.changes().stream().map(ch -> ch.id().display()).toList());
        assertTrue(c.changes().stream().allMatch(ch -> ch.change() == CREATED && ch.sentences().isEmpty()));
        ResourceChange pci = c.changes().get(0);
        assertEquals("clusters/eks-prod/globalnetworkpolicy-security.pci-whitelist.yaml", pci.path());
        assertEquals("projectcalico.org/v3", pci.apiVersion());
        assertEquals(DriftSeverity.CRITICAL, pci.severity(), "a new enforced policy with Allow rules can admit traffic");
        assertEquals(DriftSeverity.WARNING, c.changes().get(1).severity(), "a staged policy changes no verdict");
        assertEquals("Alice", c.author());
        assertEquals("alice@example.com", c.authorEmail());
        assertEquals(Scenarios.at("2026-11-02T09:00:00Z"), c.time());
        assertTrue(c.message().startsWith("render eks-prod, aks-dev\n\nA clusters/eks-prod/"), c.message());
    }

    @Test
    void walk_ruleSelectorChanged_saysSoInTheAuditorsWordsPrefixedWithTheName() {
        ResourceChange ch = only(commit(eksProd, "open the PCI whitelist"));
        assertEquals(MODIFIED, ch.change());
        assertEquals(List.of("security.pci-whitelist: ingress rule 1: source selector PCI != \"true\" -> all()"), ch.sentences());
        assertEquals(DriftSeverity.WARNING, ch.severity(), "a Deny rule that matches more denies more");
    }

    @Test
    void walk_rulesReordered_saysReorderedBetweenParentAndCommit() {
        ResourceChange ch = only(commit(eksProd, "pass before DNS"));
        assertEquals(List.of("security.pci-whitelist: egress rules reordered: the parent commit has rules in order 1..2,"
                + " this commit in order 2, 1"), ch.sentences());
        assertEquals(DriftSeverity.CRITICAL, ch.severity(), "a reorder of rules with different actions changes verdicts");
    }

    @Test
    void walk_formattingOnly_isAModificationWithNoChangeInMeaning() {
        ResourceChange ch = only(commit(eksProd, "reformat the PCI whitelist"));
        assertEquals(MODIFIED, ch.change());
        assertEquals(List.of("security.pci-whitelist: no change in meaning"), ch.sentences());
        assertEquals(DriftSeverity.NONE, ch.severity());
    }

    @Test
    void walk_stagedReplacedByEnforced_isOnePromotedEvent() {
        ResourceChange ch = only(commit(eksProd, "enforce the default deny"));
        assertEquals(PROMOTED, ch.change());
        assertEquals(new ResourceId(CALICO, "GlobalNetworkPolicy", "", "default-deny"), ch.id());
        assertEquals(Optional.of(new ResourceId(CALICO, "StagedGlobalNetworkPolicy", "", "default-deny")), ch.previousId());
        assertEquals(List.of("default-deny: staged policy enforced (StagedGlobalNetworkPolicy -> GlobalNetworkPolicy)"),
                ch.sentences(), "the specs are equal besides the kind and the default stagedAction");
        assertEquals(DriftSeverity.CRITICAL, ch.severity());
        assertEquals("clusters/eks-prod/globalnetworkpolicy-default-deny.yaml", ch.path());
    }

    @Test
    void walk_enforcedReplacedByStaged_isOneDemotedEvent() {
        ResourceChange ch = only(commit(eksProd, "stage the default deny again"));
        assertEquals(DEMOTED, ch.change());
        assertEquals("StagedGlobalNetworkPolicy", ch.id().kind());
        assertEquals("GlobalNetworkPolicy", ch.previousId().orElseThrow().kind());
        assertEquals(List.of("default-deny: enforced policy staged (GlobalNetworkPolicy -> StagedGlobalNetworkPolicy)"), ch.sentences());
    }

    @Test
    void walk_deleteAndCreateInOneCommit_areTwoEvents() {
        HistoryCommit c = commit(eksProd, "replace the PCI whitelist");
        assertEquals(List.of("deleted GlobalNetworkPolicy security.pci-whitelist",
                        "created NetworkPolicy dev/platform.centos-to-frontend"),
                c.changes().stream().map(ch -> ch.change().label() + " " + ch.id().display()).toList());
        assertEquals(DriftSeverity.CRITICAL, c.changes().get(0).severity(), "a deleted enforced policy can open traffic");
        assertEquals("dev/platform.centos-to-frontend", c.changes().get(1).displayName());
    }

    @Test
    void walk_mergeCommit_isListedWithWhatItBroughtInAndTheSideBranchCommitIsNot() {
        HistoryCommit merge = commit(eksProd, "Merge branch 'block-eks-prod'");
        assertTrue(merge.isMerge());
        assertEquals(2, merge.parents().size());
        ResourceChange ch = only(merge);
        assertEquals(CREATED, ch.change());
        assertEquals("GlobalNetworkSet blocked", ch.id().display());
        assertFalse(subjects(all).contains("eks-prod: block an address"), "first parent only");
        assertTrue(subjects(all).contains("aks-dev: block another address"));
    }

    @Test
    void walk_otherCluster_setSentencesNameAddedAndRemovedMembers() {
        ResourceChange ch = only(commit(all, "aks-dev: block another address"));
        assertEquals("aks-dev", ch.cluster());
        assertEquals(List.of("blocked: nets: added 198.51.100.8/32; removed 198.51.100.7/32"), ch.sentences());
    }

    @Test
    void summary_countsDistinctPoliciesWithPromotionsAsModifications() {
        HistorySummary s = eksProd.summary();
        // created: pci-whitelist, staged default-deny, dev/centos-to-frontend; modified: pci-whitelist, the enforced
        // default-deny (promoted) and the staged one (demoted); deleted: pci-whitelist.
        assertEquals(new HistorySummary(3, 3, 1, 1, 1, 5, 3, 1, 8), s);
        assertEquals(s, eksProd.clusterSummaries().get("eks-prod"));
        assertEquals(new HistorySummary(0, 0, 0, 0, 0, 2, 1, 0, 3), all.clusterSummaries().get("aks-dev"));
        assertEquals(10, all.summary().numCommits());
    }

    @Test
    void walk_reportCarriesRefHeadAndAnEmptyDriftTimeline() {
        assertEquals("HEAD", eksProd.ref());
        assertEquals(40, eksProd.headCommit().orElseThrow().length());
        assertEquals(DriftTimelineView.empty(), eksProd.drift());
        assertEquals(List.of(), eksProd.warnings());
    }

    @Test
    void walk_driftTimelineSource_isAskedForTheClusterAndInterval() {
        Interval interval = Interval.parse("2026-11-01", "2026-11-30");
        DriftTimelineSource source = (git, cluster, i) -> DriftTimelineView.ofAudits(List.of(
                new DriftTimelineEntry(Scenarios.at("2026-11-21T00:00:00Z"), cluster.orElse("?"), "in sync " + i.since().orElseThrow())));
        HistoryReport r = new History(source).walk(new HistoryRequest(repo, null, Optional.of("eks-prod"), interval));
        assertEquals(List.of(new DriftTimelineEntry(Scenarios.at("2026-11-21T00:00:00Z"), "eks-prod",
                "in sync 2026-11-01T00:00:00Z")), r.drift().audits());
    }
}
