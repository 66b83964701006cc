package io.calicogitops.cli;

import java.nio.file.Path;

/** How commands show paths: relative to the working directory when below it, so diagnostics read like a compiler's. */
public final class Paths {

    private Paths() {
    }

    public static String display(Path p) {
        Path cwd = Path.of("").toAbsolutePath().normalize();
        Path abs = p.toAbsolutePath().normalize();
        String s = abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
        return s.isEmpty() ? "." : s.replace('\\', '/');
    }
}
