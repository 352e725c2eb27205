package org.cohortplanner.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.cohortplanner.domain.BookingWindow;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.VaccinationPeriod;
import org.cohortplanner.planning.Problem;
import org.cohortplanner.domain.AuditEntry;
import org.cohortplanner.domain.PlanChange;
import org.cohortplanner.store.json.PlanFiles;
import org.cohortplanner.ui.InMemoryPlanStore;
import org.cohortplanner.ui.common.CohortSelection;
import org.cohortplanner.ui.common.DirectTaskRunner;
import org.cohortplanner.ui.common.WorkingPlan;
import org.junit.jupiter.api.Test;

class TimelineViewModelTest {
    private static final Plan AS_RUN = PlanFiles.read(Path.of("sample-data", "korea-2021-as-run.json"));
    /** Noon in Seoul on the night between the 53–54 and 50–52 windows. */
    private static final Clock DURING_CAMPAIGN = Clock.fixed(Instant.parse("2021-07-20T03:00:00Z"), ZoneOffset.UTC);

    private final InMemoryPlanStore store = new InMemoryPlanStore(AS_RUN);
    private final WorkingPlan working = new WorkingPlan(store, new DirectTaskRunner(), AS_RUN);
    private final CohortSelection selection = new CohortSelection();
    private final TimelineViewModel timeline = new TimelineViewModel(working, selection, "kim", Locale.ENGLISH,
            DURING_CAMPAIGN);

    @Test
    void eachSplitParentIsFollowedByItsPartsIndented() {
        List<String> names = timeline.rows().stream().map(TimelineRow::name).toList();

        assertEquals(List.of("55–59 12 July", "55–59", "50–54", "53–54", "50–52", "50–54 catch-up", "18–49",
                "18–49 digit 9", "18–49 digit 0", "18–49 digit 1", "18–49 digit 2", "18–49 digit 3", "18–49 digit 4",
                "18–49 digit 5", "18–49 digit 6", "18–49 digit 7", "18–49 digit 8", "36–49 catch-up",
                "18–35 catch-up"), names);
        TimelineRow parent = timeline.row("c50-54").orElseThrow();
        assertTrue(parent.replacedByParts());
        assertEquals(0, parent.depth());
        assertFalse(parent.windowMovable());
        assertEquals(1, timeline.row("c53-54").orElseThrow().depth());
        assertFalse(timeline.row("c53-54").orElseThrow().replacedByParts());
        assertEquals(0, timeline.row("c50-54-catch-up").orElseThrow().depth());
    }

    @Test
    void theAsRunSplitBooksOnConsecutiveNights() {
        TimelineBar older = timeline.row("c53-54").orElseThrow().window();
        TimelineBar younger = timeline.row("c50-52").orElseThrow().window();

        assertEquals(TimelineBar.Kind.BOOKING_WINDOW, older.kind());
        assertEquals(LocalDateTime.of(2021, 7, 19, 20, 0), older.start());
        assertEquals(LocalDateTime.of(2021, 7, 20, 18, 0), older.end());
        assertEquals(older.start().plusDays(1), younger.start());
        assertEquals(older.end().plusDays(1), younger.end());
        assertTrue(younger.start().isAfter(older.end()), "the nights do not overlap");
    }

    @Test
    void aVaccinationBarRunsFromTheFirstDaysMidnightToTheMidnightAfterTheLastDay() {
        Cohort fifties = AS_RUN.cohort("c53-54").orElseThrow();
        TimelineBar period = timeline.row("c53-54").orElseThrow().vaccination();

        assertEquals(fifties.vaccinationPeriod().firstDay().atStartOfDay(), period.start());
        assertEquals(fifties.vaccinationPeriod().lastDay().plusDays(1).atStartOfDay(), period.end());
    }

