package org.cohortplanner.ui.supply;

import static org.cohortplanner.ui.supply.SupplyNodes.button;
import static org.cohortplanner.ui.supply.SupplyNodes.column;
import static org.cohortplanner.ui.supply.SupplyNodes.field;
import static org.cohortplanner.ui.supply.SupplyNodes.numeric;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.cohortplanner.domain.Transfer;
import org.cohortplanner.ui.common.ColumnWidths;
import org.cohortplanner.ui.common.Formats;
import org.cohortplanner.ui.common.TableMemory;
import org.cohortplanner.ui.common.Texts;

/** The Supply screen's transfers tab: doses moved between regions, recorded, edited and deleted here. */
final class TransfersPane {
    private final SupplyViewModel viewModel;
    private final Texts texts;
    private final Node owner;
    private final TableView<Transfer> transfers = new TableView<>();
    private final Node root;

    /** {@code owner} is the screen, whose window owns the dialog. */
    TransfersPane(SupplyViewModel viewModel, Node owner) {
        this.viewModel = viewModel;
        this.texts = viewModel.texts();
        this.owner = owner;
        this.root = build();
    }

    Node root() {
        return root;
    }

    private Node build() {
        Button add = button(SupplyView.TRANSFER_ADD_ID, texts.get("button.add"));
        add.setOnAction(event -> editTransfer(null));
        Button edit = button(SupplyView.TRANSFER_EDIT_ID, texts.get("button.edit"));
        edit.setOnAction(event -> editTransfer(transfers.getSelectionModel().getSelectedItem()));
        Button delete = button(SupplyView.TRANSFER_DELETE_ID, texts.get("button.delete"));
        delete.setOnAction(event -> viewModel.deleteTransfer(transfers.getSelectionModel().getSelectedItem().id()));
        for (Button needsSelection : List.of(edit, delete)) {
            needsSelection.disableProperty().bind(transfers.getSelectionModel().selectedItemProperty().isNull());
        }
        HBox bar = new HBox(8, add, edit, delete);
        bar.setAlignment(Pos.CENTER_LEFT);
        transfersTable();
        VBox box = new VBox(8, bar, transfers);
        box.setPadding(new Insets(8, 0, 0, 0));
        VBox.setVgrow(transfers, Priority.ALWAYS);
        return box;
    }

    private void transfersTable() {
        transfers.setId(SupplyView.TRANSFERS_ID);
        transfers.setPlaceholder(new Label(texts.get("transfers.empty")));
        transfers.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        TableColumn<Transfer, String> note = column(texts.get("transfer.column.note"), Transfer::note, 300);
        ColumnWidths.cutWithTooltip(note);
        transfers.getColumns().setAll(List.of(
                column(texts.get("transfer.column.id"), Transfer::id, 90),
                column(texts.get("transfer.column.brand"), Transfer::brand, 80),
                numeric(column(texts.get("transfer.column.doses"), t -> Formats.count(t.doses(), texts.locale()), 90)),
                column(texts.get("transfer.column.from"), Transfer::fromRegion, 110),
                column(texts.get("transfer.column.to"), Transfer::toRegion, 110),
                column(texts.get("transfer.column.shipped"), t -> Formats.date(t.shipped(), texts.locale()), 110),
                numeric(column(texts.get("transfer.column.leadTime"), t -> Integer.toString(t.leadTimeDays()), 110)),
                column(texts.get("transfer.column.usable"), t -> Formats.date(t.usableFrom(), texts.locale()), 110),
                note));
        TableMemory.remember(transfers, "supply.transfers");
        transfers.setItems(viewModel.transfers());
        ColumnWidths.fitToText(transfers);
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
    }

    /** The record/edit dialog of a transfer; it stays open while the form has problems, and says what they are. */
    private void editTransfer(Transfer editing) {
        TransferForm start = editing == null ? TransferForm.empty(viewModel.plan()) : TransferForm.of(editing);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(texts.get(editing == null ? "transfer.addTitle" : "transfer.editTitle"));
        dialog.initOwner(SupplyNodes.windowOf(owner));
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
        GridPane grid = SupplyNodes.formGrid(texts, new String[] {"transfer.column.id", "transfer.column.brand",
            "transfer.column.doses", "transfer.column.from", "transfer.column.to", "transfer.column.shipped",
            "transfer.column.leadTime", "transfer.column.note"},
                new Node[] {id, brand, doses, from, to, shipped, leadTime, note});
        Label errors = SupplyNodes.formErrors(SupplyView.TRANSFER_ERRORS_ID);
        SupplyNodes.setContent(dialog, grid, errors);
        SupplyNodes.showUntilSaved(texts, dialog, errors, () -> viewModel.saveTransfer(
                editing == null ? null : editing.id(),
                new TransferForm(id.getText(), brand.getValue(), doses.getText(), from.getValue(), to.getValue(),
                        shipped.getText(), leadTime.getText(), note.getText())));
    }
}
