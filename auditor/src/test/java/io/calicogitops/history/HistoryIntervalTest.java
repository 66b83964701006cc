package io.calicogitops.history;

import io.calicogitops.diag.ExitCodes;
import io.calicogitops.diag.UsageException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.calicogitops.history.Manifests.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --since and --until: both ends inclusive, dates are UTC days, and the commits exactly on and just past each edge. */
class HistoryIntervalTest {

    @TempDir
    static Path repo;

    /** One commit a second around each edge of [2026-11-10T00:00:00Z, 2026-11-20T23:59:59Z]. */
    @BeforeAll
    static void write() {
        try (ScriptedRepo r = new ScriptedRepo(repo)) {
            String[] times = {"2026-11-09T23:59:59Z", "2026-11-10T00:00:00Z", "2026-11-15T12:00:00Z",
                    "2026-11-20T23:59:59Z", "2026-11-21T00:00:00Z"};
            for (int i = 0; i < times.length; i++) {
                r.put(path("eks-prod", "tier-t" + i + ".yaml"), Manifests.tier("t" + i, i)).commit(times[i], "Alice", Instant.parse(times[i]));
            }
        }
    }

    private static List<String> subjects(String since, String until) {
        HistoryReport r = new History().walk(new HistoryRequest(repo, null, Optional.of("eks-prod"), Interval.parse(since, until)));
        return r.commits().stream().map(HistoryCommit::subject).toList();
    }

    @Test
    void dates_coverWholeUtcDaysInclusive() {
        assertEquals(List.of("2026-11-10T00:00:00Z", "2026-11-15T12:00:00Z", "2026-11-20T23:59:59Z"),
                subjects("2026-11-10", "2026-11-20"));
    }

    @Test
    void instants_commitExactlyAtSinceIsInAndOneSecondPastUntilIsOut() {
        assertEquals(List.of("2026-11-10T00:00:00Z", "2026-11-15T12:00:00Z"),
                subjects("2026-11-10T00:00:00Z", "2026-11-20T23:59:58Z"));
        assertEquals(List.of("2026-11-15T12:00:00Z", "2026-11-20T23:59:59Z"),
                subjects("2026-11-10T00:00:01Z", "2026-11-20T23:59:59Z"));
    }

    @Test
    void openEnds_reachTheFirstAndLastCommit() {
        assertEquals(5, subjects(null, null).size());
        assertEquals(List.of("2026-11-20T23:59:59Z", "2026-11-21T00:00:00Z"), subjects("2026-11-20T23:59:59Z", null));
        assertEquals(List.of("2026-11-09T23:59:59Z"), subjects(null, "2026-11-09"));
    }

    @Test
    void offsets_areConvertedToUtc() {
        assertEquals(List.of("2026-11-10T00:00:00Z"), subjects("2026-11-10T01:00:00+01:00", "2026-11-10T01:00:00+01:00"));
    }

    @Test
    void parse_recordsTheEdges() {
        Interval i = Interval.parse("2026-11-10", "2026-11-20");
        assertEquals(Optional.of(Instant.parse("2026-11-10T00:00:00Z")), i.since());
        assertEquals(Optional.of(Instant.parse("2026-11-20T23:59:59Z")), i.until());
        assertTrue(i.contains(Instant.parse("2026-11-20T23:59:59Z")));
        assertTrue(!i.contains(Instant.parse("2026-11-21T00:00:00Z")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "2026-13-01 | | since: expected a date (2026-01-31) or an instant (2026-01-31T12:00:00Z), got '2026-13-01'",
            " | yesterday | until: expected a date (2026-01-31) or an instant (2026-01-31T12:00:00Z), got 'yesterday'",
            "2026-11-20T14:03 | | since: expected a date (2026-01-31) or an instant (2026-01-31T12:00:00Z), got '2026-11-20T14:03'",
            "2026-11-21 | 2026-11-20 | since: 2026-11-21T00:00:00Z is after the end of the interval, 2026-11-20T23:59:59Z"})
    void parse_badInput_isAUsageErrorThatSaysWhatIsExpected(String since, String until, String message) {
        UsageException e = assertThrows(UsageException.class, () -> Interval.parse(since, until));
        assertEquals(message, e.getMessage());
        assertEquals(ExitCodes.USAGE, e.exitCode());
    }
}
