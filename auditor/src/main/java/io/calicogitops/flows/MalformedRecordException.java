package io.calicogitops.flows;

/** A flow-log record or trace entry the reader cannot use; the reader adds the file and line. */
final class MalformedRecordException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MalformedRecordException(String message) {
        super(message, null, false, false);
    }
}
