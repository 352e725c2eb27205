package org.cohortplanner.cli;

/**
 * A command cannot do what it was asked with this input (an unknown cohort, window, delivery or region, options that
 * do not fit together, a file it cannot write): {@link CommandFailures} prints the message after the command's name
 * and exits with {@link #exitCode()}, 2 unless the command documents another code for that failure.
 */
final class CommandRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    CommandRefusedException(String message) {
        this(message, CommandFailures.REFUSED);
    }

    CommandRefusedException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
