package org.cohortplanner.ui.supply;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cohortplanner.domain.Allotment;
import org.cohortplanner.domain.Delivery;
import org.cohortplanner.domain.Phrase;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.Region;
import org.cohortplanner.domain.Transfer;
import org.cohortplanner.domain.VaccineBrand;
import org.cohortplanner.planning.schedule.BrandDay;
import org.cohortplanner.planning.schedule.RegionStockDay;
import org.cohortplanner.planning.schedule.Schedule;
import org.cohortplanner.planning.schedule.SecondDoseWarning;
import org.cohortplanner.planning.slip.SlipImpact;
import org.cohortplanner.domain.PlanChange;
import org.cohortplanner.ui.common.Formats;
import org.cohortplanner.ui.common.Messages;
import org.cohortplanner.ui.common.ProblemTexts;
import org.cohortplanner.ui.common.TaskRunner;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.common.UserDialogs;
import org.cohortplanner.ui.common.WorkingPlan;

/**
 * The Supply screen without its nodes: the plan's deliveries and their edits, the stock line of one brand, the dose-2
 * guard, and the two flows that change supply in bulk ({@link SlipViewModel}, {@link DeliveryImportViewModel}).
 * Follows every change of the working plan; the schedule behind the chart is rebuilt in the background and only the
 * latest plan's schedule is shown.
 */
public final class SupplyViewModel {
    static final String SCHEDULE_CHANNEL = "supply-schedule";

    private final WorkingPlan working;
    private final TaskRunner tasks;
    private final UserDialogs dialogs;
    private final String user;
    private final Texts texts;
    private final ProblemTexts phrases;
    private final SlipViewModel slip;
    private final DeliveryImportViewModel importer;
    private final IntervalPoliciesViewModel intervals;

    private final ObservableList<Delivery> deliveries = FXCollections.observableArrayList();
    private final ObservableList<Transfer> transfers = FXCollections.observableArrayList();
    private final ObservableList<String> regions = FXCollections.observableArrayList();
    private final ObservableList<String> brands = FXCollections.observableArrayList();
    private final ObjectProperty<String> selectedBrand = new SimpleObjectProperty<>(this, "selectedBrand");
    private final ObjectProperty<String> selectedRegion = new SimpleObjectProperty<>(this, "selectedRegion");
    private final ObservableList<RegionStockRow> regionRows = FXCollections.observableArrayList();
    private final ObservableList<BrandDay> brandDays = FXCollections.observableArrayList();
    private final ObservableList<String> guard = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Schedule> schedule = new ReadOnlyObjectWrapper<>(this, "schedule");
    private final ReadOnlyBooleanWrapper scheduling = new ReadOnlyBooleanWrapper(this, "scheduling");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper chartSummary = new ReadOnlyStringWrapper(this, "chartSummary", "");

    public SupplyViewModel(WorkingPlan working, TaskRunner tasks, UserDialogs dialogs, String user, Texts texts) {
        this.working = Objects.requireNonNull(working, "working");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.user = Objects.requireNonNull(user, "user");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.phrases = ProblemTexts.of(texts.locale());
        this.slip = new SlipViewModel(working, tasks, dialogs, user, texts);
        this.importer = new DeliveryImportViewModel(working, tasks, dialogs, user, texts);
        this.intervals = new IntervalPoliciesViewModel(working, tasks, dialogs, user, texts);
        selectedBrand.addListener((observable, before, after) -> showBrand());
        selectedRegion.addListener((observable, before, after) -> showBrand());
        // While a delay's impact is shown, the chart shows the stock with the delay, of the delayed brand.
        slip.impactProperty().addListener((observable, before, after) -> {
            if (after != null) {
                after.planAfter().delivery(slip.deliveryIdProperty().get())
                        .ifPresent(delivery -> selectedBrand.set(delivery.brand()));
            }
            showBrand();
        });
        working.planProperty().addListener((observable, before, after) -> show(after));
        show(working.getPlan());
    }

