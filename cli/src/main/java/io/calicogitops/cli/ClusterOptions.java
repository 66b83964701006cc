package io.calicogitops.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --repo} and {@code --cluster}: the repository and the cluster whose folder a command works on. */
final class ClusterOptions {

    @Option(names = "--repo", required = true, paramLabel = "DIR", description = "the GitOps repository (bare works too)")
    Path repo;

    @Option(names = "--cluster", required = true, paramLabel = "NAME", description = "the cluster (its folder clusters/<name>/)")
    String cluster;
}
