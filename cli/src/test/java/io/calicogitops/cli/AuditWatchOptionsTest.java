package io.calicogitops.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The options of the scheduled audit: usage errors (exit 2) before anything is read, and the help that names them. */
class AuditWatchOptionsTest {

    private static CliRun audit(String... extra) {
        String[] args = new String[5 + extra.length];
        System.arraycopy(new String[] {"audit", "--repo", "no-such-repo", "--cluster", "eks-dev"}, 0, args, 0, 5);
        System.arraycopy(extra, 0, args, 5, extra.length);
        return CliRun.of(args);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--interval 0s|--interval: must be positive, got '0s'",
            "--interval ten|--interval: expected 30s, 10m, 1h or an ISO-8601 duration, got 'ten'",
            "--notify-webhook https://h/x --notify-webhook-file f|--notify-webhook: give the URL or a file holding it, not both",
            "--notify-webhook-file no-such-file|--notify-webhook-file: cannot read no-such-file"})
    void badOption_isAUsageError(String options, String message) {
        String[] extra = (String.join(" ", "--live", "x.yaml", "--watch", options)).split(" ");
        CliRun run = audit(extra);

        assertEquals(2, run.exitCode(), run.transcript());
        assertTrue(run.err().contains(message), run.transcript());
    }

    @Test
    void watch_badFormat_endsAtOnceInsteadOfRetrying() {
        CliRun run = audit("--live", "x.yaml", "--watch", "--interval", "1h", "-o", "yaml");
        assertEquals(2, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("unknown output format 'yaml'"), run.transcript());
        assertTrue(!run.err().contains("watch: audit 1 failed"), run.transcript());
    }

    @Test
    void metricsPort_withoutWatch_isAUsageError() {
        CliRun run = audit("--live", "x.yaml", "--metrics-port", "9090");
        assertEquals(2, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("--metrics-port: needs --watch"), run.transcript());
    }

    @Test
    void metricsPort_outOfRange_isAUsageError() {
        CliRun run = audit("--live", "x.yaml", "--watch", "--metrics-port", "70000");
        assertEquals(2, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("--metrics-port: expected 0..65535, got 70000"), run.transcript());
    }

    @Test
    void metricsPort_inUse_isAUsageErrorBeforeAnyAudit() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CliRun run = audit("--live", "x.yaml", "--watch", "--max-runs", "1", "--metrics-port",
                    Integer.toString(taken.getLocalPort()));

            assertEquals(2, run.exitCode(), run.transcript());
            assertTrue(run.err().contains("--metrics-port: cannot listen on port " + taken.getLocalPort()), run.transcript());
            assertTrue(!run.err().contains("watch: audit 1"), run.transcript());
        }
    }

    @Test
    void inClusterWithKubeconfig_isAUsageError() {
        CliRun run = audit("--in-cluster", "--kubeconfig", "k");
        assertEquals(2, run.exitCode(), run.transcript());
    }

    @Test
    void evidenceExport_inCluster_isAUsageError() {
        CliRun run = CliRun.of("evidence", "export", "--repo", "r", "--cluster", "eks-dev", "--since", "2026-01-01",
                "--until", "2026-01-31", "--out", "b.zip", "--in-cluster");
        assertEquals(2, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("--in-cluster is for audit"), run.transcript());
    }

    @Test
    void help_namesTheScheduledAuditOptions() {
        CliRun run = CliRun.of("audit", "--help");
        assertEquals(0, run.exitCode());
        for (String option : new String[] {"--watch", "--interval", "--in-cluster", "--notify-webhook", "--notify-webhook-file", "--metrics-port"}) {
            assertTrue(run.out().contains(option), option + "\n" + run.out());
        }
    }
}
