package org.cohortplanner.ui.cohorts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.CohortStatus;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.BookingWindow;
import org.cohortplanner.planning.SplitKind;
import org.cohortplanner.planning.SplitPart;
import org.cohortplanner.domain.AuditEntry;
import org.cohortplanner.store.json.PlanFiles;
import org.cohortplanner.ui.InMemoryPlanStore;
import org.cohortplanner.ui.ScriptedDialogs;
import org.cohortplanner.ui.common.CohortSelection;
import org.cohortplanner.ui.common.DirectTaskRunner;
import org.cohortplanner.ui.common.WorkingPlan;
import org.junit.jupiter.api.Test;

class SplitDialogModelTest {
    private static final Plan SAMPLE = PlanFiles.read(Path.of("sample-data", "korea-2021-initial.json"));

    private final InMemoryPlanStore store = new InMemoryPlanStore(SAMPLE);
    private final WorkingPlan working = new WorkingPlan(store, new DirectTaskRunner(), SAMPLE);
    private final CohortSelection selection = new CohortSelection();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final CohortsViewModel cohorts = new CohortsViewModel(working, selection, dialogs, "kim",
            Locale.ENGLISH);

    private SplitDialogModel split(String cohortId) {
        selection.select(cohortId);
        return cohorts.proposeSplit().orElseThrow();
    }

    @Test
    void proposesTheSplitAtTheMiddleBirthYearOnConsecutiveNightsBeforeAnythingChanges() {
        SplitDialogModel dialog = split("c50-54");

        assertEquals(SplitKind.AT_BIRTH_YEAR, dialog.kindProperty().get());
        assertEquals(1969, dialog.boundaryYearProperty().get());
        assertEquals(List.of("53–54", "50–52"), dialog.parts().stream().map(SplitPart::name).toList());
        assertEquals("1967–1968", dialog.parts().get(0).birthYears().toString());
        assertEquals(3_807_034, dialog.parts().stream().mapToLong(SplitPart::people).sum());
        assertEquals(LocalDateTime.of(2021, 7, 19, 20, 0), dialog.parts().get(0).window().opens());
        assertEquals(LocalDateTime.of(2021, 7, 20, 20, 0), dialog.parts().get(1).window().opens());
        assertEquals(0, store.writes(), "a preview changes nothing");
        assertEquals(SAMPLE, working.getPlan());
    }

    @Test
    void applyMakesTheSplitAsOneUndoableEditWithItsAuditEntry() {
        SplitDialogModel dialog = split("c50-54");
        dialog.reasonProperty().set("booking system load");

        dialog.apply();

        List<Cohort> after = working.getPlan().cohorts();
        assertEquals(List.of("55–59", "50–54", "53–54", "50–52", "18–49"), after.stream().map(Cohort::name).toList());
        assertEquals(CohortStatus.CLOSED, after.get(1).status());
        AuditEntry entry = store.audit().get(store.audit().size() - 1);
        assertEquals("Split cohort 50–54 at 1969 into 53–54, 50–52", entry.action());
        assertEquals("booking system load", entry.reason());
        assertTrue(entry.after().contains("53–54 (born 1967–1968"), entry.after());

        working.undo();
        assertEquals(SAMPLE.cohorts(), working.getPlan().cohorts());
    }

    @Test
    void movingTheFirstNightMovesTheOthersAfterIt() {
        SplitDialogModel dialog = split("c50-54");

        dialog.firstNight().opensDateProperty().set(LocalDate.of(2021, 7, 26));
        dialog.firstNight().closesDateProperty().set(LocalDate.of(2021, 7, 27));
        dialog.firstNight().closesTimeProperty().set("18:00");

        assertEquals(LocalDateTime.of(2021, 7, 26, 20, 0), dialog.parts().get(0).window().opens());
        assertEquals(LocalDateTime.of(2021, 7, 27, 20, 0), dialog.parts().get(1).window().opens());
        assertEquals(LocalDateTime.of(2021, 7, 28, 18, 0), dialog.parts().get(1).window().closes());
    }

    @Test
    void aPartRenamedInThePreviewKeepsItsNameWhenApplied() {
        SplitDialogModel dialog = split("c50-54");

        dialog.rename(0, "53–54 first night");
        dialog.apply();

        assertTrue(working.getPlan().cohortNamed("53–54 first night").isPresent());
        assertEquals("Split cohort 50–54 at 1969 into 53–54 first night, 50–52",
                store.audit().get(store.audit().size() - 1).action());
    }

