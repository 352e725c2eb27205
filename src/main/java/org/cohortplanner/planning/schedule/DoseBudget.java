package org.cohortplanner.planning.schedule;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Delivery;
import org.cohortplanner.domain.DeliveryStatus;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.SiteGroup;
import org.cohortplanner.domain.VaccineBrand;

/**
 * How many first-dose appointments each cohort's booking window can take before the doses of its brands or the
 * site capacity of its vaccination period run out, given the cohorts that book before it (ordered by window
 * opening). The booking system stops a window at this figure: on 12 July 2021 the 55–59 window was suspended once
 * the Moderna meant for it was booked.
 *
 * <p>Doses count by expected arrival; cancelled deliveries count for nothing. When the plan reserves second
 * doses, each booking of a two-dose brand takes two doses from the stock that arrives by the end of the period.
 * Earlier cohorts take what they expect to book, up to their own budget.
 */
public final class DoseBudget {
    private final Map<String, Long> bookable;

    private DoseBudget(Map<String, Long> bookable) {
        this.bookable = Collections.unmodifiableMap(bookable);
    }

    public static DoseBudget of(Plan plan) {
        List<Cohort> inBookingOrder = plan.cohorts().stream()
                .sorted(Comparator.comparing((Cohort c) -> c.window().opens()).thenComparing(Cohort::id))
                .toList();
        Map<String, Double> dosesTaken = new HashMap<>();
        Map<LocalDate, Double> capacityTaken = new HashMap<>();
        Map<String, Long> bookable = new LinkedHashMap<>();
        for (Cohort cohort : inBookingOrder) {
            double limit = capacityLimit(plan, cohort, capacityTaken);
            for (Map.Entry<String, Double> share : cohort.brands().shares().entrySet()) {
                if (share.getValue() <= 0) {
                    continue;
                }
                double available = dosesArrivedBy(plan, share.getKey(), cohort.vaccinationPeriod().lastDay())
                        - dosesTaken.getOrDefault(share.getKey(), 0.0);
                limit = Math.min(limit, Math.max(0, available) / (share.getValue() * dosesHeldPerBooking(plan,
                        share.getKey())));
            }
            long budget = cohort.brands().total() <= 0 ? 0 : (long) Math.floor(Math.max(0, limit));
            bookable.put(cohort.id(), budget);
            long booked = Math.min(cohort.expectedBookers(), budget);
            for (Map.Entry<String, Double> share : cohort.brands().shares().entrySet()) {
                dosesTaken.merge(share.getKey(), booked * share.getValue() * dosesHeldPerBooking(plan,
                        share.getKey()), Double::sum);
            }
            takeCapacity(plan, cohort, booked, capacityTaken);
        }
        return new DoseBudget(bookable);
    }

    /** First-dose appointments the cohort's window can take; 0 for a cohort the plan does not have. */
    public long bookableFirstDoses(String cohortId) {
        return bookable.getOrDefault(cohortId, 0L);
    }

    /** Every cohort's budget, keyed by cohort id in booking order. */
    public Map<String, Long> byCohort() {
        return bookable;
    }

    private static double dosesHeldPerBooking(Plan plan, String brandName) {
        Optional<VaccineBrand> brand = plan.brand(brandName);
        return plan.settings().reserveSecondDose() && brand.isPresent() ? brand.get().dosesInCourse() : 1;
    }

    private static long dosesArrivedBy(Plan plan, String brand, LocalDate day) {
        return plan.deliveries().stream()
                .filter(d -> d.brand().equals(brand) && d.status() != DeliveryStatus.CANCELLED)
                .filter(d -> !d.expectedArrival().isAfter(day))
                .mapToLong(Delivery::doses)
                .sum();
    }

    private static double capacityOn(Plan plan, Cohort cohort, LocalDate day) {
        if (plan.isHoliday(day)) {
            return 0;
        }
        double capacity = 0;
        for (SiteGroup site : plan.sites()) {
            boolean givesCohortBrand = cohort.brands().shares().entrySet().stream()
                    .anyMatch(share -> share.getValue() > 0 && site.gives(share.getKey()));
            if (givesCohortBrand && site.isOpenOn(day)) {
                capacity += site.dosesPerDay();
            }
        }
        return capacity;
    }

    private static double capacityLimit(Plan plan, Cohort cohort, Map<LocalDate, Double> capacityTaken) {
        return cohort.vaccinationPeriod().dates()
                .mapToDouble(day -> Math.max(0, capacityOn(plan, cohort, day) - capacityTaken.getOrDefault(day, 0.0)))
                .sum();
    }

    /** Spreads the cohort's bookings over its period in proportion to the capacity of each day. */
    private static void takeCapacity(Plan plan, Cohort cohort, long booked, Map<LocalDate, Double> capacityTaken) {
        List<LocalDate> days = cohort.vaccinationPeriod().dates().toList();
        double total = days.stream().mapToDouble(day -> capacityOn(plan, cohort, day)).sum();
        if (total <= 0) {
            return;
        }
        for (LocalDate day : days) {
            capacityTaken.merge(day, booked * capacityOn(plan, cohort, day) / total, Double::sum);
        }
    }
}
