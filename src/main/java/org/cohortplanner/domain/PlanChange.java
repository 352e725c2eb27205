package org.cohortplanner.domain;

import java.util.Objects;

/**
 * What a save does, for the audit trail.
 *
 * @param user    who made it (the OS user in local mode)
 * @param action  short description in the planners' words, e.g. "Split cohort 50–54 at 1969"
 * @param before  the changed values before, as text (may be empty)
 * @param after   the changed values after, as text (may be empty)
 * @param reason  why, as the planner typed it (may be empty)
 */
public record PlanChange(String user, String action, String before, String after, String reason) {
    public PlanChange {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(action, "action");
        before = before == null ? "" : before;
        after = after == null ? "" : after;
        reason = reason == null ? "" : reason;
    }

    public static PlanChange of(String user, String action) {
        return new PlanChange(user, action, "", "", "");
    }

    /** The OS user the console runs as. */
    public static String currentUser() {
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "unknown" : user;
    }
}
