package io.calicogitops.cli;

import io.calicogitops.diag.InvalidInputException;
import io.calicogitops.diag.SourceLocation;
import io.calicogitops.diag.UsageException;
import io.calicogitops.driftlog.LogCheckpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading a drift-log checkpoint file for {@code log verify --since-checkpoint}: missing is exit 2, garbled exit 3. */
final class CheckpointFiles {

    /** Far above any real checkpoint (a few hundred bytes): a wrong file is not read into memory whole. */
    private static final long MAX_BYTES = 64 * 1024;

    private CheckpointFiles() {
    }

    static LogCheckpoint read(Path file) {
        String display = Paths.display(file);
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file)) {
                throw new UsageException("--since-checkpoint " + display + ": no such file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw InvalidInputException.single(SourceLocation.of(display), "not a drift-log checkpoint (larger than "
                        + MAX_BYTES + " bytes)");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UsageException("--since-checkpoint " + display + ": cannot read it (" + e.getClass().getSimpleName() + ")");
        }
        try {
            return LogCheckpoint.parse(bytes);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.single(SourceLocation.of(display), e.getMessage());
        }
    }
}
