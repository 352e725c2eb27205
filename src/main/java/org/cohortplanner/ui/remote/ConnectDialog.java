package org.cohortplanner.ui.remote;

import java.util.Objects;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.cohortplanner.ui.common.Texts;

/** File ▸ Connect to backend…: address, token (masked), remember-token box, Test connection and Connect. */
public final class ConnectDialog {
    public static final String URL_ID = "connect-url";
    public static final String TOKEN_ID = "connect-token";
    public static final String REMEMBER_ID = "connect-remember-token";
    public static final String TEST_ID = "connect-test";
    public static final String CONNECT_ID = "connect-connect";
    public static final String CANCEL_ID = "connect-cancel";
    public static final String RESULT_ID = "connect-result";

    private final ConnectDialogModel model;
    private final VBox root = new VBox(14);
    private Stage stage;

    public ConnectDialog(ConnectDialogModel model) {
        this.model = Objects.requireNonNull(model, "model");
        Texts texts = model.texts();

        Label header = new Label(texts.get("connect.header"));
        header.getStyleClass().add("dialog-header");
        header.setWrapText(true);

        TextField url = new TextField();
        url.setId(URL_ID);
        url.setPromptText(texts.get("connect.urlPrompt"));
        url.textProperty().bindBidirectional(model.urlProperty());
        PasswordField token = new PasswordField();
        token.setId(TOKEN_ID);
        token.setPromptText(texts.get("connect.tokenPrompt"));
        token.textProperty().bindBidirectional(model.tokenProperty());
        CheckBox remember = new CheckBox(texts.get("connect.rememberToken"));
        remember.setId(REMEMBER_ID);
        remember.selectedProperty().bindBidirectional(model.rememberTokenProperty());
        Label hint = new Label(texts.get("connect.rememberHint"));
        hint.getStyleClass().add("remote-hint");

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(labels, fields);
        form.addRow(0, new Label(texts.get("connect.url")), url);
        form.addRow(1, new Label(texts.get("connect.token")), token);
        form.add(remember, 1, 2);
        form.add(hint, 1, 3);

        ProgressIndicator working = new ProgressIndicator();
        working.setPrefSize(16, 16);
        working.visibleProperty().bind(model.busyProperty());
        Label result = new Label();
        result.setId(RESULT_ID);
        result.setWrapText(true);
        result.textProperty().bind(model.resultProperty());
        model.outcomeProperty().addListener((observable, before, after) -> mark(result, after));
        HBox resultRow = new HBox(8, working, result);
        resultRow.setAlignment(Pos.TOP_LEFT);
        resultRow.setMinHeight(44);
        HBox.setHgrow(result, Priority.ALWAYS);

        Button test = new Button(texts.get("connect.test"));
        test.setId(TEST_ID);
        test.setOnAction(event -> model.test());
        Button connect = new Button(texts.get("connect.connect"));
        connect.setId(CONNECT_ID);
        connect.setDefaultButton(true);
        connect.setOnAction(event -> model.connect());
        Button cancel = new Button(texts.get("connect.cancel"));
        cancel.setId(CANCEL_ID);
        cancel.setCancelButton(true);
        cancel.setOnAction(event -> close());
        test.disableProperty().bind(model.busyProperty().or(model.urlProperty().isEmpty()));
        connect.disableProperty().bind(model.busyProperty().or(model.urlProperty().isEmpty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, test, spacer, cancel, connect);

        root.getChildren().addAll(header, form, resultRow, buttons);
        root.setPadding(new Insets(18));
        root.setPrefWidth(560);
        root.getStyleClass().add("connect-dialog");
        model.connectedProperty().addListener((observable, before, after) -> {
            if (after) {
                close();
            }
        });
    }

    private static void mark(Label result, ConnectDialogModel.Outcome outcome) {
        result.getStyleClass().removeAll("remote-good", "remote-bad");
        if (outcome == ConnectDialogModel.Outcome.GOOD) {
            result.getStyleClass().add("remote-good");
        } else if (outcome == ConnectDialogModel.Outcome.BAD) {
            result.getStyleClass().add("remote-bad");
        }
    }

    public Parent root() {
        return root;
    }

    /** Shows the dialog over {@code owner} and returns at once; it closes itself when connected. */
    public void show(Window owner) {
        stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(model.texts().get("connect.title"));
        Scene scene = new Scene(root);
        RemoteStyles.apply(scene);
        stage.setScene(scene);
        stage.setOnHidden(event -> model.cancel());
        stage.show();
        // With the address remembered, the token is what is left to type.
        if (!model.urlProperty().get().isBlank()) {
            root.lookup("#" + TOKEN_ID).requestFocus();
        }
    }

    private void close() {
        if (stage != null) {
            stage.close();
        }
    }
}
