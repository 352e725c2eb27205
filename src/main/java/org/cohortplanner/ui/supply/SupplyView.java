package org.cohortplanner.ui.supply;

import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.cohortplanner.ui.common.ScreenHeading;
import org.cohortplanner.ui.common.Texts;

/**
 * The Supply screen: deliveries ({@link DeliveriesPane}, with {@link DeliveryDialog} and
 * {@link DeliveryImportDialog}), transfers, stock by region and dose intervals in tabs, the stock chart of one
 * brand with its shortage days ({@link StockChartPane}), the dose-2 guard, and "record a delay" with its impact and
 * suggestions beside them ({@link SlipPane}).
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

    public SupplyView(SupplyViewModel viewModel) {
        this.viewModel = viewModel;
        this.slip = viewModel.slip();
        this.texts = viewModel.texts();
        HBox heading = ScreenHeading.of(texts.get("title"), SUMMARY_ID, viewModel.summaryProperty());

        Tab intervals = SupplyNodes.tab(texts.get("tab.intervals"), new IntervalPoliciesView(viewModel.intervals(),
                viewModel::plan, viewModel.brands(), texts).root());
        TabPane tabs = new TabPane(SupplyNodes.tab(texts.get("tab.deliveries"), new DeliveriesPane(viewModel, root)
                .root()), SupplyNodes.tab(texts.get("tab.transfers"), new TransfersPane(viewModel, root).root()),
                SupplyNodes.tab(texts.get("tab.regions"), new RegionsPane(viewModel).root()), intervals);
        tabs.setId(TABS_ID);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setPrefHeight(290);
        tabs.setMinHeight(200);
        Node chart = new StockChartPane(viewModel).root();
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
        ScrollPane right = new ScrollPane(new SlipPane(viewModel).root());
        right.setFitToWidth(true);
        right.getStyleClass().add("edge-to-edge");
        SplitPane split = new SplitPane(left, right);
        // The delay panel gives way while no slip is being looked at: the deliveries and the stock get the room, and
        // the panel opens to half the screen when a slip's impact and suggestions are to be read.
        split.setDividerPositions(IDLE_DIVIDER);
        ChangeListener<Object> opened = (observable, before, after) -> split.setDividerPositions(
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
}
