package io.calicogitops.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code calico-gitops log}: the drift log that {@code audit --record} writes; only groups its subcommands. */
@Command(name = "log", mixinStandardHelpOptions = true,
        description = "Check and show the drift log (branch calico-gitops/audit-log) that 'audit --record' appends to.",
        subcommands = {LogVerifyCommand.class, LogShowCommand.class, LogCheckpointCommand.class})
public final class LogCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand (verify, show or checkpoint)");
    }
}
