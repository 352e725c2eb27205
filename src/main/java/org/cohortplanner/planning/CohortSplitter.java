package org.cohortplanner.planning;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.cohortplanner.domain.BirthCohortRange;
import org.cohortplanner.domain.BookingWindow;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.CohortGroup;
import org.cohortplanner.domain.CohortStatus;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.VaccinationPeriod;

/**
 * Splits a cohort into parts that book on different nights, as 50–54 was split into 53–54 and 50–52 in July 2021 and
 * 18–49 was rotated by the last digit of the birth day. Each split is first proposed as a {@link SplitPreview}, which
 * changes nothing; {@link #apply} then gives a new plan.
 *
 * <p>In the new plan the parent stays where it was, with status {@link CohortStatus#CLOSED}, and its parts follow
 * it, each naming it in its parentId and taking its status, uptake and brands. Keeping the parent is what lets
 * {@link CohortMerger} give it back exactly; {@link CohortFamilies#bookingCohorts} leaves it out of what books.
 *
 * <p>People per part come from the real calendar ({@link PeopleByBirthDay}) and are rounded by largest remainder, so
 * the parts add up exactly to the parent's eligible. Windows are proposed on consecutive nights from the parent's
 * ({@link NightProposer}); a part's vaccination period is the parent's, moved on only as far as needed for first
 * doses not to start before the part's window opens.
 */
public final class CohortSplitter {

    /**
     * Two parts at a birth-year boundary: those born before {@code boundaryYear}, then those born in or after it.
     * Splitting 50–54 (born 1967–1971) at 1969 gives 53–54 (1967–1968) and 50–52 (1969–1971). The boundary must be
     * after the cohort's first birth year and not after its last.
     */
    public SplitPreview atBirthYear(Plan plan, String cohortId, int boundaryYear) {
        Cohort parent = splittable(plan, cohortId);
        BirthCohortRange years = parent.birthYears();
        if (boundaryYear <= years.firstYear() || boundaryYear > years.lastYear()) {
            throw new SplitNotPossibleException("cannot split " + parent.name() + " (born " + years + ") at "
                    + boundaryYear + ": the boundary is the first birth year of the younger part and must lie in "
                    + (years.size() < 2 ? "a range of at least two birth years"
                            : (years.firstYear() + 1) + "–" + years.lastYear()));
        }
        List<Group> groups = List.of(
                new Group(BirthCohortRange.of(years.firstYear(), boundaryYear - 1), parent.birthDayDigits()),
                new Group(BirthCohortRange.of(boundaryYear, years.lastYear()), parent.birthDayDigits()));
        return preview(plan, parent, SplitKind.AT_BIRTH_YEAR, groups);
    }

    /**
     * {@code groups} parts by the last digit of the birth day, each taking a contiguous run of the cohort's digits
     * (all ten, or those it already has), cut so that the parts' people are as even as the calendar allows.
     * Ten groups give the daily rotation of 2021.
     */
    public SplitPreview byBirthDayDigit(Plan plan, String cohortId, int groups) {
        Cohort parent = splittable(plan, cohortId);
        List<Integer> digits = new ArrayList<>(new TreeSet<>(parent.effectiveDigits()));
        requireGroups(parent, groups, digits.size(), "birth-day digit" + (digits.size() == 1 ? "" : "s"));
        PeopleByBirthDay people = PeopleByBirthDay.of(parent, plan.population());
        double[] perDigit = new double[digits.size()];
        for (int i = 0; i < digits.size(); i++) {
            perDigit[i] = people.people(parent.birthYears(), Set.of(digits.get(i)));
        }
        int[] runs = ContiguousPartition.evenRuns(perDigit, groups);
        List<Group> parts = new ArrayList<>();
        int next = 0;
        for (int run : runs) {
            parts.add(new Group(parent.birthYears(), new TreeSet<>(digits.subList(next, next + run))));
            next += run;
        }
        return preview(plan, parent, SplitKind.BY_BIRTH_DAY_DIGIT, parts);
    }

    /** {@code count} parts of contiguous birth years with nearly equal people (the largest part as small as can be). */
    public SplitPreview intoEqualParts(Plan plan, String cohortId, int count) {
        Cohort parent = splittable(plan, cohortId);
        BirthCohortRange years = parent.birthYears();
        requireGroups(parent, count, years.size(), "birth year" + (years.size() == 1 ? "" : "s"));
        PeopleByBirthDay people = PeopleByBirthDay.of(parent, plan.population());
        double[] perYear = years.years().mapToDouble(people::peopleBornIn).toArray();
        int[] runs = ContiguousPartition.evenRuns(perYear, count);
        List<Group> parts = new ArrayList<>();
        int first = years.firstYear();
        for (int run : runs) {
            parts.add(new Group(BirthCohortRange.of(first, first + run - 1), parent.birthDayDigits()));
            first += run;
        }
        return preview(plan, parent, SplitKind.EQUAL_PEOPLE, parts);
    }

