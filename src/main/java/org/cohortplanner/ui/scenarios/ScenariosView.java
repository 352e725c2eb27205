package org.cohortplanner.ui.scenarios;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.cohortplanner.simulation.CampaignFigures;
import org.cohortplanner.ui.common.Formats;
import org.cohortplanner.ui.common.ScreenHeading;
import org.cohortplanner.ui.common.Texts;

/**
 * The Scenarios screen: the saved scenarios on the left (save the working plan under a name, compare the chosen
 * ones, make one the working plan, delete), the comparison on the right: figures as columns, the weekly doses of
 * each plan one above the other, the nights, and what differs.
 */
public final class ScenariosView {
    public static final String NAME_ID = "scenarios-name";
    public static final String SAVE_ID = "scenarios-save";
    public static final String LIST_ID = "scenarios-list";
    public static final String COMPARE_ID = "scenarios-compare";
    public static final String MAKE_ID = "scenarios-make-working";
    public static final String DELETE_ID = "scenarios-delete";
    public static final String FIGURES_ID = "scenarios-figures";
    public static final String DIFFERENCES_ID = "scenarios-differences";
    public static final String STATUS_ID = "scenarios-status";

    private final ScenariosViewModel viewModel;
    private final Texts texts;
    private final VBox root = new VBox(10);
    private final TableView<ScenariosViewModel.ScenarioRow> list = new TableView<>();
    private final TableView<ScenariosViewModel.FigureRow> figures = new TableView<>();
    private final VBox charts = new VBox(6);
    private final VBox results = new VBox(8);
    private final ListView<String> nights = new ListView<>();
    private final ListView<String> differences = new ListView<>();

    public ScenariosView(ScenariosViewModel viewModel) {
        this.viewModel = viewModel;
        this.texts = viewModel.texts();
        root.getStyleClass().add("screen");
        root.setPadding(new Insets(16));

        TextField name = new TextField();
        name.setId(NAME_ID);
        name.setPromptText(texts.get("name.prompt"));
        name.textProperty().bindBidirectional(viewModel.nameProperty());
        Button save = new Button(texts.get("button.save"));
        save.setId(SAVE_ID);
        save.setOnAction(event -> viewModel.saveWorkingPlan());
        save.disableProperty().bind(viewModel.busyProperty());
        name.setOnAction(event -> viewModel.saveWorkingPlan());
        HBox.setHgrow(name, Priority.ALWAYS);
        HBox saving = new HBox(6, name, save);

        list.setId(LIST_ID);
        list.setItems(viewModel.scenarios());
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setPlaceholder(new Label(texts.get("list.empty")));
        list.getColumns().add(column(texts.get("column.name"), ScenariosViewModel.ScenarioRow::name));
        list.getColumns().add(column(texts.get("column.savedAt"), ScenariosViewModel.ScenarioRow::savedAt));
        list.getColumns().add(column(texts.get("column.savedBy"), ScenariosViewModel.ScenarioRow::savedBy));
        list.getColumns().add(column(texts.get("column.cohorts"), ScenariosViewModel.ScenarioRow::cohorts));
        list.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(list, Priority.ALWAYS);

        Button compare = new Button(texts.get("button.compare"));
        compare.setId(COMPARE_ID);
        compare.setOnAction(event -> viewModel.compare(List.copyOf(list.getSelectionModel().getSelectedItems())));
        Button make = new Button(texts.get("button.make"));
        make.setId(MAKE_ID);
        make.setOnAction(event -> {
            ScenariosViewModel.ScenarioRow chosen = list.getSelectionModel().getSelectedItem();
            if (chosen != null) {
                viewModel.makeWorkingPlan(chosen);
            }
        });
        Button delete = new Button(texts.get("button.delete"));
        delete.setId(DELETE_ID);
        delete.setOnAction(event -> {
            ScenariosViewModel.ScenarioRow chosen = list.getSelectionModel().getSelectedItem();
            if (chosen != null) {
                viewModel.delete(chosen);
            }
        });
        make.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        delete.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        VBox left = new VBox(8, saving, list, new HBox(6, compare, make, delete));
        left.setPrefWidth(430);
        left.setMinWidth(360);

        figures.setId(FIGURES_ID);
        figures.setPlaceholder(new Label(texts.get("compare.empty")));
        figures.setPrefHeight(300);
        nights.setPrefHeight(140);
        differences.setId(DIFFERENCES_ID);
        differences.setPrefHeight(180);
        // Until a comparison is made only its placeholder shows, not empty charts and tables under their titles.
        results.getChildren().setAll(title(texts.get("chart.title")), charts, title(texts.get("nights.title")),
                nights, title(texts.get("differences.title")), differences);
        results.managedProperty().bind(results.visibleProperty());
        VBox right = new VBox(8, figures, results);
        right.setPadding(new Insets(0, 8, 0, 0));
        ScrollPane scroll = new ScrollPane(right);
        scroll.setFitToWidth(true);
        HBox.setHgrow(scroll, Priority.ALWAYS);
        HBox body = new HBox(16, left, scroll);
        VBox.setVgrow(body, Priority.ALWAYS);

        Label status = ScreenHeading.summary(STATUS_ID, viewModel.statusProperty());
        status.setWrapText(true);
        HBox heading = ScreenHeading.of(texts.get("title"), null, new ReadOnlyStringWrapper(texts.get("summary")));
        heading.setAlignment(Pos.BASELINE_LEFT);
        root.getChildren().setAll(heading, status, body);
        viewModel.comparisonProperty().addListener((observable, before, after) -> show(after));
        show(viewModel.getComparison());
    }

