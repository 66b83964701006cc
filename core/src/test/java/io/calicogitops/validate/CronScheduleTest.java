package io.calicogitops.validate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CronScheduleTest {

    @ParameterizedTest
    @ValueSource(strings = {"*/30 * * * *", "0 * * * *", "* * * * *", "0 6,18 * * MON-FRI", "15 2 1 jan,jul ?",
            "0-59/5 0-23 1-31 1-12 0-6", "@hourly", "@daily", "  */10 * * * *  "})
    void check_validSchedule_isAccepted(String schedule) {
        assertEquals(java.util.Optional.empty(), CronSchedule.check(schedule));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "*/30 * * *|has 4 fields",
            "60 * * * *|minute '60': out of range 0-59",
            "0 24 * * *|hour '24': out of range 0-23",
            "0 0 0 * *|day of month '0': out of range 1-31",
            "0 0 * 13 *|month '13': out of range 1-12",
            "0 0 * * 7|day of week '7': out of range 0-6",
            "*/0 * * * *|step '0' must be a positive number",
            "0 5-2 * * *|range start is after its end",
            "0 0 * * FUN|day of week 'FUN': expected a number 0-6 or a name",
            "@every5m|unknown descriptor",
            "TZ=UTC 0 * * * *|spec.timeZone"})
    void check_badSchedule_saysWhy(String schedule, String expected) {
        String problem = CronSchedule.check(schedule).orElseThrow();
        assertTrue(problem.contains(expected), problem);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ghcr.io/acme/calico-gitops:1.0.0|",
            "localhost:5000/calico-gitops:dev|",
            "calico-gitops@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef|",
            "ghcr.io/acme/calico-gitops|has no tag or digest",
            "ghcr.io/acme/calico-gitops:latest|not a pinned version",
            "ghcr.io/Acme/calico-gitops:1|is not an image reference",
            "ghcr.io/acme/calico gitops:1|is not an image reference"})
    void imageReference_check(String image, String expected) {
        var problem = ImageReference.check(image);
        if (expected == null) {
            assertEquals(java.util.Optional.empty(), problem);
        } else {
            assertTrue(problem.orElseThrow().contains(expected), problem.orElseThrow());
        }
    }
}