    /**
     * {@code preview} with every part's window proposed afresh on consecutive nights from {@code firstNight}, passing
     * over the plan's holidays, and vaccination periods moved along as a new proposal would move them: what the split
     * dialog does when the planner moves the first part's night and wants the others to follow.
     */
    public SplitPreview withNightsFrom(Plan plan, SplitPreview preview, BookingWindow firstNight) {
        List<BookingWindow> nights = new NightProposer(plan.holidays()).consecutiveNights(firstNight,
                preview.parts().size());
        SplitPreview moved = preview;
        for (int i = 0; i < nights.size(); i++) {
            moved = moved.withPart(i, moved.part(i).withWindow(nights.get(i))
                    .withVaccinationPeriod(periodFor(preview.parent(), nights.get(i))));
        }
        return moved;
    }

    /**
     * The plan with the split made: the parent closed and its parts after it. Refuses a preview whose parent no longer
     * matches the plan, or whose parts are not an exact split of the parent.
     */
    public Plan apply(Plan plan, SplitPreview preview) {
        Plan split = sketch(plan, preview);
        CampaignLimits.refuseBeyond(plan, split, "the split of " + preview.parent().name());
        return split;
    }

    /**
     * The plan with the split made, as {@link #apply} makes it, but also when it would go beyond the plan format's
     * limits: for what-ifs that are never saved (the split advisor's candidates, a comparison of scenarios), which
     * say so themselves.
     */
    public Plan sketch(Plan plan, SplitPreview preview) {
        Cohort parent = preview.parent();
        Cohort current = plan.cohort(parent.id()).orElseThrow(() -> new SplitNotPossibleException(
                "cohort " + parent.name() + " is no longer in the plan"));
        if (!current.equals(parent)) {
            throw new SplitNotPossibleException("cohort " + parent.name()
                    + " has changed since the split was proposed; propose it again");
        }
        List<String> problems = preview.coverageProblems();
        if (!problems.isEmpty()) {
            throw new SplitNotPossibleException("the parts of " + parent.name() + " are not an exact split: "
                    + String.join("; ", problems));
        }
        Set<String> ids = new HashSet<>();
        plan.cohorts().forEach(c -> ids.add(c.id()));
        List<Cohort> cohorts = new ArrayList<>();
        for (Cohort cohort : plan.cohorts()) {
            if (!cohort.id().equals(parent.id())) {
                cohorts.add(cohort);
                continue;
            }
            cohorts.add(cohort.withStatus(CohortStatus.CLOSED));
            List<List<CohortGroup>> groups = groupsOfParts(parent, preview.parts());
            for (int i = 0; i < preview.parts().size(); i++) {
                SplitPart part = preview.parts().get(i);
                if (!ids.add(part.id())) {
                    throw new SplitNotPossibleException("the plan already has a cohort with id " + part.id());
                }
                cohorts.add(part.toCohort(parent).withGroups(groups.get(i)));
            }
        }
        return plan.withCohorts(cohorts);
    }

    /**
     * The parent's named groups in each part: a share of the cohort is the same share of every part; a count of people
     * is shared out over the parts in proportion to their people (a group is not tied to birth years, so its people
     * are taken to be spread like the cohort's). A parent whose groups hold more people than it has cannot be split
     * so that the parts keep them.
     */
    public static List<List<CohortGroup>> groupsOfParts(Cohort parent, List<SplitPart> parts) {
        if (parent.peopleInGroups() > parent.eligible()) {
            throw new SplitNotPossibleException("the named groups of " + parent.name() + " hold "
                    + parent.peopleInGroups() + " people, more than its " + parent.eligible()
                    + " eligible; correct the groups before splitting it");
        }
        double[] weights = parts.stream().mapToDouble(SplitPart::people).toArray();
        List<List<CohortGroup>> result = new ArrayList<>();
        parts.forEach(part -> result.add(new ArrayList<>()));
        for (CohortGroup group : parent.groups()) {
            long[] people = group.isCount() ? Apportionment.largestRemainder(group.people(), weights) : null;
            for (int i = 0; i < parts.size(); i++) {
                result.get(i).add(people == null ? group : group.withPeople(people[i]));
            }
        }
        return result;
    }

