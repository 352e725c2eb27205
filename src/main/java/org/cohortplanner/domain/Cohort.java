package org.cohortplanner.domain;

import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A group of people who book in the same window: a birth-year range, optionally narrowed to birth days whose last
 * digit is in {@link #birthDayDigits()} (the 10-part rotation of 2021; empty means every birth day).
 *
 * @param id             stable identifier, unique within a plan
 * @param name           what planners call it, such as "50–54" or "18–49 digit 3"
 * @param eligible       people eligible in this cohort
 * @param uptake         expected share of the eligible who book, 0–1
 * @param parentId       the cohort this one was split from, or null
 */
public record Cohort(
        String id,
        String name,
        BirthCohortRange birthYears,
        Set<Integer> birthDayDigits,
        long eligible,
        double uptake,
        BookingWindow window,
        VaccinationPeriod vaccinationPeriod,
        BrandAllocation brands,
        String parentId,
        CohortStatus status) {

    public Cohort {
        id = Require.text(id, "cohort id");
        name = Require.text(name, "cohort name");
        Require.present(birthYears, "birth years of " + name);
        Require.noNulls(birthDayDigits == null ? Set.of() : birthDayDigits, "birth-day digits of " + name);
        TreeSet<Integer> digits = new TreeSet<>(birthDayDigits == null ? Set.of() : birthDayDigits);
        for (int digit : digits) {
            if (digit < 0 || digit > 9) {
                throw new IllegalArgumentException("birth-day digit of " + name + " must be 0–9, got " + digit);
            }
        }
        birthDayDigits = Collections.unmodifiableSortedSet(digits);
        Require.nonNegative(eligible, "eligible people of " + name);
        Require.share(uptake, "uptake of " + name);
        Require.present(window, "booking window of " + name);
        Require.present(vaccinationPeriod, "vaccination period of " + name);
        Require.present(brands, "brands of " + name);
        parentId = parentId == null || parentId.isBlank() ? null : parentId.strip();
        Require.present(status, "status of " + name);
    }

    /** True when the cohort takes every birth day (no digit rotation). */
    public boolean allBirthDays() {
        return birthDayDigits.isEmpty() || birthDayDigits.size() == 10;
    }

    /** The digits this cohort takes, 0–9 when it has no rotation. */
    public Set<Integer> effectiveDigits() {
        return allBirthDays() ? Set.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9) : birthDayDigits;
    }

    public Optional<String> parent() {
        return Optional.ofNullable(parentId);
    }

    /** People expected to book: eligible × uptake, rounded. */
    public long expectedBookers() {
        return Math.round(eligible * uptake);
    }

    public Cohort withId(String newId) {
        return new Cohort(newId, name, birthYears, birthDayDigits, eligible, uptake, window, vaccinationPeriod, brands,
                parentId, status);
    }

    public Cohort withName(String newName) {
        return new Cohort(id, newName, birthYears, birthDayDigits, eligible, uptake, window, vaccinationPeriod, brands,
                parentId, status);
    }

    public Cohort withBirthYears(BirthCohortRange newYears) {
        return new Cohort(id, name, newYears, birthDayDigits, eligible, uptake, window, vaccinationPeriod, brands,
                parentId, status);
    }

    public Cohort withBirthDayDigits(Set<Integer> newDigits) {
        return new Cohort(id, name, birthYears, newDigits, eligible, uptake, window, vaccinationPeriod, brands,
                parentId, status);
    }

    public Cohort withEligible(long newEligible) {
        return new Cohort(id, name, birthYears, birthDayDigits, newEligible, uptake, window, vaccinationPeriod, brands,
                parentId, status);
    }

    public Cohort withUptake(double newUptake) {
        return new Cohort(id, name, birthYears, birthDayDigits, eligible, newUptake, window, vaccinationPeriod, brands,
                parentId, status);
    }

    public Cohort withWindow(BookingWindow newWindow) {
        return new Cohort(id, name, birthYears, birthDayDigits, eligible, uptake, newWindow, vaccinationPeriod, brands,
                parentId, status);
    }

    public Cohort withVaccinationPeriod(VaccinationPeriod newPeriod) {
        return new Cohort(id, name, birthYears, birthDayDigits, eligible, uptake, window, newPeriod, brands, parentId,
                status);
    }

    public Cohort withBrands(BrandAllocation newBrands) {
        return new Cohort(id, name, birthYears, birthDayDigits, eligible, uptake, window, vaccinationPeriod, newBrands,
                parentId, status);
    }

    public Cohort withParentId(String newParentId) {
        return new Cohort(id, name, birthYears, birthDayDigits, eligible, uptake, window, vaccinationPeriod, brands,
                newParentId, status);
    }

    public Cohort withStatus(CohortStatus newStatus) {
        return new Cohort(id, name, birthYears, birthDayDigits, eligible, uptake, window, vaccinationPeriod, brands,
                parentId, newStatus);
    }
}
