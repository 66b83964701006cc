package io.calicogitops.selector;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** A parsed, immutable Calico label selector: matches label sets and prints Calico's canonical form. */
public final class Selector {

    private final Node root;
    private final String canonical;
    private final Set<String> labelKeys;
    private final boolean usesGlobal;
    private final Map.Entry<String, String> requiredLabel;
    // Computed on first use; a racy single check is safe because String is immutable.
    private String uniqueId;
    private String semanticCanonical;

    private Selector(Node root) {
        this.root = root;
        this.canonical = root.canonical();
        TreeSet<String> keys = new TreeSet<>();
        boolean[] global = {false};
        root.visit(node -> {
            if (node instanceof Node.Has has) {
                keys.add(has.label());
            } else if (node instanceof Node.Comparison comparison) {
                keys.add(comparison.label());
            } else if (node instanceof Node.InSet set) {
                keys.add(set.label());
            } else if (node instanceof Node.Global) {
                global[0] = true;
            }
        });
        this.labelKeys = Collections.unmodifiableSortedSet(keys);
        this.usesGlobal = global[0];
        this.requiredLabel = required(root);
    }

    private static Map.Entry<String, String> required(Node root) {
        if (root instanceof Node.Comparison c && c.op() == Node.Op.EQ) {
            return Map.entry(c.label(), c.value());
        }
        if (root instanceof Node.And and) {
            for (Node operand : and.operands()) {
                if (operand instanceof Node.Comparison c && c.op() == Node.Op.EQ) {
                    return Map.entry(c.label(), c.value());
                }
            }
        }
        return null;
    }

    /** Parses {@code text} exactly as Calico does; an empty or blank selector selects everything. */
    public static Selector parse(String text) {
        Objects.requireNonNull(text, "selector text");
        return new Selector(Parser.parse(text));
    }

    /** The parse error of {@code text}, if Calico would reject it. */
    public static Optional<SelectorParseException> validate(String text) {
        try {
            parse(text);
            return Optional.empty();
        } catch (SelectorParseException e) {
            return Optional.of(e);
        }
    }

    /** Whether a workload with these labels is selected; a {@code null} value counts as an absent label. */
    public boolean matches(Map<String, String> labels) {
        return root.matches(labels);
    }

    /** Exactly Calico's {@code Selector.String()}. */
    public String canonical() {
        return canonical;
    }

    /** Calico's {@code UniqueID()}: {@code "s:" + base64url(sha224("s:" + canonical))} without padding. */
    public String uniqueId() {
        String id = uniqueId;
        if (id == null) {
            id = "s:" + Base64.getUrlEncoder().withoutPadding().encodeToString(sha224("s:" + canonical));
            uniqueId = id;
        }
        return id;
    }

    /**
     * A canonical form that is also equal for selectors that differ only in the order or nesting of
     * {@code &&}/{@code ||} operands, duplicated operands, double negation, or {@code !k == v} versus {@code k != v}.
     */
    public String semanticCanonical() {
        String form = semanticCanonical;
        if (form == null) {
            form = SemanticForm.of(root).canonical();
            semanticCanonical = form;
        }
        return form;
    }

    /** Whether both selectors have the same {@link #semanticCanonical()} form. */
    public boolean sameMeaningAs(Selector other) {
        return semanticCanonical().equals(other.semanticCanonical());
    }

    /** Every label key the selector refers to, sorted. */
    public Set<String> labelKeys() {
        return labelKeys;
    }

    /**
     * A label the selector only matches when it has exactly this value: {@code k == "v"} as the whole selector or as an
     * operand of its top-level {@code &&}, the first such; null when there is none. Labels without it never match, so
     * it can index selectors by label (the compiled evaluator's policy index).
     */
    public Map.Entry<String, String> requiredLabel() {
        return requiredLabel;
    }

    /** Whether this is {@code all()} (also the empty selector). */
    public boolean isAll() {
        return root instanceof Node.All;
    }

    /** Whether {@code global()} appears anywhere in the selector. */
    public boolean usesGlobal() {
        return usesGlobal;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Selector other && canonical.equals(other.canonical);
    }

    @Override
    public int hashCode() {
        return canonical.hashCode();
    }

    @Override
    public String toString() {
        return canonical;
    }

    private static byte[] sha224(String input) {
        try {
            return MessageDigest.getInstance("SHA-224").digest(input.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-224", e);
        }
    }
}
