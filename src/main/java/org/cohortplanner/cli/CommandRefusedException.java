package org.cohortplanner.cli;

/**
 * A command cannot do what it was asked with this input (an unknown cohort, window, delivery or region, options that
 * do not fit together): {@link CommandFailures} prints the message after the command's name and exits 2.
 */
final class CommandRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CommandRefusedException(String message) {
        super(message);
    }
}
