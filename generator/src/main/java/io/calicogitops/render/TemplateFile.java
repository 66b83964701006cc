package io.calicogitops.render;

/** A template or overlay file: its path inside its root (the key users override by), how it is shown, and its text. */
public record TemplateFile(String relativePath, String displayPath, String text) {

    /** The first path segment: the pack (for templates) or the overlay (for overlays). */
    public String group() {
        int slash = relativePath.indexOf('/');
        return slash < 0 ? "" : relativePath.substring(0, slash);
    }

    public boolean isTemplate() {
        return relativePath.endsWith(".yaml.mustache");
    }
}
