package io.calicogitops.flows;

import io.calicogitops.flows.Disagreement.Category;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.calicogitops.flows.ReplayFixtures.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Replay of observed records against the policies in Git: agreement, and each disagreement category. */
class ReplayTest {

    @TempDir
    Path dir;

    private ReplayResult replay(String... lines) {
        return Replay.run(ReplayFixtures.model(), List.of(ReplayFixtures.write(dir, "flows.log", lines)), false);
    }

    private static Category only(ReplayResult r) {
        assertEquals(1, r.disagreements().size(), r.disagreements().toString());
        return r.disagreements().get(0).category();
    }

    @Test
    void documentedExamples_bothReporters_agree() {
        ReplayResult r = Replay.run(ReplayFixtures.model(), List.of(FlowLogReaderTest.DIR.resolve("enterprise.jsonl")), false);
        assertEquals(2, r.records());
        assertEquals(2, r.agreed(), r.disagreements().toString());
    }

    @Test
    void bothNameSyntaxes_andPassThenProfile_agree() {
        ReplayResult r = replay(
                record("dst", "allow", "\"0|platform|platform.centos-to-frontend|allow|0\"", ""),
                record("dst", "allow", "\"0|platform|gnp:platform.centos-to-frontend|allow|0\"", ""),
                record("dst", "allow", "\"0|platform|gnp:centos-to-frontend|allow|0\"", ""),
                // Egress at centos: security passes rule 0, no later tier selects it -> the namespace profile allows.
                record("src", "allow", "\"0|security|security.default-deny|pass|0\",\"1|__PROFILE__|__PROFILE__.kns.dev|allow|0\"", ""),
                record("src", "allow", "\"1|__PROFILE__|pro:kns.dev|allow|0\",\"0|security|gnp:default-deny|pass|0\"", ""));
        assertEquals(5, r.agreed(), r.disagreements().toString());
        assertTrue(r.agrees());
    }

    @Test
    void verdictDiffers() {
        assertEquals(Category.VERDICT, only(replay(record("dst", "deny", "\"0|platform|platform.centos-to-frontend|deny|0\"", ""))));
    }

    @Test
    void decidingRuleDiffers() {
        ReplayResult r = replay(record("dst", "allow", "\"0|platform|platform.centos-to-frontend|allow|3\"", ""));
        assertEquals(Category.DECIDING_RULE, only(r));
        assertEquals("platform|platform.centos-to-frontend|allow|0", r.disagreements().get(0).computed());
    }

    @Test
    void endOfTier_comparesTierAndActionOnly() {
        String eot = "{\"source_type\":\"wep\",\"source_name_aggr\":\"centos-7d9f5c6b8-*\",\"source_namespace\":\"dev\",\"source_labels\":{\"labels\":[\"app=centos\"]},"
                + "\"dest_type\":\"net\",\"dest_name_aggr\":\"pub\",\"dest_namespace\":\"-\",\"dest_port\":443,\"proto\":\"tcp\",\"action\":\"deny\",\"reporter\":\"src\","
                + "\"policies\":{\"enforced_policies\":[\"0|security|security.%s|deny|-1\"]}}";
        ReplayResult r = replay(String.format(eot, "default-deny"), String.format(eot, "lockdown-but-not-in-git"));
        assertEquals(2, r.agreed(), r.disagreements().toString());
    }

    @Test
    void policyNotInGit_pointsAtAudit() {
        ReplayResult r = replay(record("dst", "allow", "\"0|platform|np:default/rogue|allow|0\"", ""));
        assertEquals(Category.POLICY_NOT_IN_GIT, only(r));
        assertTrue(r.disagreements().get(0).sentence().contains("audit"));
    }

    @Test
    void stagedVerdictDiffers_andAgrees() {
        String dns = "{\"source_type\":\"wep\",\"source_name_aggr\":\"centos-7d9f5c6b8-*\",\"source_namespace\":\"dev\",\"source_labels\":{\"labels\":[\"app=centos\"]},"
                + "\"dest_type\":\"net\",\"dest_name_aggr\":\"pvt\",\"dest_namespace\":\"-\",\"dest_port\":53,\"proto\":\"udp\",\"action\":\"allow\",\"reporter\":\"src\","
                + "\"policies\":{\"enforced_policies\":[\"0|security|security.default-deny|allow|1\"],\"pending_policies\":[%s]}}";
        ReplayResult r = replay(String.format(dns, "\"0|security|security.staged:lockdown|deny|0\""),
                String.format(dns, "\"0|security|security.default-deny|allow|1\""));
        assertEquals(1, r.agreed());
        assertEquals(Category.STAGED_VERDICT, only(r));
        assertEquals(":2", r.disagreements().get(0).source().substring(r.disagreements().get(0).source().lastIndexOf(':')));
    }

    @Test
    void unknownEndpoints_noneSeveralAndStar_areDisagreementsNotSkips() {
        String rec = record("dst", "allow", "\"0|platform|platform.centos-to-frontend|allow|0\"", "");
        ReplayResult r = replay(rec.replace("centos-7d9f5c6b8-*", "ghost-1-*"), rec.replace("centos-7d9f5c6b8-*", "web-0")
                .replace("app=centos", "app=web"), rec.replace("centos-7d9f5c6b8-*", "*"));
        assertEquals(3, r.disagreed());
        assertEquals(0, r.skipped().size());
        List<String> sentences = r.disagreements().stream().map(Disagreement::sentence).toList();
        assertTrue(sentences.get(0).contains("no known workload"), sentences.get(0));
        assertTrue(sentences.get(1).contains("several workloads"), sentences.get(1));
        assertTrue(sentences.get(2).contains("'*'"), sentences.get(2));
        r.disagreements().forEach(d -> assertEquals(Category.UNKNOWN_ENDPOINT, d.category()));
    }

    @Test
    void aggregationLevels0To3_agree() {
        String base = record("dst", "allow", "\"0|platform|platform.centos-to-frontend|allow|0\"", "");
        String level0 = base.replace("\"source_name\":\"-\"", "\"source_name\":\"centos-7d9f5c6b8-x2kq9\",\"source_ip\":\"10.244.1.17\",\"source_port\":40001")
                .replace("\"dest_name\":\"-\"", "\"dest_name\":\"frontend-6c4b9d7f5-abcde\",\"dest_ip\":\"10.244.2.3\"");
        String level1 = level0.replace(",\"source_port\":40001", "");
        String level3 = String.format("{\"source_type\":\"wep\",\"source_name_aggr\":\"centos-7d9f5c6b8-*\",\"source_namespace\":\"dev\","
                + "\"source_labels\":{\"labels\":[\"app=centos\"]},\"dest_type\":\"net\",\"dest_name_aggr\":\"pub\",\"dest_namespace\":\"-\","
                + "\"dest_port\":null,\"proto\":\"tcp\",\"action\":\"deny\",\"reporter\":\"src\","
                + "\"policies\":{\"enforced_policies\":[\"0|security|security.default-deny|deny|-1\"]}}");
        ReplayResult r = replay(level0, level1, base, level3);
        assertEquals(4, r.agreed(), r.disagreements().toString());
    }

    @Test
    void skippedCountsOnlyMalformed() {
        Path f = ReplayFixtures.write(dir, "mixed.log", record("dst", "allow", "\"0|platform|platform.centos-to-frontend|allow|0\"", ""), "{not json");
        ReplayResult r = Replay.run(ReplayFixtures.model(), List.of(f), true);
        assertEquals(2, r.records());
        assertEquals(1, r.agreed());
        assertEquals(1, r.skipped().size());
        assertEquals(0, r.disagreed());
    }
}
