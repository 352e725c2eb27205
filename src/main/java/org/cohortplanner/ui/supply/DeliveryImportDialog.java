package org.cohortplanner.ui.supply;

import static org.cohortplanner.ui.supply.SupplyNodes.column;
import static org.cohortplanner.ui.supply.SupplyNodes.numeric;

import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.cohortplanner.sheetimport.DeliverySheetRow;
import org.cohortplanner.ui.common.Formats;
import org.cohortplanner.ui.common.MarkedRows;
import org.cohortplanner.ui.common.Texts;

/** The import of a delivery sheet: chooses a sheet, shows its preview, and applies it only when confirmed. */
final class DeliveryImportDialog {
    private final DeliveryImportViewModel importer;
    private final Texts texts;
    private final Node owner;

    DeliveryImportDialog(DeliveryImportViewModel importer, Texts texts, Node owner) {
        this.importer = importer;
        this.texts = texts;
        this.owner = owner;
    }

    /** Chooses a sheet, shows its preview, and applies it only when the officer confirms. */
    void show() {
        if (!importer.chooseSheet()) {
            return;
        }
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(texts.get("import.title"));
        dialog.initOwner(SupplyNodes.windowOf(owner));
        dialog.setResizable(true);
        dialog.getDialogPane().getStylesheets().add(SupplyView.class.getResource("supply.css").toExternalForm());
        TableView<DeliverySheetRow> table = previewTable();
        Label summary = new Label();
        summary.setId(SupplyView.IMPORT_SUMMARY_ID);
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

    /** The sheet's rows as read, invalid ones marked with their errors. */
    private TableView<DeliverySheetRow> previewTable() {
        TableView<DeliverySheetRow> table = new TableView<>(importer.rows());
        table.setId(SupplyView.IMPORT_TABLE_ID);
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
        MarkedRows.mark(table, "invalid", row -> !row.isValid());
        return table;
    }
}
