package io.calicogitops.diag;

/** A Git repository could not be read or written (not a repository, locked, I/O). Exit code 4. */
public class GitAccessException extends CalicoGitOpsException {

    private static final long serialVersionUID = 1L;

    public GitAccessException(String message) {
        super(message);
    }

    public GitAccessException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return ExitCodes.ACCESS;
    }
}
