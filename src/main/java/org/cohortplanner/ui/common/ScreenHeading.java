package org.cohortplanner.ui.common;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/** The heading every screen opens with: its title, and beside it a one-line summary its view model keeps current. */
public final class ScreenHeading {
    private static final double GAP = 16;

    private ScreenHeading() {
    }

    public static Label title(String text) {
        Label title = new Label(text);
        title.getStyleClass().add("screen-title");
        return title;
    }

    /** A summary label following {@code text}; {@code id} (may be null) lets tests find it. */
    public static Label summary(String id, ObservableValue<String> text) {
        Label summary = new Label();
        if (id != null) {
            summary.setId(id);
        }
        summary.getStyleClass().add("screen-summary");
        summary.textProperty().bind(text);
        return summary;
    }

    /** Title and summary on one line, aligned on their text. */
    public static HBox of(String title, String summaryId, ObservableValue<String> summary) {
        HBox heading = new HBox(GAP, title(title), summary(summaryId, summary));
        heading.setAlignment(Pos.BASELINE_LEFT);
        return heading;
    }
}
