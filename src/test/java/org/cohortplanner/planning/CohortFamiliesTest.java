package org.cohortplanner.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Plan;
import org.junit.jupiter.api.Test;

class CohortFamiliesTest {
    private final CohortSplitter splitter = new CohortSplitter();

    private static List<String> ids(List<Cohort> cohorts) {
        return cohorts.stream().map(Cohort::id).toList();
    }

    @Test
    void aSplitCohortNoLongerBooksButItsPartsDo() {
        Plan plan = Plans2021.campaign();
        Plan once = splitter.apply(plan, splitter.atBirthYear(plan, "c50-54", 1969));
        Plan twice = splitter.apply(once, splitter.byBirthDayDigit(once, "c50-54-1969-1971", 2));

        assertTrue(CohortFamilies.isReplacedByParts(twice, twice.cohort("c50-54").orElseThrow()));
        assertFalse(CohortFamilies.isReplacedByParts(twice, twice.cohort("c55-59").orElseThrow()));
        assertEquals(List.of("c50-54-1967-1968", "c50-54-1969-1971"), ids(CohortFamilies.partsOf(twice, "c50-54")));
        assertEquals(List.of("c50-54-1967-1968", "c50-54-1969-1971", "c50-54-1969-1971-d01234",
                "c50-54-1969-1971-d56789"), ids(CohortFamilies.descendantsOf(twice, "c50-54")));
        assertEquals(List.of("c55-59", "c50-54-1967-1968", "c50-54-1969-1971-d01234", "c50-54-1969-1971-d56789",
                "c18-49"), ids(CohortFamilies.bookingCohorts(twice)));
    }

    @Test
    void aCohortNamingItselfAsParentStillBooks() {
        Cohort selfish = Plans2021.fiftyToFiftyFour().withParentId("c50-54");
        Plan plan = Plans2021.plan(selfish);
        assertEquals(List.of("c50-54"), ids(CohortFamilies.bookingCohorts(plan)));
        assertFalse(CohortFamilies.isReplacedByParts(plan, selfish));
        assertEquals(List.of(), CohortFamilies.partsOf(plan, "c50-54"));
    }

    @Test
    void partsWhoseParentIsGoneBookAsOrdinaryCohorts() {
        Plan plan = Plans2021.campaign();
        Plan split = splitter.apply(plan, splitter.atBirthYear(plan, "c50-54", 1969));
        Plan orphaned = split.withCohorts(split.cohorts().stream().filter(c -> !c.id().equals("c50-54")).toList());
        assertEquals(4, CohortFamilies.bookingCohorts(orphaned).size());
    }
}
