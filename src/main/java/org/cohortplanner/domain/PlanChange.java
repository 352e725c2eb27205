package org.cohortplanner.domain;

import java.util.Objects;

/**
 * What a save does, for the audit trail.
 *
 * @param user    who made it (the OS user in local mode)
 * @param action  short description in the planners' words, e.g. "Split cohort 50–54 at 1969", as written when the
 *                change was made (what readers without {@code what} show)
 * @param before  the changed values before, as text (may be empty)
 * @param after   the changed values after, as text (may be empty)
 * @param reason  why, as the planner typed it (may be empty)
 * @param what    the action as a phrase (code and arguments), so that the audit shows it in the reader's language;
 *                null for actions only said as text
 */
public record PlanChange(String user, String action, String before, String after, String reason, Phrase what) {
    public PlanChange {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(action, "action");
        before = before == null ? "" : before;
        after = after == null ? "" : after;
        reason = reason == null ? "" : reason;
    }

    /** A change whose action is only said as text. */
    public PlanChange(String user, String action, String before, String after, String reason) {
        this(user, action, before, after, reason, null);
    }

    public static PlanChange of(String user, String action) {
        return new PlanChange(user, action, "", "", "");
    }

    /** The same change, its action also said as {@code phrase}. */
    public PlanChange withWhat(Phrase phrase) {
        return new PlanChange(user, action, before, after, reason, phrase);
    }

    /** The OS user the console runs as. */
    public static String currentUser() {
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "unknown" : user;
    }
}
