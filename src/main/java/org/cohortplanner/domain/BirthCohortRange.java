package org.cohortplanner.domain;

import java.util.stream.IntStream;

/** An inclusive range of birth years, such as 1967–1971 for the people aged 50–54 in 2021. */
public record BirthCohortRange(int firstYear, int lastYear) {
    public static final int EARLIEST_YEAR = 1850;
    public static final int LATEST_YEAR = 2200;

    public BirthCohortRange {
        if (firstYear < EARLIEST_YEAR || lastYear > LATEST_YEAR) {
            throw new IllegalArgumentException("birth years must lie between " + EARLIEST_YEAR + " and " + LATEST_YEAR
                    + ", got " + firstYear + "–" + lastYear);
        }
        if (firstYear > lastYear) {
            throw new IllegalArgumentException("first birth year " + firstYear + " is after last birth year " + lastYear);
        }
    }

    public static BirthCohortRange of(int firstYear, int lastYear) {
        return new BirthCohortRange(firstYear, lastYear);
    }

    public static BirthCohortRange single(int year) {
        return new BirthCohortRange(year, year);
    }

    public int size() {
        return lastYear - firstYear + 1;
    }

    public boolean contains(int year) {
        return year >= firstYear && year <= lastYear;
    }

    public boolean overlaps(BirthCohortRange other) {
        return firstYear <= other.lastYear && other.firstYear <= lastYear;
    }

    public IntStream years() {
        return IntStream.rangeClosed(firstYear, lastYear);
    }

    /** Ages a person born in these years reaches during {@code year} (youngest, oldest). */
    public int youngestAgeIn(int year) {
        return year - lastYear;
    }

    public int oldestAgeIn(int year) {
        return year - firstYear;
    }

    @Override
    public String toString() {
        return firstYear == lastYear ? Integer.toString(firstYear) : firstYear + "–" + lastYear;
    }
}
