package org.cohortplanner.planning.slip;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.cohortplanner.domain.Phrase;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.planning.PhraseFormat;

/**
 * A way to remove the shortage a slip causes, with its effect and the plan it leads to. What it does is said as
 * phrases (codes with arguments, {@code planning/phrases*.properties}), which the console writes in its language and
 * the command line in English ({@link #summary()}, {@link #changes()}).
 *
 * @param title   the suggestion in a few words ("Pfizer instead of Moderna for 55–59")
 * @param steps   each change, one per line
 * @param plan    the plan with the slip recorded and this suggestion applied
 * @param regions what the suggestion does in each region it touches
 */
public record Suggestion(Kind kind, Phrase title, List<Phrase> steps, Effect effect, Plan plan,
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
        steps = List.copyOf(steps);
        regions = List.copyOf(regions);
    }

    public Suggestion(Kind kind, Phrase title, List<Phrase> steps, Effect effect, Plan plan) {
        this(kind, title, steps, effect, plan, List.of());
    }

    /** The title in the command line's English. */
    public String summary() {
        return PhraseFormat.english(title);
    }

    /** Each change in the command line's English, one per line. */
    public List<String> changes() {
        return steps.stream().map(PhraseFormat::english).toList();
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
