package org.cohortplanner.ui.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Plan;
import org.junit.jupiter.api.Test;

class ReappliedEditsTest {
    private final Plan base = LoopbackBackend.sample().withVersion(4);

    @Test
    void myCohortEditAndTheirCohortEditBothSurvive() {
        Plan mine = base.withCohort(base.cohorts().get(0).withUptake(0.7));
        Plan theirs = base.withCohort(base.cohorts().get(1).withName("theirs")).withVersion(5);

        Plan merged = ReappliedEdits.onto(base, mine, theirs);

        assertEquals(0.7, merged.cohorts().get(0).uptake());
        assertEquals("theirs", merged.cohorts().get(1).name());
        assertEquals(5, merged.version());
    }

    @Test
    void whereBothChangedTheSameCohortMineIsMadeAgain() {
        Plan mine = base.withCohort(base.cohorts().get(0).withName("mine"));
        Plan theirs = base.withCohort(base.cohorts().get(0).withName("theirs")).withVersion(5);

        assertEquals("mine", ReappliedEdits.onto(base, mine, theirs).cohorts().get(0).name());
    }

    @Test
    void aCohortIRemovedStaysRemovedAndOneTheyAddedStays() {
        Cohort last = base.cohorts().get(base.cohorts().size() - 1);
        Plan mine = base.withCohorts(base.cohorts().subList(0, base.cohorts().size() - 1));
        Cohort added = base.cohorts().get(0).withId("c-added").withName("added by them");
        List<Cohort> theirCohorts = new ArrayList<>(base.cohorts());
        theirCohorts.add(added);
        Plan theirs = base.withCohorts(theirCohorts).withVersion(5);

        Plan merged = ReappliedEdits.onto(base, mine, theirs);

        assertTrue(merged.cohorts().stream().noneMatch(c -> c.id().equals(last.id())));
        assertTrue(merged.cohorts().stream().anyMatch(c -> c.id().equals("c-added")));
    }

    @Test
    void theirPlanNameStaysWhenIDidNotChangeIt() {
        Plan mine = base.withDescription("my notes");
        Plan theirs = base.withName("renamed by them").withVersion(5);

        Plan merged = ReappliedEdits.onto(base, mine, theirs);

        assertEquals("renamed by them", merged.name());
        assertEquals("my notes", merged.description());
    }
}
