package org.cohortplanner.ui.supply;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.cohortplanner.ui.common.Texts;

/** Nodes the Supply screen's panes and dialogs build alike: buttons, text columns, form fields, Save/Cancel. */
final class SupplyNodes {
    private SupplyNodes() {
    }

    static Button button(String id, String text) {
        Button button = new Button(text);
        button.setId(id);
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }

    static <T> TableColumn<T, String> column(String title, Function<T, String> text, double width) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    static <T> TableColumn<T, String> numeric(TableColumn<T, String> column) {
        column.getStyleClass().add("numeric");
        // Numbers sort as numbers, not as text with separators.
        column.setComparator((first, second) -> Long.compare(number(first), number(second)));
        return column;
    }

    private static long number(String text) {
        String digits = text.replace(",", "").replace("+", "");
        try {
            return digits.isEmpty() ? Long.MIN_VALUE : Long.parseLong(digits);
        } catch (NumberFormatException notANumber) {
            return Long.MIN_VALUE;
        }
    }

    static void hideWhenEmpty(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    static void showWhenFilled(Node node, ObservableList<?> items) {
        node.visibleProperty().bind(Bindings.isNotEmpty(items));
        node.managedProperty().bind(node.visibleProperty());
    }

    /** Shows values as {@code text} gives them; nothing is typed back, so reading text is never needed. */
    static <T> StringConverter<T> shownAs(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String typed) {
                return null;
            }
        };
    }

    static Tab tab(String title, Node content) {
        Tab tab = new Tab(title, content);
        tab.setClosable(false);
        return tab;
    }

    /** A field of a dialog's form. */
    static TextField field(String id, String text) {
        TextField field = new TextField(text);
        field.setId(id);
        field.setPrefColumnCount(22);
        return field;
    }

    /** A dialog's form: each field beside its name, one under the other, the names from {@code labels}' keys. */
    static GridPane formGrid(Texts texts, String[] labels, Node[] fields) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        for (int i = 0; i < labels.length; i++) {
            grid.addRow(i, new Label(texts.get(labels[i])), fields[i]);
        }
        return grid;
    }

    /** The label under a dialog's form that says what is wrong with it, one problem a line. */
    static Label formErrors(String id) {
        Label errors = new Label();
        errors.setId(id);
        errors.getStyleClass().add("supply-problem");
        errors.setWrapText(true);
        errors.setMaxWidth(420);
        errors.setMinHeight(Region.USE_PREF_SIZE);
        return errors;
    }

    /** A dialog's content with the screen's padding. */
    static void setContent(Dialog<ButtonType> dialog, Node... parts) {
        VBox content = new VBox(10, parts);
        content.setPadding(new Insets(8));
        dialog.getDialogPane().setContent(content);
    }

    /** The window of {@code node}'s scene, or null while it is not shown: the owner of a dialog it opens. */
    static Window windowOf(Node node) {
        return node.getScene() == null ? null : node.getScene().getWindow();
    }

    /**
     * Shows a Save/Cancel dialog; Save runs {@code save}, and while that finds problems the dialog stays open and
     * grows to show every one of them, one a line, in {@code errors}.
     */
    static void showUntilSaved(Texts texts, Dialog<ButtonType> dialog, Label errors, Supplier<List<String>> save) {
        ButtonType saveButton = new ButtonType(texts.get("form.save"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(saveButton, new ButtonType(texts.get("button.cancel"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().lookupButton(saveButton).addEventFilter(ActionEvent.ACTION, event -> {
            List<String> problems = save.get();
            if (!problems.isEmpty()) {
                errors.setText(String.join("\n", problems));
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
                event.consume();
            }
        });
        dialog.showAndWait();
    }
}
