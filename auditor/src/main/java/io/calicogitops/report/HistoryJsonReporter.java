package io.calicogitops.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.history.DriftTimelineEntry;
import io.calicogitops.history.DriftTimelineView;
import io.calicogitops.history.HistoryCommit;
import io.calicogitops.history.HistoryReport;
import io.calicogitops.history.HistorySummary;
import io.calicogitops.history.ResourceChange;
import io.calicogitops.output.Renderer;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;

/**
 * The machine-readable history, schema {@value #SCHEMA_VERSION} ({@code schemas/history-report.v1.schema.json} on
 * the classpath, fields described in {@code schemas/README-history-json.md}): keys in a fixed order, every key always
 * present, commits oldest first, two-space indent, {@code \n} line ends.
 */
public final class HistoryJsonReporter implements Renderer<HistoryReport> {

    /** Bumped when a field is removed, renamed or changes type; adding a field keeps the version. */
    public static final String SCHEMA_VERSION = "calico-gitops/history/v1";

    static final ObjectMapper MAPPER = JsonStyle.MAPPER;

    static final ObjectWriter PRETTY = JsonStyle.PRETTY;

    @Override
    public void write(HistoryReport report, Writer out) throws IOException {
        PRETTY.writeValue(out, toJson(report));
        out.write('\n');
        out.flush();
    }


    /** The report as a JSON tree in schema order. */
    public static ObjectNode toJson(HistoryReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("cluster", report.cluster().orElse(null));
        root.put("ref", report.ref());
        root.put("headCommit", report.headCommit().orElse(null));
        root.put("since", report.interval().since().map(Instant::toString).orElse(null));
        root.put("until", report.interval().until().map(Instant::toString).orElse(null));
        ArrayNode commits = root.putArray("commits");
        report.commits().forEach(c -> commits.add(commit(c)));
        DriftTimelineView view = report.drift();
        ArrayNode drift = root.putArray("drift");
        for (DriftTimelineEntry d : view.audits()) {
            drift.addObject().put("time", d.time().toString()).put("cluster", d.cluster()).put("summary", d.summary());
        }
        ArrayNode spans = root.putArray("driftSpans");
        view.spans().forEach(s -> spans.add(span(s)));
        ArrayNode gaps = root.putArray("auditGaps");
        for (DriftTimelineView.Gap g : view.gaps()) {
            gaps.addObject().put("cluster", g.cluster()).put("from", g.from().toString()).put("to", g.to().toString())
                    .put("durationSeconds", g.duration().toSeconds()).put("failedAudits", g.failedAudits());
        }
        if (view.expectedInterval().isPresent()) {
            root.put("expectedIntervalSeconds", view.expectedInterval().get().toSeconds());
        } else {
            root.putNull("expectedIntervalSeconds");
        }
        root.set("summary", summary(report.summary()));
        ArrayNode clusters = root.putArray("clusters");
        report.clusterSummaries().forEach((name, s) -> clusters.addObject().put("name", name).set("summary", summary(s)));
        ArrayNode warnings = root.putArray("warnings");
        report.warnings().forEach(warnings::add);
        return root;
    }

    private static ObjectNode span(DriftTimelineView.Span s) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("cluster", s.cluster());
        node.put("kind", s.kind());
        node.put("apiGroup", s.apiGroup());
        node.put("namespace", s.namespace());
        node.put("name", s.name());
        node.put("resource", s.resource());
        node.put("status", s.status());
        node.put("severity", s.severity().label());
        node.put("firstSeen", s.firstSeen().toString());
        node.put("lastSeen", s.lastSeen().toString());
        node.put("resolvedAt", s.resolvedAt().map(Instant::toString).orElse(null));
        node.put("durationSeconds", s.duration().toSeconds());
        node.put("timesSeen", s.timesSeen());
        ArrayNode sentences = node.putArray("sentences");
        s.sentences().forEach(sentences::add);
        return node;
    }

    private static ObjectNode commit(HistoryCommit c) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", c.id());
        ArrayNode parents = node.putArray("parents");
        c.parents().forEach(parents::add);
        node.put("merge", c.isMerge());
        node.put("author", c.author());
        node.put("authorEmail", c.authorEmail());
        node.put("committer", c.committer());
        node.put("time", c.time().toString());
        node.put("message", c.message());
        ArrayNode changes = node.putArray("changes");
        c.changes().forEach(ch -> changes.add(change(ch)));
        return node;
    }

    private static ObjectNode change(ResourceChange c) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("cluster", c.cluster());
        node.put("kind", c.id().kind());
        node.put("apiGroup", c.id().group());
        node.put("apiVersion", c.apiVersion());
        node.put("namespace", c.id().namespace());
        node.put("name", c.id().name());
        node.put("change", c.change().label());
        node.put("previousKind", c.previousId().map(p -> p.kind()).orElse(null));
        node.put("severity", c.severity().label());
        node.put("path", c.path());
        ArrayNode sentences = node.putArray("sentences");
        c.sentences().forEach(sentences::add);
        return node;
    }

    static ObjectNode summary(HistorySummary s) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("numCreatedPolicies", s.numCreatedPolicies());
        node.put("numModifiedPolicies", s.numModifiedPolicies());
        node.put("numDeletedPolicies", s.numDeletedPolicies());
        node.put("numPromotedPolicies", s.numPromotedPolicies());
        node.put("numDemotedPolicies", s.numDemotedPolicies());
        node.put("numCreatedResources", s.numCreatedResources());
        node.put("numModifiedResources", s.numModifiedResources());
        node.put("numDeletedResources", s.numDeletedResources());
        node.put("numCommits", s.numCommits());
        return node;
    }
}
