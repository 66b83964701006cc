package io.calicogitops.evidence;

import java.util.Objects;

/**
 * One thing {@code evidence verify} found wrong with a bundle, as one line for people, e.g.
 * {@code changed: audit/drift-report.json (sha256 ab12... != manifest 9f3c...)} or {@code missing: live/snapshot.yaml}.
 */
public record BundleProblem(Kind kind, String path, String message) {

    /** The kinds of damage. */
    public enum Kind {
        /** A listed file's content (or size) differs from the manifest, or its zip entry is damaged. */
        CHANGED,
        /** A file the manifest lists is not in the zip. */
        MISSING,
        /** A file in the zip is not in the manifest. */
        EXTRA,
        /**
         * The zip holds a path twice (a reader might show either copy), or two names in the zip or the manifest differ
         * only in case (one file on macOS and Windows).
         */
        DUPLICATE,
        /**
         * A name in the manifest or the zip is not a plain relative path: {@code ..}, absolute, a drive letter, a
         * backslash, an empty or {@code .} segment, a control character. Unzipped, it could land outside the folder.
         */
        PATH,
        /** The manifest's files list is inconsistent or its digest does not match it: the manifest was edited. */
        MANIFEST,
        /** The signature is absent although a key was given, or does not match the manifest. */
        SIGNATURE
    }

    public BundleProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }
}
