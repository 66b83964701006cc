package io.calicogitops.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code calico-gitops flows}: the parent of the commands that read observed Calico flow logs. */
@Command(name = "flows", mixinStandardHelpOptions = true,
        description = "Observed traffic: read Calico flow logs (Enterprise/Cloud flows.log, Elasticsearch exports, Goldmane/Whisker JSON) "
                + "and compare them with the policies in Git.",
        subcommands = {FlowsReplayCommand.class, FlowsImpactCommand.class})
public final class FlowsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: replay or impact");
    }
}
