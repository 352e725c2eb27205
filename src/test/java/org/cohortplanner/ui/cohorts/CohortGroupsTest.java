package org.cohortplanner.ui.cohorts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.cohortplanner.domain.AuditEntry;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.CohortGroup;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.planning.Problem;
import org.cohortplanner.planning.SplitPart;
import org.cohortplanner.store.json.PlanFiles;
import org.cohortplanner.ui.InMemoryPlanStore;
import org.cohortplanner.ui.ScriptedDialogs;
import org.cohortplanner.ui.common.CohortSelection;
import org.cohortplanner.ui.common.DirectTaskRunner;
import org.cohortplanner.ui.common.WorkingPlan;
import org.junit.jupiter.api.Test;

/** Named groups in the cohort editor and in the split dialog, on the as-run sample (teachers and exam students). */
class CohortGroupsTest {
    private static final Plan AS_RUN = PlanFiles.read(Path.of("sample-data", "korea-2021-as-run.json"));

    private final CohortsFixture fixture = new CohortsFixture(AS_RUN);
    private final InMemoryPlanStore store = fixture.store;
    private final WorkingPlan working = fixture.working;
    private final CohortSelection selection = fixture.selection;
    private final CohortsViewModel cohorts = fixture.cohorts;

    private CohortEditor edit(String cohortId) {
        return fixture.edit(cohortId);
    }

    private static GroupForm form(GroupForm form, String name, boolean share, String size) {
        form.nameProperty().set(name);
        form.asShareProperty().set(share);
        form.sizeProperty().set(size);
        return form;
    }

    @Test
    void theEditorListsTheCohortsGroupsAndEditingAnotherFieldKeepsThem() {
        CohortEditor editor = edit("c18-49");
        assertEquals(AS_RUN.cohort("c18-49").orElseThrow().groups(), editor.groups());

        editor.uptakePercentProperty().set("80");
        assertTrue(cohorts.saveEditor());

        Cohort saved = working.getPlan().cohort("c18-49").orElseThrow();
        assertEquals(AS_RUN.cohort("c18-49").orElseThrow().groups(), saved.groups());
        assertEquals(0.8, saved.uptake(), 1e-9);
    }

    @Test
    void aGroupNeedsANameFreeInTheCohortAndASizeWithinTheEligible() {
        CohortEditor editor = edit("c50-54");
        long eligible = AS_RUN.cohort("c50-54").orElseThrow().eligible();

        assertEquals(List.of("Give the group a name."), editor.saveGroup(form(editor.newGroup(), " ", false, "10"),
                null));
        assertEquals(List.of("The cohort already has a group named school teachers."),
                editor.saveGroup(form(editor.newGroup(), "school teachers", true, "1"), null));
        List<String> tooMany = editor.saveGroup(form(editor.newGroup(), "nurses", false,
                Long.toString(eligible + 1)), null);
        assertEquals(1, tooMany.size());
        assertTrue(tooMany.get(0).contains("3,807,034"), tooMany.toString());
        assertFalse(editor.saveGroup(form(editor.newGroup(), "nurses", true, "0"), null).isEmpty());
        assertFalse(editor.saveGroup(form(editor.newGroup(), "nurses", true, "101"), null).isEmpty());
        assertEquals(1, editor.groups().size(), "nothing refused was taken");

        assertEquals(List.of(), editor.saveGroup(form(editor.newGroup(), "nurses", false, "12,000"), null));
        assertEquals(List.of(CohortGroup.ofShare("school teachers", 0.025, true, editor.groups().get(0).note()),
                CohortGroup.ofPeople("nurses", 12_000, false, "")), editor.groups());
    }