    private void show(Plan plan) {
        deliveries.setAll(plan.deliveries());
        transfers.setAll(plan.transfers());
        List<String> regionNames = plan.regions().stream().map(Region::name).toList();
        if (!regions.equals(regionNames)) {
            regions.setAll(regionNames);
        }
        List<String> names = plan.brands().stream().map(VaccineBrand::name).toList();
        if (!brands.equals(names)) {
            String chosen = selectedBrand.get();
            brands.setAll(names);
            selectedBrand.set(names.contains(chosen) ? chosen : names.isEmpty() ? null : names.get(0));
        }
        long doses = plan.deliveries().stream().mapToLong(Delivery::doses).sum();
        long slipped = plan.deliveries().stream().filter(Delivery::isSlipped).count();
        summary.set(texts.get("summary", plan.deliveries().size(), Formats.count(doses, texts.locale()), slipped,
                plan.zone().getId()));
        scheduling.set(true);
        tasks.run(SCHEDULE_CHANNEL, progress -> Schedule.of(plan), this::showSchedule, failure -> {
            scheduling.set(false);
            chartSummary.set(texts.get("chart.failed", Messages.describe(failure, texts.locale())));
        });
    }

    private void showSchedule(Schedule built) {
        scheduling.set(false);
        schedule.set(built);
        List<String> warnings = new ArrayList<>();
        for (SecondDoseWarning warning : built.secondDoseWarnings()) {
            warnings.add(texts.get("guard.warning", warning.cohortName(),
                    Formats.dateTime(warning.windowOpens(), texts.locale()),
                    Formats.count(warning.peopleUncovered(), texts.locale()), warning.brand(),
                    Formats.date(warning.firstShortDay(), texts.locale())));
        }
        guard.setAll(warnings);
        showBrand();
    }

    private void showBrand() {
        SlipImpact delay = slip.getImpact();
        Schedule shown = delay != null ? delay.scheduleAfter() : schedule.get();
        String brand = selectedBrand.get();
        if (shown == null || brand == null) {
            brandDays.clear();
            chartSummary.set("");
            return;
        }
        String region = selectedRegion.get();
        List<BrandDay> days = region == null ? shown.brandDays(brand)
                : shown.regionStock(region, brand).stream().map(SupplyViewModel::asBrandDay).toList();
        brandDays.setAll(days);
        List<RegionStockRow> rows = new ArrayList<>();
        for (String each : shown.regions()) {
            rows.add(new RegionStockRow(each, shown.regionStock(each, brand)));
        }
        regionRows.setAll(rows);
        long shortDays = days.stream().filter(BrandDay::isShort).count();
        long peopleShort = days.stream().mapToLong(BrandDay::peopleShort).sum();
        String what = region == null ? brand : texts.get("chart.brandInRegion", brand, region);
        String text = shortDays == 0 ? texts.get("chart.noShortage", what)
                : texts.get("chart.shortage", what, shortDays, Formats.count(peopleShort, texts.locale()));
        chartSummary.set(delay == null ? text : texts.get("chart.withDelay", text, slip.deliveryIdProperty().get()));
    }

    /** A region's day as the chart draws it: what reached the region (allotted or received) counts as arrived. */
    private static BrandDay asBrandDay(RegionStockDay day) {
        return new BrandDay(day.day(), day.brand(), day.allotted() + day.transferredIn(), day.due(), day.given(),
                day.stock(), day.reserved(), day.capacity(), day.peopleShort(), day.dosesShort());
    }

    /** One region's days of the chosen brand, a row of the region × day view. */
    public record RegionStockRow(String region, List<RegionStockDay> days) {
        public RegionStockRow {
            days = List.copyOf(days);
        }
    }

