package org.cohortplanner.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cohortplanner.domain.AllocationRule;
import org.cohortplanner.domain.Allotment;
import org.cohortplanner.domain.BrandAllocation;
import org.cohortplanner.domain.Delivery;
import org.cohortplanner.domain.DeliveryStatus;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.Region;
import org.cohortplanner.domain.SiteGroup;
import org.cohortplanner.domain.SiteKind;
import org.junit.jupiter.api.Test;

class RegionalSupplyChecksTest {
    private static final LocalDate JULY_26 = LocalDate.of(2021, 7, 26);

    /** 55–59 in two regions: Seoul with centres (Pfizer, Moderna) and Moderna-only clinics, Busan with centres. */
    private static Plan plan() {
        Plan plan = Plans2021.plan(Plans2021.fiftyFiveToFiftyNine());
        List<SiteGroup> sites = List.of(
                new SiteGroup("Seoul centres", "Seoul", SiteKind.VACCINATION_CENTRE, 20_000,
                        Set.of("Pfizer", "Moderna"), Set.of()),
                new SiteGroup("Seoul Moderna-only clinics", "Seoul", SiteKind.CLINIC, 5_000, Set.of("Moderna"),
                        Set.of()),
                new SiteGroup("Busan centres", "Busan", SiteKind.VACCINATION_CENTRE, 8_000,
                        Set.of("Pfizer", "Moderna"), Set.of()));
        return new Plan(plan.name(), plan.description(), plan.zone(), plan.cohorts(), plan.brands(),
                List.of(new Delivery("MOD-W28", "Moderna", 1_150_000, JULY_26.minusDays(11), JULY_26.plusDays(4),
                        DeliveryStatus.DELAYED, "")),
                sites, plan.bookingSystem(), plan.holidays(),
                List.of(new Region("Seoul", 9_586_195), new Region("Busan", 3_350_380)), plan.population(),
                plan.settings(), plan.version());
    }

    private static String cohort5559(Plan plan) {
        return plan.cohorts().get(0).id();
    }

    private static List<Problem> ruleProblems(Plan plan) {
        return new PlanValidator().validate(plan).stream()
                .filter(p -> p.field().equals(RegionalSupplyChecks.FIELD_ALLOCATION_RULES)
                        || p.field().equals(RegionalSupplyChecks.FIELD_ALLOTMENT))
                .toList();
    }

    @Test
    void aSeoulAreaSwapToPfizerKeepingModernaOnlyClinicsIsValid() {
        Plan plan = plan();
        AllocationRule swap = new AllocationRule("swap", cohort5559(plan), Set.of("Seoul"), JULY_26,
                JULY_26.plusDays(5), BrandAllocation.single("Pfizer"), Set.of("Seoul Moderna-only clinics"), "");
        assertEquals(List.of(), ruleProblems(plan.withAllocationRules(List.of(swap))));
    }

    @Test
    void sharesNotAddingUpAndOverlappingRulesAreErrors() {
        Plan plan = plan();
        Map<String, Double> shares = new LinkedHashMap<>();
        shares.put("Pfizer", 0.5);
        shares.put("Moderna", 0.3);
        AllocationRule first = new AllocationRule("a", cohort5559(plan), Set.of("Seoul"), JULY_26,
                JULY_26.plusDays(5), new BrandAllocation(shares), Set.of(), "");
        AllocationRule second = new AllocationRule("b", cohort5559(plan), Set.of("Seoul", "Busan"),
                JULY_26.plusDays(3), JULY_26.plusDays(8), BrandAllocation.single("Pfizer"), Set.of(), "");

        List<Problem> problems = ruleProblems(plan.withAllocationRules(List.of(first, second)));

        assertTrue(problems.stream().anyMatch(p -> p.isError() && p.subject().equals("allocation rule a")
                && p.detail().contains("add up to 80 %")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.isError() && p.subject().equals("allocation rule b")
                && p.detail().contains("same region and days as rule a (Seoul, 2021-07-29 to 2021-07-31)")),
                problems.toString());
    }

    @Test
    void aBrandNoSiteOfTheRegionCanGiveOnceExceptedSitesAreLeftOutIsAnError() {
        Plan plan = plan();
        AllocationRule onlyModernaClinics = new AllocationRule("m", cohort5559(plan), Set.of("Seoul"), JULY_26,
                JULY_26, BrandAllocation.single("Moderna"),
                Set.of("Seoul centres", "Seoul Moderna-only clinics"), "");

        List<Problem> problems = ruleProblems(plan.withAllocationRules(List.of(onlyModernaClinics)));

        assertTrue(problems.stream().anyMatch(p -> p.detail().equals(
                "allots Moderna in Seoul, where no site group the rule applies to gives it")), problems.toString());
    }

    @Test
    void anExplicitAllotmentThatDoesNotAddUpToTheDeliveryIsAnError() {
        Plan plan = plan();
        Delivery delivery = plan.deliveries().get(0);
        Plan split = plan.withDelivery(delivery.withAllotment(Allotment.explicit(Map.of("Seoul", 1L))));

        List<Problem> problems = ruleProblems(split);

        assertEquals(1, problems.size(), problems.toString());
        assertEquals(String.format(java.util.Locale.ENGLISH, "allots 1 doses to regions, but the delivery has %,d",
                delivery.doses()),
                problems.get(0).detail());
    }
}
