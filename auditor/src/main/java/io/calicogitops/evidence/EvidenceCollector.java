package io.calicogitops.evidence;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.audit.AuditReport;
import io.calicogitops.audit.AuditRequest;
import io.calicogitops.audit.Auditor;
import io.calicogitops.audit.LiveSnapshot;
import io.calicogitops.audit.ignore.IgnoreRule;
import io.calicogitops.audit.ignore.IgnoreRules;
import io.calicogitops.diag.GitAccessException;
import io.calicogitops.diag.InvalidValueException;
import io.calicogitops.diag.UsageException;
import io.calicogitops.git.GitRepo;
import io.calicogitops.model.RepoLayout;
import io.calicogitops.git.PathCommit;
import io.calicogitops.output.OutputFormat;
import io.calicogitops.report.AuditReporters;
import io.calicogitops.validate.Names;
import io.calicogitops.yaml.YamlWriter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Gathers the content of a bundle: the cluster's folder at the end commit (read from Git without a checkout), the
 * commits in the interval (first-parent line, as {@code history} walks it), the live snapshot and drift report when a live source is given, the ignore rules, and the
 * history and drift log from the {@link EvidenceSources}.
 */
final class EvidenceCollector {

    static final String COMMITS_SCHEMA = "calico-gitops/evidence-commits/v1";
    static final String IGNORE_SCHEMA = "calico-gitops/evidence-ignore-rules/v1";

    BundleFacts collect(ExportRequest req) {
        Names.checkLabel(req.cluster()).ifPresent(p -> {
            throw new InvalidValueException("cluster", "'" + req.cluster() + "': " + p);
        });
        if (req.until().isBefore(req.since())) {
            throw new InvalidValueException("until", req.until() + " is before the start of the interval, " + req.since());
        }
        String folder;
        SortedMap<String, byte[]> files = new TreeMap<>();
        RepoOrigin origin;
        CommitRange range;
        List<PathCommit> commits;
        try (GitRepo git = GitRepo.open(req.repo())) {
            String start = git.commitId(req.ref()).orElseThrow(() ->
                    new GitAccessException("ref '" + req.ref() + "' does not name a commit in the repository"));
            String end = git.lastCommitAtOrBefore(start, req.until()).orElseThrow(() -> new UsageException(
                    "no commit of '" + req.ref() + "' is at or before --until " + req.until()));
            // Either layout (RepoLayout); the bundle keeps the repository's paths under desired/.
            folder = RepoLayout.locate(req.cluster(), f -> !git.readTree(end, f).isEmpty());
            git.readTree(end, folder).forEach((path, bytes) -> files.put("desired/" + path, DesiredCopy.of(path, bytes)));
            if (files.isEmpty()) {
                throw new UsageException("no folder " + RepoLayout.folder(req.cluster()) + "/ (nor "
                        + RepoLayout.clusterRoot(req.cluster()) + "/) at commit " + end.substring(0, 12)
                        + ", the last commit at or before --until (check --cluster, --ref and --until)");
            }
            List<PathCommit> newestFirst = new ArrayList<>();
            git.walkPaths(end, folder, req.since(), req.until(), newestFirst::add);
            commits = new ArrayList<>(newestFirst);
            Collections.reverse(commits);
            range = new CommitRange(commits.stream().findFirst().map(PathCommit::id),
                    newestFirst.stream().findFirst().map(PathCommit::id), end);
            origin = RepoOrigin.of(git.remoteUrl("origin"), req.repo());
        }
        files.put(BundleLayout.COMMITS, commitsJson(req, folder, range, commits));

        LocalDate today = LocalDate.ofInstant(req.generatedAt(), ZoneOffset.UTC);
        Optional<IgnoreRules> ignore = req.ignoreFile().map(f -> IgnoreRules.load(f, fileName(f)));
        ignore.ifPresent(rules -> files.put(BundleLayout.IGNORE_RULES, ignoreJson(rules, today)));

        Optional<AuditReport> audit = Optional.empty();
        if (req.live().isPresent()) {
            AuditReport report = new Auditor().audit(new AuditRequest(req.repo(), req.cluster(), range.end(), req.live().get().redacted(),
                    ignore.orElse(IgnoreRules.none()), today));
            audit = Optional.of(report);
            files.put(BundleLayout.LIVE_SNAPSHOT, snapshotYaml(report.live()));
            files.put(BundleLayout.DRIFT_JSON, report(OutputFormat.JSON, report));
            files.put(BundleLayout.DRIFT_HTML, Html.stamped(report(OutputFormat.HTML, report), "<p class=\"generated\">Generated at "
                    + Html.escape(req.generatedAt().toString()) + " by calico-gitops " + Html.escape(req.tool().display()) + "</p>\n"));
        }

        EvidenceScope scope = new EvidenceScope(req.repo(), req.cluster(), range.end(), req.since(), req.until(), req.live());
        SourceFiles history = req.sources().history(scope);
        SourceFiles driftLog = req.sources().driftLog(scope);
        SourceFiles evaluation = req.sources().evaluation(scope);
        for (SourceFiles s : List.of(history, driftLog, evaluation)) {
            s.files().forEach((path, bytes) -> {
                if (files.putIfAbsent(path, bytes) != null) {
                    throw new IllegalStateException("two sources wrote " + path);
                }
            });
        }
        return new BundleFacts(req, origin, range, commits, audit, history, driftLog, evaluation, ignore, files);
    }

