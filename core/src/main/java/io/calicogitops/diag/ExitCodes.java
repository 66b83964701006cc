package io.calicogitops.diag;

/** The exit codes of every command, chosen for CI: documented in the README's exit-code table. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;
    public static final int INVALID_INPUT = 3;
    public static final int ACCESS = 4;
    public static final int INTERNAL = 70;

    private ExitCodes() {
    }
}
