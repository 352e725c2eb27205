package org.cohortplanner.planning;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.cohortplanner.domain.BirthCohortRange;
import org.cohortplanner.domain.BookingSystem;
import org.cohortplanner.domain.CapacityChange;
import org.cohortplanner.domain.BookingWindow;
import org.cohortplanner.domain.BrandAllocation;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.CohortGroup;
import org.cohortplanner.domain.GroupInterval;
import org.cohortplanner.domain.IntervalPolicy;
import org.cohortplanner.domain.Overload;
import org.cohortplanner.domain.Phrase;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.PlanLimits;
import org.cohortplanner.domain.PopulationTable;
import org.cohortplanner.domain.VaccinationPeriod;
import org.cohortplanner.domain.VaccineBrand;
import org.cohortplanner.planning.Problem.Severity;

/**
 * Checks a plan the way a careful planner would before announcing it: the mistakes that are easy to make while
 * editing and that the domain lets through on purpose (so that an editor can show them instead of refusing the
 * edit). One validator serves the console and {@code validate} on the command line.
 *
 * <p>Rules, per cohort: the booking window must close after it opens; the vaccination period must not end before it
 * starts, nor start before the booking window opens (the first vaccination day must not begin before the window
 * does, so first doses on the opening day itself count as too early unless the window opens at midnight); brand
 * shares must add up to 100 %; no brand may be given below its minimum age, taking the youngest in the cohort at
 * the year of the first vaccination day (age = that year − last birth year); eligible people must be above 0; when
 * the plan has a population table, every birth year of the cohort must be in it. Between cohorts: two cohorts that
 * share people (birth years overlap and birth-day digits are not disjoint) must not have overlapping booking
 * windows. For the plan: a person in the population table whom no cohort includes is a gap (a warning); the booking
 * system's overload figures must be within their documented ranges, and connections at or below the sessions are
 * a warning.
 *
 * <p>Splits: a split keeps the parent in the plan and the parts name it as their parentId. A cohort that is some
 * other cohort's parent has been replaced by its parts; it books nobody, so it takes no part in the overlap and gap
 * checks (its parts do). Its own fields are still checked: merging gives it back. A part whose parent is no longer
 * in the plan is an ordinary cohort.
 *
 * <p>Limits: a booking window or vaccination period longer than the plan format allows, booking windows or a
 * campaign that add up to more, or a daily schedule larger than allowed ({@link CampaignLimits}) are errors too, so
 * that the console shows a plan that could not be saved and opened again; a file beyond them is refused on reading.
 *
 * <p>Regional supply (allocation rules, explicit allotments, transfers) is checked by {@link RegionalSupplyChecks}.
 *
 * <p>Problems come in a fixed order: cohorts in plan order, for each its own problems in the order of the rules
 * above, then its overlap with earlier cohorts (one problem on the later cohort: the first earlier cohort it overlaps, and how many others); the plan's gaps, then
 * the regional supply problems last.
 */
public final class PlanValidator {
    private static final Phrase PLAN = Phrase.of("subject.plan");
    private static final Phrase BOOKING_SYSTEM = Phrase.of("subject.bookingSystem");
    private static final Set<Integer> ALL_DIGITS = Set.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    static final long MAX_CONCURRENT_REQUESTS = PlanLimits.CONCURRENT_REQUESTS;
    static final int MAX_TIMEOUT_SECONDS = (int) PlanLimits.TIMEOUT_SECONDS;
    static final int MAX_RESTART_MINUTES = (int) PlanLimits.RESTART_MINUTES;

