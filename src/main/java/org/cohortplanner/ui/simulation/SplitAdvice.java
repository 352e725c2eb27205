package org.cohortplanner.ui.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Phrase;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.planning.CohortFamilies;
import org.cohortplanner.planning.CohortSplitter;
import org.cohortplanner.planning.SplitKind;
import org.cohortplanner.planning.SplitPreview;
import org.cohortplanner.simulation.BookingNightModel;
import org.cohortplanner.simulation.BookingNights;
import org.cohortplanner.simulation.SplitAdvisor;
import org.cohortplanner.ui.common.Messages;
import org.cohortplanner.ui.common.ProblemTexts;
import org.cohortplanner.ui.common.TaskRunner;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.common.WorkingPlan;

/**
 * The split advisor of the Simulation screen: the targets, the smallest split of the chosen window's cohort that
 * meets them (found on its own channel of the task runner), every split tried, and applying the proposal to the plan.
 */
public final class SplitAdvice {
    static final String ADVICE_CHANNEL = "simulation-advice";

    /** One split the advisor tried, as a table row. */
    public record AdviceLine(String split, String nights, String worstP95, String verdict, String why,
                             boolean proposed) {
    }

    private final WorkingPlan working;
    private final TaskRunner tasks;
    private final BookingNightModel model;
    private final BookingNights nights;
    private final CohortSplitter splitter;
    private final ChosenNight chosen;
    private final String user;
    private final Texts texts;
    private final NightFormats formats;

    private final DoubleProperty targetP95Minutes = new SimpleDoubleProperty(this, "targetP95Minutes", 60);
    private final BooleanProperty noSuspension = new SimpleBooleanProperty(this, "noSuspension", true);
    private final ReadOnlyObjectWrapper<SplitAdvisor.Advice> advice = new ReadOnlyObjectWrapper<>(this, "advice");
    private final ObservableList<AdviceLine> adviceLines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper adviceSummary = new ReadOnlyStringWrapper(this, "adviceSummary", "");
    private final ReadOnlyBooleanWrapper advising = new ReadOnlyBooleanWrapper(this, "advising");
    private final ReadOnlyBooleanWrapper canApplyAdvice = new ReadOnlyBooleanWrapper(this, "canApplyAdvice");

    private Plan advisedPlan;

    SplitAdvice(WorkingPlan working, TaskRunner tasks, BookingNightModel model, BookingNights nights,
                CohortSplitter splitter, ChosenNight chosen, String user, Texts texts, NightFormats formats) {
        this.working = Objects.requireNonNull(working, "working");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.model = Objects.requireNonNull(model, "model");
        this.nights = Objects.requireNonNull(nights, "nights");
        this.splitter = Objects.requireNonNull(splitter, "splitter");
        this.chosen = Objects.requireNonNull(chosen, "chosen");
        this.user = Objects.requireNonNull(user, "user");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.formats = Objects.requireNonNull(formats, "formats");
    }

    /** Asks the advisor for the smallest split of the chosen window's cohort that meets the targets. */
    public void advise() {
        Optional<Cohort> cohort = chosen.cohort();
        if (cohort.isEmpty()) {
            return;
        }
        SplitAdvisor.Targets targets;
        try {
            targets = new SplitAdvisor.Targets(targetP95Minutes.get(), noSuspension.get());
        } catch (IllegalArgumentException invalid) {
            adviceSummary.set(Messages.describe(invalid, texts.locale()));
            return;
        }
        Plan plan = working.getPlan();
        long runSeed = chosen.seed();
        SplitAdvisor advisor = new SplitAdvisor(model, nights, splitter);
        advising.set(true);
        canApplyAdvice.set(false);
        adviceSummary.set(texts.get("advice.running", cohort.get().name()));
        tasks.run(ADVICE_CHANNEL,
                work -> advisor.advise(plan, cohort.get(), targets, runSeed, work, work.cancellation()),
                finished -> {
                    advising.set(false);
                    advisedPlan = plan;
                    showAdvice(finished);
                },
                failure -> {
                    advising.set(false);
                    adviceSummary.set(texts.get("status.failed", Messages.describe(failure, texts.locale())));
                });
    }

