package org.cohortplanner.ui.shell;

import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** A screen whose capability has not been built yet: it says plainly what is coming, and shows nothing made up. */
public final class UpcomingScreenView {
    public static final String MESSAGE_ID = "upcoming-message";

    private final VBox root = new VBox(10);

    public UpcomingScreenView(String title, String comingCapability) {
        Label heading = new Label(title);
        heading.getStyleClass().add("screen-title");
        Label message = new Label(comingCapability);
        message.setId(MESSAGE_ID);
        message.setWrapText(true);
        message.getStyleClass().add("upcoming-message");
        root.getChildren().addAll(heading, message);
        root.setAlignment(Pos.TOP_LEFT);
        root.getStyleClass().addAll("screen", "upcoming-screen");
    }

    public Parent root() {
        return root;
    }
}
