package org.cohortplanner.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cohortplanner.domain.AllocationRule;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Delivery;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.SiteGroup;
import org.cohortplanner.domain.Transfer;
import org.cohortplanner.domain.VaccineBrand;

/**
 * The plan validator's rules for regional supply. Brand allocation rules: shares add up to 100 %, no brand below its
 * minimum age, every region of the rule has a site group (other than the excepted ones) that can give each brand
 * the rule allots, excepted site groups exist in the rule's regions, the days lie in the cohort's vaccination
 * period (a warning), and two rules of one cohort do not cover the same region on the same day. Explicit allotments
 * add up to the delivery's doses. A transfer names a region the plan has and a brand a site in the receiving
 * region can give (a warning otherwise).
 */
final class RegionalSupplyChecks {
    static final String FIELD_ALLOCATION_RULES = Problem.FIELD_ALLOCATION_RULES;
    static final String FIELD_ALLOTMENT = "allotment";
    static final String FIELD_TRANSFERS = "transfers";

    private RegionalSupplyChecks() {
    }

    static List<Problem> check(Plan plan) {
        List<Problem> problems = new ArrayList<>();
        List<AllocationRule> rules = plan.allocationRules();
        for (int i = 0; i < rules.size(); i++) {
            AllocationRule rule = rules.get(i);
            Optional<Cohort> cohort = plan.cohort(rule.cohortId());
            if (cohort.isPresent()) {
                checkRule(plan, cohort.get(), rule, problems);
            } else {
                problems.add(ruleProblem(Problem.Severity.ERROR, rule, "is for cohort " + rule.cohortId()
                        + ", which the plan does not have"));
            }
            for (AllocationRule earlier : rules.subList(0, i)) {
                if (earlier.overlaps(rule)) {
                    problems.add(ruleProblem(Problem.Severity.ERROR, rule, "covers the same region and days as "
                            + "rule " + earlier.id() + " (" + String.join(", ", shared(earlier, rule)) + ", "
                            + later(earlier, rule) + " to " + earlier(earlier, rule) + ")"));
                }
            }
        }
        for (Delivery delivery : plan.deliveries()) {
            if (delivery.allotment().isExplicit() && delivery.allotment().explicitTotal() != delivery.doses()) {
                problems.add(new Problem(Problem.Severity.ERROR, null, FIELD_ALLOTMENT, "delivery " + delivery.id(),
                        "allots " + delivery.allotment().explicitTotal() + " doses to regions, but the delivery "
                                + "has " + delivery.doses()));
            }
        }
        for (Transfer transfer : plan.transfers()) {
            boolean receivable = plan.sites().stream()
                    .anyMatch(s -> s.region().equals(transfer.toRegion()) && s.gives(transfer.brand()));
            if (!receivable) {
                problems.add(new Problem(Problem.Severity.WARNING, null, FIELD_TRANSFERS, "transfer " + transfer.id(),
                        "sends " + transfer.brand() + " to " + transfer.toRegion() + ", where no site group "
                                + "gives " + transfer.brand()));
            }
        }
        return problems;
    }

    private static void checkRule(Plan plan, Cohort cohort, AllocationRule rule, List<Problem> problems) {
        if (rule.brands().shares().isEmpty()) {
            problems.add(ruleProblem(Problem.Severity.ERROR, rule, "allots no vaccine brand"));
        } else if (!rule.brands().sumsToOne()) {
            problems.add(ruleProblem(Problem.Severity.ERROR, rule, "brand shares add up to "
                    + Math.round(rule.brands().total() * 10000) / 100.0 + " %, not 100 %"));
        }
        if (rule.lastDay().isBefore(rule.firstDay())) {
            problems.add(ruleProblem(Problem.Severity.ERROR, rule, "ends " + rule.lastDay() + " before it starts "
                    + rule.firstDay()));
        } else if (rule.firstDay().isBefore(cohort.vaccinationPeriod().firstDay())
                || rule.lastDay().isAfter(cohort.vaccinationPeriod().lastDay())) {
            problems.add(ruleProblem(Problem.Severity.WARNING, rule, "runs " + rule.firstDay() + " to "
                    + rule.lastDay() + ", outside the vaccination period " + cohort.vaccinationPeriod().firstDay()
                    + " to " + cohort.vaccinationPeriod().lastDay() + " of " + cohort.name()));
        }
        int year = rule.firstDay().getYear();
        int youngest = cohort.birthYears().youngestAgeIn(year);
        for (Map.Entry<String, Double> share : rule.brands().shares().entrySet()) {
            Optional<VaccineBrand> brand = plan.brand(share.getKey());
            if (share.getValue() <= 0 || brand.isEmpty()) {
                continue;
            }
            if (youngest < brand.get().minimumAge()) {
                problems.add(ruleProblem(Problem.Severity.ERROR, rule, share.getKey() + " is for people aged "
                        + brand.get().minimumAge() + " and over, but the youngest in " + cohort.name() + " (born "
                        + cohort.birthYears().lastYear() + ") are " + youngest + " in " + year));
            }
            for (String region : rule.regions()) {
                boolean given = plan.sites().stream().anyMatch(site -> site.region().equals(region)
                        && site.gives(share.getKey()) && !rule.exceptSiteGroups().contains(site.name()));
                if (!given) {
                    problems.add(ruleProblem(Problem.Severity.ERROR, rule, "allots " + share.getKey() + " in "
                            + region + ", where no site group the rule applies to gives it"));
                }
            }
        }
        for (String name : rule.exceptSiteGroups()) {
            Optional<SiteGroup> site = plan.sites().stream().filter(s -> s.name().equals(name)).findFirst();
            if (site.isEmpty()) {
                problems.add(ruleProblem(Problem.Severity.ERROR, rule, "excepts site group " + name
                        + ", which the plan does not have"));
            } else if (!rule.regions().contains(site.get().region())) {
                problems.add(ruleProblem(Problem.Severity.WARNING, rule, "excepts site group " + name + " in "
                        + site.get().region() + ", a region the rule does not cover"));
            }
        }
    }

    private static List<String> shared(AllocationRule a, AllocationRule b) {
        return a.regions().stream().filter(b.regions()::contains).toList();
    }

    private static LocalDate later(AllocationRule a, AllocationRule b) {
        return a.firstDay().isAfter(b.firstDay()) ? a.firstDay() : b.firstDay();
    }

    private static LocalDate earlier(AllocationRule a, AllocationRule b) {
        return a.lastDay().isBefore(b.lastDay()) ? a.lastDay() : b.lastDay();
    }

    private static Problem ruleProblem(Problem.Severity severity, AllocationRule rule, String detail) {
        return new Problem(severity, rule.cohortId(), FIELD_ALLOCATION_RULES, "allocation rule " + rule.id(), detail);
    }
}
