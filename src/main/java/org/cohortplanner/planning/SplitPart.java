package org.cohortplanner.planning;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.cohortplanner.domain.BirthCohortRange;
import org.cohortplanner.domain.BookingWindow;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.VaccinationPeriod;

/**
 * One part of a proposed split, as the split dialog shows it. Who is in it (birth years and birth-day digits) and
 * how many people follow from the split; the name, booking window and vaccination period are proposals the planner
 * may change before the split is applied.
 *
 * @param id             the id the part's cohort will get, unique in the plan the split was proposed for
 * @param birthDayDigits the last digits of birth days in the part, empty for every birth day
 * @param people         eligible people in the part; the parts of a split add up to the parent's eligible
 */
public record SplitPart(
        String id,
        String name,
        BirthCohortRange birthYears,
        Set<Integer> birthDayDigits,
        long people,
        BookingWindow window,
        VaccinationPeriod vaccinationPeriod) {

    public SplitPart {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(birthYears, "birthYears");
        birthDayDigits = Collections.unmodifiableSortedSet(new TreeSet<>(birthDayDigits));
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(vaccinationPeriod, "vaccinationPeriod");
        if (people < 0) {
            throw new IllegalArgumentException("people in part " + name + " must not be negative, got " + people);
        }
    }

    /** True when the part takes every birth day of its birth years. */
    public boolean allBirthDays() {
        return birthDayDigits.isEmpty() || birthDayDigits.size() == 10;
    }

    /** The digits the part takes, 0–9 when it takes every birth day. */
    public Set<Integer> effectiveDigits() {
        return allBirthDays() ? BirthDayCalendar.ALL_DIGITS : birthDayDigits;
    }

    /** Who is in the part, in planners' words: "1967–1968" or "1967–1971, digit 3". */
    public String whoBooks() {
        return allBirthDays() ? birthYears.toString() : birthYears + ", " + CohortNames.digits(birthDayDigits);
    }

    public SplitPart withName(String newName) {
        return new SplitPart(id, newName, birthYears, birthDayDigits, people, window, vaccinationPeriod);
    }

    public SplitPart withWindow(BookingWindow newWindow) {
        return new SplitPart(id, name, birthYears, birthDayDigits, people, newWindow, vaccinationPeriod);
    }

    public SplitPart withVaccinationPeriod(VaccinationPeriod newPeriod) {
        return new SplitPart(id, name, birthYears, birthDayDigits, people, window, newPeriod);
    }

    /** The cohort this part becomes: the parent's uptake, brands and status, and a link back to the parent. */
    public Cohort toCohort(Cohort parent) {
        return new Cohort(id, name, birthYears, birthDayDigits, people, parent.uptake(), window, vaccinationPeriod,
                parent.brands(), parent.id(), parent.status());
    }
}
