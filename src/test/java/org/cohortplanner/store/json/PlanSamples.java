package org.cohortplanner.store.json;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
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
import org.cohortplanner.domain.Overload;
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

/** Plans built in code for the file-format tests. */
final class PlanSamples {
    private PlanSamples() {
    }

    /** A plan in which every field of the format has a value other than its default. */
    static Plan everyField() {
        TreeMap<Integer, Long> people = new TreeMap<>();
        for (int year = 1962; year <= 1971; year++) {
            people.put(year, year < 1967 ? 712_000L : 761_000L);
        }
        VaccineBrand pfizer = new VaccineBrand("Pfizer", 2, new DoseInterval(21, 21, 42), 12, Platform.MRNA,
                Set.of(SiteKind.VACCINATION_CENTRE, SiteKind.CLINIC), 2);
        VaccineBrand moderna = new VaccineBrand("Moderna", 2, new DoseInterval(28, 28, 42), 18, Platform.MRNA,
                Set.of(SiteKind.VACCINATION_CENTRE));
        VaccineBrand janssen = new VaccineBrand("Janssen", 1, DoseInterval.NONE, 30, Platform.VECTOR,
                Set.of(SiteKind.CLINIC));
        Delivery slipped = new Delivery("MOD-2021-W29", "Moderna", 1_500_000, LocalDate.of(2021, 7, 19),
                LocalDate.of(2021, 7, 26), DeliveryStatus.DELAYED, "postponed: quality inspection", 3,
                Allotment.explicit(Map.of("Seoul", 1_000_000L, "Busan", 500_000L)));
        Delivery arrived = new Delivery("PFZ-2021-W30", "Pfizer", 1_200_000, LocalDate.of(2021, 7, 26),
                LocalDate.of(2021, 7, 26), DeliveryStatus.ARRIVED, "", null, Allotment.BY_POPULATION);
        SiteGroup centres = new SiteGroup("Seoul centres", "Seoul", SiteKind.VACCINATION_CENTRE, 30_000,
                Set.of("Pfizer", "Moderna"), Set.of(DayOfWeek.SUNDAY, DayOfWeek.SATURDAY));
        SiteGroup clinics = new SiteGroup("Busan clinics", "Busan", SiteKind.CLINIC, 12_500, Set.of("Janssen"),
                Set.of());
        BookingSystem system = new BookingSystem(300_000, 25_000, 5.5, 6.7,
                List.of(new CapacityChange(LocalDateTime.of(2021, 7, 19, 22, 0), 600_000, 50_000, "extra servers"),
                        new CapacityChange(LocalDateTime.of(2021, 8, 9, 19, 30, 15), 2_000_000, 200_000, "")),
                new WaitingRoom(true, 5000, QueueOrder.RANDOM, 60, 0.7, 30.5), new Overload(300_000, 30, 20.5));
        Map<String, Double> shares = new LinkedHashMap<>();
        shares.put("Moderna", 0.6);
        shares.put("Pfizer", 0.4);
        Cohort parent = new Cohort("c50-54", "50–54", BirthCohortRange.of(1967, 1971), Set.of(), 3_807_034, 0.82,
                new BookingWindow(LocalDateTime.of(2021, 7, 19, 20, 0), LocalDateTime.of(2021, 7, 21, 18, 0)),
                new VaccinationPeriod(LocalDate.of(2021, 8, 16), LocalDate.of(2021, 8, 25)),
                new BrandAllocation(shares), null, CohortStatus.SUSPENDED);
        Cohort digits = new Cohort("c50-54-d37", "50–54 digits 3 and 7", BirthCohortRange.of(1967, 1971),
                Set.of(7, 3), 761_000, 0.8,
                new BookingWindow(LocalDateTime.of(2021, 7, 21, 20, 0), LocalDateTime.of(2021, 7, 22, 18, 0), 1_850_000L),
                new VaccinationPeriod(LocalDate.of(2021, 8, 26), LocalDate.of(2021, 8, 28)),
                BrandAllocation.single("Janssen"), "c50-54", CohortStatus.OPEN);
        return new Plan("Every field", "Built in code; \"quoted\" text and a line\nbreak.", ZoneId.of("Asia/Seoul"),
                List.of(parent, digits), List.of(pfizer, moderna, janssen), List.of(slipped, arrived),
                List.of(centres, clinics), system,
                List.of(new Holiday(LocalDate.of(2021, 8, 16), "Liberation Day (substitute)")),
                List.of(new Region("Seoul", 9_586_195), new Region("Busan", 3_350_380)),
                new PopulationTable(people), new PlanSettings(false, 0.03), 7,
                List.of(new Transfer("T-1", "Pfizer", 40_000, "Busan", "Seoul", LocalDate.of(2021, 7, 27), 1,
                        "cold chain truck")),
                List.of(new AllocationRule("R-1", "c50-54", new LinkedHashSet<>(List.of("Seoul", "Busan")),
                        LocalDate.of(2021, 8, 16), LocalDate.of(2021, 8, 21), BrandAllocation.single("Pfizer"),
                        Set.of("Busan clinics"), "Seoul-area swap")));
    }
}
