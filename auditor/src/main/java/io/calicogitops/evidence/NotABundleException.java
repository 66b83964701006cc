package io.calicogitops.evidence;

import io.calicogitops.diag.CalicoGitOpsException;
import io.calicogitops.diag.ExitCodes;

/** The file given to {@code evidence verify} is not a zip, or not an evidence bundle (no readable manifest). Exit code 3. */
public class NotABundleException extends CalicoGitOpsException {

    private static final long serialVersionUID = 1L;

    public NotABundleException(String message) {
        super(message);
    }

    @Override
    public int exitCode() {
        return ExitCodes.INVALID_INPUT;
    }
}
