package org.cohortplanner.ui.remote;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.cohortplanner.ui.common.Formats;
import org.cohortplanner.ui.common.Texts;

/**
 * Shown when the backend refused a save because someone else saved first: their change beside one's own, and the
 * two ways out — take their plan, or make one's change again on top of it. Closing it chooses neither: the edits
 * stay waiting and the status bar keeps saying "conflict".
 */
public final class ConflictDialog {
    public static final String THEIRS_ID = "conflict-theirs";
    public static final String MINE_ID = "conflict-mine";

    /** What the user chose. */
    public enum Choice { RELOAD_THEIRS, REAPPLY_MINE, LATER }

    private final Texts texts;
    private final ZoneId zone;

    /** @param zone the plan's zone, in which the other change's time is shown */
    public ConflictDialog(Texts texts, ZoneId zone) {
        this.texts = Objects.requireNonNull(texts, "texts");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** The two sides, as the dialog shows them. */
    public Node content(ConflictSummary summary) {
        GridPane theirs = side();
        int row = 0;
        theirs.addRow(row++, name(texts.get("conflict.by")), value(or(summary.otherUser())));
        theirs.addRow(row++, name(texts.get("conflict.what")), value(or(summary.otherAction())));
        theirs.addRow(row++, name(texts.get("conflict.when")), value(summary.otherAt() == null
                ? texts.get("conflict.unknown")
                : Formats.timestamp(summary.otherAt(), zone, texts.locale()) + " (" + zone + ")"));
        if (!summary.otherReason().isBlank()) {
            theirs.addRow(row++, name(texts.get("conflict.why")), value(summary.otherReason()));
        }
        theirs.addRow(row, name(texts.get("conflict.version")), value(Long.toString(summary.storedVersion())));
        VBox theirSide = titled(texts.get("conflict.theirs"), theirs);
        theirSide.setId(THEIRS_ID);

        GridPane mine = side();
        mine.addRow(0, name(texts.get("conflict.what")), value(String.join("\n", summary.myActions())));
        mine.addRow(1, name(texts.get("conflict.basedOn")), value(Long.toString(summary.basedOn())));
        VBox mySide = titled(texts.get("conflict.mine"), mine);
        mySide.setId(MINE_ID);

        HBox sides = new HBox(12, theirSide, mySide);
        HBox.setHgrow(theirSide, Priority.ALWAYS);
        HBox.setHgrow(mySide, Priority.ALWAYS);
        Label hints = new Label("• " + texts.get("conflict.reload") + ": " + texts.get("conflict.reloadHint") + "\n• "
                + texts.get("conflict.reapply") + ": " + texts.get("conflict.reapplyHint"));
        hints.getStyleClass().add("remote-hint");
        return new VBox(12, sides, hints);
    }

    /** Asks, and waits for the answer. */
    public Choice ask(Window owner, ConflictSummary summary) {
        ButtonType reload = new ButtonType(texts.get("conflict.reload"), ButtonBar.ButtonData.LEFT);
        ButtonType reapply = new ButtonType(texts.get("conflict.reapply"), ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.WARNING, "", reload, reapply, ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle(texts.get("conflict.title"));
        alert.setHeaderText(texts.get("conflict.header"));
        alert.getDialogPane().setContent(content(summary));
        alert.getDialogPane().setPrefWidth(720);
        RemoteStyles.apply(alert.getDialogPane().getScene());
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.isEmpty()) {
            return Choice.LATER;
        }
        return answer.get() == reload ? Choice.RELOAD_THEIRS : answer.get() == reapply ? Choice.REAPPLY_MINE
                : Choice.LATER;
    }

    private String or(String text) {
        return text == null || text.isBlank() ? texts.get("conflict.unknown") : text;
    }

    private static GridPane side() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        return grid;
    }

    private static VBox titled(String title, GridPane grid) {
        Label heading = new Label(title);
        heading.getStyleClass().add("conflict-side-title");
        VBox box = new VBox(8, heading, grid);
        box.getStyleClass().add("conflict-side");
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    private static Label name(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("remote-hint");
        return label;
    }

    private static Label value(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMaxWidth(260);
        return label;
    }
}
