package org.cohortplanner.planning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.cohortplanner.domain.BirthCohortRange;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.PopulationTable;

/**
 * How a cohort's eligible people spread over its birth years and birth-day digits, as fractional people that add up
 * to the cohort's eligible. Each birth year weighs as the plan's population table says (years the table lacks weigh
 * as the mean of those it has, or all years equally when it has none), and within a year people are spread evenly
 * over the days of the real calendar, so a digit weighs by the number of days ending in it.
 */
public final class PeopleByBirthDay {
    private final Cohort cohort;
    private final int firstYear;
    private final double[][] people;
    private final List<String> notes;

    private PeopleByBirthDay(Cohort cohort, double[][] people, List<String> notes) {
        this.cohort = cohort;
        this.firstYear = cohort.birthYears().firstYear();
        this.people = people;
        this.notes = List.copyOf(notes);
    }

    /** The spread of {@code cohort}'s eligible people, weighted by {@code population}. */
    public static PeopleByBirthDay of(Cohort cohort, PopulationTable population) {
        BirthCohortRange years = cohort.birthYears();
        Set<Integer> digits = cohort.effectiveDigits();
        List<String> notes = new ArrayList<>();
        double[] bornIn = peoplePerBirthYear(years, population, notes);
        double[][] weights = new double[years.size()][10];
        double total = 0;
        for (int index = 0; index < years.size(); index++) {
            int year = years.firstYear() + index;
            double perDay = bornIn[index] / BirthDayCalendar.daysIn(year);
            for (int digit : digits) {
                weights[index][digit] = perDay * BirthDayCalendar.daysEndingIn(year, digit);
                total += weights[index][digit];
            }
        }
        double scale = total == 0 ? 0 : cohort.eligible() / total;
        for (double[] row : weights) {
            for (int digit = 0; digit < 10; digit++) {
                row[digit] *= scale;
            }
        }
        return new PeopleByBirthDay(cohort, weights, notes);
    }

    private static double[] peoplePerBirthYear(BirthCohortRange years, PopulationTable population,
            List<String> notes) {
        double[] bornIn = new double[years.size()];
        List<Integer> missing = new ArrayList<>();
        double known = 0;
        int knownYears = 0;
        for (int index = 0; index < years.size(); index++) {
            int year = years.firstYear() + index;
            if (population.contains(year)) {
                bornIn[index] = population.peopleBornIn(year).getAsLong();
                known += bornIn[index];
                knownYears++;
            } else {
                missing.add(year);
            }
        }
        if (known == 0) {
            if (years.size() > 1) {
                notes.add("the population table has no people born in " + years
                        + ": people are spread evenly over the birth years");
            }
            Arrays.fill(bornIn, 1.0);
            return bornIn;
        }
        if (!missing.isEmpty()) {
            double mean = known / knownYears;
            for (int year : missing) {
                bornIn[year - years.firstYear()] = mean;
            }
            notes.add("the population table lacks birth year" + (missing.size() == 1 ? " " : "s ")
                    + missing.stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + ": counted as the mean of the other years");
        }
        return bornIn;
    }

    public Cohort cohort() {
        return cohort;
    }

    /** People born in {@code year} whose birth day ends in {@code digit}; 0 outside the cohort. */
    public double people(int year, int digit) {
        if (!cohort.birthYears().contains(year) || digit < 0 || digit > 9) {
            return 0;
        }
        return people[year - firstYear][digit];
    }

    /** People of the cohort born in {@code year}. */
    public double peopleBornIn(int year) {
        double sum = 0;
        for (int digit = 0; digit < 10; digit++) {
            sum += people(year, digit);
        }
        return sum;
    }

    /** People born in {@code years} whose birth day ends in one of {@code digits} (empty = every digit). */
    public double people(BirthCohortRange years, Set<Integer> digits) {
        Set<Integer> counted = digits.isEmpty() ? BirthDayCalendar.ALL_DIGITS : digits;
        double sum = 0;
        for (int year = years.firstYear(); year <= years.lastYear(); year++) {
            for (int digit : counted) {
                sum += people(year, digit);
            }
        }
        return sum;
    }

    /** What the spread had to assume because the population table fell short, in planners' words. */
    public List<String> notes() {
        return notes;
    }
}
