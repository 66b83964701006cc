package io.calicogitops.notify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.audit.DriftSeverity;
import io.calicogitops.driftlog.DriftState;
import io.calicogitops.driftlog.LoggedDrift;
import io.calicogitops.report.JsonStyle;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One message to the webhook (schema {@value #SCHEMA}, described in {@code schemas/notification.v1.schema.json}): the
 * event, the cluster, the drift now and what appeared or went away since the last successful audit, plus a
 * Slack-compatible {@code text} so that a Slack or Mattermost incoming webhook shows it as is.
 */
public record Notification(DriftEvent event, String cluster, Instant time, DriftState current, Optional<DriftState> before) {

    public static final String SCHEMA = "calico-gitops/notification/v1";

    /** At most this many resources are listed in {@code text}; the JSON lists all of them. */
    private static final int TEXT_LINES = 10;

    public ObjectNode toJson() {
        ObjectNode n = JsonStyle.MAPPER.createObjectNode();
        n.put("schemaVersion", SCHEMA);
        n.put("event", event.label());
        n.put("cluster", cluster);
        n.put("time", DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.SECONDS)));
        n.put("verdict", current.verdict().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        n.put("desiredCommit", current.desiredCommit().orElse(null));
        n.put("fingerprint", current.fingerprint().isEmpty() ? null : current.fingerprint());
        n.put("previousFingerprint", before.map(DriftState::fingerprint).filter(f -> !f.isEmpty()).orElse(null));
        n.put("worstSeverity", worst(current.drift()).label());
        n.put("error", current.error().orElse(null));
        list(n.putArray("drift"), current.drift());
        list(n.putArray("appeared"), appeared());
        list(n.putArray("resolved"), resolved());
        n.put("text", text());
        return n;
    }

    /** Drift now that the last successful audit did not have. */
    public List<LoggedDrift> appeared() {
        Set<String> had = before.map(b -> b.drift().stream().map(LoggedDrift::fingerprint).collect(Collectors.toSet())).orElse(Set.of());
        return current.drift().stream().filter(d -> !had.contains(d.fingerprint())).toList();
    }

    /** Drift the last successful audit had that is gone now (resolved, or changed into another one). */
    public List<LoggedDrift> resolved() {
        if (current.failed()) {
            return List.of();
        }
        Set<String> has = current.drift().stream().map(LoggedDrift::fingerprint).collect(Collectors.toSet());
        return before.map(b -> b.drift().stream().filter(d -> !has.contains(d.fingerprint())).toList()).orElse(List.of());
    }

    /** The Slack {@code text}: one headline and the resources that appeared or were resolved. */
    public String text() {
        List<String> lines = new ArrayList<>();
        switch (event) {
            case APPEARED -> lines.add(":warning: *" + cluster + "*: drift appeared (" + counts(current.drift()) + ")");
            case CHANGED -> lines.add(":warning: *" + cluster + "*: drift changed (" + counts(current.drift()) + " now)");
            case RESOLVED -> lines.add(":white_check_mark: *" + cluster + "*: in sync again with Git");
            case AUDIT_FAILED -> lines.add(":x: *" + cluster + "*: the audit failed: " + current.error().orElse(""));
        }
        List<String> items = new ArrayList<>();
        appeared().forEach(d -> items.add("• " + d.severity().label() + " " + LoggedDrift.statusLabel(d.status()) + " "
                + d.display() + sentence(d)));
        resolved().forEach(d -> items.add("• resolved: " + d.display()));
        items.stream().limit(TEXT_LINES).forEach(lines::add);
        if (items.size() > TEXT_LINES) {
            lines.add("… and " + (items.size() - TEXT_LINES) + " more");
        }
        return String.join("\n", lines);
    }

    private static String sentence(LoggedDrift d) {
        return d.sentences().isEmpty() ? "" : ": " + d.sentences().get(0);
    }

    private static String counts(List<LoggedDrift> drift) {
        List<String> parts = new ArrayList<>();
        for (DriftSeverity s : List.of(DriftSeverity.CRITICAL, DriftSeverity.WARNING, DriftSeverity.INFO)) {
            long n = drift.stream().filter(d -> d.severity() == s).count();
            if (n > 0) {
                parts.add(n + " " + s.label());
            }
        }
        return String.join(", ", parts);
    }

    private static DriftSeverity worst(List<LoggedDrift> drift) {
        return drift.stream().map(LoggedDrift::severity).reduce(DriftSeverity.NONE, DriftSeverity::max);
    }

    private static void list(ArrayNode into, List<LoggedDrift> drift) {
        drift.forEach(d -> into.add(d.toJson()));
    }
}
