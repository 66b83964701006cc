package io.calicogitops.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.selector.Selector;
import io.calicogitops.selector.SelectorParseException;

/** Parses a selector field and reports a syntax error at its exact column; {@code global()} only where Calico allows it. */
final class SelectorCheck {

    private SelectorCheck() {
    }

    /** Returns the parsed selector, or null when absent or invalid (already reported). */
    static Selector check(JsonNode node, String pointer, String path, boolean globalAllowed, Locator where, Diagnostics d) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            d.error(where.at(pointer), path + ": a selector is a string");
            return null;
        }
        try {
            Selector s = Selector.parse(node.asText());
            if (s.usesGlobal() && !(globalAllowed && node.asText().strip().matches("global\\(\\s*\\)"))) {
                d.error(where.at(pointer), path + ": global() may only be the whole namespaceSelector of a rule",
                        "write 'namespaceSelector: global()' to match GlobalNetworkSets and host endpoints");
            }
            return s;
        } catch (SelectorParseException e) {
            d.error(where.inScalar(pointer, Math.max(0, e.column() - 1)), path + ": selector: " + e.getMessage());
            return null;
        }
    }
}
