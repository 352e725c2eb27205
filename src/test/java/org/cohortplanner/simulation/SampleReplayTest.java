package org.cohortplanner.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.planning.CohortSplitter;
import org.cohortplanner.planning.schedule.DoseBudget;
import org.cohortplanner.store.json.PlanFiles;
import org.cohortplanner.work.Cancellation;
import org.cohortplanner.work.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sample plans replay the story of July 2021. */
class SampleReplayTest {
    private static Plan initial;
    private static Plan asRun;
    private static final BookingNightModel MODEL = new BookingNightSimulator();
    private static final BookingNights NIGHTS = BookingNights.standard();

    @BeforeAll
    static void readSamples() {
        initial = PlanFiles.read(Path.of("sample-data/korea-2021-initial.json"));
        asRun = PlanFiles.read(Path.of("sample-data/korea-2021-as-run.json"));
    }

    private static BookingNightParameters night(Plan plan, String window) {
        return NIGHTS.parameters(plan, NIGHTS.window(plan, window).orElseThrow());
    }

    /**
     * The sample's night with a sharp opening burst, 80 % of first attempts decaying over 60 minutes (how plans of
     * format 2 were read). The samples' own decay is fitted to the 12 July night (docs/simulation-output.md) and
     * spreads first attempts over hours, under which these nights have no queue; these tests check what the model
     * does when the crowd comes at once, as on 19 July.
     */
    private static BookingNightParameters sharpBurst(Plan plan, String window) {
        return night(plan, window).withArrivals(ArrivalProfile.burst(0.8, 60));
    }

    @Test
    void withoutAWaitingRoomTheOriginalSystemLeavesManyOfTheFiftiesWithoutABookingAsTheyTire() {
        BookingNightParameters fifties = sharpBurst(initial, "50–54");
        BookingNightResult night = MODEL.run(fifties, 1);
        assertTrue(night.neverGotThrough() > 0.3 * night.people(), "never " + night.neverGotThrough());
        assertTrue(Nights.failures(night) > 10 * night.people(), "sessions refused " + Nights.failures(night));
        // Each attempt is made from m devices on average and a person makes at most 1 / (1 − r) attempts on average,
        // however many devices they use: sessions are an outcome bounded by the tiring model.
        double mostSessions = night.people() * fifties.accessMultiplier() / (1 - fifties.retryProbability());
        assertTrue(night.sessions() > night.people() * fifties.accessMultiplier(), "sessions " + night.sessions());
        assertTrue(night.sessions() < mostSessions, night.sessions() + " sessions, at most " + mostSessions);
    }

    @Test
    void theAsRunSplitNightsWithTheTenOClockServersLeaveFarFewerWithoutABooking() {
        BookingNightResult fiveYears = MODEL.run(sharpBurst(initial, "50–54"), 1);
        double fiveYearsNever = fiveYears.neverGotThrough() / (double) fiveYears.people();
        for (String window : List.of("53–54", "50–52")) {
            BookingNightResult split = MODEL.run(sharpBurst(asRun, window), 1);
            assertTrue(split.neverGotThrough() < 0.1 * split.people(), window + " never " + split.neverGotThrough());
            assertTrue(split.neverGotThrough() / (double) split.people() < fiveYearsNever / 3,
                    window + ": " + split.neverGotThrough() + " vs " + fiveYears.neverGotThrough());
            assertFalse(split.suspended(), window);
        }
        BookingNightParameters fiftyThree = night(asRun, "53–54");
        assertEquals(120, fiftyThree.slotChanges().get(0).atMinute(), 1e-9, "extra servers at 22:00");
        assertEquals(50_000, fiftyThree.slotsAt(120));
    }

    @Test
    void theAsRunWaitingRoomShowsAboutHalfAnHourAtItsLongestQueue() {
        BookingNightResult night = MODEL.run(sharpBurst(asRun, "53–54"), 1);
        BookingNightResult.PositionEstimate longest =
                night.positionEstimates().get(night.positionEstimates().size() - 1);
        assertTrue(longest.shownMinutes() > 20 && longest.shownMinutes() < 60, longest.toString());
    }

    @Test
    void theTenOClockServersShortenTheAsRunNight() {
        BookingNightParameters fiftyThree = sharpBurst(asRun, "53–54");
        BookingNightResult withServers = MODEL.run(fiftyThree, 1);
        BookingNightResult without = MODEL.run(fiftyThree.withCapacity(fiftyThree.slots(), List.of()), 1);
        assertTrue(withServers.gaveUp() < without.gaveUp(), withServers.gaveUp() + " vs " + without.gaveUp());
        assertTrue(withServers.waits().p95Minutes() <= without.waits().p95Minutes(),
                withServers.waits() + " vs " + without.waits());
    }

