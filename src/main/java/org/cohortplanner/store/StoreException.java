package org.cohortplanner.store;

import org.cohortplanner.domain.Phrase;
import org.cohortplanner.domain.PhrasedFailure;
import org.cohortplanner.planning.PhraseFormat;

/**
 * The store could not be read or written; the message says what and where, for the status bar. A failure made from
 * a {@link Phrase} is shown by the console in its language and by the command line in English.
 */
public class StoreException extends RuntimeException implements PhrasedFailure {
    private final transient Phrase phrase;

    public StoreException(String message) {
        super(message);
        this.phrase = null;
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
        this.phrase = null;
    }

    /** A failure said as {@code phrase} (its message: the phrase in English). */
    public StoreException(Phrase phrase, Throwable cause) {
        super(PhraseFormat.english(phrase), cause);
        this.phrase = phrase;
    }

    @Override
    public Phrase phrase() {
        return phrase;
    }
}
