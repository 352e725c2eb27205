package org.cohortplanner.store.h2;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.cohortplanner.domain.AllocationRule;
import org.cohortplanner.domain.Allotment;
import org.cohortplanner.domain.BirthCohortRange;
import org.cohortplanner.domain.BookingSystem;
import org.cohortplanner.domain.BookingWindow;
import org.cohortplanner.domain.BrandAllocation;
import org.cohortplanner.domain.CapacityChange;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.CohortStatus;
import org.cohortplanner.domain.Delivery;
import org.cohortplanner.domain.DeliveryStatus;
import org.cohortplanner.domain.DoseInterval;
import org.cohortplanner.domain.Holiday;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.PlanSettings;
import org.cohortplanner.domain.Platform;
import org.cohortplanner.domain.PopulationTable;
import org.cohortplanner.domain.QueueOrder;
import org.cohortplanner.domain.Region;
import org.cohortplanner.domain.SiteGroup;
import org.cohortplanner.domain.SiteKind;
import org.cohortplanner.domain.VaccinationPeriod;
import org.cohortplanner.domain.Transfer;
import org.cohortplanner.domain.VaccineBrand;
import org.cohortplanner.domain.WaitingRoom;

/** Plans built in code for the store tests: one that sets every field, one of the size of the 2021 campaign. */
final class TestPlans {
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private TestPlans() {
    }

    static List<VaccineBrand> brands() {
        return List.of(
                new VaccineBrand("Pfizer", 2, new DoseInterval(21, 21, 42), 12, Platform.MRNA,
                        EnumSet.of(SiteKind.VACCINATION_CENTRE, SiteKind.CLINIC)),
                new VaccineBrand("Moderna", 2, new DoseInterval(28, 28, 42), 18, Platform.MRNA,
                        EnumSet.of(SiteKind.CLINIC)),
                new VaccineBrand("AstraZeneca", 2, new DoseInterval(77, 28, 84), 50, Platform.VECTOR,
                        EnumSet.of(SiteKind.CLINIC), 2),
                new VaccineBrand("Janssen", 1, DoseInterval.NONE, 30, Platform.VECTOR, EnumSet.noneOf(SiteKind.class)));
    }

    static BookingSystem bookingSystem() {
        return new BookingSystem(300_000, 25_000, 5.5, 6.7,
                List.of(new CapacityChange(LocalDateTime.of(2021, 7, 19, 22, 0), 600_000, 50_000, "extra servers"),
                        new CapacityChange(LocalDateTime.of(2021, 7, 26, 20, 0), 900_000, 75_000, "")),
                new WaitingRoom(true, 5_000, QueueOrder.RANDOM, 62.5, 0.7, 30.25));
    }