    /**
     * Adds a delivery, or replaces the one with id {@code replacing}, in one undoable step.
     *
     * @return what is wrong with the form, one sentence each; empty when the plan changed
     */
    public List<String> saveDelivery(String replacing, DeliveryForm form) {
        Plan plan = working.getPlan();
        List<String> problems = form.problems(plan, replacing, texts);
        if (!problems.isEmpty()) {
            return problems;
        }
        Delivery saved = form.delivery();
        Plan edited;
        PlanChange change;
        if (replacing == null) {
            List<Delivery> list = new ArrayList<>(plan.deliveries());
            list.add(saved);
            edited = plan.withDeliveries(list);
            change = phrases.change(user, Phrase.of("audit.delivery.added", saved.id()), "", describe(saved), "");
        } else {
            Delivery before = plan.delivery(replacing).orElse(null);
            if (before == null) {
                return List.of(texts.get("form.error.gone", replacing));
            }
            if (before.equals(saved)) {
                return List.of();
            }
            edited = plan.withDeliveries(plan.deliveries().stream().map(d -> d.id().equals(replacing) ? saved : d)
                    .toList());
            change = phrases.change(user, Phrase.of("audit.delivery.edited", replacing), describe(before),
                    describe(saved), "");
        }
        try {
            working.edit(edited, change);
        } catch (IllegalArgumentException refused) {
            return List.of(Messages.describe(refused, texts.locale()));
        }
        return List.of();
    }

    /** Deletes a delivery after the officer confirms, in one undoable step. */
    public void deleteDelivery(String id) {
        Plan plan = working.getPlan();
        Delivery gone = plan.delivery(id).orElse(null);
        if (gone == null) {
            return;
        }
        if (!dialogs.confirm(texts.get("delete.title"), texts.get("delete.question", id, gone.brand(),
                Formats.count(gone.doses(), texts.locale())))) {
            return;
        }
        working.edit(plan.withDeliveries(plan.deliveries().stream().filter(d -> !d.id().equals(id)).toList()),
                phrases.change(user, Phrase.of("audit.delivery.deleted", id), describe(gone), "", ""));
    }

    /** A delivery in one line, for the audit trail's before and after. */
    private String describe(Delivery delivery) {
        return describe(delivery, texts);
    }

    /** A delivery in words for the audit's before and after, in the console's language. */
    static String describe(Delivery delivery, Texts texts) {
        Locale locale = texts.locale();
        Allotment allotment = delivery.allotment();
        String allotted = allotment.isExplicit() ? allotment.dosesByRegion().entrySet().stream()
                .map(region -> Formats.region(region.getKey(), locale) + " " + Formats.count(region.getValue(),
                        locale)).collect(Collectors.joining("; "))
                : texts.get("allotment." + allotment.rule().name());
        return texts.get("describe.delivery", delivery.id(), delivery.brand(), Formats.count(delivery.doses(), locale),
                Formats.date(delivery.plannedArrival(), locale), Formats.date(delivery.expectedArrival(), locale),
                texts.get("status." + delivery.status().name()))
                + (delivery.leadTimeDays() == null ? "" : ", " + texts.get("describe.leadTime",
                        delivery.leadTimeDays()))
                + ", " + texts.get("describe.allotted", allotted) + (delivery.note().isBlank() ? ""
                : ", " + delivery.note());
    }

    /**
     * Records a transfer between regions, or replaces the one with id {@code replacing}, in one undoable step.
     *
     * @return what is wrong with the form, one sentence each; empty when the plan changed
     */
    public List<String> saveTransfer(String replacing, TransferForm form) {
        Plan plan = working.getPlan();
        List<String> problems = form.problems(plan, replacing, texts);
        if (!problems.isEmpty()) {
            return problems;
        }
        Transfer saved = form.transfer();
        List<Transfer> list = new ArrayList<>(plan.transfers());
        PlanChange change;
        if (replacing == null) {
            list.add(saved);
            change = phrases.change(user, Phrase.of("audit.transfer.added", saved.id()), "", describe(saved), "");
        } else {
            Transfer before = transfer(plan, replacing);
            if (before == null) {
                return List.of(texts.get("transfer.error.gone", replacing));
            }
            if (before.equals(saved)) {
                return List.of();
            }
            list.replaceAll(transfer -> transfer.id().equals(replacing) ? saved : transfer);
            change = phrases.change(user, Phrase.of("audit.transfer.edited", replacing), describe(before),
                    describe(saved), "");
        }
        try {
            working.edit(plan.withTransfers(list), change);
        } catch (IllegalArgumentException refused) {
            return List.of(Messages.describe(refused, texts.locale()));
        }
        return List.of();
    }

