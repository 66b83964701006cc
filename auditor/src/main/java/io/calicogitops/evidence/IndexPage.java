package io.calicogitops.evidence;

import io.calicogitops.audit.AuditReport;
import io.calicogitops.audit.DriftEntry;
import io.calicogitops.audit.ignore.IgnoreRule;
import io.calicogitops.git.PathCommit;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import static io.calicogitops.evidence.Html.escape;
import static io.calicogitops.evidence.Html.link;

/**
 * {@code index.html}: one self-contained page (inline CSS, no scripts) for the person reviewing the bundle: what it
 * covers, the drift verdict, the PCI mapping with links to the evidence, the commits, the ignore rules and every file
 * with its SHA-256. It shows the generation time given ({@code --generated-at}, never the clock), so the same inputs
 * give the same page, and the segmentation check from Git and, when the bundle has it, from the live state.
 */
final class IndexPage {

    private IndexPage() {
    }

    static byte[] render(BundleFacts f, PciMapping mapping, List<BundleFile> files) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Evidence bundle: ").append(escape(f.cluster())).append("</title>\n")
                .append("<style>\n").append(Html.css()).append("</style>\n</head>\n<body>\n<main>\n");
        header(f, b);
        verdict(f.audit().orElse(null), b);
        SegmentationSection.render(f, b);
        cards(f, mapping, b);
        mappingTables(mapping, b);
        diagram(f, b);
        commits(f.commits(), b);
        f.ignore().ifPresent(rules -> ignoreRules(rules.rules(), LocalDate.ofInstant(f.request().generatedAt(), ZoneOffset.UTC), b));
        fileList(files, b);
        b.append("<footer>calico-gitops ").append(escape(f.request().tool().display())).append(" &middot; evidence schema ")
                .append(Manifest.SCHEMA_VERSION).append(" &middot; PCI mapping ").append(PciMapping.SCHEMA_VERSION)
                .append("</footer>\n</main>\n</body>\n</html>\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void header(BundleFacts f, StringBuilder b) {
        CommitRange r = f.range();
        b.append("<header>\n<p class=\"eyebrow\">calico-gitops evidence bundle</p>\n<h1>").append(escape(f.cluster()))
                .append("</h1>\n<dl class=\"meta\">\n")
                .append("<div><dt>Repository</dt><dd>").append(escape(f.repo().display())).append("</dd></div>\n")
                .append("<div><dt>Interval</dt><dd>").append(escape(f.request().since().toString())).append(" &ndash; ")
                .append(escape(f.request().until().toString())).append("</dd></div>\n")
                .append("<div><dt>Desired state</dt><dd><code title=\"").append(escape(r.end())).append("\">")
                .append(escape(shortId(r.end()))).append("</code> ")
                .append(link(BundleLayout.desiredFolder(f.cluster()), "files")).append("</dd></div>\n")
                .append("<div><dt>Commits</dt><dd>")
                .append(r.from().isEmpty() ? "none in the interval" : "<code>" + escape(shortId(r.from().get())) + "</code> &ndash; <code>"
                        + escape(shortId(r.to().orElseThrow())) + "</code>").append("</dd></div>\n")
                .append("</dl>\n").append(generatedLine(f)).append("<p class=\"lead\">Overall digest and file hashes: ")
                .append(link(BundleLayout.MANIFEST, "<code>manifest.json</code>"))
                .append(" (signed in <code>manifest.sig</code> when exported with <code>--sign-key</code>). Check the bundle with ")
                .append("<code>calico-gitops evidence verify BUNDLE.zip --public-key KEY</code>.</p>\n</header>\n");
    }

    private static void verdict(AuditReport a, StringBuilder b) {
        if (a == null) {
            b.append("<section class=\"verdict sev-none\"><span class=\"verdict-label\">No live state</span>")
                    .append("<span class=\"verdict-detail\">exported without <code>--live</code> or <code>--kubeconfig</code>: ")
                    .append("no snapshot and no drift report</span></section>\n");
            return;
        }
        long drifting = a.entries().stream().filter(DriftEntry::isDrift).count();
        b.append("<section class=\"verdict sev-").append(a.inSync() ? "ok" : a.worst().label()).append("\">")
                .append("<span class=\"verdict-label\">").append(a.inSync() ? "In sync" : "Drift").append("</span>")
                .append("<span class=\"verdict-detail\">")
                .append(a.inSync() ? "the live state matched Git at export (" + a.entries().size() + " resources)"
                        : drifting + " of " + a.entries().size() + " resources differed from Git at export, worst "
                        + a.worst().label())
                .append(" &middot; ").append(link(BundleLayout.DRIFT_HTML, "drift report"))
                .append(" &middot; ").append(link(BundleLayout.LIVE_SNAPSHOT, "live snapshot"))
                .append("</span></section>\n");
    }

