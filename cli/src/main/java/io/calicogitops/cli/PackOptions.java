package io.calicogitops.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;

/** {@code --templates} and {@code --overlays}: the user's packs and overlays layered over the built-in ones. */
public final class PackOptions {

    @Option(names = "--templates", paramLabel = "DIR", description = "extra or overriding policy packs")
    Path templates;

    @Option(names = "--overlays", paramLabel = "DIR", description = "extra or overriding overlays")
    Path overlays;

    public Optional<Path> templates() {
        return Optional.ofNullable(templates);
    }

    public Optional<Path> overlays() {
        return Optional.ofNullable(overlays);
    }
}
