package io.calicogitops.diag;

/** Root of every exception the product throws on purpose; each subclass maps to one exit code. */
public class CalicoGitOpsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CalicoGitOpsException(String message) {
        super(message);
    }

    public CalicoGitOpsException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The process exit code for this failure (see README, "Exit codes"). */
    public int exitCode() {
        return ExitCodes.INTERNAL;
    }
}
