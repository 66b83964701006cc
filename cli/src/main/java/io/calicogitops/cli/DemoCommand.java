package io.calicogitops.cli;

import io.calicogitops.render.Generator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code calico-gitops demo}: the main job on the sample fleet. Renders {@code sample-repo/fleet} into a fresh Git
 * repository under {@code target/demo/}, shows what it made, renders again to show that unchanged input makes no commit,
 * audits every cluster against its live snapshot in {@code sample-repo/live/} (one has planted drift), and exports
 * and verifies a signed PCI evidence bundle for eks-prod.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Render the sample fleet into a fresh Git repository under target/demo/, audit it against the sample "
                + "snapshots, export and verify a PCI evidence bundle, replay the sample flow logs and recommend policies from them.")
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
        Path sampleDir = DemoFiles.sample(sample, out);
        Path repo = out.resolve("repo");
        DemoFiles.deleteTree(repo);

        DemoSteps steps = new DemoSteps(o, spec.commandLine().getErr(), sampleDir, repo);
        Generator.RenderResult result = steps.render();
        o.println();
        boolean unchanged = steps.renderAgain();
        o.println();
        steps.contents(result);
        o.println();
        steps.audit(result);
        o.println();
        DemoEvidenceSteps evidence = new DemoEvidenceSteps(o, sampleDir, repo, out);
        boolean segmented = evidence.evaluate("eks-prod");
        o.println();
        boolean verified = evidence.evidence("eks-prod");
        o.println();
        DemoFlowSteps flows = new DemoFlowSteps(o, sampleDir, repo, out);
        boolean replayed = flows.replay("eks-prod").records() > 0;
        o.println();
        flows.recommend("eks-dev");
        o.println();
        o.println("next: kubectl kustomize " + Paths.display(repo.resolve(io.calicogitops.model.RepoLayout.folder("eks-prod")))
                + "   |   git -C " + Paths.display(repo) + " log --stat");
        return unchanged && verified && segmented && replayed ? 0 : 70;
    }
}