    public List<Problem> validate(Plan plan) {
        List<Problem> problems = new ArrayList<>();
        Set<String> bookingIds = CohortFamilies.bookingCohorts(plan).stream().map(Cohort::id)
                .collect(Collectors.toSet());
        List<Cohort> booking = new ArrayList<>();
        List<CampaignLimits.Breach> beyondLimits = CampaignLimits.all(plan.cohorts(), plan.brands(), plan.regions(),
                plan.sites());
        for (int i = 0; i < plan.cohorts().size(); i++) {
            Cohort cohort = plan.cohorts().get(i);
            checkWindow(cohort, problems);
            checkVaccinationPeriod(cohort, problems);
            for (CampaignLimits.Breach breach : beyondLimits) {
                if (breach.cohortIndex() == i) {
                    problems.add(error(cohort, breach.field(), breach.phrase()));
                }
            }
            checkBrands(plan, cohort, problems);
            checkEligible(cohort, problems);
            checkGroups(cohort, problems);
            checkPopulationTable(plan.population(), cohort, problems);
            if (bookingIds.contains(cohort.id())) {
                Problem first = null;
                int others = 0;
                for (Cohort earlier : booking) {
                    Problem overlap = overlap(earlier, cohort);
                    if (overlap != null && first == null) {
                        first = overlap;
                    } else if (overlap != null) {
                        others++;
                    }
                }
                if (first != null) {
                    problems.add(others == 0 ? first : new Problem(first.severity(), first.cohortId(), first.field(),
                            first.about(), Phrase.of("overlap.others", first.what(), others)));
                }
                booking.add(cohort);
            }
        }
        for (CampaignLimits.Breach breach : beyondLimits) {
            if (breach.cohortIndex() < 0) {
                problems.add(new Problem(Severity.ERROR, null, Problem.FIELD_VACCINATION_PERIOD, PLAN,
                        breach.phrase()));
            }
        }
        checkCoverage(plan.population(), booking, problems);
        checkOverload(plan.bookingSystem(), problems);
        checkPeoplePerHour(plan.bookingSystem(), problems);
        problems.addAll(RegionalSupplyChecks.check(plan));
        checkIntervalPolicies(plan, problems);
        return List.copyOf(problems);
    }

    public static boolean hasErrors(List<Problem> problems) {
        return problems.stream().anyMatch(Problem::isError);
    }

    private static void checkWindow(Cohort cohort, List<Problem> problems) {
        BookingWindow window = cohort.window();
        if (window.closes().equals(window.opens())) {
            problems.add(error(cohort, Problem.FIELD_WINDOW, Phrase.of("window.closesAtOpening", window.closes())));
        } else if (!window.isOrdered()) {
            problems.add(error(cohort, Problem.FIELD_WINDOW, Phrase.of("window.closesBeforeOpening", window.closes(),
                    window.opens())));
        }
    }

    private static void checkVaccinationPeriod(Cohort cohort, List<Problem> problems) {
        VaccinationPeriod period = cohort.vaccinationPeriod();
        if (!period.isOrdered()) {
            problems.add(error(cohort, Problem.FIELD_VACCINATION_PERIOD, Phrase.of("period.endsBeforeStart",
                    period.lastDay(), period.firstDay())));
        }
        if (period.firstDay().atStartOfDay().isBefore(cohort.window().opens())) {
            problems.add(error(cohort, Problem.FIELD_VACCINATION_PERIOD, Phrase.of("period.startsBeforeBooking",
                    period.firstDay(), cohort.window().opens())));
        }
    }

    private static void checkBrands(Plan plan, Cohort cohort, List<Problem> problems) {
        BrandAllocation brands = cohort.brands();
        if (brands.shares().isEmpty()) {
            problems.add(error(cohort, Problem.FIELD_BRANDS, Phrase.of("brands.none")));
        } else if (!brands.sumsToOne()) {
            problems.add(error(cohort, Problem.FIELD_BRANDS, Phrase.of("brands.sum",
                    new Phrase.Share(brands.total()))));
        }
        int vaccinationYear = cohort.vaccinationPeriod().firstDay().getYear();
        int youngest = cohort.birthYears().youngestAgeIn(vaccinationYear);
        for (Map.Entry<String, Double> share : brands.shares().entrySet()) {
            Optional<VaccineBrand> brand = plan.brand(share.getKey());
            if (share.getValue() > 0 && brand.isPresent() && youngest < brand.get().minimumAge()) {
                problems.add(error(cohort, Problem.FIELD_BRANDS, Phrase.of("brands.tooYoung", share.getKey(),
                        brand.get().minimumAge(), String.valueOf(cohort.birthYears().lastYear()), youngest,
                        String.valueOf(vaccinationYear))));
            }
        }
    }

