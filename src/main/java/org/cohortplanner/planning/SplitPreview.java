package org.cohortplanner.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.cohortplanner.domain.BookingWindow;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.VaccinationPeriod;

/**
 * A split as it would be applied, before anything changes: the cohort being split, its parts in booking order, and
 * notes on what the people counts had to assume. Edit names, windows and periods with the {@code with} methods,
 * then hand the preview to {@link CohortSplitter#apply}.
 */
public record SplitPreview(Cohort parent, SplitKind kind, List<SplitPart> parts, List<String> notes) {
    public SplitPreview {
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(kind, "kind");
        parts = List.copyOf(parts);
        notes = List.copyOf(notes);
    }

    public SplitPart part(int index) {
        return parts.get(index);
    }

    public SplitPreview withPart(int index, SplitPart changed) {
        List<SplitPart> changedParts = new ArrayList<>(parts);
        changedParts.set(index, changed);
        return new SplitPreview(parent, kind, changedParts, notes);
    }

    public SplitPreview withName(int index, String name) {
        return withPart(index, parts.get(index).withName(name));
    }

    public SplitPreview withWindow(int index, BookingWindow window) {
        return withPart(index, parts.get(index).withWindow(window));
    }

    public SplitPreview withVaccinationPeriod(int index, VaccinationPeriod period) {
        return withPart(index, parts.get(index).withVaccinationPeriod(period));
    }

    /** People in all parts together: the parent's eligible. */
    public long people() {
        return parts.stream().mapToLong(SplitPart::people).sum();
    }

    /**
     * What keeps the parts from being an exact split of the parent: a (birth year, birth-day digit) of the parent in
     * no part or in two, a part reaching outside the parent, people not adding up. Empty when the parts are exact.
     */
    public List<String> coverageProblems() {
        List<String> problems = new ArrayList<>();
        if (parts.size() < 2) {
            problems.add("a split needs at least two parts, got " + parts.size());
        }
        for (SplitPart part : parts) {
            if (part.birthYears().firstYear() < parent.birthYears().firstYear()
                    || part.birthYears().lastYear() > parent.birthYears().lastYear()) {
                problems.add("part " + part.name() + " (born " + part.birthYears() + ") reaches outside "
                        + parent.name() + " (born " + parent.birthYears() + ")");
            }
            for (int digit : part.effectiveDigits()) {
                if (!parent.effectiveDigits().contains(digit)) {
                    problems.add("part " + part.name() + " takes birth days ending in " + digit + ", which "
                            + parent.name() + " does not");
                }
            }
        }
        for (int year = parent.birthYears().firstYear(); year <= parent.birthYears().lastYear(); year++) {
            for (int digit : parent.effectiveDigits()) {
                List<String> holders = new ArrayList<>();
                for (SplitPart part : parts) {
                    if (part.birthYears().contains(year) && part.effectiveDigits().contains(digit)) {
                        holders.add(part.name());
                    }
                }
                if (holders.isEmpty()) {
                    problems.add("people born in " + year + " on a day ending in " + digit + " are in no part");
                } else if (holders.size() > 1) {
                    problems.add("people born in " + year + " on a day ending in " + digit + " are in "
                            + String.join(" and ", holders));
                }
            }
        }
        if (people() != parent.eligible()) {
            problems.add("the parts have " + people() + " people, " + parent.name() + " has " + parent.eligible());
        }
        return problems;
    }
}
