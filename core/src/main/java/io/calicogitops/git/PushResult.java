package io.calicogitops.git;

/**
 * What a remote said to one pushed ref: taken, already there, or refused because it has commits the push does not
 * (non-fast-forward; also when the remote ref moved or was locked by another push while this one ran). Any other
 * refusal is a {@link io.calicogitops.diag.GitAccessException}.
 */
public record PushResult(Status status, String remote, String remoteRef, String detail) {

    /** The outcome for the ref. */
    public enum Status {
        PUSHED, UP_TO_DATE, REJECTED_NON_FAST_FORWARD
    }

    public boolean accepted() {
        return status != Status.REJECTED_NON_FAST_FORWARD;
    }
}