    /** A plan in which every field differs from its default and every list has more than one entry. */
    static Plan everyField() {
        Map<String, Double> mixed = new LinkedHashMap<>();
        mixed.put("Moderna", 0.6);
        mixed.put("Pfizer", 0.4);
        Cohort older = new Cohort("c55-59", "55–59", BirthCohortRange.of(1962, 1966), Set.of(), 3_900_000, 0.815,
                new BookingWindow(LocalDateTime.of(2021, 7, 12, 0, 0), LocalDateTime.of(2021, 7, 24, 18, 0)),
                new VaccinationPeriod(LocalDate.of(2021, 7, 26), LocalDate.of(2021, 8, 7)),
                BrandAllocation.single("Moderna"), null, CohortStatus.CLOSED);
        Cohort digits = new Cohort("c18-49-d3", "18–49 digit 3", BirthCohortRange.of(1972, 2003), Set.of(3, 0, 9),
                1_234_567, 0.66, new BookingWindow(LocalDateTime.of(2021, 8, 9, 20, 0),
                LocalDateTime.of(2021, 8, 9, 18, 0)),
                new VaccinationPeriod(LocalDate.of(2021, 8, 26), LocalDate.of(2021, 8, 20)),
                new BrandAllocation(mixed), "c55-59", CohortStatus.SUSPENDED);
        Cohort unassigned = new Cohort("c-none", "no brand yet", BirthCohortRange.single(1950), Set.of(7), 0, 0,
                new BookingWindow(LocalDateTime.of(2021, 9, 1, 9, 30), LocalDateTime.of(2021, 9, 2, 9, 30)),
                new VaccinationPeriod(LocalDate.of(2021, 9, 3), LocalDate.of(2021, 9, 3)),
                BrandAllocation.none(), "c18-49-d3", CohortStatus.OPEN);
        List<Delivery> deliveries = List.of(
                new Delivery("MOD-W29", "Moderna", 1_100_000, LocalDate.of(2021, 7, 19), LocalDate.of(2021, 7, 28),
                        DeliveryStatus.DELAYED, "production problem; moved to the last week of July"),
                new Delivery("PFZ-W30", "Pfizer", 1_200_000, LocalDate.of(2021, 7, 26), null,
                        DeliveryStatus.ARRIVED, "", 3, Allotment.explicit(orderedDoses())),
                new Delivery("JAN-1", "Janssen", 0, LocalDate.of(2021, 6, 1), LocalDate.of(2021, 5, 30),
                        DeliveryStatus.CANCELLED, "early, then cancelled", 0, Allotment.BY_POPULATION),
                new Delivery("AZ-W31", "AstraZeneca", 840_000, LocalDate.of(2021, 8, 2), null,
                        DeliveryStatus.PLANNED, "note with 'quotes' and ; semicolons"));
        Set<String> seoulBrands = new LinkedHashSet<>(List.of("Pfizer", "Moderna"));
        List<SiteGroup> sites = List.of(
                new SiteGroup("Seoul centres", "Seoul", SiteKind.VACCINATION_CENTRE, 30_000, seoulBrands,
                        EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.SATURDAY)),
                new SiteGroup("Seoul clinics", "Seoul", SiteKind.CLINIC, 80_000,
                        new LinkedHashSet<>(List.of("Moderna", "AstraZeneca", "Pfizer")), Set.of()),
                new SiteGroup("Jeju clinics", "Jeju", SiteKind.CLINIC, 0, Set.of(), EnumSet.allOf(DayOfWeek.class)));
        TreeMap<Integer, Long> population = new TreeMap<>();
        population.put(1962, 712_000L);
        population.put(1963, 0L);
        population.put(1966, 845_123L);
        return new Plan("Korea 2021 as run", "Every field set.\nSecond line; with ' quotes.", SEOUL,
                List.of(older, digits, unassigned), brands(), deliveries, sites, bookingSystem(),
                List.of(new Holiday(LocalDate.of(2021, 8, 16), "Liberation Day (substitute)"),
                        new Holiday(LocalDate.of(2021, 9, 20), "Chuseok"),
                        new Holiday(LocalDate.of(2021, 9, 20), "")),
                List.of(new Region("Seoul", 9_586_195), new Region("Jeju", 676_759)),
                new PopulationTable(population), new PlanSettings(false, 0.035), 0,
                List.of(new Transfer("T-2", "Pfizer", 30_000, "Jeju", "Seoul", LocalDate.of(2021, 7, 27), 2, ""),
                        new Transfer("T-1", "Moderna", 5_000, "Seoul", "Jeju", LocalDate.of(2021, 7, 28), 1,
                                "by ferry")),
                List.of(new AllocationRule("R-2", "c55-59", new LinkedHashSet<>(List.of("Seoul", "Jeju")),
                                LocalDate.of(2021, 7, 26), LocalDate.of(2021, 7, 31), new BrandAllocation(mixed),
                                new LinkedHashSet<>(List.of("Seoul clinics", "Jeju clinics")), "Seoul-area swap"),
                        new AllocationRule("R-1", "c18-49-d3", Set.of("Seoul"), LocalDate.of(2021, 8, 26),
                                LocalDate.of(2021, 8, 27), BrandAllocation.single("Pfizer"), Set.of(), "")));
    }

    /** Jeju before Seoul, so that a store keeping the order entered (not the alphabet) is what is tested. */
    private static Map<String, Long> orderedDoses() {
        Map<String, Long> doses = new LinkedHashMap<>();
        doses.put("Jeju", 200_000L);
        doses.put("Seoul", 1_000_000L);
        return doses;
    }

    /** A plan of the 2021 campaign's size: 40 cohorts, 60 deliveries, 34 site groups, 17 regions. */
    static Plan campaignSized() {
        List<Region> regions = new ArrayList<>();
        List<SiteGroup> sites = new ArrayList<>();
        for (int r = 0; r < 17; r++) {
            String region = "Region " + r;
            regions.add(new Region(region, 3_000_000L + r));
            sites.add(new SiteGroup(region + " centres", region, SiteKind.VACCINATION_CENTRE, 5_000 + r,
                    Set.of("Pfizer", "Moderna"), Set.of(DayOfWeek.SUNDAY)));
            sites.add(new SiteGroup(region + " clinics", region, SiteKind.CLINIC, 20_000 + r,
                    new LinkedHashSet<>(List.of("Moderna", "AstraZeneca", "Janssen")), Set.of()));
        }
        List<String> brandNames = List.of("Pfizer", "Moderna", "AstraZeneca", "Janssen");
        List<Delivery> deliveries = new ArrayList<>();
        for (int d = 0; d < 60; d++) {
            LocalDate arrival = LocalDate.of(2021, 6, 7).plusWeeks(d / 4);
            deliveries.add(new Delivery("D" + d, brandNames.get(d % 4), 100_000L * (d + 1), arrival,
                    arrival.plusDays(d % 3), d % 3 == 0 ? DeliveryStatus.PLANNED : DeliveryStatus.DELAYED,
                    "week " + d / 4));
        }
        List<Cohort> cohorts = new ArrayList<>();
        for (int c = 0; c < 40; c++) {
            int year = 1960 + c;
            LocalDateTime opens = LocalDateTime.of(2021, 7, 12, 20, 0).plusDays(c);
            cohorts.add(new Cohort("c" + c, "born " + year, BirthCohortRange.single(year),
                    c % 4 == 0 ? Set.of() : Set.of(c % 10), 700_000 + c, 0.8,
                    new BookingWindow(opens, opens.plusHours(22)),
                    new VaccinationPeriod(opens.toLocalDate().plusDays(14), opens.toLocalDate().plusDays(24)),
                    BrandAllocation.single(brandNames.get(c % 2)), c == 0 ? null : "c0", CohortStatus.PLANNED));
        }
        TreeMap<Integer, Long> population = new TreeMap<>();
        for (int year = 1921; year <= 2003; year++) {
            population.put(year, 600_000L + year);
        }
        return new Plan("Campaign sized", "", SEOUL, cohorts, brands(), deliveries, sites, bookingSystem(),
                List.of(new Holiday(LocalDate.of(2021, 8, 16), "Liberation Day (substitute)")), regions,
                new PopulationTable(population), PlanSettings.DEFAULT, 0);
    }
}
