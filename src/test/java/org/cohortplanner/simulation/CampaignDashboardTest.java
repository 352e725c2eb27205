package org.cohortplanner.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.List;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.planning.CohortFamilies;
import org.cohortplanner.planning.schedule.Schedule;
import org.cohortplanner.store.json.PlanFiles;
import org.cohortplanner.work.Cancellation;
import org.cohortplanner.work.CancelledException;
import org.cohortplanner.work.Progress;
import org.junit.jupiter.api.Test;

class CampaignDashboardTest {
    private static final Plan INITIAL = PlanFiles.read(Path.of("sample-data", "korea-2021-initial.json"));

    @Test
    void figuresAddUpToThePlansCohortsDeliveriesAndNights() {
        CampaignFigures figures = CampaignDashboard.standard().figures(INITIAL);
        List<Cohort> booking = CohortFamilies.bookingCohorts(INITIAL);
        assertEquals(booking.stream().mapToLong(Cohort::eligible).sum(), figures.eligible());
        assertEquals(booking.stream().mapToLong(Cohort::expectedBookers).sum(), figures.expectedBookings());
        assertEquals(INITIAL.deliveries().stream().mapToLong(d -> d.doses()).sum(), figures.usableDoses(),
                "every delivery is usable in exactly one week");
        Schedule schedule = Schedule.of(INITIAL);
        assertEquals(schedule.rows().stream().mapToLong(r -> r.appointments()).sum(), figures.neededDoses());
        assertTrue(figures.brandWeeks().stream().allMatch(w -> w.weekStart().getDayOfWeek() == DayOfWeek.MONDAY));
        assertEquals(3, figures.nights().size(), "the initial plan's three opening nights");
        assertEquals("c55-59", figures.nights().get(0).cohortId());
        assertTrue(figures.worstNight().orElseThrow().p95Minutes() > 30, "the initial plan's nights are crowded");
        assertEquals(schedule.regions().size(), figures.regions().size());
        assertEquals(0, figures.peopleShort());
    }

    @Test
    void aPlanWithoutMostOfItsDeliveriesIsShortInEveryRegionOnTheSameDays() {
        Plan starved = INITIAL.withDeliveries(INITIAL.deliveries().subList(0, 1));
        CampaignFigures figures = CampaignDashboard.standard().figures(starved);
        Schedule schedule = Schedule.of(starved);
        assertEquals(schedule.regionStock().stream().mapToLong(day -> day.peopleShort()).sum(),
                figures.peopleShort());
        assertTrue(figures.peopleShort() > 1_000_000, "most people go without: " + figures.peopleShort());
        assertTrue(figures.shortageDays() > 0);
        CampaignFigures.RegionFigures seoul = figures.region("Seoul").orElseThrow();
        assertTrue(seoul.peopleShort() > 0 && seoul.shortageDays() > 0, seoul.toString());
        assertEquals(seoul.peopleShort(), figures.regionDays("Seoul").stream()
                .mapToLong(CampaignFigures.RegionDay::peopleShort).sum());
    }

    @Test
    void aCancelledRunEndsWithoutFigures() {
        Cancellation cancelled = new Cancellation();
        cancelled.cancel();
        assertThrows(CancelledException.class,
                () -> CampaignDashboard.standard().figures(INITIAL, 1, Progress.none(), cancelled));
    }
}
