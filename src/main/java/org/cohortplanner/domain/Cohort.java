package org.cohortplanner.domain;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
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
 * @param groups         named groups of its people (exam students, school teachers) that interval policies can treat
 *                       apart
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
        CohortStatus status,
        List<CohortGroup> groups) {

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
        groups = groups == null ? List.of() : List.copyOf(groups);
        Set<String> groupNames = new HashSet<>();
        for (CohortGroup group : groups) {
            if (!groupNames.add(group.name())) {
                throw new IllegalArgumentException("cohort " + name + " names group " + group.name() + " twice");
            }
        }
    }

    /** A cohort without named groups (as plans before formatVersion 4 are read). */
    public Cohort(String id, String name, BirthCohortRange birthYears, Set<Integer> birthDayDigits, long eligible,
            double uptake, BookingWindow window, VaccinationPeriod vaccinationPeriod, BrandAllocation brands,
            String parentId, CohortStatus status) {
        this(id, name, birthYears, birthDayDigits, eligible, uptake, window, vaccinationPeriod, brands, parentId,
                status, List.of());
    }

    public Optional<CohortGroup> group(String groupName) {
        return groups.stream().filter(g -> g.name().equals(groupName)).findFirst();
    }

    /** People of the cohort in its named groups, each group cut to what is left of the eligible people. */
    public long peopleInGroups() {
        long total = 0;
        for (CohortGroup group : groups) {
            total += group.peopleOf(eligible);
        }
        return total;
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
                parentId, status, groups);
    }

    public Cohort withName(String newName) {
        return new Cohort(id, newName, birthYears, birthDayDigits, eligible, uptake, window, vaccinationPeriod, brands,
                parentId, status, groups);
    }

    public Cohort withBirthYears(BirthCohortRange newYears) {
        return new Cohort(id, name, newYears, birthDayDigits, eligible, uptake, window, vaccinationPeriod, brands,
                parentId, status, groups);
    }

    public Cohort withBirthDayDigits(Set<Integer> newDigits) {
        return new Cohort(id, name, birthYears, newDigits, eligible, uptake, window, vaccinationPeriod, brands,
                parentId, status, groups);
    }

    public Cohort withEligible(long newEligible) {
        return new Cohort(id, name, birthYears, birthDayDigits, newEligible, uptake, window, vaccinationPeriod, brands,
                parentId, status, groups);
    }

    public Cohort withUptake(double newUptake) {
        return new Cohort(id, name, birthYears, birthDayDigits, eligible, newUptake, window, vaccinationPeriod, brands,
                parentId, status, groups);
    }

    public Cohort withWindow(BookingWindow newWindow) {
        return new Cohort(id, name, birthYears, birthDayDigits, eligible, uptake, newWindow, vaccinationPeriod, brands,
                parentId, status, groups);
    }

    public Cohort withVaccinationPeriod(VaccinationPeriod newPeriod) {
        return new Cohort(id, name, birthYears, birthDayDigits, eligible, uptake, window, newPeriod, brands, parentId,
                status, groups);
    }

    public Cohort withBrands(BrandAllocation newBrands) {
        return new Cohort(id, name, birthYears, birthDayDigits, eligible, uptake, window, vaccinationPeriod, newBrands,
                parentId, status, groups);
    }

    public Cohort withParentId(String newParentId) {
        return new Cohort(id, name, birthYears, birthDayDigits, eligible, uptake, window, vaccinationPeriod, brands,
                newParentId, status, groups);
    }

    public Cohort withStatus(CohortStatus newStatus) {
        return new Cohort(id, name, birthYears, birthDayDigits, eligible, uptake, window, vaccinationPeriod, brands,
                parentId, newStatus, groups);
    }

    public Cohort withGroups(List<CohortGroup> newGroups) {
        return new Cohort(id, name, birthYears, birthDayDigits, eligible, uptake, window, vaccinationPeriod, brands,
                parentId, status, newGroups);
    }
}
