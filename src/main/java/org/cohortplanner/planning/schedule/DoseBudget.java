package org.cohortplanner.planning.schedule;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Plan;

/**
 * How many first-dose appointments each cohort's booking window can take before the doses of its brands or the
 * site capacity of its vaccination period run out, given the cohorts that book before it (ordered by window
 * opening). The booking system stops a window at this figure: on 12 July 2021 the 55–59 window was suspended once
 * the Moderna meant for it was booked.
 *
 * <p>It is the largest number of bookers for which the daily {@link Schedule} shows nobody of the cohort without a
 * dose on their day and no new shortage for the cohorts before it — the same model, so the booking limit and the
 * schedule never disagree. Doses count by expected arrival, second doses are held when the plan says so, and the
 * cohorts before take what they expect to book, up to their own budget. The figure is found to within a ten
 * thousandth of the cohort's eligible people, rounded down.
 */
public final class DoseBudget {
    private static final double PRECISION = 1e-4;
    private static final double TOLERATED_PEOPLE = 0.5;

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
            long budget = budget(engine, bookers, c, cohort);
            bookable.put(cohort.id(), budget);
            bookers[c] = Math.min(cohort.expectedBookers(), budget);
        }
        for (Cohort cohort : plan.cohorts()) {
            bookable.putIfAbsent(cohort.id(), 0L);
        }
        return new DoseBudget(bookable);
    }

    private static long budget(ScheduleEngine engine, double[] bookers, int c, Cohort cohort) {
        if (cohort.brands().total() <= 0 || cohort.eligible() == 0) {
            return 0;
        }
        bookers[c] = 0;
        double before = engine.run(bookers).peopleShort();
        double low = 0;
        double high = cohort.eligible();
        if (fits(engine, bookers, c, high, before)) {
            bookers[c] = 0;
            return cohort.eligible();
        }
        double step = Math.max(1, cohort.eligible() * PRECISION);
        while (high - low > step) {
            double middle = (low + high) / 2;
            if (fits(engine, bookers, c, middle, before)) {
                low = middle;
            } else {
                high = middle;
            }
        }
        bookers[c] = 0;
        return (long) Math.floor(low);
    }

    private static boolean fits(ScheduleEngine engine, double[] bookers, int c, double people, double before) {
        bookers[c] = people;
        return engine.run(bookers).peopleShort() <= before + TOLERATED_PEOPLE;
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