    @Test
    void theInitialFiftyFiveToFiftyNineWindowBooksNoMoreThanItsModernaAndAccountsForEveryone() {
        Cohort cohort = NIGHTS.window(initial, "55–59").orElseThrow();
        long moderna = DoseBudget.of(initial).bookableFirstDoses(cohort.id());
        BookingNightResult result = MODEL.run(NIGHTS.parameters(initial, cohort), 1);
        assertEquals(1.85e6, moderna, 0.01e6, "the Moderna on hand before the first vaccination day");
        assertTrue(result.booked() <= moderna, result.booked() + " booked");
        assertTrue(result.booked() > 0.3 * result.people(), result.booked() + " booked");
        assertEquals(result.people(),
                result.booked() + result.gaveUp() + result.turnedAway() + result.stillTryingAtClose());
        if (result.suspended()) {
            assertEquals(moderna, result.booked());
        }
    }

    @Test
    void theAdvisorSplitsTheInitialFiftiesAndShowsWhyOneNightDoesNotDo() {
        SplitAdvisor advisor = new SplitAdvisor(MODEL, NIGHTS, new CohortSplitter());
        Cohort fifties = initial.cohortNamed("50–54").orElseThrow();
        BookingNightResult whole = MODEL.run(NIGHTS.parameters(initial, fifties), 7);
        double target = whole.waits().p95Minutes() - 5;
        SplitAdvisor.Advice advice = advisor.advise(initial, fifties, new SplitAdvisor.Targets(target, true), 7,
                Progress.none(), Cancellation.never());
        SplitAdvisor.Candidate proposal = advice.proposal().orElseThrow();
        assertTrue(proposal.parts() >= 2);
        assertTrue(proposal.worstP95WaitMinutes() <= target);
        assertEquals(fifties.eligible(),
                proposal.nights().stream().mapToLong(SplitAdvisor.PartNight::eligible).sum());
        SplitAdvisor.Candidate asItIs = advice.tried().get(0);
        assertEquals(1, asItIs.parts());
        assertFalse(asItIs.meetsTargets());
        assertTrue(asItIs.shortfalls().get(0).contains("p95 wait"), asItIs.shortfalls().toString());
        assertTrue(advice.tried().stream().filter(c -> c.parts() < proposal.parts())
                .noneMatch(SplitAdvisor.Candidate::meetsTargets));
        for (int i = 1; i < proposal.nights().size(); i++) {
            assertEquals(proposal.nights().get(i - 1).window().opens().plusDays(1),
                    proposal.nights().get(i).window().opens(), "consecutive nights");
        }
    }

    @Test
    void scenariosOfTheInitialFiftiesNightSitSideBySide() {
        Cohort fifties = initial.cohortNamed("50–54").orElseThrow();
        // The crowd at once, as in sharpBurst.
        Plan sharp = initial.withBookingSystem(initial.bookingSystem().withNight(
                initial.bookingSystem().night().withBurst(0.8, 60)));
        List<ScenarioComparison.Scenario> scenarios =
                ScenarioComparison.standardVariants(sharp, fifties, NIGHTS, 3);
        List<ScenarioComparison.Row> rows = new ScenarioComparison(MODEL).compare(scenarios, 1,
                Progress.none(), Cancellation.never());
        assertEquals(List.of("as planned", "capacity ×2", "waiting room 5000/min", "split in 2 by birth year",
                "multiplier 3.0"), rows.stream().map(ScenarioComparison.Row::scenario).toList());
        ScenarioComparison.Row asPlanned = rows.get(0);
        assertTrue(rows.get(1).booked() > asPlanned.booked() * 1.2, "more capacity, more bookings before people tire");
        assertTrue(rows.get(2).booked() > asPlanned.booked() * 1.1, "a waiting room, more bookings");
        assertTrue(rows.get(2).peakQueue() > 0);
        assertEquals(2, rows.get(3).nights());
        assertEquals(asPlanned.people(), rows.get(3).people(), 2, "a split keeps every person");
        assertTrue(rows.get(4).results().get(0).sessions() < asPlanned.results().get(0).sessions(),
                "fewer sessions per person, less load");
    }
}
