package org.cohortplanner.ui.supply;

import static org.cohortplanner.ui.supply.SupplyNodes.field;
import static org.cohortplanner.ui.supply.SupplyNodes.shownAs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.cohortplanner.domain.AllotmentRule;
import org.cohortplanner.domain.Delivery;
import org.cohortplanner.domain.DeliveryStatus;
import org.cohortplanner.ui.common.Formats;
import org.cohortplanner.ui.common.Texts;

/**
 * The Supply screen's add/edit dialog of a delivery, with the explicit split of its doses by region; it stays open
 * while the form has problems, and says what they are.
 */
final class DeliveryDialog {
    private final SupplyViewModel viewModel;
    private final Texts texts;
    private final Delivery editing;
    private final DeliveryForm start;
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final TextField id;
    private final ComboBox<String> brand;
    private final TextField doses;
    private final TextField planned;
    private final TextField expected;
    private final ComboBox<DeliveryStatus> status = new ComboBox<>();
    private final TextField note;
    private final TextField leadTime;
    private final ComboBox<AllotmentRule> allotment = new ComboBox<>();
    private final Map<String, TextField> splitFields = new LinkedHashMap<>();

    /** The dialog for {@code editing}, or for a new delivery when it is null, owned by {@code owner}'s window. */
    DeliveryDialog(SupplyViewModel viewModel, Delivery editing, Node owner) {
        this.viewModel = viewModel;
        this.texts = viewModel.texts();
        this.editing = editing;
        this.start = editing == null ? DeliveryForm.empty(viewModel.plan()) : DeliveryForm.of(editing);
        dialog.setTitle(texts.get(editing == null ? "form.addTitle" : "form.editTitle"));
        dialog.initOwner(SupplyNodes.windowOf(owner));
        id = field("form-id", start.id());
        brand = new ComboBox<>(viewModel.brands());
        brand.setId("form-brand");
        brand.setEditable(true);
        brand.setValue(start.brand());
        doses = field("form-doses", start.doses());
        planned = field("form-planned", start.plannedArrival());
        planned.setPromptText("YYYY-MM-DD");
        expected = field("form-expected", start.expectedArrival());
        expected.setPromptText(texts.get("form.expectedPrompt"));
        note = field("form-note", start.note());
        leadTime = field("form-lead-time", start.leadTimeDays());
    }

    /** Shows the dialog until the delivery is saved or the dialog cancelled. */
    void showAndSave() {
        status.setId("form-status");
        status.getItems().setAll(DeliveryStatus.values());
        status.setValue(start.status());
        status.setConverter(shownAs(value -> texts.get("status." + value.name())));
        Runnable leadPrompt = () -> leadTime.setPromptText(viewModel.plan().brand(brand.getEditor().getText().strip())
                .map(b -> texts.get("form.leadTimePrompt", b.leadTimeDays())).orElse(""));
        brand.getEditor().textProperty().addListener((observable, before, after) -> leadPrompt.run());
        leadPrompt.run();
        allotment.setId(SupplyView.FORM_ALLOTMENT_ID);
        allotment.getItems().setAll(AllotmentRule.values());
        allotment.setValue(start.allotmentRule());
        allotment.setConverter(shownAs(rule -> texts.get("allotment." + rule.name())));
        GridPane grid = SupplyNodes.formGrid(texts, new String[] {"column.id", "column.brand", "column.doses",
            "column.planned", "column.expected", "column.status", "form.leadTime", "form.allotment", "column.note"},
                new Node[] {id, brand, doses, planned, expected, status, leadTime, allotment, note});
        Node split = splitPane();
        allotment.valueProperty().addListener((observable, before, after) -> {
            if (dialog.getDialogPane().getScene() != null) {
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
            }
        });
        Label errors = SupplyNodes.formErrors(SupplyView.FORM_ERRORS_ID);
        SupplyNodes.setContent(dialog, grid, split, errors);
        dialog.getDialogPane().getStylesheets().add(SupplyView.class.getResource("supply.css").toExternalForm());
        SupplyNodes.showUntilSaved(texts, dialog, errors, () -> viewModel.saveDelivery(
                editing == null ? null : editing.id(), typed()));
    }

    /** The explicit split: one field per region, two columns, with the running total against the doses. */
    private Node splitPane() {
        Map<String, String> startSplit = DeliveryForm.splitFor(viewModel.plan(), start.split());
        GridPane splitGrid = new GridPane();
        splitGrid.setHgap(8);
        splitGrid.setVgap(4);
        int half = (startSplit.size() + 1) / 2;
        int index = 0;
        for (Map.Entry<String, String> region : startSplit.entrySet()) {
            TextField regionDoses = new TextField(region.getValue());
            regionDoses.setId(SupplyView.splitFieldId(index));
            regionDoses.setPrefColumnCount(9);
            regionDoses.setAlignment(Pos.CENTER_RIGHT);
            Label regionName = new Label(region.getKey());
            regionName.setLabelFor(regionDoses);
            splitGrid.add(regionName, index < half ? 0 : 2, index % half);
            splitGrid.add(regionDoses, index < half ? 1 : 3, index % half);
            splitFields.put(region.getKey(), regionDoses);
            index++;
        }
        Label splitTotal = new Label();
        splitTotal.setId(SupplyView.FORM_SPLIT_TOTAL_ID);
        splitTotal.getStyleClass().add("screen-summary");
        Label splitTitle = new Label(texts.get("form.split"));
        splitTitle.getStyleClass().add("section-title");
        VBox split = new VBox(6, new HBox(12, splitTitle, splitTotal), splitGrid);
        split.visibleProperty().bind(allotment.valueProperty().isEqualTo(AllotmentRule.EXPLICIT));
        split.managedProperty().bind(split.visibleProperty());
        Runnable total = () -> showTotal(splitTotal);
        splitFields.values().forEach(field -> field.textProperty().addListener((observable, before, after) ->
                total.run()));
        doses.textProperty().addListener((observable, before, after) -> total.run());
        total.run();
        return split;
    }

    /** The doses split so far against the doses of the delivery, marked while they differ. */
    private void showTotal(Label splitTotal) {
        DeliveryForm form = typed();
        splitTotal.setText(texts.get("form.splitTotal", Formats.count(form.allotted(), texts.locale()),
                form.dosesTyped() < 0 ? "?" : Formats.count(form.dosesTyped(), texts.locale())));
        splitTotal.pseudoClassStateChanged(PseudoClass.getPseudoClass("off"),
                form.allotted() != form.dosesTyped());
    }

    /** The form as typed. */
    private DeliveryForm typed() {
        return new DeliveryForm(id.getText(), brand.getEditor().getText(),
                doses.getText(), planned.getText(), expected.getText(), status.getValue(), note.getText(),
                leadTime.getText(), allotment.getValue(), splitFields.entrySet().stream().collect(
                        Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getText(), (a, b) -> a,
                                LinkedHashMap::new)));
    }
}
