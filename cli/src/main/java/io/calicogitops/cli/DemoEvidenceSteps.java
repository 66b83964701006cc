package io.calicogitops.cli;

import io.calicogitops.audit.live.FileLiveReader;
import io.calicogitops.evidence.BundleCheck;
import io.calicogitops.evidence.EvaluatedSources;
import io.calicogitops.evidence.Evidence;
import io.calicogitops.evidence.EvidenceSources;
import io.calicogitops.evidence.EvidenceStatus;
import io.calicogitops.evidence.EvidenceTime;
import io.calicogitops.evidence.ExportRequest;
import io.calicogitops.evidence.ExportResult;
import io.calicogitops.evidence.LiveInput;
import io.calicogitops.evidence.SignatureStatus;
import io.calicogitops.policy.Evaluator;
import io.calicogitops.policy.Flow;
import io.calicogitops.policy.Protocols;
import io.calicogitops.query.EvaluationInput;
import io.calicogitops.query.EvaluationRequest;
import io.calicogitops.query.LoadedModel;
import io.calicogitops.query.ReachReport;
import io.calicogitops.query.Segmentation;
import io.calicogitops.query.SegmentationReport;
import io.calicogitops.signing.SigningKeys;
import io.calicogitops.version.BuildInfo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Steps 6 and 7 of {@code calico-gitops demo}: ask the rendered policies offline, then export and verify evidence. */
final class DemoEvidenceSteps {

    private final PrintWriter o;
    private final Path sampleDir;
    private final Path repo;
    private final Path out;

    /** {@code out} is the demo's folder: the bundle and the throw-away signing keys go there. */
    DemoEvidenceSteps(PrintWriter o, Path sampleDir, Path repo, Path out) {
        this.o = o;
        this.sampleDir = sampleDir;
        this.repo = repo;
        this.out = out;
    }

    /**
     * Step 6: two flows asked offline (reach) and the PCI segmentation proved from the policies in Git and the sample
     * workloads, then checked on the live snapshot, whose planted drift breaks it (the evidence bundle reports that).
     */
    boolean evaluate(String cluster) {
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
    boolean evidence(String cluster) throws IOException {
        Path zip = out.resolve("evidence-" + cluster + ".zip");
        Path keys = out.resolve("keys");
        o.println("== 7. export a signed PCI evidence bundle for " + cluster + " (last 6 months, live snapshot), then verify it");
        DemoFiles.deleteTree(keys);
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
}
