package org.cohortplanner.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.cohortplanner.domain.BirthCohortRange;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.PopulationTable;
import org.junit.jupiter.api.Test;

/**
 * A split never loses or double-counts a person: checked exhaustively over small ranges of birth years (leap years
 * included), every k and every set of digits, and over random ranges, populations and sizes with a fixed seed.
 */
class SplitPropertiesTest {
    private final CohortSplitter splitter = new CohortSplitter();
    private final CohortMerger merger = new CohortMerger();

    private static Plan planWith(Cohort cohort, PopulationTable population) {
        Plan base = Plans2021.plan(cohort);
        return new Plan(base.name(), base.description(), base.zone(), base.cohorts(), base.brands(),
                base.deliveries(), base.sites(), base.bookingSystem(), base.holidays(), base.regions(), population,
                base.settings(), base.version());
    }

    private static Cohort cohort(int first, int last, Set<Integer> digits, long eligible) {
        return Plans2021.fiftyToFiftyFour().withBirthYears(BirthCohortRange.of(first, last))
                .withBirthDayDigits(digits).withEligible(eligible).withName("cohort " + first + "–" + last);
    }

    /** Checks a split from first principles, applies it, checks the plan, and merges it back. */
    private void checkExactSplit(Plan plan, SplitPreview preview) {
        Cohort parent = preview.parent();
        Set<Integer> parentDigits = parent.allBirthDays() ? BirthDayCalendar.ALL_DIGITS : parent.birthDayDigits();
        for (SplitPart part : preview.parts()) {
            Set<Integer> digits = part.birthDayDigits().isEmpty() ? BirthDayCalendar.ALL_DIGITS
                    : part.birthDayDigits();
            for (int year = part.birthYears().firstYear(); year <= part.birthYears().lastYear(); year++) {
                assertTrue(parent.birthYears().contains(year), part.name() + " reaches " + year);
                for (int digit : digits) {
                    assertTrue(parentDigits.contains(digit), part.name() + " takes digit " + digit);
                }
            }
        }
        for (int year = parent.birthYears().firstYear(); year <= parent.birthYears().lastYear(); year++) {
            for (int digit : parentDigits) {
                int holders = 0;
                for (SplitPart part : preview.parts()) {
                    Set<Integer> digits = part.birthDayDigits().isEmpty() ? BirthDayCalendar.ALL_DIGITS
                            : part.birthDayDigits();
                    if (part.birthYears().contains(year) && digits.contains(digit)) {
                        holders++;
                    }
                }
                assertEquals(1, holders, parent.name() + ": born " + year + ", digit " + digit);
            }
        }
        long people = 0;
        for (SplitPart part : preview.parts()) {
            assertTrue(part.people() >= 0);
            people += part.people();
        }
        assertEquals(parent.eligible(), people, parent.name() + " people");
        assertEquals(List.of(), preview.coverageProblems());
        for (int i = 1; i < preview.parts().size(); i++) {
            assertTrue(preview.part(i).window().opens().isAfter(preview.part(i - 1).window().opens()),
                    "nights follow each other");
        }

        Plan split = splitter.apply(plan, preview);
        List<Cohort> booking = CohortFamilies.bookingCohorts(split);
        assertFalse(booking.contains(split.cohort(parent.id()).orElseThrow()), "the parent no longer books");
        assertEquals(preview.parts().size(), booking.size());
        assertEquals(parent.eligible(), booking.stream().mapToLong(Cohort::eligible).sum());
        assertEquals(plan, merger.merge(split, parent.id()), "split then merge of " + parent.name());
    }

    @Test
    void everySplitOfSmallRangesKeepsEachPersonInExactlyOnePart() {
        int splits = 0;
        for (int first = 1996; first <= 2005; first++) {
            for (int last = first; last <= 2005; last++) {
                for (long eligible : new long[] {0, 1, 7, 1_000_003}) {
                    Cohort parent = cohort(first, last, Set.of(), eligible);
                    Plan plan = planWith(parent, Plans2021.population());
                    for (int boundary = first - 1; boundary <= last + 1; boundary++) {
                        if (boundary > first && boundary <= last) {
                            checkExactSplit(plan, splitter.atBirthYear(plan, parent.id(), boundary));
                            splits++;
                        } else {
                            int outside = boundary;
                            assertThrows(SplitNotPossibleException.class,
                                    () -> splitter.atBirthYear(plan, parent.id(), outside));
                        }
                    }
                    for (int k = 0; k <= 11; k++) {
                        int groups = k;
                        if (k >= 2 && k <= 10) {
                            checkExactSplit(plan, splitter.byBirthDayDigit(plan, parent.id(), k));
                            splits++;
                        } else {
                            assertThrows(SplitNotPossibleException.class,
                                    () -> splitter.byBirthDayDigit(plan, parent.id(), groups));
                        }
                    }
                    for (int k = 0; k <= parent.birthYears().size() + 1; k++) {
                        int parts = k;
                        if (k >= 2 && k <= parent.birthYears().size()) {
                            checkExactSplit(plan, splitter.intoEqualParts(plan, parent.id(), k));
                            splits++;
                        } else {
                            assertThrows(SplitNotPossibleException.class,
                                    () -> splitter.intoEqualParts(plan, parent.id(), parts));
                        }
                    }
                }
            }
        }
        assertTrue(splits > 3_000, "splits checked: " + splits);
    }

