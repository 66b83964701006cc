package io.calicogitops.cli;

import io.calicogitops.output.Reporter;

/** A command whose result is printed through {@link OutputOptions}; its reporter's formats fill the {@code -o} help. */
interface FormattedCommand {

    Reporter<?> reporter();
}
