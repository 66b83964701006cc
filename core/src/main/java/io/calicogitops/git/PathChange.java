package io.calicogitops.git;

import java.util.Objects;

/**
 * One file a commit changed against its first parent: the path and the blob ids before and after (null where the
 * file is absent: {@code oldBlob} for an added file, {@code newBlob} for a removed one). Blobs are read on demand
 * with {@link GitRepo#readBlob}; a rename shows as a removal plus an addition.
 */
public record PathChange(String path, FileChange.Type type, String oldBlob, String newBlob) {

    public PathChange {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        if ((oldBlob == null) != (type == FileChange.Type.ADDED) || (newBlob == null) != (type == FileChange.Type.REMOVED)) {
            throw new IllegalArgumentException(type + " " + path + ": blob ids do not match the change type");
        }
    }
}
