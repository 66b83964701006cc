package io.calicogitops.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.calicogitops.audit.DriftSeverity;
import io.calicogitops.history.DriftTimelineEntry;
import io.calicogitops.history.DriftTimelineView;
import io.calicogitops.history.HistoryFixtures;
import io.calicogitops.history.HistoryReport;
import io.calicogitops.output.OutputFormat;
import io.calicogitops.output.Renderer;
import io.calicogitops.testing.Golden;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every history format over the scripted fleet ({@code history.Scenarios}): golden files (review them by eye after
 * {@code -Dgolden.update=true}), the JSON against its published schema, and the CSV files shaped like Calico's.
 */
class HistoryReportersTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Schema SCHEMA = loadSchema();

    @TempDir
    static Path repo;

    private static HistoryReport eksProd;
    private static HistoryReport all;
    private static HistoryReport empty;

    @BeforeAll
    static void walk() {
        HistoryFixtures.writeFleet(repo);
        eksProd = HistoryFixtures.walk(repo, "eks-prod", "2026-11-01", "2026-11-30");
        all = HistoryFixtures.walk(repo, null, null, null);
        empty = HistoryFixtures.walk(repo, "eks-prod", "2026-12-01", null);
    }

    static String render(Renderer<HistoryReport> reporter, HistoryReport report) throws IOException {
        StringWriter out = new StringWriter();
        reporter.write(report, out);
        return out.toString();
    }

    @Test
    void text_oneCluster_matchesGolden() throws IOException {
        Golden.assertText(ReportFixtures.golden("history-eks-prod.txt"), render(new HistoryTextReporter(), eksProd));
    }

    @Test
    void text_allClusters_groupsChangesByClusterAndMatchesGolden() throws IOException {
        Golden.assertText(ReportFixtures.golden("history-all.txt"), render(new HistoryTextReporter(), all));
    }

    @Test
    void text_emptyInterval_saysSo() throws IOException {
        String out = render(new HistoryTextReporter(), empty);
        assertTrue(out.contains("no commit changed a resource in this interval"), out);
        assertTrue(out.contains("summary: 0 commits; policies: 0 created, 0 modified, 0 deleted"), out);
    }

    @Test
    void json_matchesGoldenAndTheSchema() throws IOException {
        String json = render(new HistoryJsonReporter(), eksProd);
        Golden.assertText(ReportFixtures.golden("history-eks-prod.json"), json);
        for (HistoryReport r : List.of(eksProd, all, empty)) {
            assertEquals(List.of(), messages(SCHEMA.validate(MAPPER.readTree(render(new HistoryJsonReporter(), r)))));
        }
    }

    @Test
    void json_keysInSchemaOrder() throws IOException {
        JsonNode json = MAPPER.readTree(render(new HistoryJsonReporter(), all));
        assertEquals(List.of("schemaVersion", "cluster", "ref", "headCommit", "since", "until", "commits", "drift",
                "driftSpans", "auditGaps", "expectedIntervalSeconds", "summary", "clusters", "warnings"), names(json));
        assertEquals(List.of("id", "parents", "merge", "author", "authorEmail", "committer", "time", "message", "changes"),
                names(json.get("commits").get(0)));
        assertEquals(List.of("cluster", "kind", "apiGroup", "apiVersion", "namespace", "name", "change", "previousKind",
                "severity", "path", "sentences"), names(json.get("commits").get(0).get("changes").get(0)));
        assertEquals(List.of("numCreatedPolicies", "numModifiedPolicies", "numDeletedPolicies", "numPromotedPolicies",
                "numDemotedPolicies", "numCreatedResources", "numModifiedResources", "numDeletedResources", "numCommits"),
                names(json.get("summary")));
        assertTrue(json.get("cluster").isNull() && json.get("since").isNull(), "open values are null, never left out");
        assertEquals("[]", json.get("drift").toString());
        assertEquals("[]", json.get("driftSpans").toString());
        assertEquals("[]", json.get("auditGaps").toString());
        assertTrue(json.get("expectedIntervalSeconds").isNull(), "no drift log, no interval");
    }

    /** eks-prod's history with a drift log: one resolved span, one ongoing, a gap with a failed audit. */
    static HistoryReport withDrift() {
        Instant t1 = Instant.parse("2026-11-10T06:00:00Z");
        DriftTimelineView view = new DriftTimelineView(List.of(
                new DriftTimelineEntry(t1, "eks-prod", "drift (critical, 1 resource)"),
                new DriftTimelineEntry(t1.plus(Duration.ofDays(1)), "eks-prod", "drift (critical, 2 resources)"),
                new DriftTimelineEntry(t1.plus(Duration.ofDays(2)), "eks-prod", "drift (warning, 1 resource)"),
                new DriftTimelineEntry(t1.plus(Duration.ofDays(4)), "eks-prod", "failed: connection refused"),
                new DriftTimelineEntry(t1.plus(Duration.ofDays(6)), "eks-prod", "drift (warning, 1 resource)")),
                List.of(new DriftTimelineView.Span("eks-prod", "projectcalico.org", "GlobalNetworkPolicy", "", "pci-deny",
                                "modified", DriftSeverity.CRITICAL, t1, t1.plus(Duration.ofDays(1)),
                                Optional.of(t1.plus(Duration.ofDays(2))), 2, List.of("egress rule 1: action Deny -> Allow")),
                        new DriftTimelineView.Span("eks-prod", "projectcalico.org", "NetworkPolicy", "payments", "allow-db",
                                "modified", DriftSeverity.WARNING, t1.plus(Duration.ofDays(1)), t1.plus(Duration.ofDays(6)),
                                Optional.empty(), 3, List.of("order 100 -> 200"))),
                List.of(new DriftTimelineView.Gap("eks-prod", t1.plus(Duration.ofDays(2)), t1.plus(Duration.ofDays(6)), 1)),
                Optional.of(Duration.ofDays(1)));
        return new HistoryReport(eksProd.ref(), eksProd.headCommit(), eksProd.cluster(), eksProd.interval(),
                eksProd.commits(), view, eksProd.warnings());
    }

    @Test
    void driftSpansAndGaps_inEveryFormat_matchGoldensAndTheSchema(@TempDir Path out) throws IOException {
        HistoryReport r = withDrift();
        Golden.assertText(ReportFixtures.golden("history-eks-prod-drift.txt"), render(new HistoryTextReporter(), r));
        String json = render(new HistoryJsonReporter(), r);
        Golden.assertText(ReportFixtures.golden("history-eks-prod-drift.json"), json);
        assertEquals(List.of(), messages(SCHEMA.validate(MAPPER.readTree(json))));
        Golden.assertText(ReportFixtures.golden("history-eks-prod-drift.md"), render(new HistoryMarkdownReporter(), r));
        Golden.assertText(ReportFixtures.golden("history-eks-prod-drift.html"), render(new HistoryHtmlReporter(), r));
        List<Path> files = new HistoryCsvReporter().writeFiles(r, out.resolve("csv"));
        assertEquals(List.of("summary.csv", "events.json", "drift-spans.csv"),
                files.stream().map(p -> p.getFileName().toString()).toList());
        Golden.assertText(ReportFixtures.golden("history-eks-prod.drift-spans.csv"), Files.readString(files.get(2)));
    }

    @Test
    void driftSpansCsv_formulaInANameOrSentence_isNeutralisedAndQuoted() {
        Instant t1 = Instant.parse("2026-11-10T06:00:00Z");
        DriftTimelineView view = new DriftTimelineView(List.of(), List.of(new DriftTimelineView.Span("@eks-prod",
                "projectcalico.org", "NetworkPolicy", "-ns", "=HYPERLINK(\"http://x\",\"y\")", "modified",
                DriftSeverity.WARNING, t1, t1.plus(Duration.ofDays(1)), Optional.empty(), 2, List.of("+cmd|' /C calc'!A0"))),
                List.of(), Optional.empty());
        HistoryReport r = new HistoryReport(eksProd.ref(), eksProd.headCommit(), eksProd.cluster(), eksProd.interval(),
                eksProd.commits(), view, eksProd.warnings());

        String row = HistoryCsvReporter.driftSpansCsv(r).lines().toList().get(1);

        assertEquals("\"'@eks-prod\",NetworkPolicy,projectcalico.org,\"'-ns\",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","
                + "modified,warning,2026-11-10T06:00:00Z,2026-11-11T06:00:00Z,,86400,2,\"'+cmd|' /C calc'!A0\"", row);
    }

    @Test
    void schema_rejectsUnknownChangeMissingKeysAndUndocumentedFields() throws IOException {
        ObjectNode json = (ObjectNode) MAPPER.readTree(render(new HistoryJsonReporter(), eksProd));
        ObjectNode change = (ObjectNode) json.get("commits").get(0).get("changes").get(0);
        change.put("change", "renamed");
        ((ObjectNode) json.get("commits").get(1)).remove("author");
        ((ObjectNode) json.get("summary")).put("numIgnoredPolicies", 0);
        json.put("schemaVersion", "calico-gitops/history/v2");
        List<String> errors = messages(SCHEMA.validate(json));
        assertTrue(errors.size() >= 4, () -> "expected at least 4 errors, got " + errors);
    }

    @Test
    void markdown_matchesGolden() throws IOException {
        Golden.assertText(ReportFixtures.golden("history-all.md"), render(new HistoryMarkdownReporter(), all));
    }

    @Test
    void html_matchesGoldenAndIsSelfContained() throws IOException {
        String html = render(new HistoryHtmlReporter(), all);
        Golden.assertText(ReportFixtures.golden("history-all.html"), html);
        assertFalse(html.contains("<script") || html.contains("<link") || html.contains("src="), "no external resources");
        assertTrue(html.contains("security.pci-whitelist: ingress rule 1: source selector PCI != &quot;true&quot; -&gt; all()"));
    }

    @Test
    void csv_summaryHasCalicosPolicyAuditColumnsFirst() throws IOException {
        String csv = render(new HistoryCsvReporter(), eksProd);
        Golden.assertText(ReportFixtures.golden("history-eks-prod.summary.csv"), csv);
        assertTrue(csv.startsWith("startTime,endTime,endpointSelector,namespaceNames,namespaceSelector,serviceAccountNames,"
                + "serviceAccountSelectors,numCreatedPolicies,numModifiedPolicies,numDeletedPolicies,"), csv);
        assertEquals("2026-11-01T00:00:00Z,2026-11-30T23:59:59Z,,,,,,3,3,1,eks-prod,5,3,1,8", csv.lines().toList().get(1));
    }

    @Test
    void csv_allClusters_oneRowPerClusterWithTheFirstAndLastCommitAsOpenEnds() throws IOException {
        List<String> rows = render(new HistoryCsvReporter(), all).lines().toList();
        assertEquals(3, rows.size(), rows.toString());
        assertTrue(rows.get(1).startsWith("2026-11-02T09:00:00Z,2026-11-27T09:00:00Z,,,,,,0,0,0,aks-dev,"), rows.get(1));
        assertTrue(rows.get(2).contains(",eks-prod,"), rows.get(2));
    }

    @Test
    void csv_writeFiles_writesSummaryAndAuditEventsOnePerChange(@TempDir Path out) throws IOException {
        List<Path> files = new HistoryCsvReporter().writeFiles(eksProd, out.resolve("report"));
        assertEquals(List.of(out.resolve("report/summary.csv"), out.resolve("report/events.json"),
                out.resolve("report/drift-spans.csv")), files);
        assertEquals(String.join(",", HistoryCsvReporter.SPAN_COLUMNS) + "\n", Files.readString(files.get(2)), "no drift log: header only");
        String events = Files.readString(files.get(1), StandardCharsets.UTF_8);
        Golden.assertText(ReportFixtures.golden("history-eks-prod.events.json"), events);
        JsonNode json = MAPPER.readTree(events);
        long changes = eksProd.commits().stream().mapToLong(c -> c.changes().size()).sum();
        assertEquals(changes, json.size());
        JsonNode promoted = json.get(6);
        assertEquals("patch", promoted.get("verb").asText());
        assertEquals("promoted", promoted.get("change").asText());
        assertEquals("globalnetworkpolicies", promoted.get("objectRef").get("resource").asText());
        assertEquals("v3", promoted.get("objectRef").get("apiVersion").asText());
        assertEquals("Alice", promoted.get("user").get("username").asText());
        assertEquals("2026-11-18T11:00:00.000000Z", promoted.get("requestReceivedTimestamp").asText());
    }

    @Test
    void plural_namesApiResourcesAsTheApiServerDoes() {
        assertEquals(List.of("globalnetworkpolicies", "stagednetworkpolicies", "tiers", "globalnetworksets",
                        "felixconfigurations", "namespaces", "services"),
                List.of("GlobalNetworkPolicy", "StagedNetworkPolicy", "Tier", "GlobalNetworkSet", "FelixConfiguration",
                        "Namespace", "Service").stream().map(HistoryCsvReporter::plural).toList());
    }

    @Test
    void format_parse_acceptsEveryLabelAndRejectsOthers() {
        for (OutputFormat f : HistoryReporters.REPORTER.formats()) {
            assertEquals(f, HistoryReporters.REPORTER.parse(f.label().toUpperCase()));
        }
        assertEquals(java.util.List.of(OutputFormat.TEXT, OutputFormat.JSON, OutputFormat.MARKDOWN, OutputFormat.HTML,
                OutputFormat.CSV), java.util.List.copyOf(HistoryReporters.REPORTER.formats()));
        assertEquals("unknown output format 'junit' for the history report (expected text, json, markdown, html, csv)",
                org.junit.jupiter.api.Assertions.assertThrows(io.calicogitops.diag.UsageException.class,
                        () -> HistoryReporters.REPORTER.parse("junit")).getMessage());
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> messages(List<Error> errors) {
        return errors.stream().map(Error::toString).toList();
    }

    private static Schema loadSchema() {
        try (InputStream in = HistoryJsonReporter.class.getResourceAsStream("/schemas/history-report.v1.schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(MAPPER.readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
