package org.cohortplanner.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cohortplanner.domain.AllocationRule;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Delivery;
import org.cohortplanner.domain.Phrase;
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
                problems.add(ruleProblem(Problem.Severity.ERROR, rule, Phrase.of("rule.unknownCohort",
                        rule.cohortId())));
            }
            for (AllocationRule earlier : rules.subList(0, i)) {
                if (earlier.overlaps(rule)) {
                    problems.add(ruleProblem(Problem.Severity.ERROR, rule, Phrase.of("rule.overlap", earlier.id(),
                            String.join(", ", shared(earlier, rule)), later(earlier, rule), earlier(earlier, rule))));
                }
            }
        }
        for (Delivery delivery : plan.deliveries()) {
            if (delivery.allotment().isExplicit() && delivery.allotment().explicitTotal() != delivery.doses()) {
                problems.add(new Problem(Problem.Severity.ERROR, null, FIELD_ALLOTMENT, Phrase.of("subject.delivery",
                        delivery.id()), Phrase.of("delivery.allotment", delivery.allotment().explicitTotal(),
                        delivery.doses())));
            }
        }
        for (Transfer transfer : plan.transfers()) {
            boolean receivable = plan.sites().stream()
                    .anyMatch(s -> s.region().equals(transfer.toRegion()) && s.gives(transfer.brand()));
            if (!receivable) {
                problems.add(new Problem(Problem.Severity.WARNING, null, FIELD_TRANSFERS, Phrase.of("subject.transfer",
                        transfer.id()), Phrase.of("transfer.unreceivable", transfer.brand(), transfer.toRegion())));
            }
        }
        return problems;
    }

    private static void checkRule(Plan plan, Cohort cohort, AllocationRule rule, List<Problem> problems) {
        if (rule.brands().shares().isEmpty()) {
            problems.add(ruleProblem(Problem.Severity.ERROR, rule, Phrase.of("rule.noBrand")));
        } else if (!rule.brands().sumsToOne()) {
            problems.add(ruleProblem(Problem.Severity.ERROR, rule, Phrase.of("brands.sum",
                    new Phrase.Share(rule.brands().total()))));
        }
        if (rule.lastDay().isBefore(rule.firstDay())) {
            problems.add(ruleProblem(Problem.Severity.ERROR, rule, Phrase.of("period.endsBeforeStart", rule.lastDay(),
                    rule.firstDay())));
        } else if (rule.firstDay().isBefore(cohort.vaccinationPeriod().firstDay())
                || rule.lastDay().isAfter(cohort.vaccinationPeriod().lastDay())) {
            problems.add(ruleProblem(Problem.Severity.WARNING, rule, Phrase.of("rule.outsidePeriod", rule.firstDay(),
                    rule.lastDay(), cohort.vaccinationPeriod().firstDay(), cohort.vaccinationPeriod().lastDay(),
                    cohort.name())));
        }
        int year = rule.firstDay().getYear();
        int youngest = cohort.birthYears().youngestAgeIn(year);
        for (Map.Entry<String, Double> share : rule.brands().shares().entrySet()) {
            Optional<VaccineBrand> brand = plan.brand(share.getKey());
            if (share.getValue() <= 0 || brand.isEmpty()) {
                continue;
            }
            if (youngest < brand.get().minimumAge()) {
                problems.add(ruleProblem(Problem.Severity.ERROR, rule, Phrase.of("rule.tooYoung", share.getKey(),
                        brand.get().minimumAge(), cohort.name(), String.valueOf(cohort.birthYears().lastYear()),
                        youngest, String.valueOf(year))));
            }
            for (String region : rule.regions()) {
                boolean given = plan.sites().stream().anyMatch(site -> site.region().equals(region)
                        && site.gives(share.getKey()) && !rule.exceptSiteGroups().contains(site.name()));
                if (!given) {
                    problems.add(ruleProblem(Problem.Severity.ERROR, rule, Phrase.of("rule.noSite", share.getKey(),
                            region)));
                }
            }
        }
        for (String name : rule.exceptSiteGroups()) {
            Optional<SiteGroup> site = plan.sites().stream().filter(s -> s.name().equals(name)).findFirst();
            if (site.isEmpty()) {
                problems.add(ruleProblem(Problem.Severity.ERROR, rule, Phrase.of("rule.unknownSite", name)));
            } else if (!rule.regions().contains(site.get().region())) {
                problems.add(ruleProblem(Problem.Severity.WARNING, rule, Phrase.of("rule.siteOutside", name,
                        site.get().region())));
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

    private static Problem ruleProblem(Problem.Severity severity, AllocationRule rule, Phrase detail) {
        return new Problem(severity, rule.cohortId(), FIELD_ALLOCATION_RULES, Phrase.of("subject.rule", rule.id()),
                detail);
    }
}
