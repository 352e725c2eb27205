package org.cohortplanner.ui.supply;

import static org.cohortplanner.ui.supply.SupplyNodes.button;
import static org.cohortplanner.ui.supply.SupplyNodes.column;
import static org.cohortplanner.ui.supply.SupplyNodes.numeric;

import java.util.List;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.cohortplanner.domain.Allotment;
import org.cohortplanner.domain.Delivery;
import org.cohortplanner.ui.common.ColumnWidths;
import org.cohortplanner.ui.common.Formats;
import org.cohortplanner.ui.common.MarkedRows;
import org.cohortplanner.ui.common.TableMemory;
import org.cohortplanner.ui.common.Texts;

/**
 * The Supply screen's deliveries tab: the table of deliveries (slipped ones marked) and its toolbar: add, edit,
 * delete, record a delay of the one chosen, and import a delivery sheet.
 */
final class DeliveriesPane {
    private final SupplyViewModel viewModel;
    private final Texts texts;
    private final Node owner;
    private final TableView<Delivery> deliveries = new TableView<>();
    private final VBox root;

    /** {@code owner} is the screen, whose window owns the dialogs. */
    DeliveriesPane(SupplyViewModel viewModel, Node owner) {
        this.viewModel = viewModel;
        this.texts = viewModel.texts();
        this.owner = owner;
        root = new VBox(8, toolbar(), deliveriesTable());
        root.setPadding(new Insets(8, 0, 0, 0));
        VBox.setVgrow(deliveries, Priority.ALWAYS);
    }

    Node root() {
        return root;
    }

    private Node toolbar() {
        Button add = button(SupplyView.ADD_ID, texts.get("button.add"));
        add.setOnAction(event -> editDelivery(null));
        Button edit = button(SupplyView.EDIT_ID, texts.get("button.edit"));
        edit.setOnAction(event -> editDelivery(selected()));
        Button delete = button(SupplyView.DELETE_ID, texts.get("button.delete"));
        delete.setOnAction(event -> viewModel.deleteDelivery(selected().id()));
        Button delay = button("supply-record-delay", texts.get("button.recordDelay"));
        delay.setOnAction(event -> viewModel.slip().choose(selected().id()));
        for (Button needsSelection : List.of(edit, delete, delay)) {
            needsSelection.disableProperty().bind(deliveries.getSelectionModel().selectedItemProperty().isNull());
        }
        Button importSheet = button(SupplyView.IMPORT_ID, texts.get("button.import"));
        importSheet.setOnAction(event -> new DeliveryImportDialog(viewModel.importer(), texts, owner).show());
        HBox bar = new HBox(8, add, edit, delete, delay, importSheet);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private void editDelivery(Delivery editing) {
        new DeliveryDialog(viewModel, editing, owner).showAndSave();
    }

    private Delivery selected() {
        return deliveries.getSelectionModel().getSelectedItem();
    }

    private Node deliveriesTable() {
        deliveries.setId(SupplyView.DELIVERIES_ID);
        deliveries.setPlaceholder(new Label(texts.get("deliveries.empty")));
        // Widths fit the longest id, "1,800,000" and "15 Jul 2021": numbers and dates are never cut off.
        deliveries.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        TableColumn<Delivery, String> allotment = column(texts.get("column.allotment"), this::allotmentText, 220);
        TableColumn<Delivery, String> note = column(texts.get("column.note"), Delivery::note, 420);
        ColumnWidths.cutWithTooltip(allotment);
        ColumnWidths.cutWithTooltip(note);
        deliveries.getColumns().setAll(List.of(
                column(texts.get("column.id"), Delivery::id, 132),
                column(texts.get("column.brand"), Delivery::brand, 90),
                numeric(column(texts.get("column.doses"), d -> Formats.count(d.doses(), texts.locale()), 90)),
                column(texts.get("column.planned"), d -> Formats.date(d.plannedArrival(), texts.locale()), 130),
                column(texts.get("column.expected"), d -> Formats.date(d.expectedArrival(), texts.locale()), 136),
                numeric(column(texts.get("column.delay"), d -> d.delayDays() == 0 ? "" : Long.toString(d.delayDays()),
                        100)),
                column(texts.get("column.status"), d -> texts.get("status." + d.status().name()), 84),
                numeric(column(texts.get("column.leadTime"), d -> leadTimeText(d), 110)),
                allotment, note));
        TableMemory.remember(deliveries, "supply.deliveries");
        deliveries.setItems(viewModel.deliveries());
        ColumnWidths.fitToText(deliveries);
        MarkedRows.mark(deliveries, "slipped", Delivery::isSlipped);
        deliveries.setOnMouseClicked(event -> {
            if (event.getClickCount() == 2 && selected() != null) {
                editDelivery(selected());
            }
        });
        deliveries.setPrefHeight(230);
        return deliveries;
    }

    /** The delivery's own lead time, or the brand's in brackets. */
    private String leadTimeText(Delivery delivery) {
        if (delivery.leadTimeDays() != null) {
            return Integer.toString(delivery.leadTimeDays());
        }
        return viewModel.plan().brand(delivery.brand()).map(brand -> "(" + brand.leadTimeDays() + ")").orElse("");
    }

    private String allotmentText(Delivery delivery) {
        Allotment allotment = delivery.allotment();
        if (!allotment.isExplicit()) {
            return texts.get("allotment." + allotment.rule().name());
        }
        return texts.get("allotment.explicitShort", allotment.dosesByRegion().entrySet().stream()
                .map(region -> region.getKey() + " " + Formats.count(region.getValue(), texts.locale()))
                .collect(Collectors.joining(", ")));
    }
}