    /** Deletes a transfer after the officer confirms, in one undoable step. */
    public void deleteTransfer(String id) {
        Plan plan = working.getPlan();
        Transfer gone = transfer(plan, id);
        if (gone == null || !dialogs.confirm(texts.get("transfer.delete.title"), texts.get("transfer.delete.question",
                id, Formats.count(gone.doses(), texts.locale()), gone.brand(), gone.fromRegion(), gone.toRegion()))) {
            return;
        }
        working.edit(plan.withTransfers(plan.transfers().stream().filter(t -> !t.id().equals(id)).toList()),
                phrases.change(user, Phrase.of("audit.transfer.deleted", id), describe(gone), "", ""));
    }

    private static Transfer transfer(Plan plan, String id) {
        return plan.transfers().stream().filter(transfer -> transfer.id().equals(id)).findFirst().orElse(null);
    }

    /** A transfer in one line, for the audit trail's before and after. */
    /** A transfer in words for the audit's before and after, in the console's language. */
    private String describe(Transfer transfer) {
        Locale locale = texts.locale();
        return texts.get("describe.transfer", transfer.id(), Formats.count(transfer.doses(), locale),
                transfer.brand(), Formats.region(transfer.fromRegion(), locale),
                Formats.region(transfer.toRegion(), locale), Formats.date(transfer.shipped(), locale),
                transfer.leadTimeDays()) + (transfer.note().isBlank() ? "" : ", " + transfer.note());
    }

    public Plan plan() {
        return working.getPlan();
    }

    public Texts texts() {
        return texts;
    }

    public SlipViewModel slip() {
        return slip;
    }

    /** The "Dose intervals" part: interval policies, their preview and the dose-2 change list. */
    public IntervalPoliciesViewModel intervals() {
        return intervals;
    }

    public DeliveryImportViewModel importer() {
        return importer;
    }

    /** The plan's deliveries in the plan's order. */
    public ObservableList<Delivery> deliveries() {
        return deliveries;
    }

    public ObservableList<String> brands() {
        return brands;
    }

    /** The plan's transfers between regions, in the plan's order. */
    public ObservableList<Transfer> transfers() {
        return transfers;
    }

    /** The plan's region names, in the plan's order. */
    public ObservableList<String> regions() {
        return regions;
    }

    /** The brand whose stock the chart shows. */
    public ObjectProperty<String> selectedBrandProperty() {
        return selectedBrand;
    }

    /** The region whose stock the chart shows; null for all regions together. */
    public ObjectProperty<String> selectedRegionProperty() {
        return selectedRegion;
    }

    /** The region × day view: each region's days of the chosen brand, in the schedule's region order. */
    public ObservableList<RegionStockRow> regionRows() {
        return regionRows;
    }

    /** The selected brand's days over the campaign, in the selected region or all of them. */
    public ObservableList<BrandDay> brandDays() {
        return brandDays;
    }

    /** Dose-2 guard: one sentence per cohort and brand whose second doses are not covered. */
    public ObservableList<String> guard() {
        return guard;
    }

    public ReadOnlyObjectProperty<Schedule> scheduleProperty() {
        return schedule.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty schedulingProperty() {
        return scheduling.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty chartSummaryProperty() {
        return chartSummary.getReadOnlyProperty();
    }
}
