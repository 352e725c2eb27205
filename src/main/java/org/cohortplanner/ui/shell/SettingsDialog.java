package org.cohortplanner.ui.shell;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.cohortplanner.store.settings.ConsoleSettings;
import org.cohortplanner.ui.common.HangulFont;
import org.cohortplanner.ui.common.FxUserDialogs;
import org.cohortplanner.ui.common.Texts;

/** File › Settings…: language, data folder, booking backend address; shows the last plan file and the settings file. */
final class SettingsDialog {
    static final String LANGUAGE_ID = "settings-language";
    static final String DATA_FOLDER_ID = "settings-data-folder";
    static final String BACKEND_ID = "settings-backend";

    private final Dialog<ConsoleSettings> dialog = new Dialog<>();

    SettingsDialog(ShellViewModel viewModel, Window owner) {
        Texts texts = Texts.of(SettingsDialog.class, viewModel.locale());
        ConsoleSettings current = viewModel.settings();
        ConsoleSettingsAccess access = viewModel.settingsAccess();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(texts.get("settings.title"));
        dialog.setHeaderText(texts.get("settings.header"));
        dialog.getDialogPane().getStylesheets().add(ShellView.stylesheet());
        ButtonType ok = FxUserDialogs.okButton(viewModel.locale());
        dialog.getDialogPane().getButtonTypes().setAll(ok, FxUserDialogs.cancelButton(viewModel.locale()));
        HangulFont.apply(dialog.getDialogPane(), ShellView.isKorean(viewModel.locale()));

        ComboBox<String> language = new ComboBox<>(FXCollections.observableArrayList(List.of(
                ConsoleSettings.SYSTEM_LANGUAGE, ConsoleSettings.ENGLISH, ConsoleSettings.KOREAN)));
        language.setId(LANGUAGE_ID);
        language.setCellFactory(list -> new LanguageCell(texts));
        language.setButtonCell(new LanguageCell(texts));
        language.setValue(current.language());

        TextField dataFolder = new TextField(current.dataDirectory() == null ? "" : current.dataDirectory().toString());
        dataFolder.setId(DATA_FOLDER_ID);
        dataFolder.setPromptText(texts.get("settings.dataFolder.default", access.defaultDataFolder()));
        dataFolder.setPrefColumnCount(36);
        Button choose = new Button(texts.get("settings.dataFolder.choose"));
        choose.setMinWidth(Region.USE_PREF_SIZE);
        choose.setOnAction(event -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(texts.get("settings.dataFolder"));
            Path start = access.dataFolderInUse();
            if (start != null && Files.isDirectory(start)) {
                chooser.setInitialDirectory(start.toFile());
            }
            File folder = chooser.showDialog(dialog.getDialogPane().getScene().getWindow());
            if (folder != null) {
                dataFolder.setText(folder.getAbsolutePath());
            }
        });
        HBox.setHgrow(dataFolder, Priority.ALWAYS);
        HBox folderRow = new HBox(6, dataFolder, choose);

        TextField backend = new TextField(current.backendUrl());
        backend.setId(BACKEND_ID);
        backend.setPromptText(texts.get("settings.backend.prompt"));

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        grid.setPadding(new Insets(8, 4, 4, 4));
        grid.getColumnConstraints().setAll(new ColumnConstraints(), new ColumnConstraints(360, 480, Double.MAX_VALUE));
        int row = 0;
        grid.addRow(row++, new Label(texts.get("settings.language")), language);
        grid.addRow(row++, new Label(texts.get("settings.dataFolder")), folderRow);
        grid.add(note(texts.get("settings.dataFolder.note")), 1, row++);
        grid.addRow(row++, new Label(texts.get("settings.backend")), backend);
        grid.add(note(texts.get("settings.backend.note")), 1, row++);
        grid.addRow(row++, new Label(texts.get("settings.lastPlan")), new Label(current.lastPlanFile() == null
                ? texts.get("settings.lastPlan.none") : current.lastPlanFile().toString()));
        grid.add(note(texts.get("settings.file", access.settingsFile())), 0, row, 2, 1);
        dialog.getDialogPane().setContent(grid);

        dialog.setResultConverter(button -> button == ok
                ? current.withLanguage(language.getValue())
                        .withDataDirectory(folder(dataFolder.getText()))
                        .withBackendUrl(backend.getText())
                : null);
    }

    Optional<ConsoleSettings> showAndWait() {
        return dialog.showAndWait();
    }

    private static Path folder(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Path.of(text.strip()).toAbsolutePath();
        } catch (InvalidPathException invalid) {
            return null;
        }
    }

    private static Label note(String text) {
        Label note = new Label(text);
        note.setWrapText(true);
        note.getStyleClass().add("screen-summary");
        return note;
    }
}
