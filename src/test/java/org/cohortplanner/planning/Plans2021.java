package org.cohortplanner.planning;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.cohortplanner.domain.BirthCohortRange;
import org.cohortplanner.domain.BookingSystem;
import org.cohortplanner.domain.BookingWindow;
import org.cohortplanner.domain.BrandAllocation;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.CohortStatus;
import org.cohortplanner.domain.DoseInterval;
import org.cohortplanner.domain.Holiday;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.PlanSettings;
import org.cohortplanner.domain.Platform;
import org.cohortplanner.domain.PopulationTable;
import org.cohortplanner.domain.QueueOrder;
import org.cohortplanner.domain.SiteKind;
import org.cohortplanner.domain.VaccinationPeriod;
import org.cohortplanner.domain.VaccineBrand;
import org.cohortplanner.domain.WaitingRoom;

/** Plans shaped like the July 2021 campaign, for the planning tests. */
final class Plans2021 {
    static final BookingSystem BOOKING_SYSTEM = new BookingSystem(300_000, 25_000, 5, 6.7, List.of(),
            new WaitingRoom(true, 5_000, QueueOrder.FIFO, 60, 0.7, 30));
    static final VaccineBrand MODERNA = new VaccineBrand("Moderna", 2, new DoseInterval(28, 28, 42), 18,
            Platform.MRNA, EnumSet.allOf(SiteKind.class));
    static final VaccineBrand PFIZER = new VaccineBrand("Pfizer", 2, new DoseInterval(21, 21, 42), 12,
            Platform.MRNA, EnumSet.allOf(SiteKind.class));
    static final BookingWindow NIGHT_OF_19_JULY = new BookingWindow(LocalDateTime.of(2021, 7, 19, 20, 0),
            LocalDateTime.of(2021, 7, 20, 18, 0));
    static final VaccinationPeriod MID_AUGUST = new VaccinationPeriod(LocalDate.of(2021, 8, 16),
            LocalDate.of(2021, 8, 25));
    static final List<Holiday> HOLIDAYS = List.of(new Holiday(LocalDate.of(2021, 8, 15), "Liberation Day"),
            new Holiday(LocalDate.of(2021, 8, 16), "Liberation Day (substitute)"));

    private Plans2021() {
    }

    /** People per birth year 1962–2003, uneven on purpose so that weighting shows. */
    static PopulationTable population() {
        TreeMap<Integer, Long> people = new TreeMap<>();
        for (int year = 1962; year <= 2003; year++) {
            people.put(year, 600_000L + (year % 7) * 23_117L + (year - 1962) * 1_009L);
        }
        people.put(1967, 780_000L);
        people.put(1971, 741_000L);
        return new PopulationTable(people);
    }

    static Cohort fiftyToFiftyFour() {
        return new Cohort("c50-54", "50–54", BirthCohortRange.of(1967, 1971), Set.of(), 3_807_034, 0.82,
                NIGHT_OF_19_JULY, MID_AUGUST, BrandAllocation.single("Moderna"), null, CohortStatus.PLANNED);
    }

    static Cohort eighteenToFortyNine() {
        return new Cohort("c18-49", "18–49", BirthCohortRange.of(1972, 2003), Set.of(), 16_210_000, 0.7,
                new BookingWindow(LocalDateTime.of(2021, 8, 9, 20, 0), LocalDateTime.of(2021, 8, 10, 18, 0)),
                new VaccinationPeriod(LocalDate.of(2021, 8, 26), LocalDate.of(2021, 9, 30)),
                BrandAllocation.single("Pfizer"), null,
                CohortStatus.PLANNED);
    }

    static Cohort fiftyFiveToFiftyNine() {
        return new Cohort("c55-59", "55–59", BirthCohortRange.of(1962, 1966), Set.of(), 3_524_000, 0.86,
                new BookingWindow(LocalDateTime.of(2021, 7, 14, 20, 0), LocalDateTime.of(2021, 7, 24, 18, 0)),
                new VaccinationPeriod(LocalDate.of(2021, 7, 26), LocalDate.of(2021, 8, 7)),
                BrandAllocation.single("Moderna"), null, CohortStatus.OPEN);
    }

    static Plan plan(Cohort... cohorts) {
        return new Plan("Korea 50s, July 2021", "test plan", ZoneId.of("Asia/Seoul"), List.of(cohorts),
                List.of(MODERNA, PFIZER), List.of(), List.of(), BOOKING_SYSTEM, HOLIDAYS, List.of(), population(),
                PlanSettings.DEFAULT, 3);
    }

    static Plan campaign() {
        return plan(fiftyFiveToFiftyNine(), fiftyToFiftyFour(), eighteenToFortyNine());
    }
}