    private static void cards(BundleFacts f, PciMapping mapping, StringBuilder b) {
        b.append("<section class=\"cards\">\n");
        for (EvidenceStatus s : EvidenceStatus.values()) {
            long n = mapping.rows().stream().filter(r -> r.status() == s).count();
            b.append("<div class=\"card st-").append(s.label().replace(' ', '-')).append("\"><span class=\"num\">").append(n)
                    .append("</span><span class=\"label\">").append(s.label()).append("</span><span class=\"sub\">PCI DSS requirements</span></div>\n");
        }
        b.append("<div class=\"card\"><span class=\"num\">").append(f.commits().size())
                .append("</span><span class=\"label\">commits</span><span class=\"sub\">changed the cluster in the interval</span></div>\n")
                .append("</section>\n<ul class=\"sources\">\n");
        for (SourceFiles s : f.sources()) {
            b.append("<li>").append(Html.withCode(s.summary()));
            s.caveat().ifPresent(c -> b.append(" &middot; ").append(Html.withCode(c)));
            b.append("</li>\n");
        }
        b.append("</ul>\n");
    }

    private static void mappingTables(PciMapping mapping, StringBuilder b) {
        b.append("<h2>PCI DSS mapping</h2>\n<p class=\"lead\">Machine-readable: ")
                .append(link(BundleLayout.PCI_MAPPING, "<code>pci-dss-mapping.json</code>")).append(".</p>\n");
        for (String standard : List.of(PciRequirement.V4, PciRequirement.V3)) {
            b.append("<h2>").append(escape(standard)).append("</h2>\n");
            if (standard.equals(PciRequirement.V3)) {
                workshop(mapping, b);
            }
            b.append("<table class=\"mapping\">\n<thead><tr><th>Requirement</th><th>What it asks</th><th>Evidence</th>")
                    .append("<th>Status</th></tr></thead>\n<tbody>\n");
            for (PciMapping.Row row : mapping.rows()) {
                PciRequirement r = row.requirement();
                if (!r.standard().equals(standard)) {
                    continue;
                }
                b.append("<tr><td class=\"req\">").append(escape(r.id()));
                r.successor().ifPresent(s -> b.append("<span class=\"successor\">v4.0: ").append(escape(s)).append("</span>"));
                b.append("</td><td class=\"asks\">").append(escape(r.asks()))
                        .append("<span class=\"note\">").append(Html.withCode(row.note())).append("</span>");
                b.append("</td><td><ul class=\"evidence\">");
                for (int i = 0; i < r.evidence().size(); i++) {
                    EvidenceRef e = r.evidence().get(i);
                    if (row.included().get(i)) {
                        b.append("<li>").append(link(e.path(), "<code>" + escape(e.path()) + "</code>")).append("</li>");
                    } else {
                        b.append("<li class=\"absent\"><code>").append(escape(e.path())).append("</code><span class=\"hint\">")
                                .append(Html.withCode(e.whenAbsent().isEmpty() ? "not included" : e.whenAbsent())).append("</span></li>");
                    }
                }
                b.append("</ul></td><td><span class=\"pill st-").append(row.status().label().replace(' ', '-')).append("\">")
                        .append(row.status().label()).append("</span></td></tr>\n");
            }
            b.append("</tbody>\n</table>\n");
        }
    }

    /** The numbers the Calico compliance workshop cites, and how it says Calico meets them: once per statement. */
    private static void workshop(PciMapping mapping, StringBuilder b) {
        Map<String, List<String>> byStatement = new LinkedHashMap<>();
        for (PciMapping.Row row : mapping.rows()) {
            row.requirement().workshop().ifPresent(w -> byStatement.computeIfAbsent(w, k -> new ArrayList<>()).add(row.requirement().id()));
        }
        b.append("<p class=\"lead\">The numbering the Calico compliance workshop cites (v3.2.1, retired in 2024; each row ")
                .append("names its v4.0 successor). The workshop says Calico meets them as follows:</p>\n<ul class=\"sources\">\n");
        byStatement.forEach((statement, ids) -> b.append("<li><strong>").append(escape(String.join(", ", ids)))
                .append("</strong>: ").append(escape(statement)).append("</li>\n"));
        b.append("</ul>\n");
    }

