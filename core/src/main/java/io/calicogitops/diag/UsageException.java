package io.calicogitops.diag;

/** The command line is wrong (missing option, conflicting flags, file given where a folder is needed). Exit code 2. */
public class UsageException extends CalicoGitOpsException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }

    @Override
    public int exitCode() {
        return ExitCodes.USAGE;
    }
}
