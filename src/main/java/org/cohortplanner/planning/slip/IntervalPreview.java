package org.cohortplanner.planning.slip;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.cohortplanner.domain.IntervalPolicy;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.planning.schedule.BrandDay;
import org.cohortplanner.planning.schedule.Schedule;
import org.cohortplanner.planning.schedule.ScheduleRow;

/**
 * What applying interval policies does, before anything is saved: whose second doses move (by cohort, named group,
 * region and day, told → now) and the dose-2 capacity and stock it frees or needs, per brand and day.
 *
 * @param moves people whose second-dose day (or brand) changes: the dose-2 change list to tell them
 * @param days  per brand and day where second doses due change: the dose-2 appointments before and after, the site
 *              capacity for the brand and the stock left at the end of the day, before and after
 */
public record IntervalPreview(
        Plan planBefore,
        Plan planAfter,
        Schedule scheduleBefore,
        Schedule scheduleAfter,
        List<SecondDoseMove> moves,
        List<Dose2Day> days) {

    /** Key of the "no named group" entries of {@link #peopleByGroup()}. */
    public static final String NO_GROUP = "";

    public IntervalPreview {
        Objects.requireNonNull(planBefore, "plan before");
        Objects.requireNonNull(planAfter, "plan after");
        moves = List.copyOf(moves);
        days = List.copyOf(days);
    }

    /**
     * One brand on one day whose second doses due change.
     *
     * @param capacity doses the open site groups that can give the brand could give that day (after the change)
     */
    public record Dose2Day(LocalDate day, String brand, long dueBefore, long dueAfter, long capacity, long stockBefore,
            long stockAfter) {
        /** Second-dose appointments the change takes off this day (negative when it adds some). */
        public long freed() {
            return dueBefore - dueAfter;
        }

        /** Whether the day's second doses now need more than the sites can give. */
        public boolean beyondCapacity() {
            return dueAfter > dueBefore && dueAfter > capacity;
        }
    }

    /** The plan with {@code policies} in place of its interval policies, previewed against the plan as it is. */
    public static IntervalPreview of(Plan plan, List<IntervalPolicy> policies) {
        return between(plan, plan.withIntervalPolicies(policies));
    }

    /** Any change that moves second doses (policies, groups), previewed against the plan before it. */
    public static IntervalPreview between(Plan before, Plan after) {
        Schedule told = Schedule.of(before);
        Schedule now = Schedule.of(after);
        return new IntervalPreview(before, after, told, now, SlipSuggestions.secondDoseMoves(told, now),
                dose2Days(told, now));
    }

    private static List<Dose2Day> dose2Days(Schedule told, Schedule now) {
        Map<String, long[]> due = new TreeMap<>();
        for (ScheduleRow row : told.rows()) {
            if (row.dose() == 2) {
                due.computeIfAbsent(row.day() + "\u0000" + row.brand(), k -> new long[2])[0] += row.appointments();
            }
        }
        for (ScheduleRow row : now.rows()) {
            if (row.dose() == 2) {
                due.computeIfAbsent(row.day() + "\u0000" + row.brand(), k -> new long[2])[1] += row.appointments();
            }
        }
        Map<String, BrandDay> before = byDayAndBrand(told);
        Map<String, BrandDay> after = byDayAndBrand(now);
        List<Dose2Day> result = new ArrayList<>();
        due.forEach((key, people) -> {
            if (people[0] == people[1]) {
                return;
            }
            BrandDay was = before.get(key);
            BrandDay is = after.get(key);
            BrandDay any = is != null ? is : was;
            result.add(new Dose2Day(any.day(), any.brand(), people[0], people[1], any.capacity(),
                    was == null ? 0 : was.stock(), is == null ? 0 : is.stock()));
        });
        result.sort(Comparator.comparing(Dose2Day::day).thenComparing(Dose2Day::brand));
        return result;
    }

    private static Map<String, BrandDay> byDayAndBrand(Schedule schedule) {
        Map<String, BrandDay> result = new LinkedHashMap<>();
        schedule.brandDays().forEach(d -> result.put(d.day() + "\u0000" + d.brand(), d));
        return result;
    }

    /** People whose second dose moves. */
    public long peopleMoved() {
        return moves.stream().mapToLong(SecondDoseMove::people).sum();
    }

    public Map<String, Long> peopleByCohort() {
        Map<String, Long> result = new TreeMap<>();
        moves.forEach(m -> result.merge(m.cohortId(), m.people(), Long::sum));
        return result;
    }

    /** People moved per named group, {@link #NO_GROUP} for those in none. */
    public Map<String, Long> peopleByGroup() {
        Map<String, Long> result = new TreeMap<>();
        moves.forEach(m -> result.merge(m.group() == null ? NO_GROUP : m.group(), m.people(), Long::sum));
        return result;
    }

    public Map<String, Long> peopleByRegion() {
        Map<String, Long> result = new TreeMap<>();
        moves.forEach(m -> result.merge(m.region(), m.people(), Long::sum));
        return result;
    }

    /** People moved from one second-dose day (told) to another (now), in the order of the day told. */
    public List<DayMove> peopleByDay() {
        Map<String, DayMove> result = new TreeMap<>();
        for (SecondDoseMove move : moves) {
            String key = move.secondDoseBefore() + "\u0000" + move.secondDoseAfter();
            DayMove was = result.get(key);
            result.put(key, new DayMove(move.secondDoseBefore(), move.secondDoseAfter(),
                    (was == null ? 0 : was.people()) + move.people()));
        }
        return List.copyOf(result.values());
    }

    /** People whose second dose moves from {@code told} to {@code now} (null: no second-dose day now). */
    public record DayMove(LocalDate told, LocalDate now, long people) {
    }

    /** People without a dose on their day, every dose, before and after the change. */
    public long peopleShortBefore() {
        return scheduleBefore.peopleShort();
    }

    public long peopleShortAfter() {
        return scheduleAfter.peopleShort();
    }
}
