package org.cohortplanner.backend;

import java.util.Locale;
import java.util.Optional;

/** What a token lets its holder do. Every role reads; writes need the role that owns what they change. */
public enum Role {
    /** Edits cohorts, windows, site groups and the rest of the plan except deliveries. */
    PLANNER,
    /** Edits deliveries: records delivery slips. */
    SUPPLY,
    /** Reads the plan, the audit trail and the live counts. */
    VIEWER;

    /** The role as written in the tokens file, in lower case. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Role> parse(String text) {
        for (Role role : values()) {
            if (role.label().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