    /** The network diagram inline (it is self-contained SVG), when the bundle has it (PCI DSS 1.2.3). */
    private static void diagram(BundleFacts f, StringBuilder b) {
        byte[] svg = f.files().get(BundleLayout.NETWORK_DIAGRAM);
        if (svg == null) {
            return;
        }
        String text = new String(svg, StandardCharsets.UTF_8);
        text = text.startsWith("<?xml") ? text.substring(text.indexOf("?>") + 2).strip() : text;
        b.append("<h2>Network diagram</h2>\n<p class=\"lead\">Every flow the enforced policies allow between the workloads, ")
                .append("by namespace, with ports: ").append(link(BundleLayout.NETWORK_DIAGRAM, "<code>" + BundleLayout.NETWORK_DIAGRAM + "</code>"))
                .append("; flows into and out of in-scope workloads: ")
                .append(link(BundleLayout.DATA_FLOWS, "<code>" + BundleLayout.DATA_FLOWS + "</code>")).append(".</p>\n")
                .append("<div style=\"overflow-x:auto\">").append(text).append("</div>\n");
    }

    private static void commits(List<PathCommit> commits, StringBuilder b) {
        b.append("<h2>Commits in the interval</h2>\n");
        if (commits.isEmpty()) {
            b.append("<p class=\"status\">No commit changed the cluster's folder in the interval.</p>\n");
            return;
        }
        b.append("<table class=\"commits\">\n<thead><tr><th>Commit</th><th>Time</th><th>Author</th><th>Subject</th>")
                .append("<th>Files</th></tr></thead>\n<tbody>\n");
        for (PathCommit c : commits) {
            b.append("<tr><td class=\"id\" title=\"").append(escape(c.id())).append("\">").append(escape(shortId(c.id())))
                    .append("</td><td class=\"time\">").append(escape(c.commitTime().toString())).append("</td><td>")
                    .append(escape(c.authorName())).append("</td><td class=\"subject\">")
                    .append(escape(EvidenceCollector.subject(c))).append("</td><td>").append(c.changes().size()).append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n<p class=\"lead\">Every changed path: ")
                .append(link(BundleLayout.COMMITS, "<code>desired/commits.json</code>")).append(".</p>\n");
    }

    private static void ignoreRules(List<IgnoreRule> rules, LocalDate today, StringBuilder b) {
        b.append("<h2>Ignore rules</h2>\n<table class=\"commits\">\n<thead><tr><th>Resources</th><th>Owner</th><th>Reason</th>")
                .append("<th>Expires</th></tr></thead>\n<tbody>\n");
        for (IgnoreRule r : rules) {
            b.append("<tr><td><code>").append(escape(r.kind() + " " + r.namespace() + "/" + r.name() + r.pointer()))
                    .append("</code></td><td>").append(escape(r.owner())).append("</td><td>").append(escape(r.reason()))
                    .append("</td><td class=\"time\">").append(escape(r.expires().toString()))
                    .append(r.expiredOn(today) ? " <span class=\"pill sev-warning\">expired</span>" : "").append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n");
    }

    private static void fileList(List<BundleFile> files, StringBuilder b) {
        b.append("<h2>Files</h2>\n<p class=\"lead\">Every file but this page, the manifest and its signature; ")
                .append("the manifest lists this page too.</p>\n<table class=\"files\">\n<thead><tr><th>File</th><th>Size</th><th>SHA-256</th>")
                .append("</tr></thead>\n<tbody>\n");
        for (BundleFile file : files) {
            b.append("<tr><td>").append(link(file.path(), "<code>" + escape(file.path()) + "</code>"))
                    .append("</td><td class=\"size\">").append(String.format(Locale.ROOT, "%,d", file.size()).replace(',', '\u2009'))
                    .append("</td><td class=\"hash\">").append(file.sha256()).append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n");
    }

    /** The line every HTML page of the bundle carries: when (as given) and by which build. */
    static String generatedLine(BundleFacts f) {
        return "<p class=\"generated\">Generated at " + escape(f.request().generatedAt().toString()) + " by calico-gitops "
                + escape(f.request().tool().display()) + "</p>\n";
    }

    private static String shortId(String id) {
        return id.substring(0, Math.min(12, id.length()));
    }
}
