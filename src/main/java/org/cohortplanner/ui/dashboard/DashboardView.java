package org.cohortplanner.ui.dashboard;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.cohortplanner.simulation.CampaignFigures;
import org.cohortplanner.ui.common.BandedBarChart;
import org.cohortplanner.ui.common.ChartEmptyState;
import org.cohortplanner.ui.common.Formats;
import org.cohortplanner.ui.common.ScreenHeading;
import org.cohortplanner.ui.common.TableMemory;
import org.cohortplanner.ui.common.Texts;

/**
 * The Dashboard: seven tiles with the plan's figures (each opens the screen it sums up), the chart of doses needed
 * against usable per week for one brand, the opening nights with their worst p95 wait, and shortages by region.
 */
public final class DashboardView {
    public static final String STATUS_ID = "dashboard-status";
    public static final String CHART_ID = "dashboard-chart";
    public static final String BRAND_ID = "dashboard-brand";
    public static final String NIGHTS_ID = "dashboard-nights";
    public static final String REGIONS_ID = "dashboard-regions";
    public static final String PROBLEMS_ID = "dashboard-problems";

    /** Node id of a tile, shared with tests. */
    public static String tileId(DashboardViewModel.Tile tile) {
        return "dashboard-tile-" + tile.name().toLowerCase(Locale.ROOT);
    }

    /** Node id of the value a tile shows. */
    public static String tileValueId(DashboardViewModel.Tile tile) {
        return tileId(tile) + "-value";
    }

    private final DashboardViewModel viewModel;
    private final Texts texts;
    private final VBox root = new VBox(12);
    private final ComboBox<String> brand = new ComboBox<>();
    private final BandedBarChart chart = new BandedBarChart(new CategoryAxis(), new NumberAxis());
    private final Label bandsNote = new Label();

    public DashboardView(DashboardViewModel viewModel) {
        this.viewModel = viewModel;
        this.texts = viewModel.texts();
        root.getStyleClass().addAll("screen", "dashboard");
        root.setPadding(new Insets(16));

        Label status = ScreenHeading.summary(STATUS_ID, viewModel.statusProperty());
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(viewModel.progressProperty());
        progress.visibleProperty().bind(viewModel.computingProperty());
        progress.setPrefWidth(120);
        HBox heading = new HBox(16, ScreenHeading.title(texts.get("title")), status, progress);
        heading.setAlignment(Pos.BASELINE_LEFT);

        GridPane tiles = new GridPane();
        tiles.setHgap(10);
        tiles.setVgap(10);
        for (int column = 0; column < 4; column++) {
            ColumnConstraints share = new ColumnConstraints();
            share.setPercentWidth(25);
            share.setFillWidth(true);
            tiles.getColumnConstraints().add(share);
        }
        int index = 0;
        for (DashboardViewModel.Tile tile : DashboardViewModel.Tile.values()) {
            tiles.add(tile(tile), index % 4, index / 4);
            index++;
        }

        VBox chartBox = new VBox(6, new HBox(8, sectionTitle(texts.get("chart.title")), new Label(
                texts.get("chart.brand")), brand), ChartEmptyState.of(chart, texts.get("chart.empty")), bandsNote);
        ((HBox) chartBox.getChildren().get(0)).setAlignment(Pos.CENTER_LEFT);
        brand.setId(BRAND_ID);
        brand.setItems(viewModel.brands());
        viewModel.brands().addListener((ListChangeListener<String>) change -> {
            if (brand.getValue() == null || !viewModel.brands().contains(brand.getValue())) {
                brand.setValue(viewModel.brands().isEmpty() ? null : viewModel.brands().get(0));
            }
        });
        brand.valueProperty().addListener((observable, before, after) -> drawChart());
        viewModel.figuresProperty().addListener((observable, before, after) -> drawChart());
        chart.setId(CHART_ID);
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.getXAxis().setLabel(texts.get("chart.week"));
        chart.getYAxis().setLabel(texts.get("chart.doses"));
        chart.setPrefHeight(260);
        chart.setMinHeight(200);
        VBox.setVgrow(chartBox.getChildren().get(1), Priority.ALWAYS);
        bandsNote.getStyleClass().add("chart-note");
        bandsNote.setWrapText(true);
        bandsNote.managedProperty().bind(bandsNote.visibleProperty());

        VBox lists = new VBox(8, sectionTitle(texts.get("nights.title")), nightsTable(),
                sectionTitle(texts.get("regions.title")), regionsTable(),
                sectionTitle(texts.get("problems.title")), problemsList());
        lists.setPrefWidth(420);
        lists.setMinWidth(340);
        HBox.setHgrow(chartBox, Priority.ALWAYS);
        HBox body = new HBox(16, chartBox, lists);
        VBox.setVgrow(body, Priority.ALWAYS);
        root.getChildren().setAll(heading, tiles, body);
        drawChart();
        if (!viewModel.brands().isEmpty()) {
            brand.setValue(viewModel.brands().get(0));
        }
    }

    public Parent root() {
        return root;
    }

