package org.cohortplanner.ui.common;

import java.util.Locale;
import org.cohortplanner.domain.PhrasedFailure;

/** Turns a failure into a sentence for a dialog or the status bar: its message, never a stack trace. */
public final class Messages {
    private Messages() {
    }

    /**
     * As {@link #describe(Throwable)}, in the console's language where the failure can say itself as a phrase (a
     * store's failure, say); else its message as it is.
     */
    public static String describe(Throwable failure, Locale locale) {
        for (Throwable shown = failure; shown != null; shown = shown.getCause()) {
            if (shown instanceof PhrasedFailure phrased && phrased.phrase() != null) {
                return ProblemTexts.of(locale).phraseOr(phrased.phrase(), describe(failure));
            }
        }
        return describe(failure);
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
