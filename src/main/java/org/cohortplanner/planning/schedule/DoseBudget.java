package org.cohortplanner.planning.schedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
        int[] shape = alike(engine);
        for (int c : engine.cohortsInBookingOrder()) {
            Cohort cohort = engine.cohorts.get(c);
            double[] regional = new double[engine.regions.size()];
            if (cohort.brands().total() > 0 && cohort.eligible() > 0) {
                ScheduleEngine.Run run = largestServed(engine, shape, bookers, c, cohort.eligible());
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
     * Cohorts of one shape that book before it are walked as one ({@link #alike}).
     */
    private static ScheduleEngine.Run largestServed(ScheduleEngine engine, int[] shape, double[] booked, int c,
            long eligible) {
        double[] bookers = new double[booked.length];
        int[] members = walked(shape, booked, bookers, c);
        int through = Math.min(engine.days - 1, engine.index(engine.cohorts.get(c).vaccinationPeriod().lastDay()));
        bookers[c] = 1;
        double unplaceable = firstShort(engine.run(bookers, members, through), c);
        bookers[c] = eligible;
        ScheduleEngine.Run run = engine.run(bookers, members, through);
        if (firstShort(run, c) <= unplaceable * eligible + 0.5) {
            return run;
        }
        Search search = new Search(engine, bookers, members, through, c, eligible, unplaceable);
        ScheduleEngine.Run best = search.bisect();
        if (best == null) {
            bookers[c] = 0;
            best = engine.run(bookers, members, through);
        }
        return best;
    }

    /** The search of {@link #largestServed} for one cohort once the whole of it does not fit. */
    private static final class Search {
        private final ScheduleEngine engine;
        private final double[] bookers;
        private final int[] members;
        private final int through;
        private final int c;
        private final long eligible;
        private final double unplaceable;
        Search(ScheduleEngine engine, double[] bookers, int[] members, int through, int c, long eligible,
                double unplaceable) {
            this.engine = engine;
            this.bookers = bookers;
            this.members = members;
            this.through = through;
            this.c = c;
            this.eligible = eligible;
            this.unplaceable = unplaceable;
        }

        /** The walk with {@code people} bookers when all of their first doses are given, else null. */
        private ScheduleEngine.Run fits(double people) {
            bookers[c] = people;
            ScheduleEngine.Run tried = engine.run(bookers, members, through);
            return firstShort(tried, c) <= unplaceable * people + 0.5 ? tried : null;
        }

        /** Plain bisection of 0 (fits) to {@code eligible} (does not). */
        ScheduleEngine.Run bisect() {
            double low = 0;
            double high = eligible;
            ScheduleEngine.Run best = null;
            while (high - low > Math.max(0.5, high * 1e-6)) {
                double middle = (low + high) / 2;
                ScheduleEngine.Run tried = fits(middle);
                if (tried != null) {
                    low = middle;
                    best = tried;
                } else {
                    high = middle;
                }
            }
            return best;
        }
    }

    /**
     * The cohorts to walk for {@code c}: {@code c} and those that book someone ({@code booked}), ascending, with their
     * bookers in {@code bookers}; of cohorts of one shape ({@link #alike}) other than {@code c}, the first stands for
     * all of them with their bookers added up.
     */
    private static int[] walked(int[] shape, double[] booked, double[] bookers, int c) {
        int[] standIn = new int[booked.length];
        Arrays.fill(standIn, -1);
        int[] members = new int[booked.length];
        int count = 0;
        for (int other = 0; other < booked.length; other++) {
            if (other == c) {
                members[count++] = other;
            } else if (booked[other] > 0) {
                int kind = shape[other];
                if (kind < 0) {
                    bookers[other] = booked[other];
                    members[count++] = other;
                } else if (standIn[kind] < 0) {
                    standIn[kind] = other;
                    bookers[other] = booked[other];
                    members[count++] = other;
                } else {
                    bookers[standIn[kind]] += booked[other];
                }
            }
        }
        return Arrays.copyOf(members, count);
    }

    /**
     * [cohort]: the first cohort of its shape, or -1 for one walked on its own. Cohorts of one shape have one brand
     * (all of their people), no allocation rule, the same spread of first doses over regions and days and the same
     * parts and interval classes: a walk then treats each exactly as a share of their sum (the day's capacity and
     * stock are shared out in proportion, and a single brand hands nobody to another), so they can be walked as one
     * cohort of all their bookers, which makes a plan of thousands of alike cohorts as quick as one of a few.
     */
    static int[] alike(ScheduleEngine engine) {
        int count = engine.cohorts.size();
        int[] shape = new int[count];
        Arrays.fill(shape, -1);
        Map<Integer, List<Integer>> byHash = new HashMap<>();
        for (int c = 0; c < count; c++) {
            if (!simple(engine, c)) {
                continue;
            }
            int hash = Arrays.deepHashCode(engine.firstDoseSpread[c]) * 31 + Arrays.hashCode(engine.shares[c]);
            List<Integer> firsts = byHash.computeIfAbsent(hash, h -> new ArrayList<>());
            for (int first : firsts) {
                if (sameShape(engine, first, c)) {
                    shape[c] = first;
                    break;
                }
            }
            if (shape[c] < 0) {
                firsts.add(c);
                shape[c] = c;
            }
        }
        return shape;
    }

    private static boolean simple(ScheduleEngine engine, int c) {
        if (engine.cohorts.get(c).brands().shares().size() != 1) {
            return false;
        }
        int whole = 0;
        for (double share : engine.shares[c]) {
            if (share == 1) {
                whole++;
            } else if (share != 0) {
                return false;
            }
        }
        if (whole != 1) {
            return false;
        }
        for (double[][] rules : engine.ruleShares[c]) {
            if (rules != null) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameShape(ScheduleEngine engine, int a, int b) {
        return Arrays.equals(engine.shares[a], engine.shares[b])
                && Arrays.deepEquals(engine.firstDoseSpread[a], engine.firstDoseSpread[b])
                && Arrays.equals(engine.partShare[a], engine.partShare[b])
                && Arrays.equals(engine.partClass[a], engine.partClass[b]);
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
