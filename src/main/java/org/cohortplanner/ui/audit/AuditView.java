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

/** The Audit screen: every saved change, who made it, when and why, with a filter. */
public final class AuditView {
    public static final String TABLE_ID = "audit-table";
    public static final String FILTER_ID = "audit-filter";
    public static final String SUMMARY_ID = "audit-summary";

    private final VBox root = new VBox(12);

    public AuditView(AuditViewModel viewModel) {
        Label title = new Label("Audit");
        title.getStyleClass().add("screen-title");
        Label summary = new Label();
        summary.setId(SUMMARY_ID);
        summary.getStyleClass().add("screen-summary");
        summary.textProperty().bind(viewModel.summaryProperty());
        TextField filter = TextFields.createClearableTextField();
        filter.setId(FILTER_ID);
        filter.setPromptText("Filter: user, action, cohort, reason…");
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

        TableView<AuditRow> table = new TableView<>(viewModel.rows());
        table.setId(TABLE_ID);
        table.setPlaceholder(new Label("No audit entries match."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().setAll(List.of(
                column("#", row -> Long.toString(row.sequence()), 44),
                column("Time", AuditRow::time, 150),
                column("User", AuditRow::user, 90),
                column("Action", AuditRow::action, 280),
                column("Before → after", AuditRow::change, 200),
                column("Reason", AuditRow::reason, 150),
                column("Version", row -> Long.toString(row.planVersion()), 72)));
        // Every column keeps its width but "before → after", which takes what is left and shows the rest on hover.
        table.getColumns().forEach(column -> {
            column.setSortable(false);
            if (!column.getText().startsWith("Before")) {
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
