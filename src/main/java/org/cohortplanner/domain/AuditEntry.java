package org.cohortplanner.domain;

import java.time.Instant;

/**
 * One saved change: when, who, what (before → after) and why.
 *
 * @param action the action as written when it was saved
 * @param what   the action as a phrase, to be written in the reader's language; null for entries saved as text
 *               only (those of older versions, of the command line and of the booking backend)
 */
public record AuditEntry(long sequence, Instant at, String user, String action, String before, String after,
                         String reason, long planVersion, Phrase what) {

    /** An entry whose action is only text. */
    public AuditEntry(long sequence, Instant at, String user, String action, String before, String after,
                      String reason, long planVersion) {
        this(sequence, at, user, action, before, after, reason, planVersion, null);
    }
}
