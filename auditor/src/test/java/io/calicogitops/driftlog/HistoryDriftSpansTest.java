package io.calicogitops.driftlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.calicogitops.git.GitRepo;
import io.calicogitops.history.DriftTimelineView;
import io.calicogitops.history.History;
import io.calicogitops.history.HistoryReport;
import io.calicogitops.history.HistoryRequest;
import io.calicogitops.history.Interval;
import io.calicogitops.report.HistoryJsonReporter;
import io.calicogitops.report.HistoryTextReporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;

import static io.calicogitops.driftlog.LogFixtures.denyTurnedInto;
import static io.calicogitops.driftlog.LogFixtures.emptySnapshot;
import static io.calicogitops.driftlog.LogFixtures.hour;
import static io.calicogitops.driftlog.LogFixtures.inSync;
import static io.calicogitops.driftlog.LogFixtures.report;
import static io.calicogitops.driftlog.LogFixtures.repoWithMain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Audits recorded in the drift log reach {@code history}: drift spans with their times and duration, and gaps. */
class HistoryDriftSpansTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    /** t1 = 06:00 drift seen, t2 = 12:00 still there, t3 = 18:00 resolved, then no audit until 3 days later. */
    private GitRepo scripted() {
        GitRepo repo = repoWithMain(dir);
        DriftLog log = new DriftLog();
        log.append(repo, report("eks-prod", denyTurnedInto("pci", "Allow")), emptySnapshot(), hour(6));
        log.append(repo, report("eks-prod", denyTurnedInto("pci", "Allow")), emptySnapshot(), hour(12));
        log.append(repo, report("eks-prod", inSync("pci")), emptySnapshot(), hour(18));
        log.append(repo, report("eks-prod", inSync("pci")), emptySnapshot(), hour(18 + 72));
        return repo;
    }

    private HistoryReport walk(GitRepo repo, Interval interval, Duration expected) {
        Clock clock = Clock.fixed(hour(18 + 72 + 1), ZoneOffset.UTC);
        return new History(new DriftLogTimeline(expected, clock))
                .walk(repo, new HistoryRequest(dir, null, Optional.of("eks-prod"), interval));
    }

    private static JsonNode json(HistoryReport r) throws IOException {
        StringWriter out = new StringWriter();
        new HistoryJsonReporter().write(r, out);
        return MAPPER.readTree(out.toString());
    }

    @Test
    void history_json_hasTheSpanWithItsTimesAndDuration_andTheGap() throws IOException {
        try (GitRepo repo = scripted()) {
            JsonNode json = json(walk(repo, Interval.all(), Duration.ofDays(1)));

            assertEquals(4, json.path("drift").size(), json.toString());
            assertEquals(1, json.path("driftSpans").size(), json.path("driftSpans").toString());
            JsonNode span = json.path("driftSpans").get(0);
            assertEquals("GlobalNetworkPolicy pci", span.path("resource").asText());
            assertEquals("modified", span.path("status").asText());
            assertEquals("critical", span.path("severity").asText());
            assertEquals("2026-03-01T06:00:00Z", span.path("firstSeen").asText());
            assertEquals("2026-03-01T12:00:00Z", span.path("lastSeen").asText());
            assertEquals("2026-03-01T18:00:00Z", span.path("resolvedAt").asText());
            assertEquals(12 * 3600, span.path("durationSeconds").asLong());
            assertEquals(2, span.path("timesSeen").asInt());
            assertEquals("egress rule 1: action Deny -> Allow", span.path("sentences").get(0).asText());

            assertEquals(86400, json.path("expectedIntervalSeconds").asLong());
            assertEquals(1, json.path("auditGaps").size(), json.path("auditGaps").toString());
            JsonNode gap = json.path("auditGaps").get(0);
            assertEquals("2026-03-01T18:00:00Z", gap.path("from").asText());
            assertEquals("2026-03-04T18:00:00Z", gap.path("to").asText());
            assertEquals(72 * 3600, gap.path("durationSeconds").asLong());
            assertEquals(0, gap.path("failedAudits").asInt());
        }
    }

    @Test
    void history_ongoingDrift_hasNoResolvedAt_andALongerIntervalHidesTheGap() throws IOException {
        try (GitRepo repo = scripted()) {
            Interval interval = new Interval(Optional.of(hour(0)), Optional.of(hour(15)));
            HistoryReport r = walk(repo, interval, Duration.ofDays(4));
            DriftTimelineView v = r.drift();
            assertEquals(1, v.spans().size());
            assertTrue(v.spans().get(0).ongoing(), "the audit that resolves it is after the interval");
            assertEquals(Duration.ofHours(6), v.spans().get(0).duration());
            assertTrue(v.gaps().isEmpty(), v.gaps().toString());
            assertTrue(json(r).path("driftSpans").get(0).path("resolvedAt").isNull());
        }
    }

    @Test
    void history_text_hasTheDriftSectionAfterTheCommits() throws IOException {
        try (GitRepo repo = scripted()) {
            StringWriter out = new StringWriter();
            new HistoryTextReporter().write(walk(repo, Interval.all(), Duration.ofDays(1)), out);
            String text = out.toString();
            assertTrue(text.contains("critical GlobalNetworkPolicy pci modified: first seen 2026-03-01T06:00:00Z, resolved "
                    + "2026-03-01T18:00:00Z after 12h, seen by 2 audits"), text);
            assertTrue(text.contains("gaps (no successful audit for more than 1d): 1\n"
                    + "  2026-03-01T18:00:00Z -> 2026-03-04T18:00:00Z (3d)\n"), text);
            assertTrue(text.indexOf("drift log:") > text.indexOf("2026-") && text.indexOf("drift log:") < text.indexOf("summary:"), text);
        }
    }
}
