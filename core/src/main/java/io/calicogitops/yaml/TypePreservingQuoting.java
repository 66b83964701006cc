package io.calicogitops.yaml;

import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Quotes every string value that a YAML 1.1 reader would not read back as a string when written plain
 * ({@code '53'}, {@code '1.0'}, {@code '0x1F'}, {@code 'yes'}, {@code 'y'}, {@code '2024-01-01'}, {@code ''}).
 * Jackson's MINIMIZE_QUOTES alone writes {@code 53} for the string "53"; and its check for "quotable" characters
 * quotes every selector with braces or commas, which SnakeYAML's emitter already quotes only when the syntax needs it.
 */
final class TypePreservingQuoting extends StringQuotingChecker.Default {

    private static final long serialVersionUID = 1L;
    private static final Resolver RESOLVER = new Resolver();

    @Override
    public boolean needToQuoteValue(String value) {
        return isReservedKeyword(value)
                || !Tag.STR.equals(RESOLVER.resolve(NodeId.scalar, value, true))
                || hasSpecialLineBreak(value);
    }

    @Override
    public boolean needToQuoteName(String name) {
        // A plain "<<" key is a YAML 1.1 merge key, which the reader rejects.
        return super.needToQuoteName(name) || "<<".equals(name);
    }

    /** Characters SnakeYAML reads as line breaks but does not escape outside double quotes. */
    static boolean hasSpecialLineBreak(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }
}
