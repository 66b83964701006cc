package io.calicogitops.cli;

import io.calicogitops.diag.Diagnostic;
import io.calicogitops.audit.AuditReport;
import io.calicogitops.audit.AuditRequest;
import io.calicogitops.audit.Auditor;
import io.calicogitops.audit.DriftStatus;
import io.calicogitops.audit.ignore.IgnoreRules;
import io.calicogitops.audit.live.FileLiveReader;
import io.calicogitops.evidence.BundleCheck;
import io.calicogitops.evidence.Evidence;
import io.calicogitops.policy.Evaluator;
import io.calicogitops.policy.Flow;
import io.calicogitops.policy.Protocols;
import io.calicogitops.query.EvaluationInput;
import io.calicogitops.query.EvaluationRequest;
import io.calicogitops.query.LoadedModel;
import io.calicogitops.query.ReachReport;
import io.calicogitops.query.Segmentation;
import io.calicogitops.query.SegmentationReport;
import io.calicogitops.evidence.EvaluatedSources;
import io.calicogitops.evidence.EvidenceSources;
import io.calicogitops.evidence.EvidenceStatus;
import io.calicogitops.evidence.EvidenceTime;
import io.calicogitops.evidence.ExportRequest;
import io.calicogitops.evidence.ExportResult;
import io.calicogitops.evidence.LiveInput;
import io.calicogitops.version.BuildInfo;
import io.calicogitops.evidence.SignatureStatus;
import io.calicogitops.signing.SigningKeys;
import io.calicogitops.report.ReportFormat;
import io.calicogitops.render.Generator;
import io.calicogitops.render.RepoUpdate;
import io.calicogitops.render.TemplateFile;
import io.calicogitops.render.TemplateLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code calico-gitops demo}: the main job on the sample fleet. Renders {@code sample-repo/fleet} into a fresh Git
 * repository under {@code target/demo/}, shows what it made, renders again to show that unchanged input makes no commit,
 * audits every cluster against its live snapshot in {@code sample-repo/live/} (one has planted drift), and exports
 * and verifies a signed PCI evidence bundle for eks-prod.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Render the sample fleet into a fresh Git repository under target/demo/, audit it against the sample "
                + "snapshots and export and verify a PCI evidence bundle.")
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--sample", paramLabel = "DIR", defaultValue = "sample-repo",
            description = "the sample folder (default: ${DEFAULT-VALUE}; the copy inside the program when absent)")
    Path sample;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/demo", description = "where the demo writes (default: ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        Path sampleDir = Files.isDirectory(sample.resolve("fleet")) ? sample : extractEmbeddedSample(out.resolve("sample-repo"));
        Path repo = out.resolve("repo");
        deleteTree(repo);

        o.println("== 1. render " + Paths.display(sampleDir.resolve("fleet")) + " into a new Git repository " + Paths.display(repo));
        Generator.RenderResult result = render(sampleDir);
        result.warnings().stream().map(Diagnostic::format).forEach(spec.commandLine().getErr()::println);
        RepoUpdate first = RepoUpdate.write(result, repo, true, false, "render the sample fleet");
        RenderCommand.printTable(o, result.clusters(), first.changes());
        o.println("committed " + first.commitId().map(id -> id.substring(0, 12)).orElse("nothing") + " ("
                + first.changes().size() + " files)");

        o.println();
        o.println("== 2. render again: the same input gives the same bytes, so no commit");
        RepoUpdate second = RepoUpdate.write(render(sampleDir), repo, true, false, null);
        o.println(second.commitId().isEmpty() && second.changes().isEmpty()
                ? "no changes: the repository already matches the fleet" : "UNEXPECTED: " + second.changes().size() + " changes");

        o.println();
        o.println("== 3. what is in the repository");
        for (var c : result.clusters()) {
            o.printf("%s/ (%d files) overlays: %s%n", Paths.display(repo.resolve(c.folder())), c.files().size(),
                    c.overlays().isEmpty() ? "none" : String.join(", ", c.overlays().stream().map(x -> x.name()).toList()));
        }
        o.println();
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
            o.println("== 5. the drift report of " + drifted.cluster() + " (also: --format json|markdown|html|junit)");
            ReportFormat.TEXT.reporter().write(drifted, o);
        }
        o.println();
        boolean segmented = evaluate(o, repo, sampleDir, "eks-prod");
        o.println();
        boolean verified = evidence(o, repo, sampleDir, "eks-prod");
        o.println();
        o.println("next: kubectl kustomize " + Paths.display(repo.resolve("clusters/eks-prod"))
                + "   |   git -C " + Paths.display(repo) + " log --stat");
        return second.changes().isEmpty() && verified && segmented ? 0 : 70;
    }

    /**
     * Step 6: two flows asked offline (reach) and the PCI segmentation proved from the policies in Git and the sample
     * workloads, then checked on the live snapshot, whose planted drift breaks it (the evidence bundle reports that).
     */
    private boolean evaluate(PrintWriter o, Path repo, Path sampleDir, String cluster) {
        o.println("== 6. ask the policies of " + cluster + " offline: reach (two flows) and check segmentation (PCI=true)");
        LoadedModel loaded = EvaluationInput.load(new EvaluationRequest(repo, cluster, "HEAD", List.of(),
                Optional.of(sampleDir.resolve("fleet")), Optional.empty(), "", List.of(), List.of()));
        Evaluator evaluator = loaded.model().compiled();
        for (String[] f : new String[][]{{"dev/centos", "default/frontend"}, {"storefront/backend", "default/frontend"}}) {
            Flow flow = new Flow(loaded.model().inventory().find(f[0]).orElseThrow(),
                    loaded.model().inventory().find(f[1]).orElseThrow(), Protocols.TCP, 8080, -1, loaded.sourcePorts());
            o.print(new ReachReport(loaded, evaluator.evaluate(flow), evaluator.evaluateStaged(flow),
                    loaded.model().policies().hasStaged()).text());
        }
        SegmentationReport seg = Segmentation.check(loaded, null);
        o.print(seg.text());
        Path snapshot = sampleDir.resolve("live").resolve(cluster + ".yaml");
        LoadedModel live = EvaluationInput.load(new EvaluationRequest(repo, cluster, "HEAD", List.of(),
                Optional.of(sampleDir.resolve("fleet")), Optional.of(new FileLiveReader(List.of(snapshot))),
                "files: " + snapshot.getFileName(), List.of(snapshot), List.of()));
        SegmentationReport liveSeg = Segmentation.check(live, null);
        o.println("on the live snapshot " + snapshot.getFileName() + ": " + (liveSeg.result().holds() ? "HOLDS"
                : "VIOLATED, " + liveSeg.result().violations().size() + " counter-examples (the planted drift; "
                + "`check segmentation --live` lists them, the evidence bundle too)"));
        return seg.result().holds();
    }

    /** Step 7: a signed PCI evidence bundle of the last six months for one cluster, then its verification. */
    private boolean evidence(PrintWriter o, Path repo, Path sampleDir, String cluster) throws IOException {
        Path zip = out.resolve("evidence-" + cluster + ".zip");
        Path keys = out.resolve("keys");
        o.println("== 7. export a signed PCI evidence bundle for " + cluster + " (last 6 months, live snapshot), then verify it");
        deleteTree(keys);
        KeyPair pair = SigningKeys.generate();
        SigningKeys.write(pair, keys.resolve("evidence.key"), keys.resolve("evidence.pub"), "evidence.key", "evidence.pub");
        Instant now = EvidenceTime.now();
        ExportResult result = new Evidence().export(new ExportRequest(repo, cluster, "HEAD", now.minus(Duration.ofDays(183)), now,
                Optional.of(LiveInput.files(List.of(sampleDir.resolve("live").resolve(cluster + ".yaml")))), Optional.empty(),
                now, BuildInfo.current(), Optional.of(pair.getPrivate()),
                new EvaluatedSources(EvidenceSources.standard(), Optional.of(sampleDir.resolve("fleet")), List.of()), zip));
        o.printf(Locale.ROOT, "wrote %s (%,d bytes, %d files, signed with %s)%n", Paths.display(zip), result.size(),
                result.manifest().files().size() + 2, Paths.display(keys.resolve("evidence.key")));
        o.printf(Locale.ROOT, "PCI DSS: %d evidenced, %d partial, %d not met, %d not evidenced; segmentation (1.3.1, 1.3.2) %s%n",
                result.pciStatuses().getOrDefault(EvidenceStatus.EVIDENCED, 0L),
                result.pciStatuses().getOrDefault(EvidenceStatus.PARTIAL, 0L),
                result.pciStatuses().getOrDefault(EvidenceStatus.NOT_MET, 0L),
                result.pciStatuses().getOrDefault(EvidenceStatus.NOT_EVIDENCED, 0L),
                result.requirementStatus("1.3.1").map(EvidenceStatus::label).orElse("not in the mapping")
                        + " (computed on the live snapshot as well as on Git)");
        BundleCheck check = new Evidence().verify(zip, Paths.display(zip), Optional.of(pair.getPublic()));
        o.println("manifest digest " + check.computedDigest());
        check.problems().forEach(p -> o.println("UNEXPECTED: " + p.message()));
        o.println(check.valid() && check.signature() == SignatureStatus.VALID
                ? "verified: " + check.filesMatched() + " files match the manifest, signature valid" : "UNEXPECTED: not verified");
        o.println("open index.html inside it, or: calico-gitops evidence verify " + Paths.display(zip) + " --public-key "
                + Paths.display(keys.resolve("evidence.pub")));
        return check.valid();
    }

    private Generator.RenderResult render(Path sampleDir) {
        return new Generator().render(new Generator.RenderRequest(sampleDir.resolve("fleet"), Optional.empty(),
                Optional.empty(), List.of(), Paths::display));
    }

    /** The sample ships inside the jar, so the demo also runs outside a checkout. */
    private static Path extractEmbeddedSample(Path target) throws IOException {
        deleteTree(target);
        for (TemplateFile f : TemplateLibrary.load("sample-repo", Optional.empty(), "").files().values()) {
            Path dest = target.resolve(f.relativePath());
            Files.createDirectories(dest.getParent());
            Files.writeString(dest, f.text());
        }
        return target;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