    /** A cohort's named groups cannot hold more people than it has. */
    private static void checkGroups(Cohort cohort, List<Problem> problems) {
        long people = 0;
        for (CohortGroup group : cohort.groups()) {
            people += group.isCount() ? group.people() : Math.round(group.share() * cohort.eligible());
        }
        if (people > cohort.eligible()) {
            problems.add(error(cohort, Problem.FIELD_GROUPS, Phrase.of("groups.tooMany", people,
                    cohort.eligible())));
        }
    }

    /** A policy's exception that names a group no cohort has treats nobody apart: most likely a misspelt name. */
    private static void checkIntervalPolicies(Plan plan, List<Problem> problems) {
        Set<String> groups = plan.cohorts().stream().flatMap(c -> c.groups().stream()).map(CohortGroup::name)
                .collect(Collectors.toSet());
        for (IntervalPolicy policy : plan.intervalPolicies()) {
            for (GroupInterval exception : policy.exceptions()) {
                if (!groups.contains(exception.group())) {
                    problems.add(new Problem(Severity.WARNING, null, Problem.FIELD_INTERVAL_POLICIES,
                            Phrase.of("subject.policy", policy.id()), Phrase.of("policy.unknownGroup",
                            exception.group())));
                }
            }
        }
    }

    private static void checkEligible(Cohort cohort, List<Problem> problems) {
        if (cohort.eligible() <= 0) {
            problems.add(error(cohort, Problem.FIELD_ELIGIBLE, Phrase.of("eligible.none", cohort.eligible())));
        }
    }

    private static void checkPopulationTable(PopulationTable population, Cohort cohort, List<Problem> problems) {
        if (population.isEmpty()) {
            return;
        }
        List<Integer> missing = cohort.birthYears().years().filter(year -> !population.contains(year)).boxed()
                .toList();
        if (!missing.isEmpty()) {
            int first = population.peoplePerBirthYear().firstKey();
            int last = population.peoplePerBirthYear().lastKey();
            problems.add(error(cohort, Problem.FIELD_BIRTH_YEARS, Phrase.of("population.missing", missing.size(),
                    new Phrase.Years(missing), BirthCohortRange.of(first, last).toString())));
        }
    }

    /** The overlap of {@code later} with {@code earlier}, or null when they share nobody at the same time. */
    private static Problem overlap(Cohort earlier, Cohort later) {
        if (!earlier.birthYears().overlaps(later.birthYears())
                || !earlier.window().isOrdered() || !later.window().isOrdered()
                || !earlier.window().overlaps(later.window())) {
            return null;
        }
        Set<Integer> digits = new TreeSet<>(earlier.effectiveDigits());
        digits.retainAll(later.effectiveDigits());
        if (digits.isEmpty()) {
            return null;
        }
        BirthCohortRange shared = BirthCohortRange.of(
                Math.max(earlier.birthYears().firstYear(), later.birthYears().firstYear()),
                Math.min(earlier.birthYears().lastYear(), later.birthYears().lastYear()));
        LocalDateTime from = later(earlier.window().opens(), later.window().opens());
        LocalDateTime until = earlier(earlier.window().closes(), later.window().closes());
        return error(later, Problem.FIELD_BIRTH_YEARS, digits.equals(ALL_DIGITS)
                ? Phrase.of("overlap.all", shared.toString(), earlier.name(), from, until)
                : Phrase.of("overlap.digits", shared.toString(), Phrase.Digits.of(digits), earlier.name(), from,
                        until));
    }