    @Test
    void fittingTheCampaignShowsEveryBarInTheView() {
        timeline.viewport().setViewport(1000, 400);
        TimeAxis axis = timeline.viewport().getAxis();

        assertEquals(0, axis.x(timeline.viewport().rangeStart()), 1e-9);
        assertEquals(1000, axis.x(timeline.viewport().rangeEnd()), 1e-3);
        for (TimelineRow row : timeline.rows()) {
            for (TimelineBar bar : List.of(row.window(), row.vaccination())) {
                assertTrue(axis.x(bar.from()) > 0 && axis.x(bar.to()) < 1000, bar.toString());
            }
        }
        assertEquals(168, TimelineViewport.tickStepHours(axis.hourWidth()), "weeks across the campaign");
    }

    @Test
    void zoomingInAndOutStaysBetweenTheCampaignAndHalfHoursOfSixtyPixels() {
        timeline.viewport().setViewport(1000, 400);
        double campaign = timeline.viewport().getAxis().hourWidth();

        timeline.viewport().zoomOut();
        assertEquals(campaign, timeline.viewport().getAxis().hourWidth(), 1e-9, "no wider than the campaign");
        timeline.viewport().zoomIn();
        assertEquals(campaign * TimelineViewport.ZOOM_STEP, timeline.viewport().getAxis().hourWidth(), 1e-9);
        for (int i = 0; i < 30; i++) {
            timeline.viewport().zoomIn();
        }
        assertEquals(TimelineViewport.MAX_HOUR_WIDTH, timeline.viewport().getAxis().hourWidth(), 1e-9);
        timeline.viewport().fitCampaign();
        assertEquals(campaign, timeline.viewport().getAxis().hourWidth(), 1e-9);
    }

    @Test
    void ctrlWheelZoomKeepsTheTimeUnderTheMouse() {
        timeline.viewport().setViewport(1000, 400);
        LocalDateTime underMouse = timeline.viewport().getAxis().timeAt(400);

        timeline.viewport().zoomAt(400, 4);

        assertEquals(400, timeline.viewport().getAxis().x(underMouse), 0.01);
    }

    @Test
    void theViewCannotScrollPastTheCampaign() {
        timeline.viewport().setViewport(1000, 400);
        timeline.viewport().zoomAt(0, 8);

        timeline.viewport().scrollHorizontally(-1_000_000);
        assertEquals(timeline.viewport().rangeStart(), timeline.viewport().getAxis().start());
        timeline.viewport().scrollHorizontally(1_000_000);
        assertEquals(timeline.viewport().rangeEnd(), timeline.viewport().getAxis().end(1000).withSecond(0).withNano(0));
    }

    @Test
    void openingNightShowsTheSelectedCohortsNightInHours() {
        timeline.viewport().setViewport(960, 400);
        assertFalse(timeline.openingNightAvailableProperty().get());

        timeline.select("c50-52");
        timeline.zoomToOpeningNight();

        assertTrue(timeline.openingNightAvailableProperty().get());
        TimeAxis axis = timeline.viewport().getAxis();
        assertEquals(LocalDateTime.of(2021, 7, 20, 18, 0), axis.start());
        assertEquals(16, axis.hoursAcross(960), 1e-9);
        List<AxisTick> ticks = timeline.viewport().ticks();
        assertTrue(ticks.contains(new AxisTick(LocalDateTime.of(2021, 7, 20, 20, 0), "20:00", false)), ticks::toString);
        assertTrue(ticks.contains(new AxisTick(LocalDateTime.of(2021, 7, 21, 0, 0), "Wed 21 Jul 2021", true)),
                ticks::toString);
    }

    @Test
    void axisLabelsStayApartAtEveryZoom() {
        assertEquals(1, TimelineViewport.tickStepHours(60));
        assertEquals(2, TimelineViewport.tickStepHours(30));
        assertEquals(6, TimelineViewport.tickStepHours(10));
        assertEquals(24, TimelineViewport.tickStepHours(3));
        assertEquals(168, TimelineViewport.tickStepHours(0.5));
        for (double hourWidth : new double[] {120, 45, 7, 2.6, 1.1, 0.4, 0.1}) {
            int step = TimelineViewport.tickStepHours(hourWidth);
            assertTrue(step * hourWidth >= TimelineViewport.MIN_TICK_SPACING || step == 672, "at " + hourWidth);
        }
    }