    private void showAdvice(SplitAdvisor.Advice found) {
        advice.set(found);
        List<AdviceLine> lines = new ArrayList<>();
        for (SplitAdvisor.Candidate candidate : found.tried()) {
            boolean proposed = found.proposal().filter(p -> p == candidate).isPresent();
            List<String> nightTexts = candidate.nights().stream()
                    .map(n -> texts.get("advice.night", n.name(), formats.shortDateTime(n.window().opens()),
                            formats.minutes(n.p95WaitMinutes())))
                    .toList();
            String verdict = proposed ? "advice.proposed" : candidate.meetsTargets() ? "advice.meets" : "advice.misses";
            lines.add(new AdviceLine(describe(candidate), String.join("\n", nightTexts),
                    formats.minutes(candidate.worstP95WaitMinutes()), texts.get(verdict),
                    String.join("\n", whyNot(candidate, found.targets())), proposed));
        }
        adviceLines.setAll(lines);
        Optional<SplitAdvisor.Candidate> proposal = found.proposal();
        if (proposal.isEmpty()) {
            adviceSummary.set(texts.get("advice.none", found.cohort().name(),
                    formats.minutes(found.targets().p95WaitMinutes())));
        } else if (proposal.get().kind() == null) {
            adviceSummary.set(texts.get("advice.asItIs", found.cohort().name()));
        } else {
            adviceSummary.set(texts.get("advice.summary", found.cohort().name(), describe(proposal.get()),
                    formats.minutes(proposal.get().worstP95WaitMinutes())));
        }
        canApplyAdvice.set(proposal.filter(p -> p.kind() != null).isPresent());
    }

    /** The part nights of {@code candidate} that miss {@code targets}, and how. */
    private List<String> whyNot(SplitAdvisor.Candidate candidate, SplitAdvisor.Targets targets) {
        List<String> why = new ArrayList<>();
        for (SplitAdvisor.PartNight night : candidate.nights()) {
            if (night.p95WaitMinutes() > targets.p95WaitMinutes()) {
                why.add(texts.get("advice.tooLong", night.name(), formats.minutes(night.p95WaitMinutes())));
            }
            if (targets.noSuspension() && night.result().suspended()) {
                why.add(texts.get("advice.suspends", night.name(),
                        formats.minutes(night.result().suspendedAtMinute()),
                        formats.count(night.result().turnedAway())));
            }
        }
        return why;
    }

    private String describe(SplitAdvisor.Candidate candidate) {
        if (candidate.kind() == null) {
            return texts.get("advice.asIs");
        }
        return texts.get(candidate.kind() == SplitKind.BY_BIRTH_DAY_DIGIT ? "advice.byDigit" : "advice.byYear",
                candidate.parts());
    }

    /** Splits the cohort as the advisor proposed, through the cohort splitter, as one edit of the plan. */
    public void applyAdvice() {
        SplitAdvisor.Advice found = advice.get();
        if (found == null || found.proposal().isEmpty() || found.proposal().get().kind() == null) {
            return;
        }
        SplitAdvisor.Candidate proposal = found.proposal().get();
        Plan plan = working.getPlan();
        Cohort cohort = found.cohort();
        if (plan != advisedPlan && !WorkingPlan.sameContent(plan, advisedPlan)) {
            adviceSummary.set(texts.get("advice.stale"));
            canApplyAdvice.set(false);
            return;
        }
        Plan split;
        try {
            split = splitter.apply(plan, preview(plan, cohort, proposal.kind(), proposal.parts()));
        } catch (IllegalArgumentException notPossible) {
            adviceSummary.set(texts.get("status.failed", Messages.describe(notPossible, texts.locale())));
            return;
        }
        String parts = String.join(", ", CohortFamilies.partsOf(split, cohort.id()).stream().map(Cohort::name)
                .toList());
        working.edit(split, ProblemTexts.of(texts.locale()).change(user,
                Phrase.of("audit.cohort.splitAdvised", cohort.name(), proposal.parts()), cohort.name(), parts,
                texts.get("advice.reason", Math.round(found.targets().p95WaitMinutes()),
                        found.targets().noSuspension() ? 1 : 0)));
        canApplyAdvice.set(false);
        adviceSummary.set(texts.get("advice.applied", cohort.name(), parts));
    }

    private SplitPreview preview(Plan plan, Cohort cohort, SplitKind kind, int parts) {
        return kind == SplitKind.BY_BIRTH_DAY_DIGIT ? splitter.byBirthDayDigit(plan, cohort.id(), parts)
                : splitter.intoEqualParts(plan, cohort.id(), parts);
    }

    /** Drops the advice still being sought and the advice shown (another window is chosen). */
    void clear() {
        tasks.cancel(ADVICE_CHANNEL);
        advising.set(false);
        advice.set(null);
        adviceLines.clear();
        adviceSummary.set("");
        canApplyAdvice.set(false);
    }

    public DoubleProperty targetP95MinutesProperty() {
        return targetP95Minutes;
    }

    public BooleanProperty noSuspensionProperty() {
        return noSuspension;
    }

    public ReadOnlyObjectProperty<SplitAdvisor.Advice> adviceProperty() {
        return advice.getReadOnlyProperty();
    }

    public ObservableList<AdviceLine> adviceLines() {
        return adviceLines;
    }

    public ReadOnlyStringProperty adviceSummaryProperty() {
        return adviceSummary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty advisingProperty() {
        return advising.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canApplyAdviceProperty() {
        return canApplyAdvice.getReadOnlyProperty();
    }
}
