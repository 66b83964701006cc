package io.calicogitops.driftlog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.calicogitops.report.JsonStyle;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * {@code log show --format json}, schema {@value #SCHEMA_VERSION}: the entries exactly as recorded (so their hashes
 * can be checked from this output alone) and the timeline: drift spans, gaps and failed audits.
 */
public final class LogJsonReport {

    /** Bumped when a field is removed, renamed or changes type; adding a field keeps the version. */
    public static final String SCHEMA_VERSION = "calico-gitops/drift-log-show/v1";

    private static final ObjectMapper MAPPER = JsonStyle.MAPPER;

    private static final ObjectWriter PRETTY = JsonStyle.PRETTY;

    private LogJsonReport() {
    }

    public static void write(String cluster, List<LogEntry> entries, DriftTimeline timeline, Writer out) throws IOException {
        PRETTY.writeValue(out, toJson(cluster, entries, timeline));
        out.write('\n');
        out.flush();
    }

    public static ObjectNode toJson(String cluster, List<LogEntry> entries, DriftTimeline timeline) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("cluster", cluster);
        root.put("since", timeline.since().toString());
        root.put("until", timeline.until().toString());
        root.put("expectedInterval", timeline.expectedInterval().toString());
        ArrayNode list = root.putArray("entries");
        entries.forEach(e -> list.add(LogEntryJson.toJson(e)));
        ArrayNode drift = root.putArray("drift");
        for (DriftSpan s : timeline.drift()) {
            ObjectNode node = drift.addObject();
            node.put("cluster", s.cluster());
            node.put("fingerprint", s.drift().fingerprint());
            node.put("apiGroup", s.drift().apiGroup());
            node.put("kind", s.drift().kind());
            node.put("namespace", s.drift().namespace());
            node.put("name", s.drift().name());
            node.put("status", LoggedDrift.statusLabel(s.drift().status()));
            node.put("severity", s.worst().label());
            s.drift().sentences().forEach(node.putArray("sentences")::add);
            node.put("firstSeen", s.firstSeen().toString());
            node.put("lastSeen", s.lastSeen().toString());
            node.put("resolvedAt", s.resolvedAt().map(Object::toString).orElse(null));
            node.put("ongoing", s.ongoing());
            node.put("durationSeconds", s.duration().toSeconds());
            node.put("timesSeen", s.timesSeen());
        }
        ArrayNode gaps = root.putArray("gaps");
        for (AuditGap g : timeline.gaps()) {
            ObjectNode node = gaps.addObject();
            node.put("cluster", g.cluster());
            node.put("from", g.from().toString());
            node.put("to", g.to().toString());
            node.put("durationSeconds", g.duration().toSeconds());
            g.failedAudits().forEach(e -> node.withArray("failedAuditSeqs").add(e.seq()));
            if (g.failedAudits().isEmpty()) {
                node.putArray("failedAuditSeqs");
            }
        }
        ArrayNode failures = root.putArray("failedAudits");
        for (LogEntry e : timeline.failures()) {
            failures.addObject().put("cluster", e.cluster()).put("seq", e.seq()).put("time", e.time().toString())
                    .put("error", e.error().orElse(""));
        }
        return root;
    }
}