    @Test
    void clickingABarSelectsItsCohortAndASelectionElsewhereMarksTheRow() {
        timeline.viewport().setViewport(1000, 800);
        int index = timeline.rows().indexOf(timeline.row("c53-54").orElseThrow());
        TimelineViewport.Box box = timeline.viewport().box(index, timeline.rows().get(index).window());

        TimelineBar hit = timeline.viewport().barAt(box.x() + box.width() / 2, box.y() + box.height() / 2)
                .orElseThrow();
        timeline.select(hit.cohortId());

        assertEquals("c53-54", selection.getCohortId());
        assertEquals(TimelineBar.Kind.BOOKING_WINDOW, hit.kind());
        selection.select("c18-49-d3");
        assertEquals(timeline.rows().indexOf(timeline.row("c18-49-d3").orElseThrow()), timeline.selectedRowIndex());
        assertTrue(timeline.viewport().barAt(box.x() + box.width() / 2, box.y() + 40 * TimelineViewport.ROW_HEIGHT)
                .isEmpty());
    }

    @Test
    void problemsAreMarkedOnTheBarTheyConcern() {
        Cohort older = AS_RUN.cohort("c53-54").orElseThrow();
        Cohort reversed = older.withWindow(new BookingWindow(older.window().closes(), older.window().opens()));
        Cohort younger = AS_RUN.cohort("c50-52").orElseThrow();
        Cohort early = younger.withVaccinationPeriod(new VaccinationPeriod(LocalDate.of(2021, 7, 20),
                LocalDate.of(2021, 8, 21)));
        working.edit(AS_RUN.withCohort(reversed).withCohort(early), PlanChange.of("kim", "Break two cohorts"));

        TimelineRow olderRow = timeline.row("c53-54").orElseThrow();
        TimelineRow youngerRow = timeline.row("c50-52").orElseThrow();
        assertTrue(olderRow.window().hasErrors());
        assertEquals(Problem.FIELD_WINDOW, olderRow.window().problems().get(0).field());
        assertFalse(olderRow.vaccination().hasProblems());
        assertFalse(youngerRow.window().hasProblems());
        assertTrue(youngerRow.vaccination().hasErrors());
        assertFalse(timeline.row("c55-59").orElseThrow().window().hasProblems());
        assertEquals("2 errors · no warnings", timeline.problemSummaryProperty().get());
        assertTrue(timeline.describe(olderRow.window()).contains("Error: cohort 53–54 (booking window): closes"),
                timeline.describe(olderRow.window()));
    }

    @Test
    void tooltipsGiveExactTimesInThePlansZone() {
        TimelineRow row = timeline.row("c53-54").orElseThrow();

        assertEquals("53–54 · booking window\nOpens Mon 19 Jul 2021 20:00\nCloses Tue 20 Jul 2021 18:00\n"
                + "Times in Asia/Seoul\nStatus: Closed", timeline.describe(row.window()));
        assertTrue(timeline.describe(timeline.row("c50-54").orElseThrow().window()).contains("Split into the parts"));
    }

    @Test
    void todayIsMarkedOnThePlansClock() {
        assertEquals(LocalDateTime.of(2021, 7, 20, 12, 0), timeline.today());
        assertEquals("Today: Tue 20 Jul 2021 12:00 (Asia/Seoul)", timeline.todayTextProperty().get());
        TimelineViewModel later = new TimelineViewModel(working, selection, "kim", Locale.ENGLISH,
                Clock.fixed(Instant.parse("2026-11-25T04:00:00Z"), ZoneOffset.UTC));
        assertTrue(later.todayTextProperty().get().endsWith("outside this plan's dates"),
                later.todayTextProperty().get());
    }

