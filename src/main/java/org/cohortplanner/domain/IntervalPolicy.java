package org.cohortplanner.domain;

import java.time.LocalDate;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A change of the dose interval from a date, as KDCA set the mRNA interval to 6 weeks from 16 August 2021: for the
 * brands named, second doses due on or after {@code from} (or those of first doses given on or after it) are given
 * {@code days} after the first dose, except for the named groups, which are exempt or have their own interval.
 * Policies apply one after another in the order of their dates; without one the brand's label interval holds. The
 * days must lie within each brand's allowed minimum and maximum (checked by the plan).
 */
public record IntervalPolicy(
        String id,
        Set<String> brands,
        LocalDate from,
        IntervalBasis appliesTo,
        int days,
        List<GroupInterval> exceptions,
        String note) {

    public IntervalPolicy {
        id = Require.text(id, "interval policy id");
        Require.noNulls(brands, "brands of interval policy " + id);
        if (brands.isEmpty()) {
            throw new IllegalArgumentException("interval policy " + id + " names no brand");
        }
        brands = Collections.unmodifiableSet(new LinkedHashSet<>(brands));
        Require.present(from, "date of interval policy " + id);
        Require.present(appliesTo, "what interval policy " + id + " applies to");
        Require.nonNegative(days, "interval of policy " + id);
        exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
        Set<String> seen = new HashSet<>();
        for (GroupInterval exception : exceptions) {
            if (!seen.add(exception.group())) {
                throw new IllegalArgumentException("interval policy " + id + " names group " + exception.group()
                        + " twice");
            }
        }
        note = note == null ? "" : note;
    }

    public boolean covers(String brand) {
        return brands.contains(brand);
    }

    /** The exception for a group of this name, if the policy makes one. */
    public Optional<GroupInterval> exceptionFor(String group) {
        if (group == null) {
            return Optional.empty();
        }
        return exceptions.stream().filter(e -> e.group().equals(group)).findFirst();
    }

    /**
     * Days from a first dose on {@code firstDose} to the second for someone of {@code group} (null: no named group),
     * when {@code before} days were in force before this policy.
     */
    public int daysFor(LocalDate firstDose, int before, String group) {
        boolean applies = appliesTo == IntervalBasis.FIRST_DOSE_GIVEN ? !firstDose.isBefore(from)
                : !firstDose.plusDays(before).isBefore(from);
        if (!applies) {
            return before;
        }
        Optional<GroupInterval> exception = exceptionFor(group);
        if (exception.isEmpty()) {
            return days;
        }
        return exception.get().isExempt() ? before : exception.get().days();
    }

    public IntervalPolicy withDays(int newDays) {
        return new IntervalPolicy(id, brands, from, appliesTo, newDays, exceptions, note);
    }

    public IntervalPolicy withExceptions(List<GroupInterval> newExceptions) {
        return new IntervalPolicy(id, brands, from, appliesTo, days, newExceptions, note);
    }
}
