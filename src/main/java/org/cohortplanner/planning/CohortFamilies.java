package org.cohortplanner.planning;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Plan;

/**
 * Which cohorts were split into which parts. A split keeps the parent in the plan, closed, so that merging gives it
 * back exactly; its parts name it in their parentId. A cohort that some other cohort of the plan names as its
 * parent has been replaced by its parts: it books nobody and is vaccinated through its parts, so counts of people,
 * booking nights and overlap checks must leave it out ({@link #bookingCohorts}).
 */
public final class CohortFamilies {
    private CohortFamilies() {
    }

    /** The parts {@code parentId} was split into, in plan order. */
    public static List<Cohort> partsOf(Plan plan, String parentId) {
        return plan.cohorts().stream().filter(c -> parentId.equals(c.parentId())).toList();
    }

    /** True when {@code cohort} has been split and its parts are in the plan. */
    public static boolean isReplacedByParts(Plan plan, Cohort cohort) {
        return plan.cohorts().stream().anyMatch(c -> cohort.id().equals(c.parentId()));
    }

    /** The cohorts that book and are vaccinated: every cohort except those replaced by their parts. */
    public static List<Cohort> bookingCohorts(Plan plan) {
        Set<String> parents = new HashSet<>();
        for (Cohort cohort : plan.cohorts()) {
            if (cohort.parentId() != null) {
                parents.add(cohort.parentId());
            }
        }
        return plan.cohorts().stream().filter(c -> !parents.contains(c.id())).toList();
    }

    /** The parts of {@code parentId}, their parts, and so on, in plan order. */
    public static List<Cohort> descendantsOf(Plan plan, String parentId) {
        Set<String> family = new HashSet<>();
        family.add(parentId);
        boolean grown = true;
        while (grown) {
            grown = false;
            for (Cohort cohort : plan.cohorts()) {
                if (cohort.parentId() != null && family.contains(cohort.parentId()) && family.add(cohort.id())) {
                    grown = true;
                }
            }
        }
        List<Cohort> descendants = new ArrayList<>();
        for (Cohort cohort : plan.cohorts()) {
            if (!cohort.id().equals(parentId) && family.contains(cohort.id())) {
                descendants.add(cohort);
            }
        }
        return descendants;
    }
}