    private Button tile(DashboardViewModel.Tile tile) {
        Label name = new Label(viewModel.title(tile));
        name.getStyleClass().add("dashboard-tile-name");
        Label value = new Label();
        value.setId(tileValueId(tile));
        value.getStyleClass().add("dashboard-tile-value");
        value.textProperty().bind(viewModel.valueProperty(tile));
        value.setWrapText(true);
        VBox content = new VBox(4, name, value);
        Button button = new Button();
        button.setGraphic(content);
        button.setId(tileId(tile));
        button.getStyleClass().add("dashboard-tile");
        button.setPrefSize(250, 84);
        button.setMinWidth(180);
        value.maxWidthProperty().bind(button.widthProperty().subtract(28));
        button.setAlignment(Pos.TOP_LEFT);
        button.setMaxWidth(Double.MAX_VALUE);
        button.setOnAction(event -> viewModel.open(tile));
        return button;
    }

    private static Label sectionTitle(String text) {
        Label title = new Label(text);
        title.getStyleClass().add("dashboard-section");
        return title;
    }

    private void drawChart() {
        chart.getData().clear();
        chart.setBanded(Set.of());
        bandsNote.setVisible(false);
        String shown = brand.getValue();
        if (shown == null) {
            return;
        }
        Set<String> shortWeeks = new LinkedHashSet<>();
        XYChart.Series<String, Number> first = new XYChart.Series<>();
        first.setName(texts.get("chart.firstDoses"));
        XYChart.Series<String, Number> second = new XYChart.Series<>();
        second.setName(texts.get("chart.secondDoses"));
        XYChart.Series<String, Number> usable = new XYChart.Series<>();
        usable.setName(texts.get("chart.usable"));
        for (CampaignFigures.BrandWeek week : viewModel.weeks(shown)) {
            String label = Formats.date(week.weekStart(), texts.locale());
            first.getData().add(new XYChart.Data<>(label, week.firstDoses()));
            second.getData().add(new XYChart.Data<>(label, week.secondDoses()));
            usable.getData().add(new XYChart.Data<>(label, week.usable()));
            if (week.peopleShort() > 0) {
                shortWeeks.add(label);
            }
        }
        chart.getData().setAll(List.of(first, second, usable));
        chart.setBanded(shortWeeks);
        bandsNote.setText(texts.get("chart.bands", shortWeeks.size()));
        bandsNote.setVisible(!shortWeeks.isEmpty());
    }

    private Node nightsTable() {
        TableView<DashboardViewModel.NightRow> table = new TableView<>(viewModel.nights());
        table.setId(NIGHTS_ID);
        table.getColumns().add(column(texts.get("nights.date"), DashboardViewModel.NightRow::date));
        table.getColumns().add(column(texts.get("nights.window"), DashboardViewModel.NightRow::window));
        table.getColumns().add(column(texts.get("nights.p95"), DashboardViewModel.NightRow::p95));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableMemory.remember(table, "dashboard.nights");
        table.setRowFactory(view -> {
            TableRow<DashboardViewModel.NightRow> row = new TableRow<>() {
                @Override
                protected void updateItem(DashboardViewModel.NightRow item, boolean empty) {
                    super.updateItem(item, empty);
                    getStyleClass().remove("dashboard-crowded");
                    if (!empty && item != null && item.crowded()) {
                        getStyleClass().add("dashboard-crowded");
                    }
                }
            };
            row.setOnMouseClicked(event -> {
                if (event.getClickCount() == 2 && row.getItem() != null) {
                    viewModel.openNight(row.getItem());
                }
            });
            return row;
        });
        table.setPrefHeight(150);
        return table;
    }

    private Node regionsTable() {
        TableView<DashboardViewModel.RegionRow> table = new TableView<>(viewModel.regionRows());
        table.setId(REGIONS_ID);
        table.getColumns().add(column(texts.get("regions.region"),
                row -> Formats.region(row.region(), texts.locale())));
        table.getColumns().add(column(texts.get("regions.days"), DashboardViewModel.RegionRow::days));
        table.getColumns().add(column(texts.get("regions.people"), DashboardViewModel.RegionRow::people));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableMemory.remember(table, "dashboard.regions");
        table.setRowFactory(view -> {
            TableRow<DashboardViewModel.RegionRow> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getClickCount() == 2 && row.getItem() != null) {
                    viewModel.openRegion(row.getItem().region());
                }
            });
            return row;
        });
        table.setPrefHeight(170);
        return table;
    }

    private Node problemsList() {
        ListView<String> list = new ListView<>();
        list.setId(PROBLEMS_ID);
        list.setPlaceholder(new Label(texts.get("problems.none")));
        list.getItems().setAll(viewModel.problemLines());
        list.getItems().addAll(viewModel.suspendedLines());
        Runnable refresh = () -> {
            list.getItems().setAll(viewModel.suspendedLines());
            list.getItems().addAll(viewModel.problemLines());
        };
        viewModel.problemLines().addListener((ListChangeListener<String>) change -> refresh.run());
        viewModel.suspendedLines().addListener((ListChangeListener<String>) change -> refresh.run());
        list.setPrefHeight(90);
        return list;
    }

    private static <R> TableColumn<R, String> column(String title, Function<R, String> value) {
        TableColumn<R, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setSortable(false);
        return column;
    }
}
