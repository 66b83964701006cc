package io.calicogitops.cli;

import io.calicogitops.diag.UsageException;
import io.calicogitops.validate.CalicoTarget;
import picocli.CommandLine.Option;

import java.util.Optional;

/** {@code --calico-edition EDITION [--calico-version X.Y]}: the Calico a cluster runs, overriding the folder's stamp. */
final class CalicoTargetOptions {

    @Option(names = "--calico-edition", paramLabel = "EDITION", description = "the Calico the cluster runs: cloud, enterprise"
            + " or oss (default: what the profile's calico: key stamped on the cluster folder, else cloud)")
    String calicoEdition;

    @Option(names = "--calico-version", paramLabel = "X.Y", description = "with --calico-edition enterprise or oss: its"
            + " version, e.g. 3.31")
    String calicoVersion;

    /** The target named by --calico-edition/--calico-version; empty leaves it to the cluster folder. */
    Optional<CalicoTarget> target() {
        if (calicoEdition == null) {
            if (calicoVersion != null) {
                throw new UsageException("--calico-version needs --calico-edition");
            }
            return Optional.empty();
        }
        CalicoTarget.Edition edition = java.util.Arrays.stream(CalicoTarget.Edition.values())
                .filter(e -> e.name().equalsIgnoreCase(calicoEdition)).findFirst()
                .orElseThrow(() -> new UsageException("--calico-edition: unknown edition (expected cloud, enterprise or oss)"));
        CalicoTarget.Result result = CalicoTarget.of(edition, calicoVersion);
        return Optional.of(result.target().orElseThrow(() -> new UsageException("--calico-version: " + result.problem().orElseThrow())));
    }
}
