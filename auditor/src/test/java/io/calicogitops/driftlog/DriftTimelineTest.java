package io.calicogitops.driftlog;

import io.calicogitops.audit.DriftEntry;
import io.calicogitops.audit.DriftSeverity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.calicogitops.driftlog.LogFixtures.COMMIT;
import static io.calicogitops.driftlog.LogFixtures.day;
import static io.calicogitops.driftlog.LogFixtures.denyTurnedInto;
import static io.calicogitops.driftlog.LogFixtures.hour;
import static io.calicogitops.driftlog.LogFixtures.inSync;
import static io.calicogitops.driftlog.LogFixtures.missing;
import static io.calicogitops.driftlog.LogFixtures.orderChanged;
import static io.calicogitops.driftlog.LogFixtures.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link DriftTimeline#from}: drift spans, gaps and failed audits out of a list of entries, no Git involved. */
class DriftTimelineTest {

    private static final Duration DAILY = DriftTimeline.DEFAULT_INTERVAL;

    /** Builds entries the way the log would (seq and chain included), without a repository. */
    private static final class Entries {
        private final List<LogEntry> list = new ArrayList<>();
        private final Map<String, Long> seqs = new java.util.HashMap<>();

        Entries audit(Instant at, DriftEntry... drift) {
            return add(LogEntryJson.body(report("eks-prod", drift), LogFixtures.emptySnapshot(), at), "eks-prod");
        }

        Entries audit(String cluster, Instant at, DriftEntry... drift) {
            return add(LogEntryJson.body(report(cluster, drift), LogFixtures.emptySnapshot(), at), cluster);
        }

        Entries failed(Instant at, String error) {
            return add(LogEntryJson.body(new AuditFailure("eks-prod", "HEAD", Optional.of(COMMIT), "context prod", error), at), "eks-prod");
        }

        private Entries add(com.fasterxml.jackson.databind.node.ObjectNode body, String cluster) {
            long seq = seqs.merge(cluster, 1L, Long::sum);
            list.add(LogEntryJson.fromJson(LogEntryJson.seal(body, seq, LogEntryJson.GENESIS, java.util.Optional.empty())));
            return this;
        }
    }

    @Test
    void driftSeenAtT1AndT2ResolvedAtT3_lastsFromT1ToT3() {
        Entries e = new Entries()
                .audit(hour(1), inSync("pci"))
                .audit(hour(2), denyTurnedInto("pci", "Allow"))
                .audit(hour(5), denyTurnedInto("pci", "Allow"))
                .audit(hour(9), inSync("pci"));

        DriftTimeline t = DriftTimeline.from(e.list, hour(0), hour(10), DAILY);

        assertEquals(1, t.drift().size());
        DriftSpan span = t.drift().get(0);
        assertEquals(hour(2), span.firstSeen());
        assertEquals(hour(5), span.lastSeen());
        assertEquals(Optional.of(hour(9)), span.resolvedAt());
        assertEquals(Duration.ofHours(7), span.duration());
        assertEquals(2, span.timesSeen());
        assertEquals(DriftSeverity.CRITICAL, span.worst());
        assertEquals("GlobalNetworkPolicy pci", span.drift().display());
        assertFalse(span.ongoing());
    }

    @Test
    void driftStillThereAtTheLastAudit_isOngoingWithTheTimeSeenSoFar() {
        Entries e = new Entries().audit(hour(1), missing("gone")).audit(hour(3), missing("gone"));

        DriftSpan span = DriftTimeline.from(e.list, hour(0), hour(4), DAILY).drift().get(0);

        assertTrue(span.ongoing());
        assertEquals(Duration.ofHours(2), span.duration());
    }

    @Test
    void driftThatChanges_isANewFingerprintAndSoANewSpan() {
        Entries e = new Entries()
                .audit(hour(1), denyTurnedInto("pci", "Allow"))
                .audit(hour(2), denyTurnedInto("pci", "Pass"))
                .audit(hour(3), inSync("pci"));

        List<DriftSpan> spans = DriftTimeline.from(e.list, hour(0), hour(4), DAILY).drift();

        assertEquals(2, spans.size());
        assertEquals(Optional.of(hour(2)), spans.get(0).resolvedAt(), "Deny->Allow ended when it became Deny->Pass");
        assertEquals(Optional.of(hour(3)), spans.get(1).resolvedAt());
    }

