package io.calicogitops.diag;

/** The cluster could not be read completely (auth, RBAC, network, missing kind). Exit code 4. */
public class ClusterAccessException extends CalicoGitOpsException {

    private static final long serialVersionUID = 1L;

    public ClusterAccessException(String message) {
        super(message);
    }

    public ClusterAccessException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return ExitCodes.ACCESS;
    }
}
