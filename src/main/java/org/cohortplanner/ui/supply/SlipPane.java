package org.cohortplanner.ui.supply;

import static org.cohortplanner.ui.supply.SupplyNodes.button;
import static org.cohortplanner.ui.supply.SupplyNodes.column;
import static org.cohortplanner.ui.supply.SupplyNodes.hideWhenEmpty;
import static org.cohortplanner.ui.supply.SupplyNodes.numeric;
import static org.cohortplanner.ui.supply.SupplyNodes.showWhenFilled;

import java.time.LocalDate;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Delivery;
import org.cohortplanner.planning.slip.ImpactLine;
import org.cohortplanner.planning.slip.SecondDoseMove;
import org.cohortplanner.planning.slip.Suggestion;
import org.cohortplanner.ui.common.ColumnWidths;
import org.cohortplanner.ui.common.Formats;
import org.cohortplanner.ui.common.Texts;

/**
 * The Supply screen's "record a delay" panel: the delivery and its new date, the impact of the slip, the
 * suggestions and saving the delay with or without one, then the second doses it moves.
 */
final class SlipPane {
    private final SupplyViewModel viewModel;
    private final SlipViewModel slip;
    private final Texts texts;
    private final Node root;

    SlipPane(SupplyViewModel viewModel) {
        this.viewModel = viewModel;
        this.slip = viewModel.slip();
        this.texts = viewModel.texts();
        this.root = build();
    }

    Node root() {
        return root;
    }