    @Test
    void everyDigitSplitOfEverySetOfDigitsKeepsEachPersonInExactlyOnePart() {
        for (int mask = 1; mask < 1 << 10; mask++) {
            Set<Integer> digits = new TreeSet<>();
            for (int digit = 0; digit <= 9; digit++) {
                if ((mask & 1 << digit) != 0) {
                    digits.add(digit);
                }
            }
            Cohort parent = cohort(1999, 2001, digits, 123_457);
            Plan plan = planWith(parent, Plans2021.population());
            for (int k = 2; k <= digits.size(); k++) {
                checkExactSplit(plan, splitter.byBirthDayDigit(plan, parent.id(), k));
            }
            int tooMany = digits.size() + 1;
            assertThrows(SplitNotPossibleException.class, () -> splitter.byBirthDayDigit(plan, parent.id(), tooMany));
            checkExactSplit(plan, splitter.atBirthYear(plan, parent.id(), 2000));
        }
    }

    @Test
    void randomRangesPopulationsAndSizesSplitExactly() {
        Random random = new Random(19_07_2021);
        for (int round = 0; round < 400; round++) {
            int first = BirthCohortRange.EARLIEST_YEAR + random.nextInt(300);
            int last = Math.min(BirthCohortRange.LATEST_YEAR, first + random.nextInt(random.nextBoolean() ? 6 : 60));
            TreeMap<Integer, Long> people = new TreeMap<>();
            for (int year = first - 2; year <= last + 2; year++) {
                if (random.nextInt(5) != 0) {
                    people.put(year, random.nextInt(6) == 0 ? 0L : (long) random.nextInt(2_000_000));
                }
            }
            Set<Integer> digits = new TreeSet<>();
            if (random.nextBoolean()) {
                for (int digit = 0; digit <= 9; digit++) {
                    if (random.nextInt(3) != 0) {
                        digits.add(digit);
                    }
                }
            }
            long eligible = random.nextInt(4) == 0 ? random.nextInt(30) : random.nextInt(20_000_000);
            Cohort parent = cohort(first, last, digits, eligible);
            Plan plan = planWith(parent, new PopulationTable(people));
            List<SplitPreview> previews = new ArrayList<>();
            if (last > first) {
                previews.add(splitter.atBirthYear(plan, parent.id(), first + 1 + random.nextInt(last - first)));
                previews.add(splitter.intoEqualParts(plan, parent.id(), 2 + random.nextInt(last - first)));
            }
            int digitCount = parent.allBirthDays() ? 10 : parent.birthDayDigits().size();
            if (digitCount >= 2) {
                previews.add(splitter.byBirthDayDigit(plan, parent.id(), 2 + random.nextInt(digitCount - 1)));
            }
            for (SplitPreview preview : previews) {
                checkExactSplit(plan, preview);
            }
        }
    }

    @Test
    void equalPartsAreAsEvenAsAnyContiguousCut() {
        Random random = new Random(2021);
        for (int round = 0; round < 300; round++) {
            int years = 2 + random.nextInt(9);
            double[] weights = new double[years];
            for (int i = 0; i < years; i++) {
                weights[i] = random.nextInt(3) == 0 ? random.nextInt(3) : random.nextDouble() * 1000;
            }
            int runs = 2 + random.nextInt(years - 1);
            int[] sizes = ContiguousPartition.evenRuns(weights, runs);
            assertEquals(years, Arrays.stream(sizes).sum());
            double chosen = largestRun(weights, sizes);
            assertTrue(chosen <= bestLargestRun(weights, 0, runs) + 1e-6, "largest run " + chosen);
            for (int size : sizes) {
                assertTrue(size >= 1);
            }
        }
    }

    private static double largestRun(double[] weights, int[] sizes) {
        double largest = 0;
        int next = 0;
        for (int size : sizes) {
            double sum = 0;
            for (int i = next; i < next + size; i++) {
                sum += weights[i];
            }
            largest = Math.max(largest, sum);
            next += size;
        }
        return largest;
    }

    /** Brute force: the smallest possible largest run when cutting weights[from..] into {@code runs} runs. */
    private static double bestLargestRun(double[] weights, int from, int runs) {
        if (runs == 1) {
            double sum = 0;
            for (int i = from; i < weights.length; i++) {
                sum += weights[i];
            }
            return sum;
        }
        double best = Double.POSITIVE_INFINITY;
        double head = 0;
        for (int end = from + 1; end <= weights.length - runs + 1; end++) {
            head += weights[end - 1];
            best = Math.min(best, Math.max(head, bestLargestRun(weights, end, runs - 1)));
        }
        return best;
    }
}