    private static Cohort splittable(Plan plan, String cohortId) {
        Cohort cohort = plan.cohort(cohortId).orElseThrow(() -> new SplitNotPossibleException(
                "the plan has no cohort with id " + cohortId));
        if (CohortFamilies.isReplacedByParts(plan, cohort)) {
            throw new SplitNotPossibleException("cohort " + cohort.name()
                    + " is already split; split one of its parts, or merge them first");
        }
        if (cohort.status() == CohortStatus.CLOSED) {
            throw new SplitNotPossibleException("cohort " + cohort.name() + " is closed: its booking is over");
        }
        return cohort;
    }

    private static void requireGroups(Cohort parent, int groups, int available, String what) {
        if (groups < 2) {
            throw new SplitNotPossibleException("a split needs at least 2 parts, got " + groups);
        }
        if (groups > available) {
            throw new SplitNotPossibleException("cannot split " + parent.name() + " into " + groups + " parts: it has "
                    + available + " " + what);
        }
    }

    private static SplitPreview preview(Plan plan, Cohort parent, SplitKind kind, List<Group> groups) {
        PeopleByBirthDay spread = PeopleByBirthDay.of(parent, plan.population());
        double[] weights = new double[groups.size()];
        for (int i = 0; i < groups.size(); i++) {
            weights[i] = spread.people(groups.get(i).years(), groups.get(i).digits());
        }
        long[] people = Apportionment.largestRemainder(parent.eligible(), weights);
        List<BookingWindow> nights = new NightProposer(plan.holidays()).consecutiveNights(parent.window(),
                groups.size());
        Set<String> takenIds = new HashSet<>();
        plan.cohorts().forEach(c -> takenIds.add(c.id()));
        List<SplitPart> parts = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            Group group = groups.get(i);
            boolean byDigit = kind == SplitKind.BY_BIRTH_DAY_DIGIT;
            String name = byDigit ? CohortNames.digitPart(parent, group.digits())
                    : CohortNames.yearPart(parent, group.years());
            String id = freeId(parent.id() + "-" + (byDigit ? digitsSlug(group.digits()) : yearsSlug(group.years())),
                    takenIds);
            BookingWindow window = nights.get(i);
            parts.add(new SplitPart(id, name, group.years(), group.digits(), people[i], window,
                    periodFor(parent, window)));
        }
        return new SplitPreview(parent, kind, parts, spread.notes());
    }

    /**
     * The parent's period, moved on by as many days as needed for first doses not to start before the part's window
     * opens (the first vaccination day may be the opening day only for a window opening at midnight). A parent whose
     * period already starts too early passes that on unchanged rather than having it mended unasked.
     */
    private static VaccinationPeriod periodFor(Cohort parent, BookingWindow window) {
        VaccinationPeriod period = parent.vaccinationPeriod();
        long parentLate = Math.max(0, daysTooEarly(period, parent.window()));
        long late = daysTooEarly(period, window) - parentLate;
        return late > 0 ? period.shiftedBy(late) : period;
    }

    /** Days the period starts before the first day on which doses may be given after {@code window} opens. */
    private static long daysTooEarly(VaccinationPeriod period, BookingWindow window) {
        LocalDate firstAllowed = window.opens().toLocalTime().equals(LocalTime.MIDNIGHT)
                ? window.opens().toLocalDate() : window.opens().toLocalDate().plusDays(1);
        return ChronoUnit.DAYS.between(period.firstDay(), firstAllowed);
    }

    private static String freeId(String wanted, Set<String> taken) {
        String id = wanted;
        for (int n = 2; taken.contains(id); n++) {
            id = wanted + "-" + n;
        }
        taken.add(id);
        return id;
    }

    private static String yearsSlug(BirthCohortRange years) {
        return years.firstYear() == years.lastYear() ? Integer.toString(years.firstYear())
                : years.firstYear() + "-" + years.lastYear();
    }

    /** "d3" for digit 3, "d01234" for digits 0–4: one character a digit, so no two sets look alike. */
    private static String digitsSlug(Set<Integer> digits) {
        StringBuilder slug = new StringBuilder("d");
        digits.forEach(slug::append);
        return slug.toString();
    }

    /** Who a part takes before it is named and counted. */
    private record Group(BirthCohortRange years, Set<Integer> digits) {
    }
}
