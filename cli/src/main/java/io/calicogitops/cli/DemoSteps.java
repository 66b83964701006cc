package io.calicogitops.cli;

import io.calicogitops.audit.AuditReport;
import io.calicogitops.audit.AuditRequest;
import io.calicogitops.audit.Auditor;
import io.calicogitops.audit.DriftStatus;
import io.calicogitops.audit.ignore.IgnoreRules;
import io.calicogitops.audit.live.FileLiveReader;
import io.calicogitops.diag.Diagnostic;
import io.calicogitops.output.OutputFormat;
import io.calicogitops.render.Generator;
import io.calicogitops.render.RenderSummary;
import io.calicogitops.render.RepoUpdate;
import io.calicogitops.report.AuditReporters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Steps 1 to 5 of {@code calico-gitops demo}: render the sample fleet into Git (twice), list it, audit it. */
final class DemoSteps {

    private final PrintWriter o;
    private final PrintWriter err;
    private final Path sampleDir;
    private final Path repo;

    DemoSteps(PrintWriter o, PrintWriter err, Path sampleDir, Path repo) {
        this.o = o;
        this.err = err;
        this.sampleDir = sampleDir;
        this.repo = repo;
    }

    /** Step 1: the first render, committed into the new repository. */
    Generator.RenderResult render() throws IOException {
        o.println("== 1. render " + Paths.display(sampleDir.resolve("fleet")) + " into a new Git repository " + Paths.display(repo));
        Generator.RenderResult result = renderFleet();
        result.warnings().stream().map(Diagnostic::format).forEach(err::println);
        RepoUpdate first = RepoUpdate.write(result, repo, true, false, "render the sample fleet");
        RenderSummary.print(o, result.clusters(), first.changes());
        o.println("committed " + first.commitId().map(id -> id.substring(0, 12)).orElse("nothing") + " ("
                + first.changes().size() + " files)");
        return result;
    }

    /** Step 2: true when rendering the same input again changed nothing (the generator is deterministic). */
    boolean renderAgain() throws IOException {
        o.println("== 2. render again: the same input gives the same bytes, so no commit");
        RepoUpdate second = RepoUpdate.write(renderFleet(), repo, true, false, null);
        o.println(second.commitId().isEmpty() && second.changes().isEmpty()
                ? "no changes: the repository already matches the fleet" : "UNEXPECTED: " + second.changes().size() + " changes");
        return second.changes().isEmpty();
    }

    /** Step 3: each cluster's folder with its file count and overlays. */
    void contents(Generator.RenderResult result) {
        o.println("== 3. what is in the repository");
        for (var c : result.clusters()) {
            o.printf("%s/ (%d files) overlays: %s%n", Paths.display(repo.resolve(c.folder())), c.files().size(),
                    c.overlays().isEmpty() ? "none" : String.join(", ", c.overlays().stream().map(x -> x.name()).toList()));
        }
    }

    /** Steps 4 and 5: one line per cluster audited against its snapshot, then the full report of the first drifted one. */
    void audit(Generator.RenderResult result) throws IOException {
        o.println("== 4. audit each cluster against its live snapshot in " + Paths.display(sampleDir.resolve("live")));
        AuditReport drifted = null;
        for (var c : result.clusters()) {
            Path snapshot = sampleDir.resolve("live").resolve(c.profile().name() + ".yaml");
            if (!Files.isRegularFile(snapshot)) {
                o.printf("%-12s no snapshot%n", c.profile().name());
                continue;
            }
            AuditReport report = new Auditor().audit(new AuditRequest(repo, c.profile().name(), "HEAD",
                    new FileLiveReader(List.of(snapshot)), IgnoreRules.none(), null));
            o.printf("%-12s %-8s %3d resources, %d modified, %d missing, %d unmanaged, coverage %.0f%%%n", c.profile().name(),
                    report.inSync() ? "in sync" : report.worst().label(), report.entries().size(), report.count(DriftStatus.MODIFIED),
                    report.count(DriftStatus.MISSING), report.count(DriftStatus.UNMANAGED), report.coverage().ratio() * 100);
            if (!report.inSync() && drifted == null) {
                drifted = report;
            }
        }
        if (drifted != null) {
            o.println();
            o.println("== 5. the drift report of " + drifted.cluster() + " (also: -o json|markdown|html|junit)");
            AuditReporters.PLAIN.write(drifted, OutputFormat.TEXT, o);
        }
    }

    private Generator.RenderResult renderFleet() {
        return new Generator().render(new Generator.RenderRequest(sampleDir.resolve("fleet"), Optional.empty(),
                Optional.empty(), List.of(), Paths::display));
    }
}
