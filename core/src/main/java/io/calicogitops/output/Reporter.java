package io.calicogitops.output;

import io.calicogitops.diag.UsageException;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The output of one result type: a {@link Renderer} per format it supports, in the order help text lists them, the
 * first being the default. Every command that prints a result goes through one of these, so format names, the
 * error for a format a command lacks, and media types are the same everywhere (kubectl's and conftest's {@code -o}).
 *
 * @param <R> the result type, e.g. an audit report
 */
public final class Reporter<R> {

    private final String what;
    private final Map<OutputFormat, Renderer<R>> renderers;

    private Reporter(String what, Map<OutputFormat, Renderer<R>> renderers) {
        this.what = what;
        this.renderers = Collections.unmodifiableMap(new LinkedHashMap<>(renderers));
    }

    /** Starts a reporter; {@code what} names the result in messages ("audit report"). */
    public static <R> Builder<R> builder(String what) {
        return new Builder<>(what);
    }

    /** The formats offered, default first. */
    public Set<OutputFormat> formats() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(renderers.keySet()));
    }

    /** The first format, used when none is chosen. */
    public OutputFormat defaultFormat() {
        return renderers.keySet().iterator().next();
    }

    public boolean supports(OutputFormat format) {
        return renderers.containsKey(format);
    }

    /** The formats as help text shows them: {@code text, json or csv}. */
    public String describeFormats() {
        var labels = renderers.keySet().stream().map(OutputFormat::label).toList();
        return labels.size() == 1 ? labels.get(0)
                : String.join(", ", labels.subList(0, labels.size() - 1)) + " or " + labels.get(labels.size() - 1);
    }

    /**
     * The format a user named, ignoring case and surrounding blanks; a name that is no format of this result is a
     * usage error listing those it has.
     */
    public OutputFormat parse(String name) {
        String wanted = name == null ? "" : name.trim();
        for (OutputFormat f : renderers.keySet()) {
            if (f.label().equalsIgnoreCase(wanted)) {
                return f;
            }
        }
        String known = renderers.keySet().stream().map(OutputFormat::label).collect(Collectors.joining(", "));
        throw new UsageException("unknown output format '" + name + "' for the " + what + " (expected " + known + ")");
    }

    /** Writes the result in a format this reporter supports. */
    public void write(R result, OutputFormat format, Writer out) throws IOException {
        Renderer<R> renderer = renderers.get(format);
        if (renderer == null) {
            throw new IllegalArgumentException("the " + what + " has no " + format.label() + " output");
        }
        renderer.write(result, out);
        out.flush();
    }

    /** The whole output as a string. */
    public String render(R result, OutputFormat format) {
        StringWriter text = new StringWriter();
        try {
            write(result, format, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    /** Collects the renderers of a reporter, default first. */
    public static final class Builder<R> {
        private final String what;
        private final Map<OutputFormat, Renderer<R>> renderers = new LinkedHashMap<>();

        private Builder(String what) {
            this.what = Objects.requireNonNull(what, "what");
        }

        public Builder<R> add(OutputFormat format, Renderer<R> renderer) {
            if (renderers.putIfAbsent(format, Objects.requireNonNull(renderer, "renderer")) != null) {
                throw new IllegalArgumentException(format.label() + " twice for the " + what);
            }
            return this;
        }

        /** A format whose output is built as one string. */
        public Builder<R> text(OutputFormat format, Function<? super R, String> text) {
            return add(format, Renderer.ofText(text));
        }

        public Reporter<R> build() {
            if (renderers.isEmpty()) {
                throw new IllegalStateException("no format for the " + what);
            }
            return new Reporter<>(what, renderers);
        }
    }
}
