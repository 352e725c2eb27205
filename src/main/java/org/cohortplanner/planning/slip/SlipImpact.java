package org.cohortplanner.planning.slip;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.cohortplanner.domain.Delivery;
import org.cohortplanner.domain.Phrase;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.planning.PhraseFormat;
import org.cohortplanner.planning.schedule.Schedule;
import org.cohortplanner.planning.schedule.Shortage;

/**
 * What a change of supply does to the schedule, as the difference from the plan before it: which cohorts, regions
 * and days lose doses and how many people would have no dose on their booked day.
 *
 * @param cause what changed, as a phrase ("MOD-2021-W29 (Moderna, 1150000 doses) expected 2021-07-30 instead of
 *              2021-07-19"); {@link #reason()} writes it in the command line's English
 * @param lines every day, region, cohort, brand and dose whose shortage changes, in day order
 */
public record SlipImpact(
        Phrase cause,
        Plan planBefore,
        Plan planAfter,
        Schedule scheduleBefore,
        Schedule scheduleAfter,
        List<ImpactLine> lines) {

    public SlipImpact {
        Objects.requireNonNull(cause, "cause");
        lines = List.copyOf(lines);
    }

    /** The impact of delivery {@code deliveryId} arriving on {@code newDate} instead of its expected date. */
    public static SlipImpact of(Plan plan, String deliveryId, LocalDate newDate) {
        Delivery delivery = plan.delivery(deliveryId).orElseThrow(() -> new IllegalArgumentException(
                "the plan has no delivery '" + deliveryId + "'"));
        Objects.requireNonNull(newDate, "new date");
        Plan after = plan.withDelivery(delivery.delayedTo(newDate, "expected " + newDate + " instead of "
                + delivery.expectedArrival()));
        return between(plan, after, Phrase.of("slip.delivery", delivery.id(), delivery.brand(),
                new Phrase.Count(delivery.doses()), newDate, delivery.expectedArrival()));
    }

    /** The impact of any change of the plan, such as deliveries that shrink, for a reason its caller wrote. */
    public static SlipImpact between(Plan before, Plan after, String reason) {
        return between(before, after, Phrase.of("slip.text", reason));
    }

    /** The impact of any change of the plan, for a reason said as a phrase. */
    public static SlipImpact between(Plan before, Plan after, Phrase cause) {
        return between(before, Schedule.of(before), after, Schedule.of(after), cause);
    }

    /** What changed in the command line's English; also the note of the rules and transfers a suggestion adds. */
    public String reason() {
        return PhraseFormat.english(cause);
    }

    static SlipImpact between(Plan before, Schedule scheduleBefore, Plan after, Schedule scheduleAfter,
            Phrase cause) {
        Map<Key, long[]> byKey = new HashMap<>();
        for (Shortage shortage : scheduleBefore.shortages()) {
            byKey.computeIfAbsent(Key.of(shortage), k -> new long[2])[0] += shortage.people();
        }
        for (Shortage shortage : scheduleAfter.shortages()) {
            byKey.computeIfAbsent(Key.of(shortage), k -> new long[2])[1] += shortage.people();
        }
        List<ImpactLine> lines = new ArrayList<>();
        byKey.forEach((key, people) -> {
            if (people[0] != people[1]) {
                lines.add(new ImpactLine(key.day, key.region, key.cohortId, key.brand, key.dose, people[0],
                        people[1]));
            }
        });
        lines.sort(Comparator.comparing(ImpactLine::day).thenComparing(ImpactLine::cohortId)
                .thenComparing(ImpactLine::region).thenComparing(ImpactLine::brand)
                .thenComparingInt(ImpactLine::dose));
        return new SlipImpact(cause, before, after, scheduleBefore, scheduleAfter, lines);
    }

    private record Key(LocalDate day, String region, String cohortId, String brand, int dose) {
        static Key of(Shortage shortage) {
            return new Key(shortage.day(), shortage.region(), shortage.cohortId(), shortage.brand(), shortage.dose());
        }

        /**
         * Mixed, not the record's 31-based sum: with ids like {@code c1234} a day later and a hundred cohorts earlier
         * have the same sum, and a plan of 2,000 cohorts put hundreds of thousands of keys in a few buckets.
         */
        @Override
        public int hashCode() {
            long h = day.toEpochDay() * 0x9E3779B97F4A7C15L;
            h = (h ^ region.hashCode()) * 0xC2B2AE3D27D4EB4FL;
            h = (h ^ cohortId.hashCode()) * 0x9E3779B97F4A7C15L;
            h = (h ^ brand.hashCode()) * 0xC2B2AE3D27D4EB4FL;
            h ^= dose;
            return (int) (h ^ (h >>> 32));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && dose == key.dose && day.equals(key.day) && region.equals(key.region)
                    && cohortId.equals(key.cohortId) && brand.equals(key.brand);
        }
    }

    /** People who would have no dose on their booked day because of the change, net of any it helps. */
    public long peopleWithoutDose() {
        return scheduleAfter.peopleShort() - scheduleBefore.peopleShort();
    }

    /** Cohort ids that lose doses. */
    public SortedSet<String> cohortsLosing() {
        SortedSet<String> ids = new TreeSet<>();
        lines.stream().filter(l -> l.peopleLosingDose() > 0).forEach(l -> ids.add(l.cohortId()));
        return ids;
    }

    public SortedSet<String> regionsLosing() {
        SortedSet<String> names = new TreeSet<>();
        lines.stream().filter(l -> l.peopleLosingDose() > 0).forEach(l -> names.add(l.region()));
        return names;
    }

    public SortedSet<LocalDate> daysLosing() {
        SortedSet<LocalDate> days = new TreeSet<>();
        lines.stream().filter(l -> l.peopleLosingDose() > 0).forEach(l -> days.add(l.day()));
        return days;
    }

    /** People losing their dose per cohort. */
    public Map<String, Long> peopleLosingByCohort() {
        Map<String, Long> people = new TreeMap<>();
        lines.forEach(l -> people.merge(l.cohortId(), l.peopleLosingDose(), Long::sum));
        people.values().removeIf(v -> v <= 0);
        return people;
    }

    public boolean losesDoses() {
        return lines.stream().anyMatch(l -> l.peopleLosingDose() > 0);
    }
}
