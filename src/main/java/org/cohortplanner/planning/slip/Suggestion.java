package org.cohortplanner.planning.slip;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.cohortplanner.domain.Plan;

/**
 * A way to remove the shortage a slip causes, with its effect and the plan it leads to.
 *
 * @param changes each change in words, one per line
 * @param plan    the plan with the slip recorded and this suggestion applied
 * @param regions what the suggestion does in each region it touches
 */
public record Suggestion(Kind kind, String summary, List<String> changes, Effect effect, Plan plan,
        List<RegionChange> regions) {

    public enum Kind {
        /** Another brand with spare stock for a cohort on the days its brand is short. */
        BRAND_SWAP,
        /** Doses of the short brand move from regions with stock to spare to the regions short of it. */
        TRANSFER,
        /** The cohort's vaccination period moves later. */
        PERIOD_SHIFT,
        /** A longer dose-2 interval from a date, within the brand's allowed maximum, named groups kept. */
        INTERVAL_POLICY
    }

    public Suggestion {
        changes = List.copyOf(changes);
        regions = List.copyOf(regions);
    }

    public Suggestion(Kind kind, String summary, List<String> changes, Effect effect, Plan plan) {
        this(kind, summary, changes, effect, plan, List.of());
    }

    /** The names of the regions the suggestion touches, sorted. */
    public Set<String> regionNames() {
        Set<String> names = new TreeSet<>();
        for (RegionChange change : regions) {
            names.add(change.region());
            if (change.fromRegion() != null) {
                names.add(change.fromRegion());
            }
        }
        return names;
    }

    /** Removes every shortage the slip caused. */
    public boolean removesShortage() {
        return effect.peopleStillShort() == 0;
    }
}
