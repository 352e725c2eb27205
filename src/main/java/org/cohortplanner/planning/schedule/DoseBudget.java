package org.cohortplanner.planning.schedule;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Plan;

/**
 * How many first-dose appointments each cohort's booking window can take before the doses of its brands or the
 * site capacity of its vaccination period run out, given the cohorts that book before it (ordered by window
 * opening). The booking system stops a window at this figure: on 12 July 2021 the 55–59 window was suspended after
 * 1.85 M bookings, the Moderna on hand or due by the first vaccination day.
 *
 * <p>A window books against the doses it can count on: those of its brands that arrive (by expected arrival,
 * cancelled deliveries not at all) by the first day of its vaccination period, less what the cohorts that book
 * before it have taken by that day — doses given, and second doses held when the plan reserves them. (Their
 * later second doses, when not held, are left to later deliveries, as planners did in 2021.) Each booking takes one dose of a brand in proportion to the cohort's share of it, two when the plan holds
 * the second dose. Site capacity is the doses the region's open sites that give the cohort's brands can give over
 * the period, less what the earlier cohorts' first and second doses take. The earlier cohorts are the daily
 * {@link Schedule}'s, each with what it expects to book up to its own budget. The figure never exceeds the cohort's
 * eligible people; a cohort that has been split into parts, or has no brands, books nobody.
 */
public final class DoseBudget {
    private final Map<String, Long> bookable;

    private DoseBudget(Map<String, Long> bookable) {
        this.bookable = Collections.unmodifiableMap(bookable);
    }

    public static DoseBudget of(Plan plan) {
        ScheduleEngine engine = new ScheduleEngine(plan);
        Map<String, Long> bookable = new LinkedHashMap<>();
        double[] bookers = new double[engine.cohorts.size()];
        for (int c : engine.cohortsInBookingOrder()) {
            Cohort cohort = engine.cohorts.get(c);
            long budget = budget(engine, engine.run(bookers), c, cohort);
            bookable.put(cohort.id(), budget);
            bookers[c] = Math.min(cohort.expectedBookers(), budget);
        }
        for (Cohort cohort : plan.cohorts()) {
            bookable.putIfAbsent(cohort.id(), 0L);
        }
        return new DoseBudget(bookable);
    }

    private static long budget(ScheduleEngine engine, ScheduleEngine.Run earlier, int c, Cohort cohort) {
        if (cohort.brands().total() <= 0) {
            return 0;
        }
        int first = Math.max(0, engine.index(cohort.vaccinationPeriod().firstDay()));
        int last = Math.min(engine.days - 1, engine.index(cohort.vaccinationPeriod().lastDay()));
        double limit = cohort.eligible();
        for (int b = 0; b < engine.brands.size(); b++) {
            double share = engine.shares[c][b];
            if (share <= 0) {
                continue;
            }
            double arrived = 0;
            for (int d = 0; d <= first; d++) {
                arrived += engine.arrivals[b][d];
            }
            double taken = earlier.held[b][first];
            for (int d = 0; d <= first; d++) {
                taken += earlier.given[b][d];
            }
            limit = Math.min(limit, Math.max(0, arrived - taken) / (share * engine.dosesPerFirstDose[b]));
        }
        double capacity = 0;
        for (int r = 0; r < engine.regions.size(); r++) {
            for (int d = first; d <= last; d++) {
                double open = 0;
                for (int b = 0; b < engine.brands.size(); b++) {
                    if (engine.shares[c][b] > 0) {
                        open = Math.max(open, engine.brandCapacity[r][b][d]);
                    }
                }
                open = Math.min(open, engine.regionCapacity[r][d]);
                capacity += Math.max(0, open - earlier.givenIn(r, d));
            }
        }
        return (long) Math.floor(Math.max(0, Math.min(limit, capacity)));
    }

    /** First-dose appointments the cohort's window can take; 0 for a cohort the plan does not have. */
    public long bookableFirstDoses(String cohortId) {
        return bookable.getOrDefault(cohortId, 0L);
    }

    /** Every cohort's budget, keyed by cohort id in booking order. */
    public Map<String, Long> byCohort() {
        return bookable;
    }
}
