package org.cohortplanner.backend;

import java.util.List;
import org.cohortplanner.domain.Plan;

/**
 * Who may change what, decided on what a change actually changes: deliveries are the supply officers', everything
 * else (cohorts, windows, brands, site groups, the booking system) is the planners'. A whole-plan save from the
 * console passes when it changes only what its sender's roles own.
 */
final class Permissions {
    private Permissions() {
    }

    static void require(Caller caller, Plan before, Plan after) {
        boolean deliveries = before == null ? !after.deliveries().isEmpty()
                : !before.deliveries().equals(after.deliveries());
        boolean rest = before == null || !withoutDeliveries(before).equals(withoutDeliveries(after));
        if (deliveries && !caller.may(Role.SUPPLY)) {
            throw forbidden(caller, "edit deliveries", Role.SUPPLY);
        }
        if (rest && !caller.may(Role.PLANNER)) {
            throw forbidden(caller, "edit cohorts, windows, brands, site groups or the booking system", Role.PLANNER);
        }
    }

    static void requireAny(Caller caller, Role... roles) {
        for (Role role : roles) {
            if (caller.may(role)) {
                return;
            }
        }
        throw forbidden(caller, roles.length == 1 && roles[0] == Role.SUPPLY ? "edit deliveries"
                : roles.length == 1 ? "edit cohorts, windows or site groups" : "change the plan", roles[0]);
    }

    /** Refuses a caller without {@code needed} what it asked to do ({@code what}, e.g. "save scenarios"). */
    static void require(Caller caller, Role needed, String what) {
        if (!caller.may(needed)) {
            throw forbidden(caller, what, needed);
        }
    }

    private static ApiException forbidden(Caller caller, String what, Role needed) {
        return new ApiException(403, caller.user() + " (" + caller.roleLabels() + ") may not " + what
                + "; that needs the " + needed.label() + " role", null, "FORBIDDEN", null, null);
    }

    private static Plan withoutDeliveries(Plan plan) {
        return plan.withDeliveries(List.of()).withVersion(0);
    }
}
