package org.cohortplanner.planning.schedule;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Plan;

/**
 * How many first-dose appointments each cohort's booking window can take: the most bookers for whom the daily
 * {@link Schedule} gives every first dose on its day in the vaccination period from the regional supply (one more and
 * someone's day runs short of doses or site capacity), given the cohorts that book before it (ordered by window opening, each with what it expects to book up to its
 * own budget). It is the same walk over the days as the schedule's — lead times, each region's allotment and
 * transfers, site capacity, allocation rules, second doses of earlier cohorts first, two doses taken per first dose
 * when the plan holds the second — so when a night suspends at this figure the schedule shows which regions, brands
 * and days ran out. Per region the figure is the first doses the region's sites can give.
 *
 * <p>A reservation cap the planners set on the window ({@code reservationCap}, as KDCA did on 12 July 2021) is their
 * decision, kept in the plan and shown beside this figure: the window books at most the smaller of the two. The
 * figure never exceeds the cohort's eligible people; a cohort that has been split into parts, or has no brands,
 * books nobody.
 */
public final class DoseBudget {
    private final Map<String, Long> bookable;
    private final Map<String, Long> fromSupply;
    private final Map<String, Map<String, Long>> byRegion;

    private DoseBudget(Map<String, Long> bookable, Map<String, Long> fromSupply,
            Map<String, Map<String, Long>> byRegion) {
        this.bookable = Collections.unmodifiableMap(bookable);
        this.fromSupply = Collections.unmodifiableMap(fromSupply);
        this.byRegion = Collections.unmodifiableMap(byRegion);
    }

    public static DoseBudget of(Plan plan) {
        ScheduleEngine engine = new ScheduleEngine(plan);
        Map<String, Long> bookable = new LinkedHashMap<>();
        Map<String, Long> fromSupply = new LinkedHashMap<>();
        Map<String, Map<String, Long>> byRegion = new LinkedHashMap<>();
        double[] bookers = new double[engine.cohorts.size()];
        for (int c : engine.cohortsInBookingOrder()) {
            Cohort cohort = engine.cohorts.get(c);
            double[] regional = new double[engine.regions.size()];
            if (cohort.brands().total() > 0 && cohort.eligible() > 0) {
                ScheduleEngine.Run run = largestServed(engine, bookers, c, cohort.eligible());
                for (int d = 0; d < run.days; d++) {
                    for (int r = 0; r < engine.regions.size(); r++) {
                        for (int b = 0; b < engine.brands.size(); b++) {
                            regional[r] += run.firstGiven[d][run.cell(c, r, b)];
                        }
                    }
                }
            }
            long[] whole = new long[regional.length];
            long supply = 0;
            for (int r = 0; r < regional.length; r++) {
                whole[r] = (long) Math.floor(regional[r] + ScheduleEngine.EPSILON);
                supply += whole[r];
            }
            supply = Math.min(supply, cohort.eligible());
            Long cap = cohort.window().reservationCap();
            long budget = cap == null ? supply : Math.min(supply, cap);
            Map<String, Long> regions = new LinkedHashMap<>();
            for (int r = 0; r < regional.length; r++) {
                regions.put(engine.regions.get(r), whole[r]);
            }
            bookable.put(cohort.id(), budget);
            fromSupply.put(cohort.id(), supply);
            byRegion.put(cohort.id(), Collections.unmodifiableMap(regions));
            bookers[c] = Math.min(cohort.expectedBookers(), budget);
        }
        for (Cohort cohort : plan.cohorts()) {
            bookable.putIfAbsent(cohort.id(), 0L);
            fromSupply.putIfAbsent(cohort.id(), 0L);
            byRegion.putIfAbsent(cohort.id(), Map.of());
        }
        return new DoseBudget(bookable, fromSupply, byRegion);
    }

    /**
     * The walk with the most bookers for cohort {@code c} (at most {@code eligible}) whose first doses are all given
     * on their day, found by bisection. People a region cannot serve at any number of bookers (no site there gives
     * the cohort's brands in its period) do not count against it: their share is measured with one booker and
     * allowed for. Each walk takes only the cohorts that book before it and stops at the last day of its period:
     * the others book nobody and later days change none of its first doses, so the figures are those of the whole
     * schedule's walk.
     */
    private static ScheduleEngine.Run largestServed(ScheduleEngine engine, double[] bookers, int c, long eligible) {
        int[] members = walked(bookers, c);
        int through = Math.min(engine.days - 1, engine.index(engine.cohorts.get(c).vaccinationPeriod().lastDay()));
        bookers[c] = 1;
        double unplaceable = firstShort(engine.run(bookers, members, through), c);
        bookers[c] = eligible;
        ScheduleEngine.Run run = engine.run(bookers, members, through);
        if (firstShort(run, c) <= unplaceable * eligible + 0.5) {
            return run;
        }
        double low = 0;
        double high = eligible;
        ScheduleEngine.Run best = null;
        while (high - low > Math.max(0.5, high * 1e-6)) {
            double middle = (low + high) / 2;
            bookers[c] = middle;
            ScheduleEngine.Run tried = engine.run(bookers, members, through);
            if (firstShort(tried, c) <= unplaceable * middle + 0.5) {
                low = middle;
                best = tried;
            } else {
                high = middle;
            }
        }
        if (best == null) {
            bookers[c] = 0;
            best = engine.run(bookers, members, through);
        }
        return best;
    }

    /** The cohorts that book someone, and {@code c}, ascending. */
    private static int[] walked(double[] bookers, int c) {
        int count = 0;
        for (int other = 0; other < bookers.length; other++) {
            if (bookers[other] > 0 || other == c) {
                count++;
            }
        }
        int[] members = new int[count];
        int m = 0;
        for (int other = 0; other < bookers.length; other++) {
            if (bookers[other] > 0 || other == c) {
                members[m++] = other;
            }
        }
        return members;
    }

    private static double firstShort(ScheduleEngine.Run run, int c) {
        double total = 0;
        for (int d = 0; d < run.days; d++) {
            for (int r = 0; r < run.regions; r++) {
                for (int b = 0; b < run.brands; b++) {
                    total += run.firstShort(c, r, b, d);
                }
            }
        }
        return total;
    }

    /**
     * First-dose appointments the cohort's window can take: the supply's figure, or the window's reservation cap when
     * that is smaller; 0 for a cohort the plan does not have.
     */
    public long bookableFirstDoses(String cohortId) {
        return bookable.getOrDefault(cohortId, 0L);
    }

    /** First doses the schedule can give the cohort in its vaccination period, before any reservation cap. */
    public long fromSupply(String cohortId) {
        return fromSupply.getOrDefault(cohortId, 0L);
    }

    /** Whether the window's reservation cap, not the supply, sets its booking limit. */
    public boolean isCapped(String cohortId) {
        return bookableFirstDoses(cohortId) < fromSupply(cohortId);
    }

    /**
     * Per region (in the schedule's order) the first doses the supply lets the cohort's sites there give in the
     * period; they add up to {@link #fromSupply} (before it is limited to the eligible people).
     */
    public Map<String, Long> byRegion(String cohortId) {
        return byRegion.getOrDefault(cohortId, Map.of());
    }

    /** Every cohort's budget, keyed by cohort id in booking order. */
    public Map<String, Long> byCohort() {
        return bookable;
    }
}
