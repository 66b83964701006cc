package io.calicogitops.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.calicogitops.diag.Diagnostic;
import io.calicogitops.diag.SourceLocation;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/** Turns what Jackson and SnakeYAML throw into one short compiler-style diagnostic at the right line and column. */
final class ParseErrors {

    private ParseErrors() {
    }

    static Diagnostic toDiagnostic(Exception e, String file, YamlLimits limits) {
        // Jackson's own location for scanner errors is where it last stopped, often lines earlier: SnakeYAML's
        // problem mark (kept as the cause) is the real position.
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException marked) {
                Mark mark = marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
                return Diagnostic.error(at(file, mark), message(marked));
            }
        }
        SourceLocation where = e instanceof JsonProcessingException jpe ? at(file, jpe.getLocation()) : SourceLocation.of(file);
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof YAMLException && String.valueOf(t.getMessage()).contains("exceeds the limit")) {
                return Diagnostic.error(where, "document is larger than the limit of "
                        + limits.maxDocumentCodePoints() + " code points", "split it into several documents or files");
            }
        }
        String text = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
        if (text != null && text.startsWith("Expected a field name")) {
            // Jackson maps YAML onto JSON, where keys can only be strings.
            return Diagnostic.error(where, "mapping keys must be scalars (complex keys and aliases as keys are not supported)");
        }
        return Diagnostic.error(where, text == null ? e.getClass().getSimpleName() : firstLine(text));
    }

    private static String message(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "invalid YAML" : firstLine(e.getProblem());
        if (problem.contains("(TAB)")) {
            problem = "found a tab character where a token should start (YAML does not allow tabs for indentation)";
        }
        problem = problem.endsWith(".") ? problem.substring(0, problem.length() - 1) : problem;
        String context = e.getContext();
        if (context == null || context.equals("while scanning for the next token")) {
            return problem;
        }
        Mark start = e.getContextMark();
        boolean elsewhere = start != null && (e.getProblemMark() == null
                || start.getLine() != e.getProblemMark().getLine() || start.getColumn() != e.getProblemMark().getColumn());
        return problem + " (" + firstLine(context)
                + (elsewhere ? " started at line " + (start.getLine() + 1) + ", column " + (start.getColumn() + 1) : "") + ")";
    }

    private static SourceLocation at(String file, Mark mark) {
        return mark == null ? SourceLocation.of(file) : SourceLocation.of(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static SourceLocation at(String file, JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return SourceLocation.of(file);
        }
        return SourceLocation.of(file, location.getLineNr(), Math.max(0, location.getColumnNr()));
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }
}
