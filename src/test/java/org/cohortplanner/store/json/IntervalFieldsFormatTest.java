package org.cohortplanner.store.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.CohortGroup;
import org.cohortplanner.domain.GroupInterval;
import org.cohortplanner.domain.IntervalBasis;
import org.cohortplanner.domain.IntervalPolicy;
import org.cohortplanner.domain.Plan;
import org.junit.jupiter.api.Test;

/** Interval policies and cohorts' named groups in the plan file (formatVersion 4) and in files before them. */
class IntervalFieldsFormatTest {

    static Plan withPoliciesAndGroups() {
        Plan sample = PlanSamples.everyField();
        List<Cohort> cohorts = new ArrayList<>(sample.cohorts());
        cohorts.set(0, cohorts.get(0).withGroups(List.of(
                CohortGroup.ofPeople("exam students 2022", 12_000, true, "estimate: seniors born 1971 or so"),
                CohortGroup.ofShare("school teachers", 0.015, false, "public figure"))));
        return sample.withCohorts(cohorts).withIntervalPolicies(List.of(
                new IntervalPolicy("mrna-6-weeks", new LinkedHashSet<>(List.of("Moderna", "Pfizer")), LocalDate.of(2021, 8, 16),
                        IntervalBasis.SECOND_DOSE_DUE, 42, List.of(GroupInterval.exempt("exam students 2022"),
                                new GroupInterval("school teachers", 35)), "KDCA, August 2021"),
                new IntervalPolicy("moderna-back", Set.of("Moderna"), LocalDate.of(2021, 10, 1),
                        IntervalBasis.FIRST_DOSE_GIVEN, 28, List.of(), "")));
    }

    @Test
    void policiesAndGroupsReadBackAsWritten() {
        Plan plan = withPoliciesAndGroups();
        String text = PlanFiles.toJson(plan);
        assertTrue(text.contains("\"intervalPolicies\": [\n"), text);
        assertTrue(text.contains("\"appliesTo\": \"SECOND_DOSE_DUE\""), text);
        assertTrue(text.contains("\"group\": \"exam students 2022\",\n          \"days\": null"), text);
        assertTrue(text.contains("\"people\": 12000,"), text);
        Plan read = PlanFiles.fromJson(text);
        assertEquals(plan, read);
        assertEquals(text, PlanFiles.toJson(read));
    }

    @Test
    void aVersionThreeFileOpensWithoutPoliciesOrGroups() {
        String current = PlanFiles.toJson(PlanSamples.everyField());
        String versionThree = current.replace("\"formatVersion\": 4,", "\"formatVersion\": 3,")
                .replaceAll(",\\n\\s*\"groups\": \\[]", "")
                .replaceAll(",\\n\\s*\"intervalPolicies\": \\[]", "");
        Plan plan = PlanFiles.fromJson(versionThree);
        assertTrue(plan.intervalPolicies().isEmpty());
        assertTrue(plan.cohorts().stream().allMatch(c -> c.groups().isEmpty()));
        assertEquals(PlanSamples.everyField(), plan);
    }

    @Test
    void aVersionThreeFileWithAPolicyIsRefusedAtIt() {
        String text = PlanFiles.toJson(withPoliciesAndGroups()).replace("\"formatVersion\": 4,",
                "\"formatVersion\": 3,");
        PlanFileException error = assertThrows(PlanFileException.class, () -> PlanFiles.fromJson(text));
        assertTrue(error.getMessage().contains("this field needs formatVersion 4; the file says formatVersion 3"),
                error.getMessage());
    }

    @Test
    void aPolicyOutsideTheBrandsAllowedRangeIsRefusedWithItsPlace() {
        String text = PlanFiles.toJson(withPoliciesAndGroups()).replace("\"days\": 42,", "\"days\": 56,");
        PlanFileException error = assertThrows(PlanFileException.class, () -> PlanFiles.fromJson(text));
        assertEquals("intervalPolicies[0].days", error.path());
        assertTrue(error.problem().contains("sets 56 days for Moderna, outside its allowed 28–42 days"),
                error.getMessage());
    }

    @Test
    void aGroupGivingBothPeopleAndAShareIsRefused() {
        String text = PlanFiles.toJson(withPoliciesAndGroups()).replace("\"people\": 12000,",
                "\"people\": 12000,\n          \"share\": 0.1,");
        PlanFileException error = assertThrows(PlanFileException.class, () -> PlanFiles.fromJson(text));
        assertTrue(error.getMessage().contains("cohorts[0].groups[0]"), error.getMessage());
        assertTrue(error.problem().contains("either people or a share"), error.getMessage());
    }
}
