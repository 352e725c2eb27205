package org.cohortplanner.ui.common;

/** Turns a failure into a sentence for a dialog or the status bar: its message, never a stack trace. */
public final class Messages {
    private Messages() {
    }

    public static String describe(Throwable failure) {
        Throwable shown = failure;
        // Wrappers from executors and reflection carry the useful message in their cause.
        while ((shown.getMessage() == null || shown.getMessage().isBlank()) && shown.getCause() != null) {
            shown = shown.getCause();
        }
        String message = shown.getMessage();
        if (message == null || message.isBlank()) {
            return "unexpected " + shown.getClass().getSimpleName();
        }
        return message;
    }
}