    @Test
    void aSplitThatMakesNoSenseSaysWhyAndCannotBeApplied() {
        SplitDialogModel dialog = split("c50-54");

        dialog.kindProperty().set(SplitKind.EQUAL_PEOPLE);
        dialog.groupsProperty().set(6);

        assertNull(dialog.previewProperty().get());
        assertFalse(dialog.canApply());
        assertTrue(dialog.problemProperty().get().contains("it has 5 birth years"), dialog.problemProperty().get());

        dialog.firstNight().opensTimeProperty().set("late");
        dialog.groupsProperty().set(3);
        assertTrue(dialog.problemProperty().get().contains("20:00"), dialog.problemProperty().get());
        dialog.firstNight().opensTimeProperty().set("20:00");
        assertEquals(3, dialog.parts().size());
    }

    @Test
    void aSplitBeyondThePlanFormatsLimitsSaysWhichAndCannotBeApplied() {
        // Each part books as long as the cohort did: ten parts of a twelve-day window open 120 days of booking, more
        // than the booking windows of a plan may add up to with the other cohorts'.
        Plan longCampaign = SAMPLE.withCohorts(SAMPLE.cohorts().stream().map(c -> c.id().equals("c50-54")
                ? c.withWindow(new BookingWindow(c.window().opens(), c.window().opens().plusDays(12)))
                : c).toList());
        WorkingPlan plan = new WorkingPlan(new InMemoryPlanStore(longCampaign), new DirectTaskRunner(), longCampaign);
        CohortSelection chosen = new CohortSelection();
        CohortsViewModel screen = new CohortsViewModel(plan, chosen, dialogs, "kim", Locale.ENGLISH);
        chosen.select("c50-54");
        SplitDialogModel dialog = screen.proposeSplit().orElseThrow();

        dialog.kindProperty().set(SplitKind.BY_BIRTH_DAY_DIGIT);
        dialog.groupsProperty().set(10);

        assertEquals(10, dialog.parts().size(), "the parts are shown, with why they cannot be made");
        assertNull(dialog.previewProperty().get());
        assertFalse(dialog.canApply());
        assertTrue(dialog.problemProperty().get().contains("would take the plan beyond the plan format's limits: "
                + "with this window the booking windows of the plan add up to"), dialog.problemProperty().get());
        dialog.groupsProperty().set(2);
        assertTrue(dialog.canApply(), dialog.problemProperty().get());
    }

    @Test
    void tenGroupsByBirthDayDigitGiveTheDailyRotation() {
        SplitDialogModel dialog = split("c18-49");

        dialog.kindProperty().set(SplitKind.BY_BIRTH_DAY_DIGIT);
        dialog.groupsProperty().set(10);

        assertEquals(10, dialog.parts().size());
        assertEquals("18–49 digit 0", dialog.parts().get(0).name());
        assertEquals(16_210_000, dialog.parts().stream().mapToLong(SplitPart::people).sum());
        assertFalse(dialog.parts().stream().anyMatch(part -> part.window().opens().toLocalDate()
                .equals(LocalDate.of(2021, 8, 15))), "no booking night on Liberation Day");
    }

    @Test
    void closingTheDialogWithoutApplyChangesNothing() {
        SplitDialogModel dialog = split("c50-54");
        dialog.boundaryYearProperty().set(1970);

        assertEquals(0, store.writes());
        assertEquals(SAMPLE, working.getPlan());
        assertFalse(working.canUndo());
    }

    @Test
    void aSplitParentCannotBeSplitAgainButItsPartsCanBeMergedBack() {
        split("c50-54").apply();
        selection.select("c50-54");

        assertTrue(cohorts.proposeSplit().isEmpty());
        assertTrue(dialogs.errors.get(0).contains("already split"), dialogs.errors.toString());
        assertTrue(cohorts.canMergeProperty().get());

        String part = working.getPlan().cohortNamed("50–52").orElseThrow().id();
        selection.select(part);
        assertTrue(cohorts.canMergeProperty().get(), "Merge works from a part too");
        dialogs.answer(true);
        cohorts.mergeSelected();

        assertEquals(SAMPLE.cohorts(), working.getPlan().cohorts());
        assertEquals("Merged 53–54, 50–52 back into 50–54",
                store.audit().get(store.audit().size() - 1).action());
        assertEquals("c50-54", selection.getCohortId());
    }
}
