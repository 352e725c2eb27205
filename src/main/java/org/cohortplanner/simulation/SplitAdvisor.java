package org.cohortplanner.simulation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.cohortplanner.domain.BookingWindow;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.planning.CampaignLimits;
import org.cohortplanner.planning.CohortFamilies;
import org.cohortplanner.planning.CohortSplitter;
import org.cohortplanner.planning.SplitKind;
import org.cohortplanner.planning.SplitNotPossibleException;
import org.cohortplanner.planning.SplitPreview;
import org.cohortplanner.work.Cancellation;
import org.cohortplanner.work.Progress;

/**
 * Proposes the smallest split of a cohort whose nights all meet the planner's targets: the cohort as it is, then two
 * parts, three, … — each by birth year (parts of consecutive birth years with nearly equal people) and by the last
 * digit of the birth day — with the parts opening on consecutive nights as the cohort splitter proposes them (so the
 * people per part and the nights are exactly those a split would make). Every split with fewer parts is kept with its
 * nights' figures, to show why it does not do.
 * <p>
 * Each part's night is simulated on its own, with the window's appointments taken from the plan as split (its
 * supply, through the booking limit). Parts whose windows overlap (a window longer than a day) share the booking
 * system in reality; the advisor treats each night as if it had the system to itself.
 */
public final class SplitAdvisor {
    private final BookingNightModel model;
    private final BookingNights nights;
    private final CohortSplitter splitter;

    public SplitAdvisor(BookingNightModel model, BookingNights nights, CohortSplitter splitter) {
        this.model = model;
        this.nights = nights;
        this.splitter = splitter;
    }

    /**
     * @param p95WaitMinutes the longest 95th-percentile wait accepted on any night
     * @param noSuspension   true: no night may run out of appointments
     */
    public record Targets(double p95WaitMinutes, boolean noSuspension) {
        public Targets {
            if (!Double.isFinite(p95WaitMinutes) || p95WaitMinutes < 0) {
                throw new IllegalArgumentException("the p95 wait target must be 0 minutes or more, got "
                        + p95WaitMinutes);
            }
        }
    }

    /** One part's night under a candidate split. */
    public record PartNight(String name, String whoBooks, long eligible, BookingWindow window,
                            BookingNightResult result) {
        public double p95WaitMinutes() {
            return result.waits().p95Minutes();
        }
    }

    /**
     * A split tried: {@code kind} is null for the cohort as it is (one part).
     *
     * @param shortfalls what keeps it from meeting the targets, empty when it meets them
     */
    public record Candidate(SplitKind kind, int parts, List<PartNight> nights, List<String> shortfalls) {
        public Candidate {
            nights = List.copyOf(nights);
            shortfalls = List.copyOf(shortfalls);
        }

        public boolean meetsTargets() {
            return shortfalls.isEmpty();
        }

        public double worstP95WaitMinutes() {
            return nights.stream().mapToDouble(PartNight::p95WaitMinutes).max().orElse(0);
        }

        public String describe() {
            if (kind == null) {
                return "as it is (1 night)";
            }
            return parts + " parts " + (kind == SplitKind.BY_BIRTH_DAY_DIGIT ? "by birth-day digit" : "by birth year");
        }
    }

    /** The proposal (empty when no split meets the targets) and every candidate tried, smallest first. */
    public record Advice(Cohort cohort, Targets targets, Optional<Candidate> proposal, List<Candidate> tried) {
        public Advice {
            tried = List.copyOf(tried);
        }
    }

    public Advice advise(Plan plan, Cohort cohort, Targets targets, long seed, Progress<?> progress,
                         Cancellation cancellation) {
        int maxParts = Math.max(cohort.birthYears().size(), cohort.effectiveDigits().size());
        List<Candidate> tried = new ArrayList<>();
        Candidate whole = evaluate(plan, List.of(cohort), null, targets, seed, cancellation);
        tried.add(whole);
        progress.report(1.0 / maxParts);
        if (whole.meetsTargets()) {
            return new Advice(cohort, targets, Optional.of(whole), tried);
        }
        for (int parts = 2; parts <= maxParts; parts++) {
            List<Candidate> sameSize = new ArrayList<>();
            for (SplitKind kind : List.of(SplitKind.EQUAL_PEOPLE, SplitKind.BY_BIRTH_DAY_DIGIT)) {
                Optional<Plan> split = split(plan, cohort, kind, parts);
                if (split.isPresent()) {
                    List<Cohort> partCohorts = CohortFamilies.partsOf(split.get(), cohort.id());
                    // A split the plan cannot take is not simulated: it is tried, with the limit it goes beyond.
                    Optional<CampaignLimits.Breach> beyond = CampaignLimits.newBreach(plan, split.get());
                    sameSize.add(beyond.isPresent() ? new Candidate(kind, partCohorts.size(), List.of(),
                            List.of("the split would take the plan beyond the plan format's limits: "
                                    + beyond.get().detail()))
                            : evaluate(split.get(), partCohorts, kind, targets, seed, cancellation));
                }
            }
            tried.addAll(sameSize);
            progress.report(parts / (double) maxParts);
            Optional<Candidate> best = sameSize.stream().filter(Candidate::meetsTargets)
                    .min(Comparator.comparingDouble(Candidate::worstP95WaitMinutes));
            if (best.isPresent()) {
                return new Advice(cohort, targets, best, tried);
            }
        }
        progress.report(1);
        return new Advice(cohort, targets, Optional.empty(), tried);
    }

    private Optional<Plan> split(Plan plan, Cohort cohort, SplitKind kind, int parts) {
        try {
            SplitPreview preview = kind == SplitKind.EQUAL_PEOPLE
                    ? splitter.intoEqualParts(plan, cohort.id(), parts)
                    : splitter.byBirthDayDigit(plan, cohort.id(), parts);
            return Optional.of(splitter.sketch(plan, preview));
        } catch (SplitNotPossibleException notPossible) {
            return Optional.empty();
        }
    }

    private Candidate evaluate(Plan plan, List<Cohort> parts, SplitKind kind, Targets targets, long seed,
                               Cancellation cancellation) {
        List<PartNight> partNights = new ArrayList<>();
        List<String> shortfalls = new ArrayList<>();
        for (Cohort part : parts) {
            cancellation.throwIfCancelled();
            BookingNightResult result = model.run(nights.parameters(plan, part), seed, Progress.none(),
                    cancellation);
            partNights.add(new PartNight(part.name(), whoBooks(part), part.eligible(), part.window(), result));
            if (result.waits().p95Minutes() > targets.p95WaitMinutes()) {
                shortfalls.add(String.format("%s: p95 wait %.0f min > %.0f min", part.name(),
                        result.waits().p95Minutes(), targets.p95WaitMinutes()));
            }
            if (targets.noSuspension() && result.suspended()) {
                shortfalls.add(String.format("%s: booking suspended %.0f min after the opening, %d turned away",
                        part.name(), result.suspendedAtMinute(), result.turnedAway()));
            }
        }
        return new Candidate(kind, parts.size(), partNights, shortfalls);
    }

    private static String whoBooks(Cohort cohort) {
        if (cohort.allBirthDays()) {
            return cohort.birthYears().toString();
        }
        StringBuilder digits = new StringBuilder();
        for (int digit : cohort.birthDayDigits()) {
            digits.append(digits.length() == 0 ? "" : ",").append(digit);
        }
        return cohort.birthYears() + ", birth days ending in " + digits;
    }
}
