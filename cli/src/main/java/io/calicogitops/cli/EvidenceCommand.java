package io.calicogitops.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code calico-gitops evidence}: the parent of {@code export}, {@code verify} and {@code keygen}. */
@Command(name = "evidence", mixinStandardHelpOptions = true,
        description = "PCI evidence bundles: export one for a cluster and an interval, verify one, make a signing key.",
        subcommands = {EvidenceExportCommand.class, EvidenceVerifyCommand.class, EvidenceKeygenCommand.class})
public final class EvidenceCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: export, verify or keygen");
    }
}
