package io.calicogitops.audit.live;

/**
 * An answer from the API server that arrived but cannot be used: larger than the bound, not JSON, or not a list of
 * the kind asked for. Another try would get the same answer, so it is never retried.
 */
final class ResponseRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ResponseRejectedException(String message) {
        super(message);
    }
}
