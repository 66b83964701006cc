package io.calicogitops.yaml;

/**
 * Limits that keep hostile or broken YAML from exhausting memory or stack; each one breached becomes a diagnostic.
 *
 * @param maxDepth                 deepest nesting of mappings and sequences, aliases included
 * @param maxAliasesForCollections aliases to mappings or sequences per document (the "billion laughs" guard)
 * @param maxDocumentCodePoints    size of one document in Unicode code points
 * @param maxDocumentsPerFile      documents in one file, empty ones included
 * @param maxFileBytes             size of one file in bytes, checked before it is read into memory
 * @param maxLineChars             length of one line in UTF-16 chars: SnakeYAML's reader copies its whole look-ahead
 *                                 window for every 1 KiB it peeks, so scanning one token is quadratic in its length
 *                                 (a 50 MB one-line value would take hours); Kubernetes caps a whole object at about
 *                                 1.5 MB and all annotations at 256 KiB, so real lines stay far below the default
 */
public record YamlLimits(int maxDepth, int maxAliasesForCollections, int maxDocumentCodePoints,
                         int maxDocumentsPerFile, long maxFileBytes, int maxLineChars) {

    // SnakeYAML's own 3 MB default is too small for issue-sized inputs such as full cluster exports.
    private static final YamlLimits DEFAULTS = new YamlLimits(100, 50, 64 * 1024 * 1024, 100_000, 256L * 1024 * 1024,
            1024 * 1024);

    public YamlLimits {
        if (maxDepth < 1 || maxAliasesForCollections < 0 || maxDocumentCodePoints < 1
                || maxDocumentsPerFile < 1 || maxFileBytes < 1 || maxLineChars < 1) {
            throw new IllegalArgumentException("YAML limits must be positive");
        }
    }

    public static YamlLimits defaults() {
        return DEFAULTS;
    }

    public YamlLimits withMaxDepth(int value) {
        return new YamlLimits(value, maxAliasesForCollections, maxDocumentCodePoints, maxDocumentsPerFile, maxFileBytes, maxLineChars);
    }

    public YamlLimits withMaxAliasesForCollections(int value) {
        return new YamlLimits(maxDepth, value, maxDocumentCodePoints, maxDocumentsPerFile, maxFileBytes, maxLineChars);
    }

    public YamlLimits withMaxDocumentCodePoints(int value) {
        return new YamlLimits(maxDepth, maxAliasesForCollections, value, maxDocumentsPerFile, maxFileBytes, maxLineChars);
    }

    public YamlLimits withMaxDocumentsPerFile(int value) {
        return new YamlLimits(maxDepth, maxAliasesForCollections, maxDocumentCodePoints, value, maxFileBytes, maxLineChars);
    }

    public YamlLimits withMaxFileBytes(long value) {
        return new YamlLimits(maxDepth, maxAliasesForCollections, maxDocumentCodePoints, maxDocumentsPerFile, value, maxLineChars);
    }

    public YamlLimits withMaxLineChars(int value) {
        return new YamlLimits(maxDepth, maxAliasesForCollections, maxDocumentCodePoints, maxDocumentsPerFile, maxFileBytes, value);
    }
}
