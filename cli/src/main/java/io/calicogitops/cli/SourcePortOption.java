package io.calicogitops.cli;

import io.calicogitops.diag.UsageException;
import io.calicogitops.policy.SourcePorts;
import io.calicogitops.query.LoadedModel;
import picocli.CommandLine.Option;

/** {@code --source-port}: the client's source port or range, for reach, matrix, check segmentation and diagram. */
final class SourcePortOption {

    @Option(names = "--source-port", paramLabel = "N|A:B",
            description = "the client's source port or range (default: the profile's evaluation.sourcePorts, else Linux's "
                    + "ephemeral range 32768:60999); the verdict is split where source-port rules change it")
    String sourcePort;

    /** Checks the option before anything is loaded (a usage error comes first). */
    void validate() {
        if (sourcePort != null && SourcePorts.parse(sourcePort).isEmpty()) {
            throw new UsageException("--source-port: expected a port N or a range A:B within 0-65535 with A <= B (got '"
                    + sourcePort + "')");
        }
    }

    SourcePorts resolve(LoadedModel loaded) {
        return sourcePort == null ? loaded.sourcePorts() : SourcePorts.parse(sourcePort).orElseThrow();
    }
}
