package org.cohortplanner.ui.cohorts;

import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
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
import org.cohortplanner.domain.BirthCohortRange;
import org.cohortplanner.domain.CohortStatus;
import org.cohortplanner.domain.VaccinationPeriod;
import org.cohortplanner.ui.common.Formats;

/** The Cohorts screen: the plan's cohorts in a sortable table. */
public final class CohortsView {
    public static final String TABLE_ID = "cohorts-table";
    public static final String SUMMARY_ID = "cohorts-summary";

    private final CohortsViewModel viewModel;
    private final VBox root = new VBox(12);
    private final TableView<CohortRow> table = new TableView<>();

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
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("This plan has no cohorts yet."));

        TableColumn<CohortRow, String> name = column("Cohort", CohortRow::name, String::valueOf, 80);
        TableColumn<CohortRow, BirthCohortRange> birthYears = column("Birth years", CohortRow::birthYears,
                BirthCohortRange::toString, 90);
        birthYears.setComparator(CohortRow.BY_BIRTH_YEARS);
        TableColumn<CohortRow, CohortRow.Ages> ages = column("Ages", CohortRow::ages, CohortRow.Ages::toString, 60);
        TableColumn<CohortRow, String> digits = column("Birth-day digits", CohortRow::birthDayDigitsText,
                String::valueOf, 105);
        TableColumn<CohortRow, Long> eligible = column("Eligible", CohortRow::eligible, Formats::count, 95);
        eligible.getStyleClass().add("numeric");
        TableColumn<CohortRow, Double> uptake = column("Uptake", CohortRow::uptake, Formats::percent, 70);
        uptake.getStyleClass().add("numeric");
        TableColumn<CohortRow, LocalDateTime> opens = column("Window opens", CohortRow::windowOpens,
                Formats::dateTime, 150);
        TableColumn<CohortRow, LocalDateTime> closes = column("Window closes", CohortRow::windowCloses,
                Formats::dateTime, 150);
        opens.textProperty().bind(viewModel.zoneProperty().map(zone -> "Window opens (" + zone + ")"));
        closes.textProperty().bind(viewModel.zoneProperty().map(zone -> "Window closes (" + zone + ")"));
        TableColumn<CohortRow, VaccinationPeriod> period = column("Vaccination period",
                CohortRow::vaccinationPeriod, CohortRow::periodText, 150);
        period.setComparator(CohortRow.BY_PERIOD);
        TableColumn<CohortRow, String> brands = column("Brands", CohortRow::brands, String::valueOf, 110);
        TableColumn<CohortRow, CohortStatus> status = column("Status", CohortRow::status, CohortRow::statusText, 80);

        table.getColumns().setAll(List.of(name, birthYears, ages, digits, eligible, uptake, opens, closes, period,
                brands, status));
        SortedList<CohortRow> sorted = new SortedList<>(viewModel.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
    }

    /** A column that sorts by {@code value} and shows {@code text}. */
    private static <T> TableColumn<CohortRow, T> column(String title, Function<CohortRow, T> value,
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
        return column;
    }
}
