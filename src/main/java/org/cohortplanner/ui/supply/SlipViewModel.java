package org.cohortplanner.ui.supply;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Delivery;
import org.cohortplanner.domain.Phrase;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.planning.slip.Effect;
import org.cohortplanner.planning.slip.ImpactLine;
import org.cohortplanner.planning.slip.RegionChange;
import org.cohortplanner.planning.slip.SecondDoseMove;
import org.cohortplanner.planning.slip.SlipImpact;
import org.cohortplanner.planning.slip.SlipSuggestions;
import org.cohortplanner.planning.slip.Suggestion;
import org.cohortplanner.ui.common.Formats;
import org.cohortplanner.ui.common.Messages;
import org.cohortplanner.ui.common.ProblemTexts;
import org.cohortplanner.ui.common.TaskRunner;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.common.UserDialogs;
import org.cohortplanner.ui.common.WorkingPlan;

/**
 * "Record a delay": the officer picks a delivery, its new expected date and the reason; the impact on the schedule
 * and the ranked suggestions are shown before anything is saved. Saving records the delay alone or together with one
 * suggestion, each as one undoable step whose audit entry names the delivery and the slip. Afterwards the groups of
 * people whose second-dose day moves are listed, to be exported and told.
 */
public final class SlipViewModel {
    static final String SLIP_CHANNEL = "supply-slip";

    private final WorkingPlan working;
    private final TaskRunner tasks;
    private final UserDialogs dialogs;
    private final String user;
    private final Texts texts;
    private final ProblemTexts phrases;
    private final Dose2ListExport listExport;

