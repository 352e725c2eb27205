package org.cohortplanner.domain;

/**
 * A failure that can say itself as a {@link Phrase}, so that the console writes it in the reader's language; its
 * message is the same phrase in the command line's English.
 */
public interface PhrasedFailure {
    /** The failure as a phrase, or null when it has only its English message. */
    Phrase phrase();
}
