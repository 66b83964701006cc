package io.calicogitops.flows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static io.calicogitops.flows.ReplayFixtures.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Staged impact on observed flows: from pending traces and the evaluator, summed per pair, filtered by policy. */
class ImpactTest {

    @TempDir
    Path dir;

    static final String DNS = "{\"source_type\":\"wep\",\"source_name_aggr\":\"centos-7d9f5c6b8-*\",\"source_namespace\":\"dev\","
            + "\"source_labels\":{\"labels\":[\"app=centos\"]},\"dest_type\":\"net\",\"dest_name_aggr\":\"pvt\",\"dest_namespace\":\"-\","
            + "\"dest_port\":53,\"proto\":\"udp\",\"action\":\"allow\",\"reporter\":\"src\",\"policies\":{\"enforced_policies\":"
            + "[\"0|security|security.default-deny|allow|1\"],\"pending_policies\":[%s]},\"num_flows\":%d,\"bytes_in\":100,\"bytes_out\":50,"
            + "\"packets_in\":2,\"packets_out\":1}";

    private ImpactResult impact(Optional<String> policy, String... lines) {
        return Impact.run(ReplayFixtures.model(), List.of(ReplayFixtures.write(dir, "flows.log", lines)), policy);
    }

    @Test
    void stagedDenyOfObservedTraffic_foundByBoth_summedPerPair() {
        String pending = "\"0|security|security.staged:lockdown|deny|0\"";
        ImpactResult r = impact(Optional.empty(), String.format(DNS, pending, 2), String.format(DNS, pending, 3),
                record("src", "allow", "\"0|security|security.default-deny|pass|0\",\"1|__PROFILE__|__PROFILE__.kns.dev|allow|0\"",
                        "\"0|security|security.default-deny|pass|0\",\"1|__PROFILE__|__PROFILE__.kns.dev|allow|0\""));
        assertEquals(3, r.records());
        assertEquals(1, r.rows().size(), r.rows().toString());
        ImpactRow row = r.rows().get(0);
        assertEquals("lockdown", row.policy());
        assertEquals(ImpactRow.Change.WOULD_DENY, row.change());
        assertEquals("both", row.basis());
        assertEquals("dev/centos-7d9f5c6b8-*", row.source());
        assertEquals("pvt", row.destination());
        assertEquals("udp/53", row.port());
        assertEquals(2, row.records());
        assertEquals(5, row.counts().numFlows());
        assertEquals(300, row.counts().bytesIn() + row.counts().bytesOut());
        assertTrue(r.cutsTraffic());
        assertTrue(new ImpactReport(r).json().contains("\"flows\": 5"));
    }

    @Test
    void evaluatorFindsItWithoutPendingTraces() {
        ImpactResult r = impact(Optional.empty(), String.format(DNS, "", 1));
        assertEquals(1, r.rows().size());
        assertEquals("evaluated", r.rows().get(0).basis());
        assertEquals("lockdown", r.rows().get(0).policy());
    }

    @Test
    void policyFilter() {
        String line = String.format(DNS, "\"0|security|security.staged:lockdown|deny|0\"", 1);
        assertEquals(1, impact(Optional.of("lockdown"), line).rows().size());
        ImpactResult other = impact(Optional.of("something-else"), line);
        assertTrue(other.rows().isEmpty());
        assertFalse(other.cutsTraffic());
    }
}