    private final ObjectProperty<String> deliveryId = new SimpleObjectProperty<>(this, "deliveryId");
    private final ObjectProperty<LocalDate> newDate = new SimpleObjectProperty<>(this, "newDate");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final ReadOnlyObjectWrapper<SlipImpact> impact = new ReadOnlyObjectWrapper<>(this, "impact");
    private final ObservableList<ImpactLine> impactLines = FXCollections.observableArrayList();
    private final ObservableList<Suggestion> suggestions = FXCollections.observableArrayList();
    private final ObservableList<SecondDoseMove> moves = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper impactSummary = new ReadOnlyStringWrapper(this, "impactSummary", "");
    private final ReadOnlyStringWrapper movesSummary = new ReadOnlyStringWrapper(this, "movesSummary", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper progressMessage = new ReadOnlyStringWrapper(this, "progressMessage", "");
    private Plan movesPlan;
    private String movesDelivery = "";

    SlipViewModel(WorkingPlan working, TaskRunner tasks, UserDialogs dialogs, String user, Texts texts) {
        this.working = working;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.user = user;
        this.texts = texts;
        this.phrases = ProblemTexts.of(texts.locale());
        this.listExport = new Dose2ListExport(tasks, dialogs, texts);
        // A new question makes the old answer stale: it must never be saved by mistake.
        deliveryId.addListener((observable, before, after) -> clearImpact());
        newDate.addListener((observable, before, after) -> clearImpact());
    }

    /** Picks {@code id} and proposes its expected date as the date to change. */
    public void choose(String id) {
        deliveryId.set(id);
        working.getPlan().delivery(id).ifPresent(delivery -> newDate.set(delivery.expectedArrival()));
    }

    /** Computes the impact of the slip and the suggestions in the background; nothing is saved. */
    public void showImpact() {
        Plan plan = working.getPlan();
        Delivery delivery = deliveryId.get() == null ? null : plan.delivery(deliveryId.get()).orElse(null);
        LocalDate date = newDate.get();
        if (delivery == null) {
            problem.set(texts.get("slip.error.noDelivery"));
            return;
        }
        if (date == null) {
            problem.set(texts.get("slip.error.noDate"));
            return;
        }
        if (date.equals(delivery.expectedArrival())) {
            problem.set(texts.get("slip.error.sameDate", delivery.id(), Formats.date(date, texts.locale())));
            return;
        }
        clearImpact();
        String typed = reason.get() == null ? "" : reason.get().strip();
        String slipReason = texts.get("slip.reason", delivery.id(), delivery.brand(),
                Formats.count(delivery.doses(), texts.locale()), Formats.date(date, texts.locale()),
                Formats.date(delivery.expectedArrival(), texts.locale())) + (typed.isEmpty() ? "" : ": " + typed);
        Delivery delayed = delivery.delayedTo(date, typed.isEmpty() ? texts.get("slip.note",
                Formats.date(date, texts.locale()), Formats.date(delivery.expectedArrival(), texts.locale())) : typed);
        Plan after = plan.withDelivery(delayed);
        start(texts.get("slip.progress.schedule"));
        tasks.run(SLIP_CHANNEL, work -> {
            work.report(0.1, texts.get("slip.progress.schedule"));
            SlipImpact computed = SlipImpact.between(plan, after, slipReason);
            work.checkCancelled();
            work.report(0.4, texts.get("slip.progress.suggestions"));
            List<Suggestion> ranked = SlipSuggestions.of(computed);
            work.report(1, "");
            return new Outcome(computed, ranked);
        }, this::showOutcome, this::fail, this::progressed);
    }

    private void showOutcome(Outcome outcome) {
        busy.set(false);
        SlipImpact computed = outcome.impact();
        impact.set(computed);
        impactLines.setAll(computed.lines().stream().filter(line -> line.peopleLosingDose() != 0).toList());
        suggestions.setAll(outcome.suggestions());
        Plan plan = computed.planBefore();
        if (!computed.losesDoses()) {
            impactSummary.set(texts.get("impact.none"));
            return;
        }
        String cohorts = computed.cohortsLosing().stream().map(id -> cohortName(plan, id))
                .collect(Collectors.joining(", "));
        List<LocalDate> days = List.copyOf(computed.daysLosing());
        impactSummary.set(texts.get("impact.summary",
                Formats.count(computed.peopleWithoutDose(), texts.locale()), cohorts,
                computed.regionsLosing().size(), days.size(),
                Formats.period(days.get(0), days.get(days.size() - 1), texts.locale())));
    }

    /** Saves the delay and nothing else, in one undoable step. */
    public void saveDelayOnly() {
        SlipImpact shown = currentImpact();
        if (shown == null) {
            return;
        }
        Delivery before = shown.planBefore().delivery(deliveryId.get()).orElseThrow();
        Delivery after = shown.planAfter().delivery(deliveryId.get()).orElseThrow();
        start(texts.get("slip.progress.saving"));
        tasks.run(SLIP_CHANNEL, work -> SlipSuggestions.secondDoseMoves(shown.scheduleBefore(),
                shown.scheduleAfter()), found -> {
                    working.edit(shown.planAfter(), phrases.change(user,
                            Phrase.of("audit.delivery.delayed", before.id()),
                            SupplyViewModel.describe(before, texts), SupplyViewModel.describe(after, texts),
                            texts.get("audit.slipReason", phrases.phrase(shown.cause()))));
                    saved(shown.planAfter(), before.id(), found);
                }, this::fail, this::progressed);
    }

    /** Saves the delay with suggestion {@code number} (1 is the first) in one undoable step. */
    public void saveWithSuggestion(int number) {
        SlipImpact shown = currentImpact();
        if (shown == null) {
            return;
        }
        if (number < 1 || number > suggestions.size()) {
            problem.set(texts.get("slip.error.noSuggestion"));
            return;
        }
        Suggestion chosen = suggestions.get(number - 1);
        Delivery before = shown.planBefore().delivery(deliveryId.get()).orElseThrow();
        Delivery after = shown.planAfter().delivery(deliveryId.get()).orElseThrow();
        start(texts.get("slip.progress.saving"));
        tasks.run(SLIP_CHANNEL, work -> SlipSuggestions.apply(shown, chosen), applied -> {
            // The suggestion in the console's language; the command line writes the same in English.
            working.edit(applied.plan(), phrases.change(user, Phrase.of("audit.delivery.delayedWithSuggestion",
                    before.id(), chosen.title()), SupplyViewModel.describe(before, texts),
                    SupplyViewModel.describe(after, texts) + "; " + String.join("; ", phrases.phrases(chosen.steps())),
                    texts.get("audit.slipReason", phrases.phrase(shown.cause()))));
            saved(applied.plan(), before.id(), applied.secondDoseMoves());
        }, this::fail, this::progressed);
    }

    /** Forgets the impact shown; the plan stays as it is. */
    public void cancel() {
        tasks.cancel(SLIP_CHANNEL);
        busy.set(false);
        clearImpact();
    }

    private SlipImpact currentImpact() {
        SlipImpact shown = impact.get();
        if (shown == null) {
            problem.set(texts.get("slip.error.noImpact"));
            return null;
        }
        if (!WorkingPlan.sameContent(shown.planBefore(), working.getPlan())) {
            clearImpact();
            problem.set(texts.get("slip.error.planChanged"));
            return null;
        }
        return shown;
    }

    private void saved(Plan plan, String delivery, List<SecondDoseMove> found) {
        busy.set(false);
        clearImpact();
        movesPlan = plan;
        movesDelivery = delivery;
        long people = found.stream().mapToLong(SecondDoseMove::people).sum();
        // The summary first: whoever sees the list filled sees what it sums up.
        movesSummary.set(found.isEmpty() ? texts.get("moves.none", delivery)
                : texts.get("moves.summary", delivery, Formats.count(people, texts.locale()), found.size()));
        moves.setAll(found);
    }

    /** Writes the people whose second-dose day moves to an .xlsx workbook or, by the file's name, a .csv file. */
    public void exportMoves() {
        if (moves.isEmpty() || movesPlan == null) {
            return;
        }
        listExport.export(movesPlan, moves, "dose2-changes-" + movesDelivery + ".xlsx",
                () -> start(texts.get("moves.export.progress")), () -> busy.set(false), this::progressed);
    }

    /** The suggestion in a few words, in the console's language: "Pfizer instead of Moderna for 55–59". */
    public String title(Suggestion suggestion) {
        return phrases.phrase(suggestion.title());
    }

    /** The regions a suggestion touches, by the names planners use in the console's language. */
    public String regionsText(Suggestion suggestion) {
        return suggestion.regionNames().stream().map(region -> Formats.region(region, texts.locale()))
                .collect(Collectors.joining(", "));
    }

    /** What the suggestion does: its effect on people, then each change and each region's part, one per line. */
    public String details(Suggestion suggestion) {
        Effect effect = suggestion.effect();
        return texts.get("suggestions.effect", Formats.count(effect.peopleMoved(), texts.locale()),
                Formats.count(effect.peoplePostponed(), texts.locale()), effect.daysAdded(), effect.brandChanges(),
                Formats.count(effect.peopleStillShort(), texts.locale())) + "\n"
                + String.join("\n", phrases.phrases(suggestion.steps()))
                + suggestion.regions().stream().map(change -> "\n" + regionText(suggestion.plan(), change))
                .collect(Collectors.joining());
    }

    /** One region's part of a suggestion in a sentence: which region, which days, how many people or doses. */
    private String regionText(Plan plan, RegionChange change) {
        String days = change.firstDay() == null ? "" : change.lastDay() == null || change.lastDay()
                .equals(change.firstDay()) ? Formats.dayMonth(change.firstDay(), texts.locale())
                : Formats.dayMonth(change.firstDay(), texts.locale()) + "–"
                + Formats.dayMonth(change.lastDay(), texts.locale());
        String region = Formats.region(change.region(), texts.locale());
        if (change.fromRegion() != null) {
            return texts.get("suggestions.region.transfer", region, Formats.count(change.doses(), texts.locale()),
                    change.brandAfter(), Formats.region(change.fromRegion(), texts.locale()), days);
        }
        if (change.cohortId() == null) {
            // A longer interval moves second doses of every cohort of the brand in the region.
            return texts.get("suggestions.region.dose2Moved", region, Formats.count(change.people(), texts.locale()),
                    days);
        }
        String cohort = cohortName(plan, change.cohortId());
        if (change.brandBefore() != null && change.brandAfter() != null
                && !change.brandBefore().equals(change.brandAfter())) {
            return texts.get("suggestions.region.swap", region, Formats.count(change.people(), texts.locale()),
                    cohort, change.brandAfter(), change.brandBefore(), days);
        }
        return texts.get("suggestions.region.moved", region, Formats.count(change.people(), texts.locale()),
                cohort, days);
    }

    static String cohortName(Plan plan, String cohortId) {
        return plan.cohort(cohortId).map(Cohort::name).orElse(cohortId);
    }

    /** Cohort names by id in the plan the moves were saved with, for tables. */
    public Map<String, String> cohortNames() {
        Plan plan = movesPlan != null ? movesPlan : working.getPlan();
        return plan.cohorts().stream().collect(Collectors.toMap(Cohort::id, Cohort::name, (a, b) -> a));
    }

    private void start(String message) {
        problem.set("");
        busy.set(true);
        progress.set(-1);
        progressMessage.set(message);
    }

    private void progressed(double fraction, String message) {
        progress.set(fraction);
        if (message != null && !message.isEmpty()) {
            progressMessage.set(message);
        }
    }

    private void fail(Throwable failure) {
        busy.set(false);
        problem.set(Messages.describe(failure, texts.locale()));
    }

    private void clearImpact() {
        impact.set(null);
        impactLines.clear();
        suggestions.clear();
        impactSummary.set("");
        problem.set("");
    }

    public ObjectProperty<String> deliveryIdProperty() {
        return deliveryId;
    }

    public ObjectProperty<LocalDate> newDateProperty() {
        return newDate;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    /** The impact shown, or null before "show impact" and after saving or cancelling. */
    public ReadOnlyObjectProperty<SlipImpact> impactProperty() {
        return impact.getReadOnlyProperty();
    }

    public SlipImpact getImpact() {
        return impact.get();
    }

    /** Days, regions and cohorts whose shortage changes, as a difference from before. */
    public ObservableList<ImpactLine> impactLines() {
        return impactLines;
    }

    /** Ranked: the first removes the shortage with fewest people postponed and fewest changes. */
    public ObservableList<Suggestion> suggestions() {
        return suggestions;
    }

    /** People whose second-dose day moves through the last saved delay. */
    public ObservableList<SecondDoseMove> moves() {
        return moves;
    }

    public ReadOnlyStringProperty impactSummaryProperty() {
        return impactSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty movesSummaryProperty() {
        return movesSummary.getReadOnlyProperty();
    }

    /** Why the last step could not be done, empty otherwise. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressMessageProperty() {
        return progressMessage.getReadOnlyProperty();
    }

    private record Outcome(SlipImpact impact, List<Suggestion> suggestions) {
        Outcome {
            Objects.requireNonNull(impact, "impact");
        }
    }
}
