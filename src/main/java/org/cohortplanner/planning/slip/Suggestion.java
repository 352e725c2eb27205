package org.cohortplanner.planning.slip;

import java.util.List;
import org.cohortplanner.domain.Plan;

/**
 * A way to remove the shortage a slip causes, with its effect and the plan it leads to.
 *
 * @param changes each change in words, one per line
 * @param plan    the plan with the slip recorded and this suggestion applied
 */
public record Suggestion(Kind kind, String summary, List<String> changes, Effect effect, Plan plan) {

    public enum Kind {
        /** Another brand with spare stock for a cohort on the days its brand is short. */
        BRAND_SWAP,
        /** The cohort's vaccination period moves later. */
        PERIOD_SHIFT,
        /** A brand's dose-2 interval stretches within its allowed maximum. */
        INTERVAL_STRETCH
    }

    public Suggestion {
        changes = List.copyOf(changes);
    }

    /** Removes every shortage the slip caused. */
    public boolean removesShortage() {
        return effect.peopleStillShort() == 0;
    }
}