    @Test
    void driftThatComesBackAfterItWasResolved_startsASecondSpan() {
        Entries e = new Entries()
                .audit(hour(1), orderChanged("web", 7))
                .audit(hour(2), inSync("web"))
                .audit(hour(3), orderChanged("web", 7));

        List<DriftSpan> spans = DriftTimeline.from(e.list, hour(0), hour(4), DAILY).drift();

        assertEquals(List.of(hour(1), hour(3)), spans.stream().map(DriftSpan::firstSeen).toList());
        assertEquals(spans.get(0).drift().fingerprint(), spans.get(1).drift().fingerprint());
        assertTrue(spans.get(1).ongoing());
    }

    @Test
    void failedAudit_resolvesNothingAndIsListed() {
        Entries e = new Entries()
                .audit(hour(1), missing("gone"))
                .failed(hour(2), "list globalnetworkpolicies in context 'prod': forbidden")
                .audit(hour(3), missing("gone"));

        DriftTimeline t = DriftTimeline.from(e.list, hour(0), hour(4), DAILY);

        assertEquals(1, t.drift().size());
        assertEquals(2, t.drift().get(0).timesSeen());
        assertTrue(t.drift().get(0).ongoing());
        assertEquals(List.of(2L), t.failures().stream().map(LogEntry::seq).toList());
        assertEquals(List.of(), t.gaps());
    }

    @Test
    void noSuccessfulAuditForLongerThanTheInterval_isAGapThatListsTheFailedAuditsInIt() {
        Entries e = new Entries()
                .audit(day(0), inSync("pci"))
                .audit(day(1), inSync("pci"))
                .failed(day(2), "timed out")
                .failed(day(3), "timed out")
                .audit(day(4), inSync("pci"))
                .audit(day(5), inSync("pci"));

        DriftTimeline t = DriftTimeline.from(e.list, day(0), day(5), DAILY);

        assertEquals(1, t.gaps().size());
        AuditGap gap = t.gaps().get(0);
        assertEquals(day(1), gap.from());
        assertEquals(day(4), gap.to());
        assertEquals(Duration.ofDays(3), gap.duration());
        assertEquals(List.of(3L, 4L), gap.failedAudits().stream().map(LogEntry::seq).toList());
    }

    @Test
    void windowStartAndEnd_countAsGapsWhenNoAuditIsNearThem() {
        Entries e = new Entries().audit(day(3), inSync("pci"));

        DriftTimeline t = DriftTimeline.from(e.list, day(0), day(10), DAILY);

        assertEquals(List.of(day(0), day(3)), t.gaps().stream().map(AuditGap::from).toList());
        assertEquals(List.of(day(3), day(10)), t.gaps().stream().map(AuditGap::to).toList());
        assertEquals(List.of(), DriftTimeline.from(e.list, day(0), day(10), Duration.ofDays(8)).gaps());
    }

    @Test
    void driftBeforeTheWindow_keepsItsFirstSeenAndDriftResolvedBeforeItIsLeftOut() {
        Entries e = new Entries()
                .audit(day(0), missing("old"), orderChanged("web", 3))
                .audit(day(1), missing("old"))
                .audit(day(5), missing("old"))
                .audit(day(12), inSync("old"));

        DriftTimeline t = DriftTimeline.from(e.list, day(4), day(10), Duration.ofDays(7));

        assertEquals(1, t.drift().size(), "the order drift was resolved on day 1, before the window");
        assertEquals(day(0), t.drift().get(0).firstSeen());
        assertTrue(t.drift().get(0).ongoing(), "the audit that resolves it is after the window");
    }

    @Test
    void entriesOutOfTimeOrder_areTakenInTimeOrder() {
        Entries e = new Entries().audit(hour(5), inSync("pci")).audit(hour(1), missing("pci"));

        DriftSpan span = DriftTimeline.from(e.list, hour(0), hour(6), DAILY).drift().get(0);

        assertEquals(Optional.of(hour(5)), span.resolvedAt());
    }

    @Test
    void severalClusters_areFollowedEachOnItsOwn() {
        Entries e = new Entries()
                .audit("eks-prod", hour(1), missing("pci"))
                .audit("aks-dev", hour(2), inSync("pci"))
                .audit("eks-prod", hour(3), missing("pci"));

        DriftTimeline t = DriftTimeline.from(e.list, hour(0), hour(4), DAILY);

        assertEquals(1, t.drift().size());
        assertEquals("eks-prod", t.drift().get(0).cluster());
        assertTrue(t.drift().get(0).ongoing(), "aks-dev's audit says nothing about eks-prod");
    }

    @Test
    void untilBeforeSince_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> DriftTimeline.from(List.of(), hour(2), hour(1), DAILY));
    }
}