    @Test
    void draggingAWindowSnapsItsOpeningToTheHalfHourAndSavesOneEdit() {
        timeline.viewport().setViewport(960, 400);
        timeline.select("c50-52");
        timeline.zoomToOpeningNight();
        double hour = timeline.viewport().getAxis().hourWidth();

        assertTrue(timeline.startMove("c50-52"));
        timeline.dragBy(hour * 0.4);
        assertEquals(LocalDateTime.of(2021, 7, 20, 20, 30), timeline.movePreviewProperty().get().opens());
        timeline.dragBy(hour * 1.2);
        assertEquals(new BookingWindow(LocalDateTime.of(2021, 7, 20, 21, 0), LocalDateTime.of(2021, 7, 21, 19, 0)),
                timeline.movePreviewProperty().get());
        assertEquals("Tue 20 Jul 2021 21:00 → Wed 21 Jul 2021 19:00", timeline.movePreviewText());
        timeline.finishMove();

        assertNull(timeline.movePreviewProperty().get());
        assertEquals(LocalDateTime.of(2021, 7, 20, 21, 0), working.getPlan().cohort("c50-52").orElseThrow()
                .window().opens());
        assertEquals(LocalDateTime.of(2021, 7, 20, 21, 0), timeline.row("c50-52").orElseThrow().window().start());
        assertEquals(1, store.writes());
        AuditEntry entry = store.audit().get(store.audit().size() - 1);
        assertEquals("kim", entry.user());
        assertEquals("Moved the booking window of 50–52", entry.action());
        assertEquals("Tue 20 Jul 2021 20:00 – Wed 21 Jul 2021 18:00 (Asia/Seoul)", entry.before());
        assertEquals("Tue 20 Jul 2021 21:00 – Wed 21 Jul 2021 19:00 (Asia/Seoul)", entry.after());
    }

    @Test
    void escapeOrADragBackToTheStartLeavesThePlanAsItWas() {
        timeline.viewport().setViewport(960, 400);
        assertTrue(timeline.startMove("c53-54"));
        timeline.dragBy(300);
        timeline.cancelMove();
        timeline.finishMove();

        assertTrue(timeline.startMove("c53-54"));
        timeline.dragBy(0.1);
        timeline.finishMove();

        assertEquals(AS_RUN.cohorts(), working.getPlan().cohorts());
        assertEquals(0, store.writes());
    }

    @Test
    void aSplitParentsWindowDoesNotMove() {
        assertFalse(timeline.startMove("c50-54"));
        assertFalse(timeline.isMoving());
    }

    @Test
    void snappingGoesToTheNearestHalfHour() {
        assertEquals(LocalDateTime.of(2021, 7, 19, 20, 0), TimelineViewModel.snapped(LocalDateTime.of(2021, 7, 19,
                20, 14)));
        assertEquals(LocalDateTime.of(2021, 7, 19, 20, 30), TimelineViewModel.snapped(LocalDateTime.of(2021, 7, 19,
                20, 15)));
        assertEquals(LocalDateTime.of(2021, 7, 20, 0, 0), TimelineViewModel.snapped(LocalDateTime.of(2021, 7, 19,
                23, 50)));
        assertEquals(Duration.ofMinutes(-90), TimelineViewModel.snappedShift(LocalDateTime.of(2021, 7, 19, 20, 0),
                -1.4));
    }

    @Test
    void rowsFollowEveryChangeOfThePlan() {
        Cohort fifties = AS_RUN.cohort("c50-54-catch-up").orElseThrow();
        working.edit(AS_RUN.withCohorts(List.of(fifties)), PlanChange.of("kim", "Keep one cohort"));

        assertEquals(List.of("c50-54-catch-up"), timeline.rows().stream().map(TimelineRow::cohortId).toList());
    }

    @Test
    void koreanTextsFormatDatesTheKoreanWay() {
        TimelineViewModel korean = new TimelineViewModel(working, selection, "kim", Locale.KOREAN, DURING_CAMPAIGN);

        assertTrue(korean.describe(korean.row("c53-54").orElseThrow().window()).contains("2021년 7월 19일"),
                korean.describe(korean.row("c53-54").orElseThrow().window()));
    }
}
