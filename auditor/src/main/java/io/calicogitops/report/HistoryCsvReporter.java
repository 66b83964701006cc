package io.calicogitops.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.history.DriftTimelineView;
import io.calicogitops.history.HistoryCommit;
import io.calicogitops.history.HistoryReport;
import io.calicogitops.history.HistorySummary;
import io.calicogitops.history.ResourceChange;
import io.calicogitops.model.ResourceId;
import io.calicogitops.output.Renderer;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The files of Calico's policy-audit report, so that people who read those recognise them. {@code summary.csv} has
 * the report's columns in its order ({@code startTime} ... {@code numDeletedPolicies}; the endpoint-scope columns are
 * empty, as history is not scoped by endpoints), then {@code cluster} and the counts over all resources, one row per
 * cluster. {@code events.json} holds one Kubernetes audit event per resource change (verb {@code create},
 * {@code patch} or {@code delete}; {@code user.username} is the commit's author) with the commit, cluster, change and
 * sentences added. {@code drift-spans.csv} lists the drift log's drift spans, one per row.
 */
public final class HistoryCsvReporter implements Renderer<HistoryReport> {

    public static final String SUMMARY_FILE = "summary.csv";
    public static final String EVENTS_FILE = "events.json";
    public static final String DRIFT_SPANS_FILE = "drift-spans.csv";

    static final List<String> SPAN_COLUMNS = List.of("cluster", "kind", "apiGroup", "namespace", "name", "status",
            "severity", "firstSeen", "lastSeen", "resolvedAt", "durationSeconds", "timesSeen", "sentences");

    static final List<String> COLUMNS = List.of("startTime", "endTime", "endpointSelector", "namespaceNames",
            "namespaceSelector", "serviceAccountNames", "serviceAccountSelectors", "numCreatedPolicies",
            "numModifiedPolicies", "numDeletedPolicies", "cluster", "numCreatedResources", "numModifiedResources",
            "numDeletedResources", "numCommits");

    // Kubernetes audit events stamp times as MicroTime: RFC 3339 with microseconds.
    private static final DateTimeFormatter MICRO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** Writes {@code summary.csv}; {@link #writeFiles} writes both files. */
    @Override
    public void write(HistoryReport report, Writer out) throws IOException {
        out.write(summaryCsv(report));
        out.flush();
    }


    /**
     * Writes {@code summary.csv}, {@code events.json} and {@code drift-spans.csv} (one row per drift span of the drift
     * log, header only when there is none) into {@code dir} (created if absent); returns their paths.
     */
    public List<Path> writeFiles(HistoryReport report, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path summary = dir.resolve(SUMMARY_FILE);
        Path events = dir.resolve(EVENTS_FILE);
        Files.writeString(summary, summaryCsv(report), StandardCharsets.UTF_8);
        Path spans = dir.resolve(DRIFT_SPANS_FILE);
        Files.writeString(events, eventsJson(report), StandardCharsets.UTF_8);
        Files.writeString(spans, driftSpansCsv(report), StandardCharsets.UTF_8);
        return List.of(summary, events, spans);
    }

    static String summaryCsv(HistoryReport report) {
        StringBuilder b = new StringBuilder(CsvLine.of(COLUMNS));
        String start = report.interval().since().or(() -> first(report)).map(Instant::toString).orElse("");
        String end = report.interval().until().or(() -> last(report)).map(Instant::toString).orElse("");
        Map<String, HistorySummary> clusters = report.clusterSummaries();
        if (clusters.isEmpty()) {
            clusters = Map.of("", report.summary());
        }
        clusters.forEach((name, s) -> {
            b.append(CsvLine.of(start, end, "", "", "", "", "", s.numCreatedPolicies(), s.numModifiedPolicies(),
                    s.numDeletedPolicies(), name, s.numCreatedResources(), s.numModifiedResources(),
                    s.numDeletedResources(), s.numCommits()));
        });
        return b.toString();
    }

    /** One row per drift span; {@code resolvedAt} empty while ongoing, sentences joined with {@code "; "}. */
    static String driftSpansCsv(HistoryReport report) {
        StringBuilder b = new StringBuilder(CsvLine.of(SPAN_COLUMNS));
        for (DriftTimelineView.Span s : report.drift().spans()) {
            b.append(CsvLine.of(s.cluster(), s.kind(), s.apiGroup(), s.namespace(), s.name(), s.status(),
                    s.severity().label(), s.firstSeen().toString(), s.lastSeen().toString(),
                    s.resolvedAt().map(Instant::toString).orElse(""), s.duration().toSeconds(), s.timesSeen(),
                    String.join("; ", s.sentences())));
        }
        return b.toString();
    }

    static String eventsJson(HistoryReport report) throws IOException {
        ArrayNode events = HistoryJsonReporter.MAPPER.createArrayNode();
        for (HistoryCommit c : report.commits()) {
            for (ResourceChange ch : c.changes()) {
                events.add(event(c, ch));
            }
        }
        return HistoryJsonReporter.PRETTY.writeValueAsString(events) + "\n";
    }

    private static ObjectNode event(HistoryCommit c, ResourceChange ch) {
        ObjectNode e = HistoryJsonReporter.MAPPER.createObjectNode();
        e.put("kind", "Event");
        e.put("apiVersion", "audit.k8s.io/v1");
        e.put("level", "Metadata");
        e.put("stage", "ResponseComplete");
        e.put("verb", ch.change().verb());
        ObjectNode user = e.putObject("user");
        user.put("username", c.author());
        if (!c.authorEmail().isEmpty()) {
            user.putObject("extra").putArray("email").add(c.authorEmail());
        }
        ObjectNode ref = e.putObject("objectRef");
        ResourceId id = ch.id();
        ref.put("resource", plural(id.kind()));
        if (id.isNamespaced()) {
            ref.put("namespace", id.namespace());
        }
        ref.put("name", id.name());
        ref.put("apiGroup", id.group());
        String apiVersion = ch.apiVersion();
        ref.put("apiVersion", apiVersion.contains("/") ? apiVersion.substring(apiVersion.indexOf('/') + 1) : apiVersion);
        String time = MICRO.format(c.time());
        e.put("requestReceivedTimestamp", time);
        e.put("stageTimestamp", time);
        e.put("commit", c.id());
        e.put("cluster", ch.cluster());
        e.put("change", ch.change().label());
        ArrayNode sentences = e.putArray("sentences");
        ch.sentences().forEach(sentences::add);
        return e;
    }

    /** The API resource name of a kind, as the API server names it in audit events: {@code globalnetworkpolicies}. */
    static String plural(String kind) {
        String k = kind.toLowerCase(Locale.ROOT);
        if (k.endsWith("y") && k.length() > 1 && "aeiou".indexOf(k.charAt(k.length() - 2)) < 0) {
            return k.substring(0, k.length() - 1) + "ies";
        }
        return k.endsWith("s") ? k + "es" : k + "s";
    }

    private static Optional<Instant> first(HistoryReport r) {
        return r.commits().isEmpty() ? Optional.empty() : Optional.of(r.commits().get(0).time());
    }

    private static Optional<Instant> last(HistoryReport r) {
        return r.commits().isEmpty() ? Optional.empty() : Optional.of(r.commits().get(r.commits().size() - 1).time());
    }
}
