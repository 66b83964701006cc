package io.calicogitops.render;

import com.fasterxml.jackson.databind.node.TextNode;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.DefaultMustacheVisitor;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheVisitor;
import com.github.mustachejava.TemplateContext;
import com.github.mustachejava.reflect.Guard;
import com.github.mustachejava.reflect.MissingWrapper;
import com.github.mustachejava.reflect.ReflectionObjectHandler;
import com.github.mustachejava.util.GuardException;
import com.github.mustachejava.util.Wrapper;
import io.calicogitops.diag.SourceLocation;
import io.calicogitops.diag.TemplateException;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.reflect.AccessibleObject;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mustache made safe for YAML: strict (a name that resolves to nothing is an error naming template file and line,
 * where mustache.java would print an empty string), and every value emitted as one YAML scalar (strings as
 * double-quoted JSON, which YAML reads back verbatim), never HTML-escaped. Triple mustache and partials are refused,
 * since they would let a profile value change the document's structure.
 */
public final class TemplateEngine {

    private final Factory factory = new Factory();
    private final Map<Source, Compiled> compiled = new ConcurrentHashMap<>();

    /** A template as the cache knows it: its display path (named in errors) and its text. */
    private record Source(String displayPath, String text) {
    }

    /** A compiled template and whether its lines carry markers. */
    private record Compiled(Mustache mustache, boolean marked) {
    }

    /** Rendered text and, for each of its lines, the template line it was written on. */
    public record Rendered(String text, int[] lines) {

        /** The template line of rendered line {@code renderedLine} (1-based); unknown lines map to themselves. */
        public int templateLine(int renderedLine) {
            return lines == null || renderedLine < 1 || renderedLine > lines.length ? renderedLine : lines[renderedLine - 1];
        }
    }

    /**
     * What Mustache wrote, line markers still in: it fixes both the text and the template line of each of its lines,
     * so two equal outputs of one template give equal {@link Rendered}s (and may share what is derived from them).
     */
    public record Output(String raw, boolean marked) {

        /** The text without markers and its line map. */
        public Rendered unmark() {
            return TemplateLines.unmark(raw, marked);
        }
    }

    /** Compiles (once per display path and text) and renders {@code text} against {@code scope}. */
    public String render(String displayPath, String text, Object scope) {
        return renderLines(displayPath, text, scope).text();
    }

    /** Like {@link #render}, keeping which template line each rendered line comes from (for diagnostics). */
    public Rendered renderLines(String displayPath, String text, Object scope) {
        return execute(displayPath, text, scope).unmark();
    }

    /** Renders {@code text} against {@code scope}, compiling it once per display path and text. */
    public Output execute(String displayPath, String text, Object scope) {
        Compiled c = compiled.computeIfAbsent(new Source(displayPath, text), k -> {
            boolean marked = TemplateLines.markable(text);
            return new Compiled(compile(displayPath, marked ? TemplateLines.mark(text) : text), marked);
        });
        StringWriter out = new StringWriter();
        try {
            c.mustache().execute(out, scope);
        } catch (MustacheException | StrictException e) {
            throw translate(displayPath, e);
        }
        return new Output(out.toString(), c.marked());
    }

    private Mustache compile(String displayPath, String text) {
        try {
            return factory.compile(new StringReader(text), displayPath);
        } catch (MustacheException | StrictException e) {
            // StrictException: a refused construct (triple mustache, partials) found while compiling.
            throw translate(displayPath, e);
        }
    }

    private static TemplateException translate(String displayPath, RuntimeException e) {
        Throwable cause = e;
        TemplateContext tc = null;
        String message = null;
        while (cause != null) {
            if (cause instanceof MustacheException me && me.getContext() != null && tc == null) {
                tc = me.getContext();
            }
            if (cause instanceof StrictException se) {
                message = se.getMessage();
                if (se.context != null) {
                    tc = se.context;
                }
            }
            cause = cause.getCause();
        }
        if (message == null) {
            message = cleanMessage(e.getMessage());
        }
        SourceLocation at = tc == null ? SourceLocation.of(displayPath) : SourceLocation.of(displayPath, tc.line(), 0);
        return new TemplateException(at, message, e);
    }

    private static String cleanMessage(String raw) {
        if (raw == null) {
            return "template error";
        }
        int at = raw.indexOf(" @[");
        return (at > 0 ? raw.substring(0, at) : raw).trim();
    }

    /** A failure with a message meant for the user, raised inside mustache.java's evaluation. */
    static final class StrictException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient TemplateContext context;

        StrictException(String message, TemplateContext context) {
            super(message);
            this.context = context;
        }
    }

    private static final class Factory extends DefaultMustacheFactory {
        Factory() {
            setObjectHandler(new StrictHandler());
        }

        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new MustacheException(e);
            }
        }

        @Override
        public MustacheVisitor createMustacheVisitor() {
            return new DefaultMustacheVisitor(this) {
                @Override
                public void value(TemplateContext tc, String variable, boolean encoded) {
                    if (!encoded) {
                        throw new StrictException("'{{{" + variable + "}}}' / '{{&" + variable
                                + "}}' is not allowed: values are always emitted as quoted YAML scalars", tc);
                    }
                    super.value(tc, variable, true);
                }

                @Override
                public void partial(TemplateContext tc, String variable, String indent) {
                    throw new StrictException("partials ('{{>" + variable + "}}') are not supported", tc);
                }

                @Override
                public void dynamicPartial(TemplateContext tc, String variable, String indent) {
                    throw new StrictException("partials ('{{>*" + variable + "}}') are not supported", tc);
                }
            };
        }
    }

    /** A name that resolves to nothing: an error when the template uses it. */
    private static final class Missing extends MissingWrapper {
        private final String name;

        Missing(String name, Guard[] guards) {
            super(name, guards);
            this.name = name;
        }

        @Override
        public Object call(List<Object> scopes) throws GuardException {
            guardCall(scopes);
            throw new StrictException("missing template variable '" + name + "'", null);
        }
    }

    /** Resolves names like mustache.java does, but a name that is not there is an error instead of "". */
    private static final class StrictHandler extends ReflectionObjectHandler {

        @Override
        protected MissingWrapper createMissingWrapper(String name, List<Guard> guards) {
            return new Missing(name, guards.toArray(new Guard[0]));
        }

        @Override
        public Wrapper find(String name, List<Object> scopes) {
            Wrapper w = super.find(name, scopes);
            // For a dotted name the missing wrapper knows only the part that was missing: name what was written.
            return w instanceof Missing m && !m.name.equals(name) ? new Missing(name, m.getGuards()) : w;
        }

        /**
         * Names resolve only to view-model map entries: no Java methods or fields, so that {@code {{length}}} inside
         * a list of strings is a missing variable instead of {@code String.length()}.
         */
        @Override
        @SuppressWarnings("rawtypes")
        protected AccessibleObject findMember(Class sClass, String name) {
            return null;
        }

        @Override
        public String stringify(Object object) {
            if (object instanceof CharSequence s) {
                return new TextNode(s.toString()).toString();
            }
            if (object instanceof Number || object instanceof Boolean) {
                return object.toString();
            }
            if (object instanceof Map<?, ?> || object instanceof Collection<?>) {
                throw new StrictException("a mapping or list cannot be emitted as one value; iterate it with {{#...}}", null);
            }
            return new TextNode(String.valueOf(object)).toString();
        }
    }
}
