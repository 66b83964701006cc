package io.calicogitops.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code calico-gitops check}: proofs over the cluster's policies (segmentation). */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Prove properties of a cluster's policies offline.",
        subcommands = CheckSegmentationCommand.class)
public final class CheckCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand (segmentation)");
    }
}
