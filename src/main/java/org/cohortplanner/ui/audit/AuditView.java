package org.cohortplanner.ui.audit;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.TextFields;
import org.cohortplanner.ui.common.ScreenHeading;
import org.cohortplanner.ui.common.TableMemory;
import org.cohortplanner.ui.common.Texts;

/** The Audit screen: every saved change, who made it, when and why, with a filter. */
public final class AuditView {
    public static final String TABLE_ID = "audit-table";
    public static final String FILTER_ID = "audit-filter";
    public static final String SUMMARY_ID = "audit-summary";

    private final VBox root = new VBox(12);

    public AuditView(AuditViewModel viewModel) {
        Texts texts = Texts.of(AuditView.class, viewModel.locale());
        Label title = ScreenHeading.title(texts.get("title"));
        Label summary = ScreenHeading.summary(SUMMARY_ID, viewModel.summaryProperty());
        TextField filter = TextFields.createClearableTextField();
        filter.setId(FILTER_ID);
        filter.setPromptText(texts.get("filter.prompt"));
        filter.setPrefColumnCount(28);
        filter.textProperty().bindBidirectional(viewModel.filterProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox heading = new HBox(16, title, summary, spacer, filter);
        heading.setAlignment(Pos.CENTER_LEFT);

        Label problem = new Label();
        problem.getStyleClass().add("problem-text");
        problem.textProperty().bind(viewModel.problemProperty());
        problem.visibleProperty().bind(viewModel.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        TableColumn<AuditRow, String> changeColumn = column(texts.get("column.change"), AuditRow::change, 200);
        TableView<AuditRow> table = new TableView<>(viewModel.rows());
        table.setId(TABLE_ID);
        table.setPlaceholder(new Label(texts.get("table.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().setAll(List.of(
                column(texts.get("column.sequence"), row -> Long.toString(row.sequence()), 44),
                column(texts.get("column.time"), AuditRow::time, 150),
                column(texts.get("column.user"), AuditRow::user, 90),
                column(texts.get("column.action"), AuditRow::action, 280),
                changeColumn,
                column(texts.get("column.reason"), AuditRow::reason, 150),
                column(texts.get("column.version"), row -> Long.toString(row.planVersion()), 72)));
        TableMemory.remember(table, "audit");
        // Every column keeps its width but "before → after", which takes what is left and shows the rest on hover.
        table.getColumns().forEach(column -> {
            column.setSortable(false);
            if (column != changeColumn) {
                column.setMinWidth(column.getPrefWidth());
                column.setMaxWidth(column.getPrefWidth());
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        root.getChildren().addAll(heading, problem, table);
        root.getStyleClass().addAll("screen", "audit-screen");
    }

    public Parent root() {
        return root;
    }

    private static TableColumn<AuditRow, String> column(String title, Function<AuditRow, String> value,
                                                        double width) {
        TableColumn<AuditRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setCellFactory(ignored -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null || text.isEmpty() ? null : new Tooltip(text));
            }
        });
        column.setPrefWidth(width);
        return column;
    }
}
