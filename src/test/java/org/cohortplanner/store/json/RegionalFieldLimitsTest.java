package org.cohortplanner.store.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.PlanLimits;
import org.junit.jupiter.api.Test;

/**
 * The regional supply's lists (transfers, allocation rules and what they name) and the booking system's overload are
 * bounded by the format's limits too: at a limit the plan reads, one beyond it is refused with its place.
 */
class RegionalFieldLimitsTest {

    /** The small valid plan as version 2 with one region per name given, a transfer list and a rule list. */
    private static String plan(int regionCount, String transfers, String rules) {
        String regions = IntStream.range(0, regionCount).mapToObj(i -> "{\"name\": \"R" + i + "\", \"population\": "
                + "1000}").collect(Collectors.joining(", "));
        return PlanFilesErrorTest.replace("\"formatVersion\": 1,", "\"formatVersion\": 2, \"regions\": [" + regions
                + "], \"transfers\": [" + transfers + "], \"allocationRules\": [" + rules + "],");
    }

    private static String transfers(int count) {
        return IntStream.range(0, count).mapToObj(i -> "{\"id\": \"T" + i + "\", \"brand\": \"Pfizer\", \"doses\": 10, "
                + "\"fromRegion\": \"R0\", \"toRegion\": \"R1\", \"shipped\": \"2021-08-01\"}")
                .collect(Collectors.joining(", "));
    }

    private static String rule(String id, int regions, String firstDay, String lastDay) {
        return "{\"id\": \"" + id + "\", \"cohortId\": \"c53-54\", \"regions\": [" + IntStream.range(0, regions)
                .mapToObj(i -> "\"R" + i + "\"").collect(Collectors.joining(", ")) + "], \"firstDay\": \"" + firstDay
                + "\", \"lastDay\": \"" + lastDay + "\", \"brands\": {\"Pfizer\": 1.0}}";
    }

    private static String rules(int count) {
        return IntStream.range(0, count).mapToObj(i -> rule("A" + i, 1, "2021-08-16", "2021-08-16"))
                .collect(Collectors.joining(", "));
    }

    private static void assertRefused(String json, String path, String words) {
        PlanFileException error = PlanFilesErrorTest.failure(json);
        assertEquals(path, error.path(), error.getMessage());
        assertTrue(error.line() > 0, error.getMessage());
        assertTrue(error.problem().contains(words), error.getMessage());
        assertTrue(error.problem().contains("(the plan format's limits)"), error.getMessage());
    }

    @Test
    void asManyTransfersAsAllowedReadAndOneMoreIsRefused() {
        Plan plan = PlanFiles.fromJson(plan(2, transfers(PlanLimits.TRANSFERS), ""), "small.json");
        assertEquals(PlanLimits.TRANSFERS, plan.transfers().size());
        assertRefused(plan(2, transfers(PlanLimits.TRANSFERS + 1), ""), "transfers", "at most 10,000");
    }

    @Test
    void asManyAllocationRulesAsAllowedReadAndOneMoreIsRefused() {
        Plan plan = PlanFiles.fromJson(plan(2, "", rules(PlanLimits.ALLOCATION_RULES)), "small.json");
        assertEquals(PlanLimits.ALLOCATION_RULES, plan.allocationRules().size());
        assertRefused(plan(2, "", rules(PlanLimits.ALLOCATION_RULES + 1)), "allocationRules", "at most 1,000");
    }

    @Test
    void aRuleNamingMoreRegionsThanAPlanMayHaveIsRefused() {
        assertEquals(PlanLimits.REGIONS, PlanFiles.fromJson(plan(PlanLimits.REGIONS, "",
                rule("A", PlanLimits.REGIONS, "2021-08-16", "2021-08-20")), "small.json").allocationRules().get(0)
                .regions().size());
        assertRefused(plan(PlanLimits.REGIONS, "", rule("A", PlanLimits.REGIONS + 1, "2021-08-16", "2021-08-20")),
                "allocationRules[0].regions", "at most 50");
    }

    @Test
    void aRuleLongerThanTheLongestCampaignIsRefusedAtItsLastDay() {
        PlanFiles.fromJson(plan(2, "", rule("A", 1, "2021-01-01", "2023-01-01")), "small.json");
        assertRefused(plan(2, "", rule("A", 1, "2021-01-01", "2023-01-02")), "allocationRules[0].lastDay",
                "at most 731 days");
    }

    @Test
    void aTransferLeadTimeBeyondAYearIsRefused() {
        String late = transfers(1).replace("\"shipped\"", "\"leadTimeDays\": 366, \"shipped\"");
        assertRefused(plan(2, late, ""), "transfers[0].leadTimeDays", "between 0 and 365");
    }

    @Test
    void anOverloadBeyondItsLimitsIsRefused() {
        String system = "\"retryProbability\": 0.7, \"retryDelayMinutes\": 30}";
        String v2 = PlanFilesErrorTest.replace("\"formatVersion\": 1,", "\"formatVersion\": 2,");
        assertRefused(v2.replace(system, system + ", \"overload\": {\"concurrentRequests\": 300000, "
                + "\"timeoutSeconds\": 3601, \"restartMinutes\": 20}"), "bookingSystem.overload.timeoutSeconds",
                "between 0 and 3,600");
        assertRefused(v2.replace(system, system + ", \"overload\": {\"concurrentRequests\": 300000, "
                + "\"timeoutSeconds\": 30, \"restartMinutes\": 1441}"), "bookingSystem.overload.restartMinutes",
                "between 0 and 1,440");
    }
}
