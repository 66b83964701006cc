package io.calicogitops.diag;

import java.util.List;
import java.util.stream.Collectors;

/** The input (fleet, templates, overlays, manifests) is invalid; carries every diagnostic found. Exit code 3. */
public class InvalidInputException extends CalicoGitOpsException {

    private static final long serialVersionUID = 1L;
    private final transient List<Diagnostic> diagnostics;
    private final String phase;

    public InvalidInputException(String phase, List<Diagnostic> diagnostics) {
        super(summary(phase, diagnostics));
        this.diagnostics = List.copyOf(diagnostics);
        this.phase = phase;
    }

    /** What was being read or checked ("fleet ...", "render", "rendered policies"). */
    public String phase() {
        return phase;
    }

    public static InvalidInputException single(SourceLocation at, String message) {
        return new InvalidInputException("input", List.of(Diagnostic.error(at, message)));
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    @Override
    public int exitCode() {
        return ExitCodes.INVALID_INPUT;
    }

    private static String summary(String phase, List<Diagnostic> diagnostics) {
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        return phase + ": " + errors + (errors == 1 ? " error" : " errors") + "\n"
                + diagnostics.stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
    }
}
