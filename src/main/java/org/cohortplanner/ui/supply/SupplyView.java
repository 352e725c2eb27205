package org.cohortplanner.ui.supply;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.cohortplanner.domain.Allotment;
import org.cohortplanner.domain.AllotmentRule;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Delivery;
import org.cohortplanner.domain.DeliveryStatus;
import org.cohortplanner.domain.Transfer;
import org.cohortplanner.sheetimport.DeliverySheetRow;
import org.cohortplanner.planning.schedule.BrandDay;
import org.cohortplanner.planning.schedule.RegionStockDay;
import org.cohortplanner.planning.slip.ImpactLine;
import org.cohortplanner.planning.slip.SecondDoseMove;
import org.cohortplanner.planning.slip.Suggestion;
import org.cohortplanner.ui.common.Formats;
import org.cohortplanner.ui.common.ScreenHeading;
import org.cohortplanner.ui.common.Texts;

/**
 * The Supply screen: deliveries (add, edit, delete, import a sheet), the stock chart of one brand with its shortage
 * days, the dose-2 guard, and "record a delay" with its impact and suggestions beside them.
 */
public final class SupplyView {
    /** Where the split between the supply and the delay panel sits: while idle, and while a slip is shown. */
    static final double IDLE_DIVIDER = 0.66;
    static final double OPEN_DIVIDER = 0.5;

    public static final String DELIVERIES_ID = "supply-deliveries";
    public static final String SUMMARY_ID = "supply-summary";
    public static final String ADD_ID = "supply-add";
    public static final String EDIT_ID = "supply-edit";
    public static final String DELETE_ID = "supply-delete";
    public static final String IMPORT_ID = "supply-import";
    public static final String BRAND_ID = "supply-brand";
    public static final String CHART_ID = "supply-chart";
    public static final String GUARD_ID = "supply-guard";
    public static final String SLIP_DELIVERY_ID = "slip-delivery";
    public static final String SLIP_DATE_ID = "slip-date";
    public static final String SLIP_REASON_ID = "slip-reason";
    public static final String SLIP_SHOW_ID = "slip-show-impact";
    public static final String SLIP_CANCEL_ID = "slip-cancel";
    public static final String IMPACT_SUMMARY_ID = "slip-impact-summary";
    public static final String IMPACT_TABLE_ID = "slip-impact";
    public static final String SUGGESTIONS_ID = "slip-suggestions";
    public static final String SAVE_DELAY_ID = "slip-save-delay";
    public static final String SAVE_WITH_SUGGESTION_ID = "slip-save-with-suggestion";
    public static final String MOVES_SUMMARY_ID = "slip-moves-summary";
    public static final String MOVES_ID = "slip-moves";
    public static final String EXPORT_MOVES_ID = "slip-export-moves";
    public static final String SLIP_PROBLEM_ID = "slip-problem";
    public static final String FORM_ERRORS_ID = "delivery-form-errors";
    public static final String IMPORT_TABLE_ID = "import-preview";
    public static final String IMPORT_SUMMARY_ID = "import-summary";
    public static final String TABS_ID = "supply-tabs";
    public static final String TRANSFERS_ID = "supply-transfers";
    public static final String TRANSFER_ADD_ID = "transfer-add";
    public static final String TRANSFER_EDIT_ID = "transfer-edit";
    public static final String TRANSFER_DELETE_ID = "transfer-delete";
    public static final String TRANSFER_ERRORS_ID = "transfer-form-errors";
    public static final String FORM_ALLOTMENT_ID = "form-allotment";
    public static final String REGION_ID = "supply-region";
    public static final String REGION_DAYS_ID = "supply-region-days";
    public static final String FORM_SPLIT_TOTAL_ID = "form-split-total";

    /** The id of the dose field of {@code region} in the delivery dialog's explicit split. */
    public static String splitFieldId(int regionIndex) {
        return "form-split-" + regionIndex;
    }

    private final SupplyViewModel viewModel;
    private final SlipViewModel slip;
    private final Texts texts;
    private final VBox root = new VBox(10);
    private final TableView<Delivery> deliveries = new TableView<>();
    private final TableView<Transfer> transfers = new TableView<>();

