package org.cohortplanner.ui.cohorts;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import org.cohortplanner.domain.BirthCohortRange;
import org.cohortplanner.domain.CohortStatus;
import org.cohortplanner.domain.VaccinationPeriod;
import org.cohortplanner.ui.common.Formats;

/** The Cohorts screen: the plan's cohorts in a sortable table. */
public final class CohortsView {
    public static final String TABLE_ID = "cohorts-table";
    public static final String SUMMARY_ID = "cohorts-summary";
    public static final String NAME_COLUMN_ID = "cohorts-column-name";
    public static final String ELIGIBLE_COLUMN_ID = "cohorts-column-eligible";

    /** Font size of the table, as in console.css; padding of a cell and a header (with its sort arrow). */
    private static final double CELL_FONT_SIZE = 12;
    private static final double CELL_EXTRA = 18;
    private static final double HEADER_EXTRA = 22;

    private final CohortsViewModel viewModel;
    private final VBox root = new VBox(12);
    private final TableView<CohortRow> table = new TableView<>();
    private final Map<TableColumn<CohortRow, ?>, Function<CohortRow, String>> cellTexts = new LinkedHashMap<>();

    public CohortsView(CohortsViewModel viewModel) {
        this.viewModel = viewModel;
        Label title = new Label("Cohorts");
        title.getStyleClass().add("screen-title");
        Label summary = new Label();
        summary.setId(SUMMARY_ID);
        summary.getStyleClass().add("screen-summary");
        summary.textProperty().bind(viewModel.summaryProperty());
        HBox heading = new HBox(16, title, summary);
        heading.setAlignment(Pos.BASELINE_LEFT);

        buildTable();
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren().addAll(heading, table);
        root.getStyleClass().addAll("screen", "cohorts-screen");
    }

    public Parent root() {
        return root;
    }

    private void buildTable() {
        table.setId(TABLE_ID);
        // Columns take the width of their content (see fitColumnsToContent): planners must never read "3,52…".
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label("This plan has no cohorts yet."));

        TableColumn<CohortRow, String> name = column("Cohort", CohortRow::name, String::valueOf, 92);
        TableColumn<CohortRow, BirthCohortRange> birthYears = column("Birth years", CohortRow::birthYears,
                BirthCohortRange::toString, 88);
        birthYears.setComparator(CohortRow.BY_BIRTH_YEARS);
        TableColumn<CohortRow, CohortRow.Ages> ages = column("Ages", CohortRow::ages, CohortRow.Ages::toString, 54);
        TableColumn<CohortRow, String> digits = column("Birth days", CohortRow::birthDayDigitsText,
                String::valueOf, 84);
        TableColumn<CohortRow, Long> eligible = column("Eligible", CohortRow::eligible, Formats::count, 86);
        TableColumn<CohortRow, Double> uptake = column("Uptake", CohortRow::uptake, Formats::percent, 64);
        TableColumn<CohortRow, LocalDateTime> opens = column("Opens", CohortRow::windowOpens,
                Formats::shortDateTime, 124);
        TableColumn<CohortRow, LocalDateTime> closes = column("Closes", CohortRow::windowCloses,
                Formats::shortDateTime, 124);
        TableColumn<CohortRow, Void> window = new TableColumn<>();
        window.textProperty().bind(viewModel.zoneProperty().map(zone -> "Booking window (" + zone + ")"));
        window.getColumns().setAll(List.of(opens, closes));
        TableColumn<CohortRow, VaccinationPeriod> period = column("First doses",
                CohortRow::vaccinationPeriod, CohortRow::periodText, 114);
        period.setComparator(CohortRow.BY_PERIOD);
        TableColumn<CohortRow, String> brands = column("Brands", CohortRow::brands, String::valueOf, 164);
        TableColumn<CohortRow, CohortStatus> status = column("Status", CohortRow::status, CohortRow::statusText, 74);
        for (TableColumn<CohortRow, ?> numeric : List.of(ages, eligible, uptake)) {
            numeric.getStyleClass().add("numeric");
        }
        name.setId(NAME_COLUMN_ID);
        eligible.setId(ELIGIBLE_COLUMN_ID);

        // Status comes next to the name: when the table is wider than the window it must not be the part cut off.
        table.getColumns().setAll(List.of(name, status, birthYears, ages, digits, eligible, uptake, window, period,
                brands));
        SortedList<CohortRow> sorted = new SortedList<>(viewModel.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        viewModel.rows().addListener((ListChangeListener<CohortRow>) change -> fitColumnsToContent());
        fitColumnsToContent();
    }

    /** Sets each column's width to its widest text: header or any cell. */
    private void fitColumnsToContent() {
        Font cellFont = Font.font(Font.getDefault().getFamily(), CELL_FONT_SIZE);
        Font headerFont = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, CELL_FONT_SIZE);
        cellTexts.forEach((column, text) -> {
            double width = textWidth(column.getText(), headerFont) + HEADER_EXTRA;
            for (CohortRow row : viewModel.rows()) {
                width = Math.max(width, textWidth(text.apply(row), cellFont) + CELL_EXTRA);
            }
            column.setPrefWidth(Math.ceil(width));
        });
    }

    private static double textWidth(String text, Font font) {
        Text measured = new Text(text == null ? "" : text);
        measured.setFont(font);
        return measured.getLayoutBounds().getWidth();
    }

    /** A column that sorts by {@code value} and shows {@code text}. */
    private <T> TableColumn<CohortRow, T> column(String title, Function<CohortRow, T> value,
                                                 Function<T, String> text, double width) {
        TableColumn<CohortRow, T> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setCellFactory(ignored -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        });
        column.setPrefWidth(width);
        cellTexts.put(column, row -> {
            T item = value.apply(row);
            return item == null ? "" : text.apply(item);
        });
        return column;
    }
}
