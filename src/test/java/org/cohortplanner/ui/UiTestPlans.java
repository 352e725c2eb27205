package org.cohortplanner.ui;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cohortplanner.domain.BirthCohortRange;
import org.cohortplanner.domain.BookingSystem;
import org.cohortplanner.domain.BookingWindow;
import org.cohortplanner.domain.BrandAllocation;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.CohortStatus;
import org.cohortplanner.domain.DoseInterval;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.PlanSettings;
import org.cohortplanner.domain.Platform;
import org.cohortplanner.domain.PopulationTable;
import org.cohortplanner.domain.QueueOrder;
import org.cohortplanner.domain.SiteKind;
import org.cohortplanner.domain.VaccinationPeriod;
import org.cohortplanner.domain.VaccineBrand;
import org.cohortplanner.domain.WaitingRoom;

/** Small plans for the console's view-model tests. */
public final class UiTestPlans {
    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private UiTestPlans() {
    }

    public static Cohort fiftyFiveToFiftyNine() {
        return new Cohort("c55-59", "55–59", BirthCohortRange.of(1962, 1966), Set.of(), 3_524_000, 0.86,
                new BookingWindow(LocalDateTime.of(2021, 7, 12, 0, 0), LocalDateTime.of(2021, 7, 17, 18, 0)),
                new VaccinationPeriod(LocalDate.of(2021, 7, 26), LocalDate.of(2021, 8, 7)),
                BrandAllocation.single("Moderna"), null, CohortStatus.PLANNED);
    }

    public static Cohort fiftyToFiftyFour() {
        return new Cohort("c50-54", "50–54", BirthCohortRange.of(1967, 1971), Set.of(), 3_807_034, 0.82,
                new BookingWindow(LocalDateTime.of(2021, 7, 19, 20, 0), LocalDateTime.of(2021, 7, 24, 18, 0)),
                new VaccinationPeriod(LocalDate.of(2021, 8, 9), LocalDate.of(2021, 8, 21)),
                new BrandAllocation(Map.of("Moderna", 1.0)), null, CohortStatus.PLANNED);
    }

    public static Cohort eighteenToFortyNineDigit(int digit) {
        return new Cohort("c18-49-d" + digit, "18–49 digit " + digit, BirthCohortRange.of(1972, 2003),
                Set.of(digit), 1_621_000, 0.7,
                new BookingWindow(LocalDateTime.of(2021, 8, 9 + digit, 20, 0),
                        LocalDateTime.of(2021, 8, 10 + digit, 18, 0)),
                new VaccinationPeriod(LocalDate.of(2021, 8, 26), LocalDate.of(2021, 9, 30)),
                BrandAllocation.single("Pfizer"), "c18-49", CohortStatus.PLANNED);
    }

    public static List<VaccineBrand> brands() {
        return List.of(
                new VaccineBrand("Pfizer", 2, new DoseInterval(21, 21, 42), 12, Platform.MRNA,
                        EnumSet.of(SiteKind.VACCINATION_CENTRE, SiteKind.CLINIC)),
                new VaccineBrand("Moderna", 2, new DoseInterval(28, 28, 42), 18, Platform.MRNA,
                        EnumSet.of(SiteKind.VACCINATION_CENTRE)));
    }

    public static BookingSystem bookingSystem() {
        return new BookingSystem(300_000, 25_000, 5, 6.7, List.of(),
                new WaitingRoom(true, 5_000, QueueOrder.FIFO, 60, 0.7, 30));
    }

    /** A plan of the 2021 announcement's shape: two cohorts, two brands. */
    public static Plan initial() {
        return new Plan("Korea 2021 initial", "test plan", SEOUL, List.of(fiftyFiveToFiftyNine(), fiftyToFiftyFour()),
                brands(), List.of(), List.of(), bookingSystem(), List.of(), List.of(), PopulationTable.empty(),
                PlanSettings.DEFAULT, 0);
    }
}
