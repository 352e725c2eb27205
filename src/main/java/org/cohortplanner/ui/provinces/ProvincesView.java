package org.cohortplanner.ui.provinces;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.cohortplanner.ui.common.Formats;
import org.cohortplanner.ui.common.ScreenHeading;
import org.cohortplanner.ui.common.TableMemory;
import org.cohortplanner.ui.common.Texts;

/**
 * The Provinces screen: a tile map of the 17 provinces shaded by the chosen measure on the chosen day, its legend,
 * and the table beside it. Clicking a province (on the map or in the table) filters the Supply screen to it.
 */
public final class ProvincesView {
    public static final String MAP_ID = "provinces-map";
    public static final String TABLE_ID = "provinces-table";
    public static final String MEASURE_ID = "provinces-measure";
    public static final String DAY_ID = "provinces-day";
    public static final String CHOSEN_ID = "provinces-chosen";
    /** Wide enough for the longest name in bold, "Gyeongbuk", and a count of millions. */
    private static final double TILE = 84;
    private static final double GAP = 6;
    private static final Color LIGHT = Color.web("#e0ecff");
    private static final Color DARK = Color.web("#1e40af");

    /** Node id of a province's tile, shared with tests. */
    public static String tileId(String region) {
        return "province-" + region.toLowerCase(Locale.ROOT);
    }

    private final ProvincesViewModel viewModel;
    private final Texts texts;
    private final VBox root = new VBox(12);
    private final Pane map = new Pane();

    public ProvincesView(ProvincesViewModel viewModel) {
        this.viewModel = viewModel;
        this.texts = viewModel.texts();
        root.getStyleClass().add("screen");
        root.setPadding(new Insets(16));

        ComboBox<ProvincesViewModel.Measure> measure = new ComboBox<>(FXCollections.observableArrayList(
                ProvincesViewModel.Measure.values()));
        measure.setId(MEASURE_ID);
        measure.setCellFactory(list -> new MeasureCell());
        measure.setButtonCell(new MeasureCell());
        measure.valueProperty().bindBidirectional(viewModel.measureProperty());
        DatePicker day = Formats.styled(new DatePicker(), texts.locale());
        day.setId(DAY_ID);
        day.valueProperty().bindBidirectional(viewModel.dayProperty());
        Button all = new Button(texts.get("button.all"));
        all.setOnAction(event -> viewModel.choose(null));
        HBox choices = new HBox(8, new Label(texts.get("measure")), measure, new Label(texts.get("day")), day, all);
        choices.setAlignment(Pos.CENTER_LEFT);

        Label chosen = new Label();
        chosen.setId(CHOSEN_ID);
        chosen.textProperty().bind(Bindings.createStringBinding(() -> viewModel.chosenProperty().get() == null
                ? texts.get("chosen.none") : texts.get("chosen", viewModel.regionName(viewModel.chosenProperty()
                .get())), viewModel.chosenProperty()));

        map.setId(MAP_ID);
        map.setPrefSize(4 * (TILE + GAP), 6 * (TILE + GAP));
        map.setMinSize(4 * (TILE + GAP), 6 * (TILE + GAP));
        Rectangle lowSwatch = new Rectangle(14, 14, LIGHT);
        Rectangle highSwatch = new Rectangle(14, 14, DARK);
        Label low = new Label();
        low.textProperty().bind(Bindings.createStringBinding(() -> texts.get("legend.low",
                viewModel.legendLowProperty().get()), viewModel.legendLowProperty()));
        Label high = new Label();
        high.textProperty().bind(Bindings.createStringBinding(() -> texts.get("legend.high",
                viewModel.legendHighProperty().get()), viewModel.legendHighProperty()));
        HBox legend = new HBox(6, lowSwatch, low, new Label("  "), highSwatch, high);
        legend.setAlignment(Pos.CENTER_LEFT);
        VBox mapBox = new VBox(10, map, legend);

        TableView<ProvincesViewModel.Province> table = new TableView<>(viewModel.provinces());
        table.setId(TABLE_ID);
        TableColumn<ProvincesViewModel.Province, String> name = new TableColumn<>(texts.get("column.province"));
        name.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().name()));
        TableColumn<ProvincesViewModel.Province, String> value = new TableColumn<>(texts.get("column.value"));
        value.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().valueText()));
        value.setStyle("-fx-alignment: CENTER-RIGHT;");
        table.getColumns().add(name);
        table.getColumns().add(value);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableMemory.remember(table, "provinces");
        table.getSelectionModel().selectedItemProperty().addListener((observable, before, after) -> {
            if (after != null) {
                viewModel.choose(after.region());
            }
        });
        HBox.setHgrow(table, Priority.ALWAYS);
        HBox body = new HBox(24, mapBox, table);
        VBox.setVgrow(body, Priority.ALWAYS);

        root.getChildren().setAll(ScreenHeading.of(texts.get("title"), null, viewModel.statusProperty()), choices,
                chosen, body);
        viewModel.provinces().addListener((ListChangeListener<ProvincesViewModel.Province>) change -> draw());
        viewModel.chosenProperty().addListener((observable, before, after) -> draw());
        draw();
    }

    public Parent root() {
        return root;
    }

    private void draw() {
        map.getChildren().clear();
        String chosen = viewModel.chosenProperty().get();
        for (ProvincesViewModel.Province province : viewModel.provinces()) {
            if (province.column() < 0) {
                continue;
            }
            Color fill = LIGHT.interpolate(DARK, province.shade());
            Rectangle tile = new Rectangle(TILE, TILE, fill);
            tile.setArcWidth(10);
            tile.setArcHeight(10);
            tile.getStyleClass().add("province-tile");
            if (province.region().equals(chosen)) {
                tile.getStyleClass().add("province-tile-selected");
            }
            Color ink = province.shade() > 0.55 ? Color.WHITE : Color.web("#1f2937");
            Label name = new Label(province.name());
            name.setTextFill(ink);
            name.getStyleClass().addAll("province-label", "dashboard-section");
            Label value = new Label(province.valueText());
            value.setTextFill(ink);
            value.getStyleClass().add("province-label");
            VBox text = new VBox(2, name, value);
            text.setAlignment(Pos.CENTER);
            text.setMouseTransparent(true);
            StackPane cell = new StackPane(tile, text);
            cell.setPrefSize(TILE, TILE);
            cell.setMinSize(TILE, TILE);
            cell.setMaxSize(TILE, TILE);
            name.setMaxWidth(TILE - 4);
            value.setMaxWidth(TILE - 4);
            cell.setId(tileId(province.region()));
            cell.setLayoutX(province.column() * (TILE + GAP));
            cell.setLayoutY(province.row() * (TILE + GAP));
            cell.setOnMouseClicked(event -> viewModel.choose(province.region()));
            map.getChildren().add(cell);
        }
    }

    private final class MeasureCell extends ListCell<ProvincesViewModel.Measure> {
        @Override
        protected void updateItem(ProvincesViewModel.Measure item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : texts.get("measure." + item.name()));
        }
    }
}
