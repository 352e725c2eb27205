package org.cohortplanner.domain;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Overrides a cohort's brand shares in some regions for a date range of vaccination days, e.g. "55–59, 26–31 July,
 * Seoul/Incheon/Gyeonggi: Pfizer". Site groups named in {@code exceptSiteGroups} (such as the Moderna-only clinics)
 * keep the cohort's default shares. Overlaps and shares that do not add up are the validator's to report.
 *
 * @param regions region names the rule applies to; never empty
 */
public record AllocationRule(
        String id,
        String cohortId,
        Set<String> regions,
        LocalDate firstDay,
        LocalDate lastDay,
        BrandAllocation brands,
        Set<String> exceptSiteGroups,
        String note) {

    public AllocationRule {
        id = Require.text(id, "allocation rule id");
        cohortId = Require.text(cohortId, "cohort of allocation rule " + id);
        Require.noNulls(regions, "regions of allocation rule " + id);
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("allocation rule " + id + " names no region");
        }
        regions = Collections.unmodifiableSet(new LinkedHashSet<>(regions));
        Require.present(firstDay, "first day of allocation rule " + id);
        Require.present(lastDay, "last day of allocation rule " + id);
        Require.present(brands, "brands of allocation rule " + id);
        Require.noNulls(exceptSiteGroups == null ? Set.of() : exceptSiteGroups, "site groups of rule " + id);
        exceptSiteGroups = exceptSiteGroups == null ? Set.of()
                : Collections.unmodifiableSet(new LinkedHashSet<>(exceptSiteGroups));
        note = note == null ? "" : note;
    }

    /** Whether the rule sets the brands of {@code cohort} in {@code region} on {@code day}. */
    public boolean covers(String cohort, String region, LocalDate day) {
        return cohortId.equals(cohort) && regions.contains(region) && !day.isBefore(firstDay)
                && !day.isAfter(lastDay);
    }

    /** Whether the rule's days and regions meet those of {@code other} for the same cohort. */
    public boolean overlaps(AllocationRule other) {
        return cohortId.equals(other.cohortId) && !lastDay.isBefore(other.firstDay)
                && !other.lastDay.isBefore(firstDay) && regions.stream().anyMatch(other.regions::contains);
    }
}
