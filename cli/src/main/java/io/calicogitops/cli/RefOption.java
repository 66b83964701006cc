package io.calicogitops.cli;

import picocli.CommandLine.Option;

/** {@code --ref}: which commit of the repository a command reads. */
final class RefOption {

    @Option(names = "--ref", paramLabel = "REV", defaultValue = "HEAD",
            description = "the commit, branch or tag to read (default: ${DEFAULT-VALUE})")
    String ref;
}
