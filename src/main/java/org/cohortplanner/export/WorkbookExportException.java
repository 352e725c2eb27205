package org.cohortplanner.export;

import org.cohortplanner.domain.Phrase;
import org.cohortplanner.domain.PhrasedFailure;
import org.cohortplanner.planning.PhraseFormat;

/**
 * An export that could not be completed; the message says what and where, for showing to a planner. One made from a
 * {@link Phrase} is shown by the console in its language and by the command line in English.
 */
public class WorkbookExportException extends Exception implements PhrasedFailure {
    private final transient Phrase phrase;

    public WorkbookExportException(String message) {
        super(message);
        this.phrase = null;
    }

    public WorkbookExportException(String message, Throwable cause) {
        super(message, cause);
        this.phrase = null;
    }

    /** A failure said as {@code phrase} (its message: the phrase in English). */
    public WorkbookExportException(Phrase phrase, Throwable cause) {
        super(PhraseFormat.english(phrase), cause);
        this.phrase = phrase;
    }

    @Override
    public Phrase phrase() {
        return phrase;
    }
}
