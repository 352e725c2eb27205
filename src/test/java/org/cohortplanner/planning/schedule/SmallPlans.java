package org.cohortplanner.planning.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.cohortplanner.domain.BirthCohortRange;
import org.cohortplanner.domain.BookingSystem;
import org.cohortplanner.domain.BookingWindow;
import org.cohortplanner.domain.BrandAllocation;
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
import org.cohortplanner.domain.VaccineBrand;
import org.cohortplanner.domain.WaitingRoom;

/** Small plans whose schedules can be worked out by hand. Monday 2 August 2021 is their first day. */
final class SmallPlans {
    static final LocalDate MONDAY = LocalDate.of(2021, 8, 2);

    private SmallPlans() {
    }

    static VaccineBrand pfizer() {
        return new VaccineBrand("Pfizer", 2, new DoseInterval(21, 21, 42), 12, Platform.MRNA,
                EnumSet.allOf(SiteKind.class));
    }

    static VaccineBrand moderna() {
        return new VaccineBrand("Moderna", 2, new DoseInterval(28, 28, 42), 18, Platform.MRNA,
                EnumSet.allOf(SiteKind.class));
    }

    static VaccineBrand janssen() {
        return new VaccineBrand("Janssen", 1, DoseInterval.NONE, 30, Platform.VECTOR, EnumSet.of(SiteKind.CLINIC));
    }

    static BookingSystem bookingSystem() {
        return new BookingSystem(300_000, 25_000, 5, 6.7, List.of(),
                new WaitingRoom(true, 5000, QueueOrder.FIFO, 60, 0.7, 30));
    }

    static Cohort cohort(String id, int firstYear, int lastYear, long people, LocalDate firstDay, LocalDate lastDay,
            Map<String, Double> brands) {
        LocalDateTime opens = firstDay.minusDays(14).atTime(20, 0);
        return new Cohort(id, id, BirthCohortRange.of(firstYear, lastYear), Set.of(), people, 1.0,
                new BookingWindow(opens, opens.plusHours(22)), new VaccinationPeriod(
                        firstDay, lastDay), new BrandAllocation(brands), null, CohortStatus.PLANNED);
    }

    static Delivery delivery(String id, String brand, long doses, LocalDate arrival) {
        return new Delivery(id, brand, doses, arrival, arrival, DeliveryStatus.PLANNED, "");
    }

    static SiteGroup site(String name, String region, int dosesPerDay, Set<String> brands, DayOfWeek... closed) {
        return new SiteGroup(name, region, SiteKind.VACCINATION_CENTRE, dosesPerDay, brands,
                closed.length == 0 ? Set.of() : EnumSet.of(closed[0], closed));
    }

    /**
     * One region with one site of 100 doses a day open every day, one Pfizer cohort of 600 people over the six days
     * from Monday 2 August, and the given deliveries.
     */
    static Plan oneRegion(boolean reserve, List<Delivery> deliveries) {
        return new Plan("small", "", ZoneId.of("Asia/Seoul"),
                List.of(cohort("c1", 1962, 1966, 600, MONDAY, MONDAY.plusDays(5), Map.of("Pfizer", 1.0))),
                List.of(pfizer(), moderna(), janssen()), deliveries,
                List.of(site("centre", "North", 100, Set.of("Pfizer", "Moderna"))), bookingSystem(), List.of(),
                List.of(new Region("North", 1000)), population(), new PlanSettings(reserve, 0.0), 0);
    }

    static PopulationTable population() {
        TreeMap<Integer, Long> years = new TreeMap<>();
        for (int year = 1940; year <= 2010; year++) {
            years.put(year, 700_000L);
        }
        return new PopulationTable(years);
    }

    static Plan withHolidays(Plan plan, LocalDate... days) {
        List<Holiday> holidays = new ArrayList<>();
        for (LocalDate day : days) {
            holidays.add(new Holiday(day, "holiday"));
        }
        return plan.withHolidays(holidays);
    }
}
