package io.calicogitops.flows;

import io.calicogitops.policy.Diagram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.calicogitops.flows.ReplayFixtures.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Observed traffic over the allowed-flow diagram: used, never used (with the table), denied attempts, in every format. */
class ObservedDiagramTest {

    @TempDir
    Path dir;

    static final String DENIED = "{\"source_type\":\"wep\",\"source_name_aggr\":\"centos-7d9f5c6b8-*\",\"source_namespace\":\"dev\","
            + "\"source_labels\":{\"labels\":[\"app=centos\"]},\"dest_type\":\"net\",\"dest_name_aggr\":\"pub\",\"dest_namespace\":\"-\","
            + "\"dest_port\":443,\"proto\":\"tcp\",\"action\":\"deny\",\"reporter\":\"src\"}";

    private ObservedDiagram.Result overlay(String... lines) {
        FlowModel m = ReplayFixtures.model();
        Diagram allowed = Diagram.of(m.model(), m.model().compiled(), m.sourcePorts());
        assertTrue(allowed.text().contains("dev/centos -> default/frontend  TCP/80"), allowed.text());
        return ObservedDiagram.of(m, allowed, List.of(ReplayFixtures.write(dir, "flows.log", lines)));
    }

    @Test
    void usedFlowAndDeniedAttempt_markedInEveryFormat() {
        ObservedDiagram.Result r = overlay(record("dst", "allow", "", ""), DENIED);
        String text = r.text();
        assertTrue(text.contains("dev/centos -> default/frontend  TCP/80 [used]"), text);
        assertTrue(text.contains("dev/centos -> pub  TCP/443 [denied attempt]"), text);
        assertTrue(text.contains("Allowed but never used (candidates to tighten): 0"), text);
        assertTrue(r.diagram().dot().contains("TCP/80 [used]"));
        assertTrue(r.diagram().mermaid().contains("TCP/443 [denied attempt]"));
        assertTrue(r.diagram().svg().contains("[denied attempt]"));
        assertEquals(2, r.records());
    }

    @Test
    void allowedButNeverUsed_listedAsCandidates() {
        ObservedDiagram.Result r = overlay(DENIED);
        assertEquals(1, r.unused().size());
        assertTrue(r.text().contains("dev/centos -> default/frontend  TCP/80 [never used]"), r.text());
        assertTrue(r.text().contains("Allowed but never used (candidates to tighten): 1\n  dev/centos -> default/frontend  TCP/80"), r.text());
    }
}
