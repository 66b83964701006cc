package io.calicogitops.importer;

import io.calicogitops.model.ResourceId;

/** A live object a built-in pack would produce with the same spec under another name: the rename offered as a follow-up. */
public record Rename(ResourceId live, String pack, String packName) {
}
