package io.calicogitops.cli;

import io.calicogitops.diag.UsageException;
import io.calicogitops.watch.MetricsServer;
import io.calicogitops.watch.WatchMetrics;
import picocli.CommandLine.Option;

import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code audit --watch --interval 10m}: audit in a loop in one process (a Deployment instead of a CronJob). */
final class WatchOptions {

    private static final Pattern SHORT = Pattern.compile("([0-9]{1,9})(ms|s|m|h|d)");

    @Option(names = "--watch", description = "audit again every --interval until stopped (SIGTERM or Ctrl-C ends it after"
            + " the audit in progress, exit 0); a failed audit is reported and retried with backoff")
    boolean watch;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "10m",
            description = "with --watch: time between audits, e.g. 30s, 10m, 1h (default: ${DEFAULT-VALUE})")
    String interval;

    @Option(names = "--metrics-port", paramLabel = "PORT", description = "with --watch: serve Prometheus metrics on"
            + " :PORT/metrics, readiness on /readyz (200 after a successful audit) and liveness on /healthz")
    Integer metricsPort;

    @Option(names = "--max-runs", paramLabel = "N", hidden = true, description = "with --watch: stop after N audits")
    int maxRuns;

    @Option(names = "--backoff-seed", paramLabel = "N", hidden = true, description = "seed of the backoff jitter")
    Long seed;

    /** The metrics endpoint when --metrics-port is given (null: none; try-with-resources skips it). */
    MetricsServer metricsServer(WatchMetrics metrics) {
        if (metricsPort == null) {
            return null;
        }
        if (!watch) {
            throw new UsageException("--metrics-port: needs --watch (a single audit has no one to scrape it)");
        }
        if (metricsPort < 0 || metricsPort > 65535) {
            throw new UsageException("--metrics-port: expected 0..65535, got " + metricsPort);
        }
        try {
            // All interfaces, as Prometheus scrapes the pod's IP (kube-state-metrics and node-exporter do the same).
            return MetricsServer.start(new InetSocketAddress(metricsPort), metrics);
        } catch (UncheckedIOException e) {
            throw new UsageException("--metrics-port: " + e.getMessage());
        }
    }

    Duration interval() {
        Matcher m = SHORT.matcher(interval.toLowerCase(Locale.ROOT));
        Duration d;
        try {
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                d = switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            } else {
                d = Duration.parse(interval);
            }
        } catch (DateTimeParseException e) {
            throw new UsageException("--interval: expected 30s, 10m, 1h or an ISO-8601 duration, got '" + interval + "'");
        }
        if (d.isZero() || d.isNegative()) {
            throw new UsageException("--interval: must be positive, got '" + interval + "'");
        }
        return d;
    }
}
