package org.cohortplanner.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Delivery;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.store.json.PlanFiles;
import org.junit.jupiter.api.Test;

class PlanDiffTest {
    private static final Plan INITIAL = PlanFiles.read(Path.of("sample-data", "korea-2021-initial.json"));

    @Test
    void aPlanDiffersFromItselfInNothing() {
        assertEquals(List.of(), PlanDiff.between(INITIAL, INITIAL));
    }

    @Test
    void namesEachChangedFieldWithBothValuesAndEachAddedOrRemovedItem() {
        List<Cohort> cohorts = new ArrayList<>(INITIAL.cohorts());
        Cohort first = cohorts.get(0);
        cohorts.set(0, first.withEligible(first.eligible() + 1)
                .withWindow(first.window().withReservationCap(123L)));
        cohorts.remove(cohorts.size() - 1);
        List<Delivery> deliveries = new ArrayList<>(INITIAL.deliveries());
        Delivery added = deliveries.get(0);
        deliveries.add(new Delivery("NEW-1", added.brand(), 5000, added.plannedArrival(), added.expectedArrival(),
                added.status(), "", added.leadTimeDays(), added.allotment()));
        Plan changed = INITIAL.withCohorts(cohorts).withDeliveries(deliveries);

        List<PlanDiff.Difference> differences = PlanDiff.between(INITIAL, changed);
        assertTrue(differences.contains(new PlanDiff.Difference(PlanDiff.Part.COHORT, PlanDiff.Change.CHANGED,
                first.id(), first.name(), "eligible", Long.toString(first.eligible()),
                Long.toString(first.eligible() + 1))), differences.toString());
        assertTrue(differences.stream().anyMatch(d -> d.part() == PlanDiff.Part.WINDOW
                && d.field().equals("reservationCap") && d.after().equals("123")), differences.toString());
        Cohort removed = INITIAL.cohorts().get(INITIAL.cohorts().size() - 1);
        assertTrue(differences.stream().anyMatch(d -> d.part() == PlanDiff.Part.COHORT
                && d.change() == PlanDiff.Change.REMOVED && d.item().equals(removed.id())), differences.toString());
        assertTrue(differences.stream().noneMatch(d -> d.part() == PlanDiff.Part.WINDOW
                && d.change() != PlanDiff.Change.CHANGED), "a removed cohort's window is not listed again");
        assertTrue(differences.stream().anyMatch(d -> d.part() == PlanDiff.Part.DELIVERY
                && d.change() == PlanDiff.Change.ADDED && d.item().equals("NEW-1") && d.after().contains("doses=5000")),
                differences.toString());
        assertEquals(4, differences.size(), differences.toString());
    }
}
