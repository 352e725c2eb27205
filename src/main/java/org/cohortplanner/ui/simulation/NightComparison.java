package org.cohortplanner.ui.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.planning.CohortFamilies;
import org.cohortplanner.planning.CohortSplitter;
import org.cohortplanner.simulation.BookingNightModel;
import org.cohortplanner.simulation.BookingNightParameters;
import org.cohortplanner.simulation.BookingNights;
import org.cohortplanner.simulation.ScenarioComparison;
import org.cohortplanner.ui.common.Messages;
import org.cohortplanner.ui.common.TaskRunner;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.common.WorkingPlan;

/**
 * The scenario comparison of the Simulation screen: the variants of the form's night, and the baseline and each
 * variant run with the same seed on their own channel of the task runner, one table row per scenario.
 */
public final class NightComparison {
    static final String COMPARISON_CHANNEL = "simulation-comparison";

    /** The kinds of variant a planner can add to the comparison; the value is a factor, a count or a rate. */
    public enum VariantKind { CAPACITY, WAITING_ROOM, SPLIT, MULTIPLIER }

    /** A variant of the night to compare with the baseline. */
    public record Variant(VariantKind kind, double value) {
    }

    /** One scenario of the comparison, as a table row, with its nights kept for the shared charts. */
    public record ComparisonLine(String scenario, String nights, String people, String booked, String never,
                                 String p50, String p95, String max, String to90, String suspended,
                                 String turnedAway, String peakQueue, ScenarioComparison.Row row) {
    }

    private final WorkingPlan working;
    private final TaskRunner tasks;
    private final BookingNightModel model;
    private final BookingNights nights;
    private final CohortSplitter splitter;
    private final ChosenNight chosen;
    private final Texts texts;
    private final NightFormats formats;
    private final StringProperty status;

    private final ObservableList<Variant> variants = FXCollections.observableArrayList();
    private final ObservableList<ComparisonLine> comparisonLines = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper comparing = new ReadOnlyBooleanWrapper(this, "comparing");
    private final ReadOnlyDoubleWrapper comparisonProgress = new ReadOnlyDoubleWrapper(this, "comparisonProgress");

    NightComparison(WorkingPlan working, TaskRunner tasks, BookingNightModel model, BookingNights nights,
                    CohortSplitter splitter, ChosenNight chosen, Texts texts, NightFormats formats,
                    StringProperty status) {
        this.working = Objects.requireNonNull(working, "working");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.model = Objects.requireNonNull(model, "model");
        this.nights = Objects.requireNonNull(nights, "nights");
        this.splitter = Objects.requireNonNull(splitter, "splitter");
        this.chosen = Objects.requireNonNull(chosen, "chosen");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.formats = Objects.requireNonNull(formats, "formats");
        this.status = Objects.requireNonNull(status, "status");
        variants.setAll(List.of(new Variant(VariantKind.CAPACITY, 2), new Variant(VariantKind.SPLIT, 2)));
    }

    public void addVariant(VariantKind kind, double value) {
        Variant variant = new Variant(kind, value);
        if (!variants.contains(variant)) {
            variants.add(variant);
        }
    }

    public void removeVariant(Variant variant) {
        variants.remove(variant);
    }

    public String describe(Variant variant) {
        return switch (variant.kind()) {
            case CAPACITY -> texts.get("variant.capacity", formats.number(variant.value(), 2));
            case WAITING_ROOM -> texts.get("variant.waitingRoom", formats.count(Math.round(variant.value())));
            case SPLIT -> texts.get("variant.split", Math.round(variant.value()));
            case MULTIPLIER -> texts.get("variant.multiplier", formats.number(variant.value(), 2));
        };
    }