    public SupplyView(SupplyViewModel viewModel) {
        this.viewModel = viewModel;
        this.slip = viewModel.slip();
        this.texts = viewModel.texts();
        HBox heading = ScreenHeading.of(texts.get("title"), SUMMARY_ID, viewModel.summaryProperty());

        VBox deliveriesBox = new VBox(8, toolbar(), deliveriesTable());
        deliveriesBox.setPadding(new Insets(8, 0, 0, 0));
        VBox.setVgrow(deliveries, Priority.ALWAYS);
        Tab intervals = tab(texts.get("tab.intervals"), new IntervalPoliciesView(viewModel.intervals(),
                viewModel::plan, viewModel.brands(), texts).root());
        TabPane tabs = new TabPane(tab(texts.get("tab.deliveries"), deliveriesBox),
                tab(texts.get("tab.transfers"), transfersPane()), tab(texts.get("tab.regions"), regionsPane()),
                intervals);
        tabs.setId(TABS_ID);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setPrefHeight(290);
        tabs.setMinHeight(200);
        Node chart = chartPane();
        Node guard = guardPane();
        VBox left = new VBox(8, tabs, chart, guard);
        // The dose intervals tab shows its own dose-2 days: while it is chosen it takes the whole column, the stock
        // chart and the dose-2 guard of the deliveries come back with the other tabs.
        intervals.selectedProperty().addListener((observable, before, chosen) -> {
            for (Node node : List.of(chart, guard)) {
                node.setVisible(!chosen);
                node.setManaged(!chosen);
            }
            VBox.setVgrow(tabs, chosen ? Priority.ALWAYS : Priority.NEVER);
        });
        ScrollPane right = new ScrollPane(slipPane());
        right.setFitToWidth(true);
        right.getStyleClass().add("edge-to-edge");
        SplitPane split = new SplitPane(left, right);
        // The delay panel gives way while no slip is being looked at: the deliveries and the stock get the room, and
        // the panel opens to half the screen when a slip's impact and suggestions are to be read.
        split.setDividerPositions(IDLE_DIVIDER);
        javafx.beans.value.ChangeListener<Object> opened = (observable, before, after) -> split.setDividerPositions(
                slip.busyProperty().get() || !slip.impactSummaryProperty().get().isEmpty() ? OPEN_DIVIDER
                        : IDLE_DIVIDER);
        slip.busyProperty().addListener(opened);
        slip.impactSummaryProperty().addListener(opened);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getChildren().addAll(heading, split);
        root.getStyleClass().addAll("screen", "supply-screen");
        root.getStylesheets().add(SupplyView.class.getResource("supply.css").toExternalForm());
    }

    public Parent root() {
        return root;
    }

    // ----------------------------------------------------------------------------------------------- deliveries

