package io.calicogitops.diag;

import java.util.Comparator;
import java.util.Objects;

/** Where something came from: a file (relative to the user's working directory or repo root), a line and a column, both 1-based; 0 means unknown. */
public record SourceLocation(String file, int line, int column) implements Comparable<SourceLocation> {

    private static final Comparator<SourceLocation> ORDER = Comparator
            .comparing(SourceLocation::file)
            .thenComparingInt(SourceLocation::line)
            .thenComparingInt(SourceLocation::column);

    public SourceLocation {
        Objects.requireNonNull(file, "file");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must be >= 0");
        }
    }

    public static SourceLocation of(String file) {
        return new SourceLocation(file, 0, 0);
    }

    public static SourceLocation of(String file, int line, int column) {
        return new SourceLocation(file, line, column);
    }

    /** The same file and line, moved right by {@code delta} columns (for errors inside a scalar value). */
    public SourceLocation shiftColumns(int delta) {
        return column == 0 ? this : new SourceLocation(file, line, column + delta);
    }

    @Override
    public int compareTo(SourceLocation o) {
        return ORDER.compare(this, o);
    }

    /** {@code file:line:col}, leaving out unknown parts. */
    @Override
    public String toString() {
        if (line == 0) {
            return file;
        }
        return column == 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }
}
