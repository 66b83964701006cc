package io.calicogitops.diag;

/** A template could not be compiled or rendered (missing variable, syntax error). Exit code 3. */
public class TemplateException extends CalicoGitOpsException {

    private static final long serialVersionUID = 1L;
    private final SourceLocation location;

    public TemplateException(SourceLocation location, String message, Throwable cause) {
        super(location + ": error: " + message, cause);
        this.location = location;
    }

    public SourceLocation location() {
        return location;
    }

    @Override
    public int exitCode() {
        return ExitCodes.INVALID_INPUT;
    }
}