    /** The scenarios to compare: the night as the form sets it, then each variant of it. */
    public List<ScenarioComparison.Scenario> scenarios() {
        Cohort cohort = chosen.cohort()
                .orElseThrow(() -> new IllegalArgumentException(texts.get("problem.noWindow")));
        BookingNightParameters baseline = chosen.parameters();
        List<ScenarioComparison.Scenario> scenarios = new ArrayList<>();
        scenarios.add(ScenarioComparison.Scenario.of(texts.get("variant.baseline"), baseline));
        for (Variant variant : variants) {
            String name = describe(variant);
            switch (variant.kind()) {
                case CAPACITY -> scenarios.add(ScenarioComparison.Scenario.of(name,
                        baseline.withCapacityScaled(variant.value())));
                case WAITING_ROOM -> scenarios.add(ScenarioComparison.Scenario.of(name,
                        baseline.withWaitingRoom(true, (int) Math.max(1, Math.round(variant.value())),
                                baseline.queueOrder())));
                case MULTIPLIER -> scenarios.add(ScenarioComparison.Scenario.of(name,
                        baseline.withAccessMultiplier(variant.value())));
                case SPLIT -> splitNights(cohort, (int) Math.round(variant.value()))
                        .ifPresent(parts -> scenarios.add(new ScenarioComparison.Scenario(name, parts)));
            }
        }
        return scenarios;
    }

    /** The nights of the cohort split into equal parts by birth year, each with the form's settings. */
    private Optional<List<BookingNightParameters>> splitNights(Cohort cohort, int parts) {
        Plan plan = working.getPlan();
        try {
            Plan split = splitter.sketch(plan, splitter.intoEqualParts(plan, cohort.id(), parts));
            return Optional.of(CohortFamilies.partsOf(split, cohort.id()).stream()
                    .map(part -> chosen.parameters(split, part)).toList());
        } catch (IllegalArgumentException notPossible) {
            return Optional.empty();
        }
    }

    /** Runs the baseline and every variant with the same seed. */
    public void compare() {
        List<ScenarioComparison.Scenario> scenarios;
        try {
            scenarios = scenarios();
        } catch (IllegalArgumentException invalid) {
            status.set(Messages.describe(invalid, texts.locale()));
            return;
        }
        long runSeed = chosen.seed();
        ScenarioComparison comparison = new ScenarioComparison(model);
        comparing.set(true);
        comparisonProgress.set(0);
        tasks.run(COMPARISON_CHANNEL,
                work -> comparison.compare(scenarios, runSeed, work, work.cancellation()),
                rows -> {
                    comparing.set(false);
                    comparisonProgress.set(1);
                    comparisonLines.setAll(rows.stream().map(this::comparisonLine).toList());
                },
                failure -> {
                    comparing.set(false);
                    status.set(texts.get("status.failed", Messages.describe(failure, texts.locale())));
                },
                (fraction, message) -> comparisonProgress.set(fraction));
    }

    private ComparisonLine comparisonLine(ScenarioComparison.Row row) {
        return new ComparisonLine(row.scenario(), formats.count(row.nights()), formats.count(row.people()),
                formats.count(row.booked()), formats.count(row.neverGotThrough()),
                formats.minutes(row.p50WaitMinutes()), formats.minutes(row.p95WaitMinutes()),
                formats.minutes(row.maxWaitMinutes()), formats.minutes(row.minutesTo90()),
                texts.get(row.suspended() ? "value.yes" : "value.no"), formats.count(row.turnedAway()),
                formats.count(row.peakQueue()), row);
    }

    /** Drops the comparison still running and the one shown (another window is chosen). */
    void clear() {
        tasks.cancel(COMPARISON_CHANNEL);
        comparing.set(false);
        comparisonLines.clear();
    }

    public ObservableList<Variant> variants() {
        return variants;
    }

    public ObservableList<ComparisonLine> comparisonLines() {
        return comparisonLines;
    }

    public ReadOnlyBooleanProperty comparingProperty() {
        return comparing.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty comparisonProgressProperty() {
        return comparisonProgress.getReadOnlyProperty();
    }
}
