package io.calicogitops.yaml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes trees as YAML deterministically, kubectl style: block style, 2-space indent, sequences not indented
 * under their key, key order as in the tree, LF line ends and a final newline, no line wrapping, multi-line
 * strings as literal blocks, and quotes only where a string would otherwise read back as another type or break
 * the syntax. For trees as {@link YamlReader} builds them, reading back what was written gives an equal tree
 * (not for NaN or infinite doubles, which Jackson writes as strings, nor for BigDecimal, read back as double).
 */
public final class YamlWriter {

    private final ObjectMapper mapper;

    public YamlWriter() {
        YAMLFactory factory = new KubectlStyleYamlFactory(YAMLFactory.builder()
                .stringQuotingChecker(new TypePreservingQuoting())
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .disable(YAMLGenerator.Feature.SPLIT_LINES)
                .disable(YAMLGenerator.Feature.INDENT_ARRAYS)
                .disable(YAMLGenerator.Feature.USE_PLATFORM_LINE_BREAKS)
                .disable(YAMLGenerator.Feature.CANONICAL_OUTPUT)
                // Long annotation keys stay "key: value" instead of the explicit "? key" form (up to 1024 chars).
                .enable(YAMLGenerator.Feature.ALLOW_LONG_KEYS)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE));
        this.mapper = new ObjectMapper(factory);
    }

    /** One document, without a leading {@code ---}. */
    public String write(JsonNode document) {
        try {
            return mapper.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write YAML: " + e.getOriginalMessage(), e);
        }
    }

    /** Several documents separated by {@code ---} lines (none before the first); "" for none. */
    public String writeAll(List<? extends JsonNode> documents) {
        return documents.stream().map(this::write).collect(Collectors.joining("---\n"));
    }
}
