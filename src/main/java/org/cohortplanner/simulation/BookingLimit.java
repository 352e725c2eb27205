package org.cohortplanner.simulation;

import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.planning.schedule.DoseBudget;

/**
 * How many appointments a cohort's booking window can take before booking is suspended and the rest are turned away
 * (12 July 2021: the 55–59 window stopped after 1.85 M of 3.52 M, when its Moderna was booked).
 */
@FunctionalInterface
public interface BookingLimit {
    /** No limit: every person who gets through books. */
    long UNLIMITED = Long.MAX_VALUE;

    long appointments(Plan plan, Cohort cohort);

    static BookingLimit unlimited() {
        return (plan, cohort) -> UNLIMITED;
    }

    /** The same number of appointments for every window. */
    static BookingLimit fixed(long appointments) {
        if (appointments < 0) {
            throw new IllegalArgumentException("a booking limit must be 0 or more, got " + appointments);
        }
        return (plan, cohort) -> appointments;
    }

    /**
     * The first-dose appointments the plan's supply leaves the window — doses of its brands by expected arrival and
     * site capacity in its vaccination period, after the cohorts that book before it — from the same daily schedule
     * the supply screens show ({@link DoseBudget}), so the two never disagree.
     */
    static BookingLimit fromSupply() {
        return new SupplyLimit();
    }

    /** Keeps the budget of the last plan asked about: the advisor asks once per part of the same plan. */
    final class SupplyLimit implements BookingLimit {
        private Plan lastPlan;
        private DoseBudget lastBudget;

        private SupplyLimit() {
        }

        @Override
        public synchronized long appointments(Plan plan, Cohort cohort) {
            if (plan != lastPlan) {
                lastBudget = DoseBudget.of(plan);
                lastPlan = plan;
            }
            return lastBudget.bookableFirstDoses(cohort.id());
        }
    }
}
