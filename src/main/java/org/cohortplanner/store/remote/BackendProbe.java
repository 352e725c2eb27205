package org.cohortplanner.store.remote;

import java.util.List;

/**
 * What a connection test found at a backend address with a token: the console's connect dialog says it in words.
 *
 * @param user    who the token belongs to, when accepted
 * @param roles   what the token may do ("planner", "supply", "viewer"), when accepted
 * @param message the store's own sentence for anything but {@link Outcome#REACHABLE}
 */
public record BackendProbe(Outcome outcome, String user, List<String> roles, long planVersion, String message) {
    public BackendProbe {
        roles = List.copyOf(roles);
        user = user == null ? "" : user;
        message = message == null ? "" : message;
    }

    public enum Outcome {
        /** A Cohort Planner backend that accepts the token. */
        REACHABLE,
        /** A Cohort Planner backend that does not accept the token (HTTP 401). */
        BAD_TOKEN,
        /** Nothing answered within the timeouts. */
        NO_ANSWER,
        /** Nothing listens there, or the connection failed. */
        UNREACHABLE,
        /** Something answered, but not a Cohort Planner backend. */
        NOT_A_BACKEND
    }

    static BackendProbe failed(Outcome outcome, String message) {
        return new BackendProbe(outcome, "", List.of(), -1, message);
    }
}