    /** Consecutive birth years missing the same birth-day digits make one warning, in birth-year order. */
    private static void checkCoverage(PopulationTable population, List<Cohort> booking, List<Problem> problems) {
        List<Integer> run = new ArrayList<>();
        Set<Integer> runMissing = Set.of();
        for (int year : population.peoplePerBirthYear().keySet()) {
            Set<Integer> missing = new TreeSet<>(ALL_DIGITS);
            for (Cohort cohort : booking) {
                if (cohort.birthYears().contains(year)) {
                    missing.removeAll(cohort.effectiveDigits());
                }
            }
            boolean continues = !run.isEmpty() && missing.equals(runMissing) && run.get(run.size() - 1) == year - 1;
            if (!continues && !run.isEmpty()) {
                problems.add(gap(run, runMissing));
                run.clear();
            }
            if (!missing.isEmpty()) {
                run.add(year);
                runMissing = missing;
            }
        }
        if (!run.isEmpty()) {
            problems.add(gap(run, runMissing));
        }
    }

    /**
     * The overload's figures within their documented ranges (docs/plan-format.md), and connections above the
     * sessions: a system with fewer connections than sessions would crash as soon as its sessions fill up.
     */
    private static void checkOverload(BookingSystem system, List<Problem> problems) {
        Overload overload = system.overload();
        if (!overload.enabled()) {
            return;
        }
        if (overload.concurrentRequests() > MAX_CONCURRENT_REQUESTS) {
            problems.add(overloadProblem(Severity.ERROR, Phrase.of("overload.connections",
                    overload.concurrentRequests(), MAX_CONCURRENT_REQUESTS)));
        }
        if (overload.timeoutSeconds() > MAX_TIMEOUT_SECONDS) {
            problems.add(overloadProblem(Severity.ERROR, Phrase.of("overload.timeout", overload.timeoutSeconds(),
                    MAX_TIMEOUT_SECONDS)));
        }
        if (overload.restartMinutes() > MAX_RESTART_MINUTES) {
            problems.add(overloadProblem(Severity.ERROR, Phrase.of("overload.restart", overload.restartMinutes(),
                    MAX_RESTART_MINUTES)));
        }
        if (overload.concurrentRequests() <= system.concurrentSessions()) {
            problems.add(overloadProblem(Severity.WARNING, Phrase.of("overload.fewConnections",
                    overload.concurrentRequests(), system.concurrentSessions())));
        }
    }

    /**
     * The quoted people per hour against what the model serves, sessions × 60 / session minutes: the model uses the
     * sessions, so a quoted figure more than 1 % off would silently say something else.
     */
    private static void checkPeoplePerHour(BookingSystem system, List<Problem> problems) {
        comparePeoplePerHour(BOOKING_SYSTEM, system.peoplePerHour(), system.concurrentSessions(),
                system.sessionMinutes(), problems);
        for (CapacityChange change : system.capacityChanges()) {
            comparePeoplePerHour(Phrase.of("subject.capacityChange", change.at()), change.peoplePerHour(),
                    change.concurrentSessions(), system.sessionMinutes(), problems);
        }
    }

    private static void comparePeoplePerHour(Phrase subject, double quoted, int sessions, double sessionMinutes,
                                             List<Problem> problems) {
        double served = sessions * 60 / sessionMinutes;
        if (Math.abs(quoted - served) > 0.01 * served) {
            problems.add(new Problem(Severity.WARNING, null, Problem.FIELD_PEOPLE_PER_HOUR, subject,
                    Phrase.of("peoplePerHour.differs", Math.round(quoted), sessions, sessionMinutes,
                            Math.round(served))));
        }
    }

    private static Problem overloadProblem(Severity severity, Phrase detail) {
        return new Problem(severity, null, Problem.FIELD_OVERLOAD, BOOKING_SYSTEM, detail);
    }

    private static Problem gap(List<Integer> years, Set<Integer> missingDigits) {
        return new Problem(Severity.WARNING, null, Problem.FIELD_BIRTH_YEARS, PLAN, missingDigits.equals(ALL_DIGITS)
                ? Phrase.of("coverage.gap", new Phrase.Years(years))
                : Phrase.of("coverage.gapDigits", new Phrase.Years(years), Phrase.Digits.of(missingDigits)));
    }

    private static Problem error(Cohort cohort, String field, Phrase detail) {
        return new Problem(Severity.ERROR, cohort.id(), field, Phrase.of("subject.cohort", cohort.name()), detail);
    }

    private static LocalDateTime later(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDateTime earlier(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }
}
