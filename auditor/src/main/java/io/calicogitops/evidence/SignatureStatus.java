package io.calicogitops.evidence;

/** What {@code evidence verify} could say about the signature of a bundle. */
public enum SignatureStatus {
    /** The key was given and {@code manifest.sig} is its signature of {@code manifest.json}. */
    VALID,
    /** The key was given and the signature does not match (wrong key, or the manifest or signature was altered). */
    INVALID,
    /** The key was given but the bundle has no {@code manifest.sig}. */
    MISSING,
    /** The bundle is signed but no key was given, so the signature was not checked. */
    NOT_CHECKED,
    /** Neither a signature nor a key. */
    UNSIGNED
}
