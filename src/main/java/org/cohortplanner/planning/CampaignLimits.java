package org.cohortplanner.planning;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Phrase;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.PlanLimits;
import org.cohortplanner.domain.Region;
import org.cohortplanner.domain.SiteGroup;
import org.cohortplanner.domain.VaccineBrand;

/**
 * The limits that concern time and the plan as a whole (docs/plan-format.md, "Limits"): the length of a booking
 * window and of a vaccination period, the booking windows added up, the campaign's span and the size of its daily
 * schedule. They bound what the booking-night simulation and the schedule may cost. A window or period that runs
 * backwards is not measured here: the validator reports it.
 */
public final class CampaignLimits {
    /**
     * A limit the plan goes beyond.
     *
     * @param cohortIndex the cohort's place in the plan, or -1 for the cohorts as a whole
     * @param field       {@code window} or {@code vaccinationPeriod}; null for the cohorts as a whole
     * @param phrase      what is beyond which limit
     */
    public record Breach(int cohortIndex, String field, Phrase phrase) {
        /** What is beyond which limit, in English. */
        public String detail() {
            return PhraseFormat.english(phrase);
        }
    }

    private CampaignLimits() {
    }

    /** The first limit the plan's cohorts go beyond, if any (reading stops at the first). */
    public static java.util.Optional<Breach> first(List<Cohort> cohorts, List<VaccineBrand> brands,
                                                   List<Region> regions, List<SiteGroup> sites) {
        List<Breach> breaches = check(cohorts, brands, regions, sites, true);
        return breaches.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(breaches.get(0));
    }

    /**
     * The first limit a whole plan goes beyond, if any: the number of cohorts, then the limits of {@link #first}. An
     * edit that adds or changes cohorts (a split, a merge) checks the plan it makes with it.
     */
    public static java.util.Optional<Breach> first(Plan plan) {
        if (plan.cohorts().size() > PlanLimits.COHORTS) {
            return java.util.Optional.of(new Breach(-1, null, Phrase.of("limit.cohorts", plan.cohorts().size(),
                    PlanLimits.COHORTS)));
        }
        return first(plan.cohorts(), plan.brands(), plan.regions(), plan.sites());
    }

    /**
     * Refuses the plan an edit made ({@code what}, e.g. "the split of 50–54") when it goes beyond a limit that the plan
     * before the edit kept; a plan that was beyond the limits already is the validator's to report, and an edit that
     * brings it back (a merge) must stay possible.
     */
    static void refuseBeyond(Plan before, Plan after, String what) {
        newBreach(before, after).ifPresent(breach -> {
            throw new SplitNotPossibleException(what + " would take the plan beyond the plan format's limits: "
                    + breach.detail());
        });
    }

    /** The limit {@code after} goes beyond when {@code before} kept them all; empty otherwise. */
    public static java.util.Optional<Breach> newBreach(Plan before, Plan after) {
        java.util.Optional<Breach> breach = first(after);
        return breach.isPresent() && first(before).isEmpty() ? breach : java.util.Optional.empty();
    }

    /** Every limit the plan's cohorts go beyond, in plan order, the schedule's size last. */
    public static List<Breach> all(List<Cohort> cohorts, List<VaccineBrand> brands, List<Region> regions,
                                   List<SiteGroup> sites) {
        return check(cohorts, brands, regions, sites, false);
    }

    private static List<Breach> check(List<Cohort> cohorts, List<VaccineBrand> brands, List<Region> regions,
                                      List<SiteGroup> sites, boolean firstOnly) {
        List<Breach> breaches = new java.util.ArrayList<>();
        Set<String> parents = new HashSet<>();
        for (Cohort cohort : cohorts) {
            if (cohort.parentId() != null && !cohort.parentId().equals(cohort.id())) {
                parents.add(cohort.parentId());
            }
        }
        long windowMinutes = 0;
        int booking = 0;
        LocalDate first = null;
        LocalDate last = null;
        for (int i = 0; i < cohorts.size(); i++) {
            Cohort cohort = cohorts.get(i);
            long minutes = Duration.between(cohort.window().opens(), cohort.window().closes()).toMinutes();
            if (minutes > PlanLimits.WINDOW_DAYS * 1440L) {
                breaches.add(new Breach(i, "window", Phrase.of("limit.window", cohort.name(), days(minutes),
                        PlanLimits.WINDOW_DAYS)));
                if (firstOnly) {
                    return breaches;
                }
            }
            long periodDays = ChronoUnit.DAYS.between(cohort.vaccinationPeriod().firstDay(),
                    cohort.vaccinationPeriod().lastDay()) + 1;
            if (periodDays > PlanLimits.VACCINATION_PERIOD_DAYS) {
                breaches.add(new Breach(i, "vaccinationPeriod", Phrase.of("limit.period", cohort.name(), periodDays,
                        PlanLimits.VACCINATION_PERIOD_DAYS)));
                if (firstOnly) {
                    return breaches;
                }
            }
            if (parents.contains(cohort.id())) {
                continue;
            }
            booking++;
            long before = windowMinutes;
            windowMinutes += Math.max(0, minutes);
            if (windowMinutes > PlanLimits.TOTAL_WINDOW_DAYS * 1440L && before <= PlanLimits.TOTAL_WINDOW_DAYS * 1440L) {
                breaches.add(new Breach(i, "window", Phrase.of("limit.totalWindows", days(windowMinutes),
                        PlanLimits.TOTAL_WINDOW_DAYS)));
                if (firstOnly) {
                    return breaches;
                }
            }
            long spanBefore = first == null ? 0 : ChronoUnit.DAYS.between(first, last) + 1;
            for (LocalDate day : List.of(cohort.vaccinationPeriod().firstDay(), cohort.vaccinationPeriod().lastDay())) {
                first = first == null || day.isBefore(first) ? day : first;
                last = last == null || day.isAfter(last) ? day : last;
            }
            long campaignDays = ChronoUnit.DAYS.between(first, last) + 1;
            if (campaignDays > PlanLimits.CAMPAIGN_DAYS && spanBefore <= PlanLimits.CAMPAIGN_DAYS) {
                breaches.add(new Breach(i, "vaccinationPeriod", Phrase.of("limit.campaign", campaignDays, first, last,
                        PlanLimits.CAMPAIGN_DAYS)));
                if (firstOnly) {
                    return breaches;
                }
            }
        }
        if (first == null) {
            return breaches;
        }
        Set<String> regionNames = new LinkedHashSet<>();
        regions.forEach(r -> regionNames.add(r.name()));
        sites.forEach(s -> regionNames.add(s.region()));
        int longestInterval = brands.stream().filter(VaccineBrand::needsSecondDose)
                .mapToInt(b -> b.interval().maximumDays()).max().orElse(0);
        long scheduleDays = ChronoUnit.DAYS.between(first, last) + longestInterval + 1;
        long cells = booking * (long) Math.max(1, regionNames.size()) * Math.max(1, brands.size()) * scheduleDays;
        if (cells > PlanLimits.SCHEDULE_CELLS) {
            breaches.add(new Breach(-1, null, Phrase.of("limit.schedule", cells, booking,
                    Math.max(1, regionNames.size()), Math.max(1, brands.size()), scheduleDays,
                    PlanLimits.SCHEDULE_CELLS)));
        }
        return breaches;
    }

    private static Phrase days(long minutes) {
        long days = minutes / 1440;
        long hours = minutes % 1440 / 60;
        return hours == 0 ? Phrase.of("duration.days", days) : Phrase.of("duration.daysHours", days, hours);
    }
}
