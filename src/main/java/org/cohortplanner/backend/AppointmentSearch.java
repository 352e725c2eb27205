package org.cohortplanner.backend;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.DoseInterval;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.SiteGroup;
import org.cohortplanner.domain.VaccineBrand;
import org.cohortplanner.planning.schedule.SecondDoseDay;

/**
 * Where and when a booking's doses go: the first day of the window's vaccination period (not a holiday) at a site
 * group of the person's region that gives the brand and has room, and for a two-dose brand the second dose at the
 * brand's interval by the schedule's rule ({@link SecondDoseDay}), at the same site group when it has room then,
 * else at the region's first that has. Brands are tried the one furthest behind its share first. Pure: it reads the
 * doses held per site group and day ({@link BookingLedger#siteDay} keys) and changes nothing.
 */
final class AppointmentSearch {
    /** The doses of one booking: the brand, dose 1's site group and day, and dose 2's (both null for one dose). */
    record Appointment(String brand, SiteGroup site, LocalDate day, SiteGroup secondSite, LocalDate secondDay) {
        int doses() {
            return secondDay == null ? 1 : 2;
        }
    }

    private AppointmentSearch() {
    }

    /**
     * The first appointment with room for a person of {@code cohort} and named {@code group} (null for none) among
     * the region's site groups, trying {@code brands} in order, or empty when none has room.
     */
    static Optional<Appointment> find(Plan plan, Cohort cohort, List<String> brands, List<SiteGroup> regionSites,
                                      Map<String, Long> held, String group) {
        for (String brandName : brands) {
            Optional<VaccineBrand> brand = plan.brand(brandName);
            List<SiteGroup> sites = regionSites.stream()
                    .filter(s -> s.gives(brandName) && s.dosesPerDay() > 0).toList();
            if (brand.isEmpty() || sites.isEmpty()) {
                continue;
            }
            boolean twoDoses = brand.get().dosesInCourse() >= 2 && brand.get().interval().days() > 0;
            for (LocalDate day : cohort.vaccinationPeriod().dates().toList()) {
                if (plan.isHoliday(day)) {
                    continue;
                }
                for (SiteGroup site : sites) {
                    if (!hasRoom(site, day, held)) {
                        continue;
                    }
                    if (!twoDoses) {
                        return Optional.of(new Appointment(brandName, site, day, null, null));
                    }
                    Optional<Appointment> both = withSecondDose(plan, brand.get(), site, day, sites, held, group);
                    if (both.isPresent()) {
                        return both;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Dose 1 at {@code site} on {@code day} (which has room) with dose 2 at the interval in force for a first dose on
     * that day (the plan's interval policies and their exceptions for the named group), or empty when dose 2 finds
     * no room. Dose 1 counts as held while dose 2 is looked for, so that both may fall on one site group's day.
     */
    private static Optional<Appointment> withSecondDose(Plan plan, VaccineBrand brand, SiteGroup site, LocalDate day,
                                                        List<SiteGroup> sites, Map<String, Long> held, String group) {
        String firstKey = BookingLedger.siteDay(site.name(), day);
        held.merge(firstKey, 1L, Long::sum);
        try {
            DoseInterval interval = brand.interval().withDays(plan.intervalDays(brand, day, group));
            Optional<LocalDate> second = SecondDoseDay.of(day, interval, d -> !plan.isHoliday(d)
                    && sites.stream().anyMatch(s -> hasRoom(s, d, held)));
            Optional<SiteGroup> where = second.flatMap(d -> secondSite(site, sites, d, held));
            return where.map(s -> new Appointment(brand.name(), site, day, s, second.get()));
        } finally {
            held.merge(firstKey, -1L, Long::sum);
        }
    }

    private static boolean hasRoom(SiteGroup site, LocalDate day, Map<String, Long> held) {
        return site.isOpenOn(day) && held.getOrDefault(BookingLedger.siteDay(site.name(), day), 0L)
                < site.dosesPerDay();
    }

    /** The first dose's site group when it has room on the day, else the region's first that has. */
    private static Optional<SiteGroup> secondSite(SiteGroup first, List<SiteGroup> sites, LocalDate day,
                                                  Map<String, Long> held) {
        if (hasRoom(first, day, held)) {
            return Optional.of(first);
        }
        return sites.stream().filter(s -> hasRoom(s, day, held)).findFirst();
    }

    /** The cohort's brands, the one furthest behind its share first, so that bookings follow the shares. */
    static List<String> brandsByNeed(Cohort cohort, Map<String, Long> bookedByBrand) {
        List<String> brands = new ArrayList<>();
        cohort.brands().shares().forEach((brand, share) -> {
            if (share > 0) {
                brands.add(brand);
            }
        });
        long total = bookedByBrand.values().stream().mapToLong(Long::longValue).sum() + 1;
        brands.sort(Comparator.comparingDouble((String brand) -> -(cohort.brands().shareOf(brand) * total
                - bookedByBrand.getOrDefault(brand, 0L))));
        return brands;
    }
}
