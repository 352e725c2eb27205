package org.cohortplanner.ui.common;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The rows of an editor's form, each with the message of what is wrong with its field right under it and a red
 * border on its inputs: the cohort editor and the interval policy editor show their problems the same way.
 */
public final class FieldMessages {
    private static final String ERROR_CLASS = "field-error";

    private final String idPrefix;
    private final Map<String, Label> messages = new HashMap<>();
    private final Map<String, List<Node>> marked = new HashMap<>();
    private int row;

    /** @param idPrefix the messages' ids are this followed by the field */
    public FieldMessages(String idPrefix) {
        this.idPrefix = idPrefix;
    }

    /** Forgets the rows, for a form that is built again. */
    public void clear() {
        messages.clear();
        marked.clear();
        row = 0;
    }

    /** One labelled row of {@code grid} and its message row under it; {@code inputs} get the red border. */
    public void field(GridPane grid, String label, String field, Node content, Node... inputs) {
        Label caption = new Label(label);
        caption.getStyleClass().add("field-label");
        caption.setMinWidth(Region.USE_PREF_SIZE);
        GridPane.setValignment(caption, VPos.TOP);
        GridPane.setHgrow(content, Priority.ALWAYS);
        grid.addRow(row++, caption, content);
        Label message = new Label();
        message.getStyleClass().add("field-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.setId(idPrefix + field);
        message.managedProperty().bind(message.visibleProperty());
        message.setVisible(false);
        grid.add(message, 1, row++);
        messages.put(field, message);
        marked.computeIfAbsent(field, ignored -> new ArrayList<>()).addAll(List.of(inputs));
    }

    /** Shows {@code problems} (field → message) and marks their inputs; fields without a problem are cleared. */
    public void show(Map<String, String> problems) {
        messages.forEach((field, message) -> {
            String text = problems.get(field);
            message.setText(text == null ? "" : text);
            message.setVisible(text != null);
        });
        marked.forEach((field, inputs) -> inputs.forEach(input -> {
            input.getStyleClass().remove(ERROR_CLASS);
            if (problems.containsKey(field)) {
                input.getStyleClass().add(ERROR_CLASS);
            }
        }));
    }
}