    public Parent root() {
        return root;
    }

    private static Label title(String text) {
        Label title = new Label(text);
        title.getStyleClass().add("dashboard-section");
        return title;
    }

    private void show(ScenariosViewModel.Comparison comparison) {
        figures.getColumns().clear();
        charts.getChildren().clear();
        results.setVisible(comparison != null);
        if (comparison == null) {
            figures.getItems().clear();
            nights.getItems().clear();
            differences.getItems().clear();
            return;
        }
        figures.getColumns().add(column(texts.get("column.figure"), ScenariosViewModel.FigureRow::figure));
        for (int i = 0; i < comparison.columns().size(); i++) {
            int at = i;
            TableColumn<ScenariosViewModel.FigureRow, String> column = column(comparison.columns().get(i),
                    row -> row.values().get(at));
            column.setStyle("-fx-alignment: CENTER-RIGHT;");
            figures.getColumns().add(column);
        }
        figures.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        figures.setItems(FXCollections.observableArrayList(comparison.rows()));
        for (int i = 0; i < comparison.columns().size(); i++) {
            charts.getChildren().add(chart(comparison.columns().get(i), comparison.figures().get(i)));
        }
        nights.getItems().setAll(comparison.nights());
        differences.getItems().setAll(comparison.differences().isEmpty()
                ? List.of(texts.get("differences.none")) : comparison.differences());
    }

    /** One plan's weekly doses, all brands together, so that the plans' charts stack on the same weeks. */
    private Node chart(String name, CampaignFigures shown) {
        Map<String, long[]> weeks = new TreeMap<>();
        for (CampaignFigures.BrandWeek week : shown.brandWeeks()) {
            long[] sums = weeks.computeIfAbsent(week.weekStart().toString(), key -> new long[2]);
            sums[0] += week.needed();
            sums[1] += week.usable();
        }
        XYChart.Series<String, Number> needed = new XYChart.Series<>();
        needed.setName(texts.get("chart.needed"));
        XYChart.Series<String, Number> usable = new XYChart.Series<>();
        usable.setName(texts.get("chart.usable"));
        for (Map.Entry<String, long[]> week : weeks.entrySet()) {
            String label = Formats.date(LocalDate.parse(week.getKey()), texts.locale());
            needed.getData().add(new XYChart.Data<>(label, week.getValue()[0]));
            usable.getData().add(new XYChart.Data<>(label, week.getValue()[1]));
        }
        BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), new NumberAxis());
        chart.setAnimated(false);
        chart.setTitle(name);
        chart.setPrefHeight(190);
        chart.setMinHeight(160);
        chart.getData().add(needed);
        chart.getData().add(usable);
        return chart;
    }

    private static <R> TableColumn<R, String> column(String title, Function<R, String> value) {
        TableColumn<R, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setSortable(false);
        return column;
    }
}