    @Test
    void groupsThatTogetherHoldMoreThanTheCohortAreTheValidatorsErrorOnTheGroupsField() {
        CohortEditor editor = edit("c50-54");
        GroupForm most = form(editor.newGroup(), "most", true, "99");

        List<String> found = editor.groupProblems(most, null);
        long sum = Math.round(0.025 * 3_807_034) + Math.round(0.99 * 3_807_034);
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).contains(String.format(Locale.ENGLISH, "%,d", sum)), found.get(0));

        assertEquals(List.of(), editor.saveGroup(most, null));
        assertTrue(editor.fieldProblems().containsKey(Problem.FIELD_GROUPS), editor.fieldProblems().toString());
        editor.removeGroup("most");
        assertFalse(editor.fieldProblems().containsKey(Problem.FIELD_GROUPS));
    }

    @Test
    void groupsAreSavedWithTheCohortAsOneUndoableStep() {
        CohortEditor editor = edit("c50-54");
        int writes = store.writes();
        GroupForm teachers = editor.editGroup(editor.groups().get(0));
        teachers.asShareProperty().set(false);
        teachers.sizeProperty().set("90,000");
        assertEquals(List.of(), editor.saveGroup(teachers, "school teachers"));
        editor.saveGroup(form(editor.newGroup(), "nurses", false, "5000"), null);

        assertTrue(cohorts.saveEditor());

        assertEquals(writes + 1, store.writes());
        List<CohortGroup> saved = working.getPlan().cohort("c50-54").orElseThrow().groups();
        assertEquals(List.of(90_000L, 5_000L), saved.stream().map(CohortGroup::people).toList());
        AuditEntry entry = store.audit().get(store.audit().size() - 1);
        assertTrue(entry.after().contains("school teachers: 90,000 people"), entry.after());
        assertTrue(entry.before().contains("school teachers: 2.5 % of eligible"), entry.before());

        working.undo();
        assertEquals(AS_RUN.cohort("c50-54").orElseThrow().groups(),
                working.getPlan().cohort("c50-54").orElseThrow().groups());
    }

    @Test
    void theSplitDialogShowsWhereTheGroupsGoAndSaysWhenItCannotKeepThem() {
        selection.select("c36-49-catch-up");
        SplitDialogModel dialog = cohorts.proposeSplit().orElseThrow();

        assertEquals(2, dialog.parts().size());
        for (int i = 0; i < 2; i++) {
            SplitPart part = dialog.parts().get(i);
            assertEquals(List.of(CohortGroup.ofShare("school teachers", 0.025, true,
                    dialog.groupsOfPart(i).get(0).note())), dialog.groupsOfPart(i));
            assertTrue(dialog.groupsText(i).contains(String.format(Locale.ENGLISH, "%,d",
                    Math.round(0.025 * part.people()))), dialog.groupsText(i));
        }

        Cohort counted = AS_RUN.cohort("c36-49-catch-up").orElseThrow().withGroups(List.of(
                CohortGroup.ofPeople("teachers", 100_001, false, "")));
        Plan withCount = AS_RUN.withCohort(counted);
        WorkingPlan other = new WorkingPlan(new InMemoryPlanStore(withCount), new DirectTaskRunner(), withCount);
        CohortsViewModel otherCohorts = new CohortsViewModel(other, selection, new ScriptedDialogs(), "kim",
                Locale.ENGLISH);
        SplitDialogModel countedSplit = otherCohorts.proposeSplit().orElseThrow();
        long kept = 0;
        for (int i = 0; i < countedSplit.parts().size(); i++) {
            kept += countedSplit.groupsOfPart(i).get(0).people();
        }
        assertEquals(100_001, kept, "a count is shared out over the parts without losing anyone");

        Plan tooMany = AS_RUN.withCohort(AS_RUN.cohort("c36-49-catch-up").orElseThrow().withGroups(List.of(
                CohortGroup.ofShare("a", 0.7, false, ""), CohortGroup.ofShare("b", 0.7, false, ""))));
        WorkingPlan third = new WorkingPlan(new InMemoryPlanStore(tooMany), new DirectTaskRunner(), tooMany);
        SplitDialogModel refused = new CohortsViewModel(third, selection, new ScriptedDialogs(), "kim",
                Locale.ENGLISH).proposeSplit().orElseThrow();
        assertFalse(refused.canApply());
        assertTrue(refused.problemProperty().get().contains("named groups of 36–49 catch-up"),
                refused.problemProperty().get());
    }
}