    private static byte[] commitsJson(ExportRequest req, String folder, CommitRange range, List<PathCommit> commits) {
        ObjectNode root = JsonText.object();
        root.put("schemaVersion", COMMITS_SCHEMA);
        root.put("cluster", req.cluster());
        root.put("folder", folder + "/");
        root.putObject("interval").put("since", req.since().toString()).put("until", req.until().toString());
        root.putObject("range").put("from", range.from().orElse(null)).put("to", range.to().orElse(null))
                .put("end", range.end());
        ArrayNode list = root.putArray("commits");
        for (PathCommit c : commits) {
            ObjectNode node = list.addObject();
            node.put("id", c.id());
            node.put("time", c.commitTime().toString());
            node.putObject("author").put("name", c.authorName()).put("email", c.authorEmail());
            node.put("subject", subject(c));
            ArrayNode paths = node.putArray("paths");
            c.changes().forEach(p -> paths.addObject().put("path", p.path()).put("change", p.type().letter()));
        }
        return JsonText.bytes(root);
    }

    private static byte[] ignoreJson(IgnoreRules rules, LocalDate today) {
        ObjectNode root = JsonText.object();
        root.put("schemaVersion", IGNORE_SCHEMA);
        root.put("asOf", today.toString());
        ArrayNode list = root.putArray("rules");
        for (IgnoreRule r : rules.rules()) {
            list.addObject().put("kind", r.kind()).put("namespace", r.namespace()).put("name", r.name())
                    .put("pointer", r.pointer()).put("owner", r.owner()).put("reason", r.reason())
                    .put("expires", r.expires().toString()).put("expired", r.expiredOn(today))
                    .put("source", r.origin().toString());
        }
        return JsonText.bytes(root);
    }

    /** The objects the audit compared, as one {@code kind: List}, the way {@code kubectl get -o yaml} prints several. */
    static byte[] snapshotYaml(LiveSnapshot snapshot) {
        ObjectNode list = JsonText.object();
        list.put("apiVersion", "v1");
        list.put("kind", "List");
        ArrayNode items = list.putArray("items");
        snapshot.resources().forEach(r -> items.add(r.body()));
        return new YamlWriter().write(list).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] report(OutputFormat format, AuditReport report) {
        return AuditReporters.PLAIN.render(report, format).getBytes(StandardCharsets.UTF_8);
    }

    /** The first line of a commit message, as {@code git log --oneline} shows it. */
    static String subject(PathCommit c) {
        return c.message().lines().findFirst().orElse("").strip();
    }

    private static String fileName(Path p) {
        Path name = p.getFileName();
        return name == null ? p.toString() : name.toString();
    }
}
