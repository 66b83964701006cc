package io.calicogitops.yaml;

/**
 * Limits that keep hostile or broken YAML from exhausting memory or stack; each one breached becomes a diagnostic.
 *
 * @param maxDepth                 deepest nesting of mappings and sequences, aliases included
 * @param maxAliasesForCollections aliases to mappings or sequences per document (the "billion laughs" guard)
 * @param maxDocumentCodePoints    size of one document in Unicode code points
 * @param maxDocumentsPerFile      documents in one file, empty ones included
 * @param maxFileBytes             size of one file in bytes, checked before it is read into memory
 */
public record YamlLimits(int maxDepth, int maxAliasesForCollections, int maxDocumentCodePoints,
                         int maxDocumentsPerFile, long maxFileBytes) {

    // SnakeYAML's own 3 MB default is too small for issue-sized inputs such as full cluster exports.
    private static final YamlLimits DEFAULTS = new YamlLimits(100, 50, 64 * 1024 * 1024, 100_000, 256L * 1024 * 1024);

    public YamlLimits {
        if (maxDepth < 1 || maxAliasesForCollections < 0 || maxDocumentCodePoints < 1
                || maxDocumentsPerFile < 1 || maxFileBytes < 1) {
            throw new IllegalArgumentException("YAML limits must be positive");
        }
    }

    public static YamlLimits defaults() {
        return DEFAULTS;
    }

    public YamlLimits withMaxDepth(int value) {
        return new YamlLimits(value, maxAliasesForCollections, maxDocumentCodePoints, maxDocumentsPerFile, maxFileBytes);
    }

    public YamlLimits withMaxAliasesForCollections(int value) {
        return new YamlLimits(maxDepth, value, maxDocumentCodePoints, maxDocumentsPerFile, maxFileBytes);
    }

    public YamlLimits withMaxDocumentCodePoints(int value) {
        return new YamlLimits(maxDepth, maxAliasesForCollections, value, maxDocumentsPerFile, maxFileBytes);
    }

    public YamlLimits withMaxDocumentsPerFile(int value) {
        return new YamlLimits(maxDepth, maxAliasesForCollections, maxDocumentCodePoints, value, maxFileBytes);
    }

    public YamlLimits withMaxFileBytes(long value) {
        return new YamlLimits(maxDepth, maxAliasesForCollections, maxDocumentCodePoints, maxDocumentsPerFile, value);
    }
}
