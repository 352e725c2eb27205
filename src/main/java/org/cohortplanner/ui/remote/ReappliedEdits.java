package org.cohortplanner.ui.remote;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Delivery;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.SiteGroup;
import org.cohortplanner.domain.VaccineBrand;

/**
 * Makes one planner's edits again on top of the plan another planner stored meanwhile. An edit is what differs
 * between the plan both started from and one's own plan: a cohort, delivery, brand or site group changed, added or
 * removed (matched by id or name), or one of the plan's other parts changed. Those are applied to the stored plan;
 * everything the edits did not touch stays as the other planner left it. Where both changed the same cohort, one's
 * own version wins: that is what re-applying means, and the conflict dialog has shown the other change first.
 */
public final class ReappliedEdits {
    private ReappliedEdits() {
    }

    /**
     * @param base   the plan as stored when one's edits began
     * @param mine   the plan with one's edits
     * @param theirs the plan as stored now, with the other planner's change
     * @return {@code theirs} with one's edits applied, at {@code theirs}' version
     * @throws IllegalArgumentException when the result is not a plan (e.g. one's cohort names a brand the other
     *                                  planner removed), saying what
     */
    public static Plan onto(Plan base, Plan mine, Plan theirs) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(mine, "mine");
        Objects.requireNonNull(theirs, "theirs");
        return new Plan(
                pick(base.name(), mine.name(), theirs.name()),
                pick(base.description(), mine.description(), theirs.description()),
                pick(base.zone(), mine.zone(), theirs.zone()),
                merge(base.cohorts(), mine.cohorts(), theirs.cohorts(), Cohort::id),
                merge(base.brands(), mine.brands(), theirs.brands(), VaccineBrand::name),
                merge(base.deliveries(), mine.deliveries(), theirs.deliveries(), Delivery::id),
                merge(base.sites(), mine.sites(), theirs.sites(), SiteGroup::name),
                pick(base.bookingSystem(), mine.bookingSystem(), theirs.bookingSystem()),
                pick(base.holidays(), mine.holidays(), theirs.holidays()),
                pick(base.regions(), mine.regions(), theirs.regions()),
                pick(base.population(), mine.population(), theirs.population()),
                pick(base.settings(), mine.settings(), theirs.settings()),
                theirs.version());
    }

    /** True when {@code mine} changes nothing of {@code base}: then there is nothing to re-apply. */
    public static boolean nothingToReapply(Plan base, Plan mine) {
        return base.withVersion(0).equals(mine.withVersion(0));
    }

    private static <T> T pick(T base, T mine, T theirs) {
        return Objects.equals(base, mine) ? theirs : mine;
    }

    private static <T> List<T> merge(List<T> base, List<T> mine, List<T> theirs, Function<T, String> key) {
        Map<String, T> before = byKey(base, key);
        Map<String, T> after = byKey(mine, key);
        Map<String, T> result = byKey(theirs, key);
        for (Map.Entry<String, T> old : before.entrySet()) {
            if (!after.containsKey(old.getKey())) {
                result.remove(old.getKey());
            }
        }
        for (Map.Entry<String, T> now : after.entrySet()) {
            T old = before.get(now.getKey());
            if (!now.getValue().equals(old)) {
                result.put(now.getKey(), now.getValue());
            }
        }
        return new ArrayList<>(result.values());
    }

    private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        for (T item : items) {
            map.put(key.apply(item), item);
        }
        return map;
    }
}
