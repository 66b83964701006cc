package io.calicogitops.diag;

import java.util.Objects;

/**
 * A value the caller gave is unusable (exit 2). The library names the value by its input's name ({@code since},
 * {@code expected-interval}), never by how a front end spells it; the command line puts its own option name
 * ({@code --since}) in front, so library messages stay free of flags.
 */
public class InvalidValueException extends UsageException {

    private static final long serialVersionUID = 1L;

    private final String input;
    private final String problem;

    public InvalidValueException(String input, String problem) {
        super(Objects.requireNonNull(input, "input") + ": " + Objects.requireNonNull(problem, "problem"));
        this.input = input;
        this.problem = problem;
    }

    /** The name of the input, lower case with dashes ({@code expected-interval}). */
    public String input() {
        return input;
    }

    /** What is wrong with it, without the input's name. */
    public String problem() {
        return problem;
    }
}