    private Node toolbar() {
        Button add = button(ADD_ID, texts.get("button.add"));
        add.setOnAction(event -> editDelivery(null));
        Button edit = button(EDIT_ID, texts.get("button.edit"));
        edit.setOnAction(event -> editDelivery(selected()));
        Button delete = button(DELETE_ID, texts.get("button.delete"));
        delete.setOnAction(event -> viewModel.deleteDelivery(selected().id()));
        Button delay = button("supply-record-delay", texts.get("button.recordDelay"));
        delay.setOnAction(event -> slip.choose(selected().id()));
        for (Button needsSelection : List.of(edit, delete, delay)) {
            needsSelection.disableProperty().bind(deliveries.getSelectionModel().selectedItemProperty().isNull());
        }
        Button importSheet = button(IMPORT_ID, texts.get("button.import"));
        importSheet.setOnAction(event -> importSheet());
        HBox bar = new HBox(8, add, edit, delete, delay, importSheet);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Delivery selected() {
        return deliveries.getSelectionModel().getSelectedItem();
    }

    private Node deliveriesTable() {
        deliveries.setId(DELIVERIES_ID);
        deliveries.setPlaceholder(new Label(texts.get("deliveries.empty")));
        // Widths fit the longest id, "1,800,000" and "15 Jul 2021": numbers and dates are never cut off.
        deliveries.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        deliveries.getColumns().setAll(List.of(
                column(texts.get("column.id"), Delivery::id, 132),
                column(texts.get("column.brand"), Delivery::brand, 90),
                numeric(column(texts.get("column.doses"), d -> Formats.count(d.doses(), texts.locale()), 90)),
                column(texts.get("column.planned"), d -> Formats.date(d.plannedArrival(), texts.locale()), 130),
                column(texts.get("column.expected"), d -> Formats.date(d.expectedArrival(), texts.locale()), 136),
                numeric(column(texts.get("column.delay"), d -> d.delayDays() == 0 ? "" : Long.toString(d.delayDays()),
                        100)),
                column(texts.get("column.status"), d -> statusText(d.status()), 84),
                numeric(column(texts.get("column.leadTime"), d -> leadTimeText(d), 110)),
                column(texts.get("column.allotment"), this::allotmentText, 220),
                column(texts.get("column.note"), Delivery::note, 420)));
        deliveries.setItems(viewModel.deliveries());
        deliveries.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(Delivery item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(PseudoClass.getPseudoClass("slipped"),
                        !empty && item != null && item.isSlipped());
            }
        });
        deliveries.setOnMouseClicked(event -> {
            if (event.getClickCount() == 2 && selected() != null) {
                editDelivery(selected());
            }
        });
        deliveries.setPrefHeight(230);
        return deliveries;
    }

    /** The delivery's own lead time, or the brand's in brackets. */
    private String leadTimeText(Delivery delivery) {
        if (delivery.leadTimeDays() != null) {
            return Integer.toString(delivery.leadTimeDays());
        }
        return viewModel.plan().brand(delivery.brand()).map(brand -> "(" + brand.leadTimeDays() + ")").orElse("");
    }

    private String allotmentText(Delivery delivery) {
        Allotment allotment = delivery.allotment();
        if (!allotment.isExplicit()) {
            return texts.get("allotment." + allotment.rule().name());
        }
        return texts.get("allotment.explicitShort", allotment.dosesByRegion().entrySet().stream()
                .map(region -> region.getKey() + " " + Formats.count(region.getValue(), texts.locale()))
                .collect(Collectors.joining(", ")));
    }

    private String statusText(DeliveryStatus status) {
        return texts.get("status." + status.name());
    }

    /** The add/edit dialog; it stays open while the form has problems, and says what they are. */
    private void editDelivery(Delivery editing) {
        DeliveryForm start = editing == null ? DeliveryForm.empty(viewModel.plan()) : DeliveryForm.of(editing);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(texts.get(editing == null ? "form.addTitle" : "form.editTitle"));
        dialog.initOwner(root.getScene() == null ? null : root.getScene().getWindow());
        TextField id = field("form-id", start.id());
        ComboBox<String> brand = new ComboBox<>(viewModel.brands());
        brand.setId("form-brand");
        brand.setEditable(true);
        brand.setValue(start.brand());
        TextField doses = field("form-doses", start.doses());
        TextField planned = field("form-planned", start.plannedArrival());
        planned.setPromptText("YYYY-MM-DD");
        TextField expected = field("form-expected", start.expectedArrival());
        expected.setPromptText(texts.get("form.expectedPrompt"));
        ComboBox<DeliveryStatus> status = new ComboBox<>();
        status.setId("form-status");
        status.getItems().setAll(DeliveryStatus.values());
        status.setValue(start.status());
        status.setConverter(shownAs(this::statusText));
        TextField note = field("form-note", start.note());
        TextField leadTime = field("form-lead-time", start.leadTimeDays());
        Runnable leadPrompt = () -> leadTime.setPromptText(viewModel.plan().brand(brand.getEditor().getText().strip())
                .map(b -> texts.get("form.leadTimePrompt", b.leadTimeDays())).orElse(""));
        brand.getEditor().textProperty().addListener((observable, before, after) -> leadPrompt.run());
        leadPrompt.run();
        ComboBox<AllotmentRule> allotment = new ComboBox<>();
        allotment.setId(FORM_ALLOTMENT_ID);
        allotment.getItems().setAll(AllotmentRule.values());
        allotment.setValue(start.allotmentRule());
        allotment.setConverter(shownAs(rule -> texts.get("allotment." + rule.name())));
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        String[] labels = {"column.id", "column.brand", "column.doses", "column.planned", "column.expected",
            "column.status", "form.leadTime", "form.allotment", "column.note"};
        Node[] fields = {id, brand, doses, planned, expected, status, leadTime, allotment, note};
        for (int i = 0; i < labels.length; i++) {
            grid.addRow(i, new Label(texts.get(labels[i])), fields[i]);
        }
        // The explicit split: one field per region, two columns, with the running total against the doses.
        Map<String, String> startSplit = DeliveryForm.splitFor(viewModel.plan(), start.split());
        Map<String, TextField> splitFields = new LinkedHashMap<>();
        GridPane splitGrid = new GridPane();
        splitGrid.setHgap(8);
        splitGrid.setVgap(4);
        int half = (startSplit.size() + 1) / 2;
        int index = 0;
        for (Map.Entry<String, String> region : startSplit.entrySet()) {
            TextField regionDoses = new TextField(region.getValue());
            regionDoses.setId(splitFieldId(index));
            regionDoses.setPrefColumnCount(9);
            regionDoses.setAlignment(Pos.CENTER_RIGHT);
            Label regionName = new Label(region.getKey());
            regionName.setLabelFor(regionDoses);
            splitGrid.add(regionName, index < half ? 0 : 2, index % half);
            splitGrid.add(regionDoses, index < half ? 1 : 3, index % half);
            splitFields.put(region.getKey(), regionDoses);
            index++;
        }
        Label splitTotal = new Label();
        splitTotal.setId(FORM_SPLIT_TOTAL_ID);
        splitTotal.getStyleClass().add("screen-summary");
        Label splitTitle = new Label(texts.get("form.split"));
        splitTitle.getStyleClass().add("section-title");
        VBox split = new VBox(6, new HBox(12, splitTitle, splitTotal), splitGrid);
        split.visibleProperty().bind(allotment.valueProperty().isEqualTo(AllotmentRule.EXPLICIT));
        split.managedProperty().bind(split.visibleProperty());
        Supplier<DeliveryForm> typed = () -> new DeliveryForm(id.getText(), brand.getEditor().getText(),
                doses.getText(), planned.getText(), expected.getText(), status.getValue(), note.getText(),
                leadTime.getText(), allotment.getValue(), splitFields.entrySet().stream().collect(
                        Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getText(), (a, b) -> a,
                                LinkedHashMap::new)));
        Runnable total = () -> {
            DeliveryForm form = typed.get();
            splitTotal.setText(texts.get("form.splitTotal", Formats.count(form.allotted(), texts.locale()),
                    form.dosesTyped() < 0 ? "?" : Formats.count(form.dosesTyped(), texts.locale())));
            splitTotal.pseudoClassStateChanged(PseudoClass.getPseudoClass("off"),
                    form.allotted() != form.dosesTyped());
        };
        splitFields.values().forEach(field -> field.textProperty().addListener((observable, before, after) ->
                total.run()));
        doses.textProperty().addListener((observable, before, after) -> total.run());
        total.run();
        allotment.valueProperty().addListener((observable, before, after) -> {
            if (dialog.getDialogPane().getScene() != null) {
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
            }
        });
        Label errors = new Label();
        errors.setId(FORM_ERRORS_ID);
        errors.getStyleClass().add("supply-problem");
        errors.setWrapText(true);
        errors.setMaxWidth(420);
        errors.setMinHeight(Region.USE_PREF_SIZE);
        VBox content = new VBox(10, grid, split, errors);
        content.setPadding(new Insets(8));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getStylesheets().add(SupplyView.class.getResource("supply.css").toExternalForm());
        showUntilSaved(dialog, errors, () -> viewModel.saveDelivery(editing == null ? null : editing.id(),
                typed.get()));
    }

    /**
     * Shows a Save/Cancel dialog; Save runs {@code save}, and while that finds problems the dialog stays open and
     * grows to show every one of them, one a line, in {@code errors}.
     */
    private void showUntilSaved(Dialog<ButtonType> dialog, Label errors, Supplier<List<String>> save) {
        ButtonType saveButton = new ButtonType(texts.get("form.save"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(saveButton, new ButtonType(texts.get("button.cancel"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().lookupButton(saveButton).addEventFilter(ActionEvent.ACTION, event -> {
            List<String> problems = save.get();
            if (!problems.isEmpty()) {
                errors.setText(String.join("\n", problems));
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
                event.consume();
            }
        });
        dialog.showAndWait();
    }

    private static TextField field(String id, String text) {
        TextField field = new TextField(text);
        field.setId(id);
        field.setPrefColumnCount(22);
        return field;
    }

    // ------------------------------------------------------------------------------------------- stock by region

    /**
     * Region × day: each region's stock of the chart's brand at the end of each day, short days marked with the
     * people short. Choosing a row shows that region in the chart.
     */
    private Node regionsPane() {
        TableView<SupplyViewModel.RegionStockRow> table = new TableView<>(viewModel.regionRows());
        table.setId(REGION_DAYS_ID);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label(texts.get("regions.empty")));
        Runnable columns = () -> {
            List<TableColumn<SupplyViewModel.RegionStockRow, String>> made = new ArrayList<>();
            made.add(column(texts.get("impact.region"), SupplyViewModel.RegionStockRow::region, 96));
            List<RegionStockDay> days = viewModel.regionRows().isEmpty() ? List.of()
                    : viewModel.regionRows().get(0).days();
            for (int i = 0; i < days.size(); i++) {
                int index = i;
                TableColumn<SupplyViewModel.RegionStockRow, String> day = numeric(column(dayMonth(days.get(i).day()),
                        row -> index < row.days().size() ? stockText(row.days().get(index)) : "", 74));
                day.setSortable(false);
                made.add(day);
            }
            if (!sameTitles(table.getColumns(), made)) {
                table.getColumns().setAll(made);
            }
        };
        viewModel.regionRows().addListener((ListChangeListener<SupplyViewModel.RegionStockRow>) change -> {
            columns.run();
            table.refresh();
        });
        columns.run();
        table.setRowFactory(ignored -> new TableRow<>() {
            @Override
            protected void updateItem(SupplyViewModel.RegionStockRow item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(PseudoClass.getPseudoClass("slipped"), !empty && item != null
                        && item.days().stream().anyMatch(RegionStockDay::isShort));
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((observable, before, after) -> {
            if (after != null) {
                viewModel.selectedRegionProperty().set(after.region());
            }
        });
        Label note = new Label(texts.get("regions.note"));
        note.getStyleClass().add("screen-summary");
        note.setWrapText(true);
        VBox box = new VBox(6, note, table);
        box.setPadding(new Insets(8, 0, 0, 0));
        VBox.setVgrow(table, Priority.ALWAYS);
        return box;
    }

    /** "12,400", or "0 · 3,100 short" on a day the region cannot give everyone their dose. */
    private String stockText(RegionStockDay day) {
        String stock = Formats.count(day.stock() + day.reserved(), texts.locale());
        return day.isShort()
                ? texts.get("regions.short", stock, Formats.count(day.peopleShort(), texts.locale())) : stock;
    }

    private static boolean sameTitles(List<? extends TableColumn<?, ?>> shown, List<? extends TableColumn<?, ?>> made) {
        return shown.size() == made.size() && IntStream.range(0, shown.size())
                .allMatch(i -> shown.get(i).getText().equals(made.get(i).getText()));
    }

    // ------------------------------------------------------------------------------------------------- transfers

    private Node transfersPane() {
        Button add = button(TRANSFER_ADD_ID, texts.get("button.add"));
        add.setOnAction(event -> editTransfer(null));
        Button edit = button(TRANSFER_EDIT_ID, texts.get("button.edit"));
        edit.setOnAction(event -> editTransfer(transfers.getSelectionModel().getSelectedItem()));
        Button delete = button(TRANSFER_DELETE_ID, texts.get("button.delete"));
        delete.setOnAction(event -> viewModel.deleteTransfer(transfers.getSelectionModel().getSelectedItem().id()));
        for (Button needsSelection : List.of(edit, delete)) {
            needsSelection.disableProperty().bind(transfers.getSelectionModel().selectedItemProperty().isNull());
        }
        HBox bar = new HBox(8, add, edit, delete);
        bar.setAlignment(Pos.CENTER_LEFT);
        transfers.setId(TRANSFERS_ID);
        transfers.setPlaceholder(new Label(texts.get("transfers.empty")));
        transfers.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        transfers.getColumns().setAll(List.of(
                column(texts.get("transfer.column.id"), Transfer::id, 90),
                column(texts.get("transfer.column.brand"), Transfer::brand, 80),
                numeric(column(texts.get("transfer.column.doses"), t -> Formats.count(t.doses(), texts.locale()), 90)),
                column(texts.get("transfer.column.from"), Transfer::fromRegion, 110),
                column(texts.get("transfer.column.to"), Transfer::toRegion, 110),
                column(texts.get("transfer.column.shipped"), t -> Formats.date(t.shipped(), texts.locale()), 110),
                numeric(column(texts.get("transfer.column.leadTime"), t -> Integer.toString(t.leadTimeDays()), 110)),
                column(texts.get("transfer.column.usable"), t -> Formats.date(t.usableFrom(), texts.locale()), 110),
                column(texts.get("transfer.column.note"), Transfer::note, 300)));
        transfers.setItems(viewModel.transfers());
        transfers.setOnMouseClicked(event -> {
            if (event.getClickCount() == 2 && transfers.getSelectionModel().getSelectedItem() != null) {
                editTransfer(transfers.getSelectionModel().getSelectedItem());
            }
        });
        transfers.setOnKeyPressed(event -> {
            Transfer chosen = transfers.getSelectionModel().getSelectedItem();
            if (chosen != null && event.getCode() == KeyCode.DELETE) {
                viewModel.deleteTransfer(chosen.id());
            } else if (chosen != null && event.getCode() == KeyCode.ENTER) {
                editTransfer(chosen);
            }
        });
        VBox box = new VBox(8, bar, transfers);
        box.setPadding(new Insets(8, 0, 0, 0));
        VBox.setVgrow(transfers, Priority.ALWAYS);
        return box;
    }

    /** The record/edit dialog of a transfer; it stays open while the form has problems, and says what they are. */
    private void editTransfer(Transfer editing) {
        TransferForm start = editing == null ? TransferForm.empty(viewModel.plan()) : TransferForm.of(editing);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(texts.get(editing == null ? "transfer.addTitle" : "transfer.editTitle"));
        dialog.initOwner(root.getScene() == null ? null : root.getScene().getWindow());
        TextField id = field("transfer-id", start.id());
        ComboBox<String> brand = new ComboBox<>(viewModel.brands());
        brand.setId("transfer-brand");
        brand.setValue(start.brand());
        TextField doses = field("transfer-doses", start.doses());
        ComboBox<String> from = new ComboBox<>(viewModel.regions());
        from.setId("transfer-from");
        from.setValue(start.fromRegion().isEmpty() ? null : start.fromRegion());
        ComboBox<String> to = new ComboBox<>(viewModel.regions());
        to.setId("transfer-to");
        to.setValue(start.toRegion().isEmpty() ? null : start.toRegion());
        TextField shipped = field("transfer-shipped", start.shipped());
        shipped.setPromptText("YYYY-MM-DD");
        TextField leadTime = field("transfer-lead-time", start.leadTimeDays());
        TextField note = field("transfer-note", start.note());
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        String[] labels = {"transfer.column.id", "transfer.column.brand", "transfer.column.doses",
            "transfer.column.from", "transfer.column.to", "transfer.column.shipped", "transfer.column.leadTime",
            "transfer.column.note"};
        Node[] fields = {id, brand, doses, from, to, shipped, leadTime, note};
        for (int i = 0; i < labels.length; i++) {
            grid.addRow(i, new Label(texts.get(labels[i])), fields[i]);
        }
        Label errors = new Label();
        errors.setId(TRANSFER_ERRORS_ID);
        errors.getStyleClass().add("supply-problem");
        errors.setWrapText(true);
        errors.setMaxWidth(420);
        errors.setMinHeight(Region.USE_PREF_SIZE);
        VBox content = new VBox(10, grid, errors);
        content.setPadding(new Insets(8));
        dialog.getDialogPane().setContent(content);
        showUntilSaved(dialog, errors, () -> viewModel.saveTransfer(editing == null ? null : editing.id(),
                new TransferForm(id.getText(), brand.getValue(), doses.getText(), from.getValue(), to.getValue(),
                        shipped.getText(), leadTime.getText(), note.getText())));
    }

    private static Tab tab(String title, Node content) {
        Tab tab = new Tab(title, content);
        tab.setClosable(false);
        return tab;
    }

    // ---------------------------------------------------------------------------------------------------- import

    /** Chooses a sheet, shows its preview, and applies it only when the officer confirms. */
    private void importSheet() {
        DeliveryImportViewModel importer = viewModel.importer();
        if (!importer.chooseSheet()) {
            return;
        }
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(texts.get("import.title"));
        dialog.initOwner(root.getScene() == null ? null : root.getScene().getWindow());
        dialog.setResizable(true);
        dialog.getDialogPane().getStylesheets().add(SupplyView.class.getResource("supply.css").toExternalForm());
        TableView<DeliverySheetRow> table = new TableView<>(importer.rows());
        table.setId(IMPORT_TABLE_ID);
        table.setPrefSize(980, 420);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                numeric(column(texts.get("import.column.row"), r -> Integer.toString(r.row()), 46)),
                column(texts.get("import.column.mark"), importer::markText, 80),
                column(texts.get("column.id"), r -> r.delivery() == null ? "" : r.delivery().id(), 110),
                column(texts.get("column.brand"), r -> r.delivery() == null ? "" : r.delivery().brand(), 80),
                numeric(column(texts.get("column.doses"),
                        r -> r.delivery() == null ? "" : Formats.count(r.delivery().doses(), texts.locale()), 90)),
                column(texts.get("column.planned"),
                        r -> r.delivery() == null ? "" : Formats.date(r.delivery().plannedArrival(), texts.locale()),
                                92),
                column(texts.get("column.expected"),
                        r -> r.delivery() == null ? "" : Formats.date(r.delivery().expectedArrival(), texts.locale()),
                                92),
                column(texts.get("import.column.errors"), DeliveryImportViewModel::errorsText, 330)));
        table.setRowFactory(ignored -> new TableRow<>() {
            @Override
            protected void updateItem(DeliverySheetRow item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(PseudoClass.getPseudoClass("invalid"),
                        !empty && item != null && !item.isValid());
            }
        });
        Label summary = new Label();
        summary.setId(IMPORT_SUMMARY_ID);
        summary.setWrapText(true);
        summary.textProperty().bind(importer.summaryProperty());
        ProgressBar reading = new ProgressBar(-1);
        reading.visibleProperty().bind(importer.busyProperty());
        reading.managedProperty().bind(importer.busyProperty());
        VBox content = new VBox(8, summary, reading, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        dialog.getDialogPane().setContent(content);
        ButtonType apply = new ButtonType(texts.get("import.apply"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(texts.get("button.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(apply, cancel);
        dialog.getDialogPane().lookupButton(apply).disableProperty().bind(importer.applicableProperty().not());
        Optional<ButtonType> answer = dialog.showAndWait();
        if (answer.isPresent() && answer.get() == apply) {
            importer.applyValidRows();
        } else {
            importer.cancel();
        }
    }

    // ----------------------------------------------------------------------------------------------- stock chart

    private Node chartPane() {
        ComboBox<String> brand = new ComboBox<>(viewModel.brands());
        brand.setId(BRAND_ID);
        brand.valueProperty().bindBidirectional(viewModel.selectedBrandProperty());
        Label heading = new Label(texts.get("chart.title"));
        heading.getStyleClass().add("section-title");
        Label note = new Label();
        note.textProperty().bind(viewModel.chartSummaryProperty());
        note.getStyleClass().add("screen-summary");
        ProgressBar working = new ProgressBar(-1);
        working.setPrefWidth(80);
        working.visibleProperty().bind(viewModel.schedulingProperty());
        heading.setMinWidth(Region.USE_PREF_SIZE);
        brand.setMinWidth(Region.USE_PREF_SIZE);
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        ComboBox<String> region = new ComboBox<>();
        region.setId(REGION_ID);
        String all = texts.get("chart.allRegions");
        Runnable regionChoices = () -> {
            String chosen = viewModel.selectedRegionProperty().get();
            List<String> names = new ArrayList<>(List.of(all));
            names.addAll(viewModel.regions());
            region.getItems().setAll(names);
            region.setValue(chosen == null || !viewModel.regions().contains(chosen) ? all : chosen);
        };
        viewModel.regions().addListener((ListChangeListener<String>) change -> regionChoices.run());
        regionChoices.run();
        region.valueProperty().addListener((observable, before, after) ->
                viewModel.selectedRegionProperty().set(after == null || after.equals(all) ? null : after));
        viewModel.selectedRegionProperty().addListener((observable, before, after) ->
                region.setValue(after == null ? all : after));
        region.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(10, heading, brand, region, working);
        top.setAlignment(Pos.CENTER_LEFT);

        NumberAxis days = new NumberAxis();
        days.setAutoRanging(true);
        days.setForceZeroInRange(false);
        days.setMinorTickVisible(false);
        days.setTickLabelFormatter(shownAs(epochDay -> dayMonth(LocalDate.ofEpochDay(epochDay.longValue()))));
        NumberAxis doses = new NumberAxis();
        doses.setLabel(texts.get("chart.doses"));
        doses.setTickLabelFormatter(shownAs(value -> Formats.count(value.longValue(), texts.locale())));
        LineChart<Number, Number> chart = new LineChart<>(days, doses);
        chart.setId(CHART_ID);
        chart.getStyleClass().add("supply-chart");
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        chart.setPrefHeight(300);
        chart.setMinHeight(220);
        viewModel.brandDays().addListener((ListChangeListener<BrandDay>) change -> draw(chart));
        draw(chart);
        VBox box = new VBox(4, top, note, chart);
        VBox.setVgrow(chart, Priority.ALWAYS);
        VBox.setVgrow(box, Priority.ALWAYS);
        return box;
    }

    private void draw(LineChart<Number, Number> chart) {
        XYChart.Series<Number, Number> stock = series(texts.get("chart.stock"));
        XYChart.Series<Number, Number> due = series(texts.get("chart.due"));
        XYChart.Series<Number, Number> capacity = series(texts.get("chart.capacity"));
        XYChart.Series<Number, Number> shortage = series(texts.get("chart.shortageDays"));
        List<BrandDay> shown = campaignDays(viewModel.brandDays());
        bound((NumberAxis) chart.getXAxis(), shown);
        for (BrandDay day : shown) {
            long x = day.day().toEpochDay();
            stock.getData().add(new XYChart.Data<>(x, day.stock() + day.reserved()));
            due.getData().add(new XYChart.Data<>(x, day.due()));
            capacity.getData().add(new XYChart.Data<>(x, day.capacity()));
            if (day.isShort()) {
                XYChart.Data<Number, Number> mark = new XYChart.Data<>(x, day.due());
                StackPane dot = new StackPane();
                dot.getStyleClass().add("shortage-mark");
                mark.setNode(dot);
                shortage.getData().add(mark);
            }
        }
        chart.getData().setAll(List.of(stock, due, capacity, shortage));
    }

    /**
     * The days of the campaign: up to a week after the last day with doses due or short, so the chart does not run
     * on for months of untouched stock after the last second dose.
     */
    static List<BrandDay> campaignDays(List<BrandDay> days) {
        int last = -1;
        for (int i = 0; i < days.size(); i++) {
            if (days.get(i).due() > 0 || days.get(i).isShort()) {
                last = i;
            }
        }
        if (last < 0) {
            return days;
        }
        LocalDate end = days.get(last).day().plusDays(7);
        return days.stream().filter(day -> !day.day().isAfter(end)).toList();
    }

    /** The day axis from the first to the last day shown, with a tick every week or every few weeks. */
    private static void bound(NumberAxis axis, List<BrandDay> days) {
        if (days.isEmpty()) {
            axis.setAutoRanging(true);
            return;
        }
        long first = days.get(0).day().toEpochDay();
        long last = days.get(days.size() - 1).day().toEpochDay();
        axis.setAutoRanging(false);
        axis.setLowerBound(first);
        axis.setUpperBound(Math.max(last, first + 1));
        long weeks = Math.max(1, (long) Math.ceil((last - first) / 7.0 / 8));
        axis.setTickUnit(7 * weeks);
    }

    private static XYChart.Series<Number, Number> series(String name) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        return series;
    }

    private Node guardPane() {
        Label heading = new Label(texts.get("guard.title"));
        heading.getStyleClass().add("section-title");
        ListView<String> list = new ListView<>(viewModel.guard());
        list.setId(GUARD_ID);
        list.setPrefHeight(86);
        list.setMinHeight(60);
        list.setPlaceholder(new Label(texts.get("guard.none")));
        return new VBox(4, heading, list);
    }

    // ------------------------------------------------------------------------------------------- record a delay

    /** A field's name in the delay form: kept whole, the field beside it gives way. */
    private static Label formLabel(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private Node slipPane() {
        Label heading = new Label(texts.get("slip.title"));
        heading.getStyleClass().add("section-title");
        ComboBox<String> delivery = new ComboBox<>();
        delivery.setId(SLIP_DELIVERY_ID);
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
        date.setId(SLIP_DATE_ID);
        date.valueProperty().bindBidirectional(slip.newDateProperty());
        TextField reason = new TextField();
        reason.setId(SLIP_REASON_ID);
        reason.setPromptText(texts.get("slip.reasonPrompt"));
        reason.textProperty().bindBidirectional(slip.reasonProperty());
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(6);
        form.addRow(0, formLabel(texts.get("slip.delivery")), delivery);
        form.addRow(1, formLabel(texts.get("slip.newDate")), date);
        form.addRow(2, formLabel(texts.get("slip.reasonLabel")), reason);
        GridPane.setHgrow(reason, Priority.ALWAYS);

        Button show = button(SLIP_SHOW_ID, texts.get("slip.show"));
        show.setDefaultButton(false);
        show.setOnAction(event -> slip.showImpact());
        Button cancel = button(SLIP_CANCEL_ID, texts.get("button.cancel"));
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

        Label problem = new Label();
        problem.setId(SLIP_PROBLEM_ID);
        problem.getStyleClass().add("supply-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(slip.problemProperty());
        hideWhenEmpty(problem);

        Label impactSummary = new Label();
        impactSummary.setId(IMPACT_SUMMARY_ID);
        impactSummary.getStyleClass().add("impact-summary");
        impactSummary.setWrapText(true);
        impactSummary.textProperty().bind(slip.impactSummaryProperty());
        hideWhenEmpty(impactSummary);

        TableView<ImpactLine> impact = new TableView<>(slip.impactLines());
        impact.setId(IMPACT_TABLE_ID);
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

        Label suggestionsTitle = new Label(texts.get("suggestions.title"));
        suggestionsTitle.getStyleClass().add("section-title");
        TableView<Suggestion> suggestions = new TableView<>(slip.suggestions());
        suggestions.setId(SUGGESTIONS_ID);
        suggestions.setPrefHeight(150);
        // Effects first, then the summary: the columns to compare stay in view; the changes show below the table.
        suggestions.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        suggestions.getColumns().setAll(List.of(
                numeric(column("#", s -> Integer.toString(slip.suggestions().indexOf(s) + 1), 30)),
                numeric(column(texts.get("suggestions.postponed"),
                        s -> Formats.count(s.effect().peoplePostponed(), texts.locale()), 100)),
                numeric(column(texts.get("suggestions.moved"),
                        s -> Formats.count(s.effect().peopleMoved(), texts.locale()), 84)),
                numeric(column(texts.get("suggestions.days"), s -> Integer.toString(s.effect().daysAdded()), 66)),
                numeric(column(texts.get("suggestions.brandChanges"),
                        s -> Integer.toString(s.effect().brandChanges()), 70)),
                column(texts.get("suggestions.regions"), slip::regionsText, 160),
                column(texts.get("suggestions.summary"), slip::title, 260)));
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
        slip.suggestions().addListener((ListChangeListener<Suggestion>) change -> {
            if (!slip.suggestions().isEmpty()) {
                suggestions.getSelectionModel().selectFirst();
            }
        });
        Button saveDelay = button(SAVE_DELAY_ID, texts.get("slip.saveDelay"));
        saveDelay.setOnAction(event -> slip.saveDelayOnly());
        Button saveWith = button(SAVE_WITH_SUGGESTION_ID, texts.get("slip.saveWith"));
        saveWith.setOnAction(event -> slip.saveWithSuggestion(
                suggestions.getSelectionModel().getSelectedIndex() + 1));
        saveWith.getStyleClass().add("accent");
        saveDelay.disableProperty().bind(slip.impactProperty().isNull().or(slip.busyProperty()));
        saveWith.disableProperty().bind(slip.impactProperty().isNull().or(slip.busyProperty())
                .or(suggestions.getSelectionModel().selectedItemProperty().isNull()));
        FlowPane saving = new FlowPane(8, 8, saveWith, saveDelay);
        saving.visibleProperty().bind(slip.impactProperty().isNotNull());
        saving.managedProperty().bind(saving.visibleProperty());
        VBox suggestionBox = new VBox(6, suggestionsTitle, suggestions);
        showWhenFilled(suggestionBox, slip.suggestions());

        Label movesSummary = new Label();
        movesSummary.setId(MOVES_SUMMARY_ID);
        movesSummary.setWrapText(true);
        movesSummary.getStyleClass().add("impact-summary");
        movesSummary.textProperty().bind(slip.movesSummaryProperty());
        hideWhenEmpty(movesSummary);
        TableView<SecondDoseMove> moves = new TableView<>(slip.moves());
        moves.setId(MOVES_ID);
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
        Button export = button(EXPORT_MOVES_ID, texts.get("moves.export"));
        export.setOnAction(event -> slip.exportMoves());
        VBox movesBox = new VBox(6, movesSummary, moves, export);
        showWhenFilled(movesBox, slip.moves());

        // The decision comes first (what it costs, the suggestions, saving); the day-by-day lines follow for checking.
        VBox pane = new VBox(8, heading, form, actions, problem, impactSummary, suggestionBox, saving, chosenScroll,
                impact, movesBox);
        pane.setPadding(new Insets(4, 8, 8, 8));
        pane.getStyleClass().add("slip-pane");
        return pane;
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

    static void hideWhenEmpty(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    static void showWhenFilled(Node node, ObservableList<?> items) {
        node.visibleProperty().bind(Bindings.isNotEmpty(items));
        node.managedProperty().bind(node.visibleProperty());
    }

    // ----------------------------------------------------------------------------------------------------- parts

    /** Shows values as {@code text} gives them; nothing is typed back, so reading text is never needed. */
    private static <T> StringConverter<T> shownAs(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String typed) {
                return null;
            }
        };
    }

    static Button button(String id, String text) {
        Button button = new Button(text);
        button.setId(id);
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }

    static <T> TableColumn<T, String> column(String title, Function<T, String> text, double width) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    static <T> TableColumn<T, String> numeric(TableColumn<T, String> column) {
        column.getStyleClass().add("numeric");
        // Numbers sort as numbers, not as text with separators.
        column.setComparator((first, second) -> Long.compare(number(first), number(second)));
        return column;
    }

    private static long number(String text) {
        String digits = text.replace(",", "").replace("+", "");
        try {
            return digits.isEmpty() ? Long.MIN_VALUE : Long.parseLong(digits);
        } catch (NumberFormatException notANumber) {
            return Long.MIN_VALUE;
        }
    }
}