    private Node build() {
        Label heading = new Label(texts.get("slip.title"));
        heading.getStyleClass().add("section-title");

        Label problem = new Label();
        problem.setId(SupplyView.SLIP_PROBLEM_ID);
        problem.getStyleClass().add("supply-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(slip.problemProperty());
        hideWhenEmpty(problem);

        Label impactSummary = new Label();
        impactSummary.setId(SupplyView.IMPACT_SUMMARY_ID);
        impactSummary.getStyleClass().add("impact-summary");
        impactSummary.setWrapText(true);
        impactSummary.textProperty().bind(slip.impactSummaryProperty());
        hideWhenEmpty(impactSummary);

        TableView<Suggestion> suggestions = suggestionsTable();
        Label suggestionsTitle = new Label(texts.get("suggestions.title"));
        suggestionsTitle.getStyleClass().add("section-title");
        VBox suggestionBox = new VBox(6, suggestionsTitle, suggestions);
        showWhenFilled(suggestionBox, slip.suggestions());

        // The decision comes first (what it costs, the suggestions, saving); the day-by-day lines follow for checking.
        VBox pane = new VBox(8, heading, form(), actions(), problem, impactSummary, suggestionBox,
                saving(suggestions), chosenChanges(suggestions), impactTable(), movesBox());
        pane.setPadding(new Insets(4, 8, 8, 8));
        pane.getStyleClass().add("slip-pane");
        return pane;
    }

    /** The delivery slipped, its new date and why. */
    private Node form() {
        ComboBox<String> delivery = new ComboBox<>();
        delivery.setId(SupplyView.SLIP_DELIVERY_ID);
        delivery.getItems().setAll(viewModel.deliveries().stream().map(Delivery::id).toList());
        viewModel.deliveries().addListener((ListChangeListener<Delivery>) change -> {
            String chosen = delivery.getValue();
            delivery.getItems().setAll(viewModel.deliveries().stream().map(Delivery::id).toList());
            delivery.setValue(chosen);
        });
        delivery.setOnAction(event -> {
            if (delivery.getValue() != null && !delivery.getValue().equals(slip.deliveryIdProperty().get())) {
                slip.choose(delivery.getValue());
            }
        });
        slip.deliveryIdProperty().addListener((observable, before, after) -> delivery.setValue(after));
        DatePicker date = Formats.styled(new DatePicker(), texts.locale());
        date.setId(SupplyView.SLIP_DATE_ID);
        date.valueProperty().bindBidirectional(slip.newDateProperty());
        TextField reason = new TextField();
        reason.setId(SupplyView.SLIP_REASON_ID);
        reason.setPromptText(texts.get("slip.reasonPrompt"));
        reason.textProperty().bindBidirectional(slip.reasonProperty());
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(6);
        form.addRow(0, formLabel(texts.get("slip.delivery")), delivery);
        form.addRow(1, formLabel(texts.get("slip.newDate")), date);
        form.addRow(2, formLabel(texts.get("slip.reasonLabel")), reason);
        GridPane.setHgrow(reason, Priority.ALWAYS);
        return form;
    }

    /** A field's name in the delay form: kept whole, the field beside it gives way. */
    private static Label formLabel(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    /** "Show impact" and "cancel", with the progress of the impact being worked out. */
    private Node actions() {
        Button show = button(SupplyView.SLIP_SHOW_ID, texts.get("slip.show"));
        show.setDefaultButton(false);
        show.setOnAction(event -> slip.showImpact());
        Button cancel = button(SupplyView.SLIP_CANCEL_ID, texts.get("button.cancel"));
        cancel.setOnAction(event -> slip.cancel());
        show.disableProperty().bind(slip.busyProperty());
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(slip.progressProperty());
        progress.visibleProperty().bind(slip.busyProperty());
        Label progressText = new Label();
        progressText.textProperty().bind(slip.progressMessageProperty());
        progressText.visibleProperty().bind(slip.busyProperty());
        HBox actions = new HBox(8, show, cancel, progress, progressText);
        actions.setAlignment(Pos.CENTER_LEFT);
        return actions;
    }

    /** The day-by-day lines of the impact: who loses a dose where, before and after the slip. */
    private Node impactTable() {
        TableView<ImpactLine> impact = new TableView<>(slip.impactLines());
        impact.setId(SupplyView.IMPACT_TABLE_ID);
        impact.setPrefHeight(170);
        impact.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        impact.getColumns().setAll(List.of(
                column(texts.get("impact.day"), l -> dayMonth(l.day()), 64),
                column(texts.get("impact.cohort"), l -> cohortName(l.cohortId()), 64),
                column(texts.get("impact.region"), ImpactLine::region, 96),
                numeric(column(texts.get("impact.difference"), l -> signed(l.peopleLosingDose()), 100)),
                column(texts.get("impact.brand"), ImpactLine::brand, 78),
                numeric(column(texts.get("impact.doseColumn"), l -> Integer.toString(l.dose()), 58)),
                numeric(column(texts.get("impact.before"), l -> Formats.count(l.peopleShortBefore(), texts.locale()),
                        112)),
                numeric(column(texts.get("impact.after"), l -> Formats.count(l.peopleShortAfter(), texts.locale()),
                        104))));
        showWhenFilled(impact, slip.impactLines());
        return impact;
    }

    private TableView<Suggestion> suggestionsTable() {
        TableView<Suggestion> suggestions = new TableView<>(slip.suggestions());
        suggestions.setId(SupplyView.SUGGESTIONS_ID);
        suggestions.setPrefHeight(150);
        // Effects first, then the summary: the columns to compare stay in view; the changes show below the table.
        suggestions.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        TableColumn<Suggestion, String> regions = column(texts.get("suggestions.regions"), slip::regionsText, 160);
        TableColumn<Suggestion, String> summary = column(texts.get("suggestions.summary"), slip::title, 260);
        // The chosen suggestion's changes are listed in full below the table; a cut cell shows its text on hover.
        ColumnWidths.cutWithTooltip(regions);
        ColumnWidths.cutWithTooltip(summary);
        suggestions.getColumns().setAll(List.of(
                numeric(column("#", s -> Integer.toString(slip.suggestions().indexOf(s) + 1), 30)),
                numeric(column(texts.get("suggestions.postponed"),
                        s -> Formats.count(s.effect().peoplePostponed(), texts.locale()), 100)),
                numeric(column(texts.get("suggestions.moved"),
                        s -> Formats.count(s.effect().peopleMoved(), texts.locale()), 84)),
                numeric(column(texts.get("suggestions.days"), s -> Integer.toString(s.effect().daysAdded()), 66)),
                numeric(column(texts.get("suggestions.brandChanges"),
                        s -> Integer.toString(s.effect().brandChanges()), 70)),
                regions, summary));
        ColumnWidths.fitToText(suggestions);
        slip.suggestions().addListener((ListChangeListener<Suggestion>) change -> {
            if (!slip.suggestions().isEmpty()) {
                suggestions.getSelectionModel().selectFirst();
            }
        });
        return suggestions;
    }

    /** The changes of the suggestion chosen in {@code suggestions}. */
    private Node chosenChanges(TableView<Suggestion> suggestions) {
        Label chosenChanges = new Label();
        chosenChanges.setWrapText(true);
        chosenChanges.getStyleClass().add("screen-summary");
        suggestions.getSelectionModel().selectedItemProperty().addListener((observable, before, after) ->
                chosenChanges.setText(after == null ? "" : slip.details(after)));
        // A regional suggestion lists a line per region and transfer: its lines scroll in a box of their own, so
        // the buttons that save it stay next to the table.
        ScrollPane chosenScroll = new ScrollPane(chosenChanges);
        chosenScroll.setFitToWidth(true);
        chosenScroll.setMaxHeight(150);
        chosenScroll.getStyleClass().add("edge-to-edge");
        chosenScroll.visibleProperty().bind(chosenChanges.textProperty().isNotEmpty());
        chosenScroll.managedProperty().bind(chosenScroll.visibleProperty());
        return chosenScroll;
    }

    /** Saving the delay alone, or with the suggestion chosen in {@code suggestions}. */
    private Node saving(TableView<Suggestion> suggestions) {
        Button saveDelay = button(SupplyView.SAVE_DELAY_ID, texts.get("slip.saveDelay"));
        saveDelay.setOnAction(event -> slip.saveDelayOnly());
        Button saveWith = button(SupplyView.SAVE_WITH_SUGGESTION_ID, texts.get("slip.saveWith"));
        saveWith.setOnAction(event -> slip.saveWithSuggestion(
                suggestions.getSelectionModel().getSelectedIndex() + 1));
        saveWith.getStyleClass().add("accent");
        saveDelay.disableProperty().bind(slip.impactProperty().isNull().or(slip.busyProperty()));
        saveWith.disableProperty().bind(slip.impactProperty().isNull().or(slip.busyProperty())
                .or(suggestions.getSelectionModel().selectedItemProperty().isNull()));
        FlowPane saving = new FlowPane(8, 8, saveWith, saveDelay);
        saving.visibleProperty().bind(slip.impactProperty().isNotNull());
        saving.managedProperty().bind(saving.visibleProperty());
        return saving;
    }

    /** The second doses the saved slip moves, and their export as a list to send out. */
    private Node movesBox() {
        Label movesSummary = new Label();
        movesSummary.setId(SupplyView.MOVES_SUMMARY_ID);
        movesSummary.setWrapText(true);
        movesSummary.getStyleClass().add("impact-summary");
        movesSummary.textProperty().bind(slip.movesSummaryProperty());
        hideWhenEmpty(movesSummary);
        TableView<SecondDoseMove> moves = new TableView<>(slip.moves());
        moves.setId(SupplyView.MOVES_ID);
        moves.setPrefHeight(320);
        moves.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        moves.getColumns().setAll(List.of(
                column(texts.get("impact.cohort"), m -> slip.cohortNames().getOrDefault(m.cohortId(), m.cohortId()),
                        64),
                column(texts.get("impact.region"), SecondDoseMove::region, 96),
                numeric(column(texts.get("moves.people"), m -> Formats.count(m.people(), texts.locale()), 76)),
                column(texts.get("moves.brandTold"), SecondDoseMove::brandBefore, 90),
                column(texts.get("moves.told"), m -> dayMonth(m.secondDoseBefore()), 106),
                column(texts.get("moves.brandNow"), m -> m.brandAfter() == null ? "" : m.brandAfter(), 100),
                column(texts.get("moves.now"), m -> m.secondDoseAfter() == null ? texts.get("moves.noDate")
                        : dayMonth(m.secondDoseAfter()), 106)));
        Button export = button(SupplyView.EXPORT_MOVES_ID, texts.get("moves.export"));
        export.setOnAction(event -> slip.exportMoves());
        VBox movesBox = new VBox(6, movesSummary, moves, export);
        showWhenFilled(movesBox, slip.moves());
        return movesBox;
    }

    /** "28 Jul", "7. 28.": the year is plain from the campaign. */
    private String dayMonth(LocalDate day) {
        return Formats.dayMonth(day, texts.locale());
    }

    private String cohortName(String cohortId) {
        return viewModel.plan().cohort(cohortId).map(Cohort::name).orElse(cohortId);
    }

    private String signed(long value) {
        return (value > 0 ? "+" : "") + Formats.count(value, texts.locale());
    }
}
