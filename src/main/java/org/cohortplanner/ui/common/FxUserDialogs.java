package org.cohortplanner.ui.common;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** {@link UserDialogs} as JavaFX dialogs owned by the console window. */
public final class FxUserDialogs implements UserDialogs {

    /** Node id of a dialog's message, shared with tests. */
    public static final String MESSAGE_ID = "dialog-message";
    private static final double MESSAGE_WIDTH = 520;

    private final Supplier<Window> owner;
    private final Texts texts;

    public FxUserDialogs(Supplier<Window> owner) {
        this(owner, Locale.ENGLISH);
    }

    /** Dialogs whose own words (file type names) are in {@code locale}. */
    public FxUserDialogs(Supplier<Window> owner, Locale locale) {
        this.owner = owner;
        this.texts = Texts.of(FxUserDialogs.class, locale);
    }

    @Override
    public void showError(String title, String message) {
        alert(Alert.AlertType.ERROR, title, message).showAndWait();
    }

    @Override
    public void showInformation(String title, String message) {
        alert(Alert.AlertType.INFORMATION, title, message).showAndWait();
    }

    @Override
    public boolean confirm(String title, String question) {
        Alert alert = alert(Alert.AlertType.CONFIRMATION, title, question);
        return alert.showAndWait().filter(button -> button.getButtonData() == ButtonBar.ButtonData.OK_DONE)
                .isPresent();
    }

    @Override
    public int ask(String title, String question, List<String> answers) {
        Alert alert = messageAlert(Alert.AlertType.CONFIRMATION, owner.get(), title, question);
        List<ButtonType> buttons = new java.util.ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            boolean last = i == answers.size() - 1;
            buttons.add(new ButtonType(answers.get(i), last ? ButtonBar.ButtonData.CANCEL_CLOSE
                    : i == 0 ? ButtonBar.ButtonData.OK_DONE : ButtonBar.ButtonData.OTHER));
        }
        alert.getButtonTypes().setAll(buttons);
        ButtonType chosen = alert.showAndWait().orElse(buttons.get(buttons.size() - 1));
        int index = buttons.indexOf(chosen);
        return index < 0 ? answers.size() - 1 : index;
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, Path startingFolder) {
        FileChooser chooser = chooser(title, startingFolder);
        return Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, Path startingFolder, String suggestedName) {
        FileChooser chooser = chooser(title, startingFolder);
        chooser.setInitialFileName(suggestedName);
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, Path startingFolder, String kind, List<String> extensions) {
        FileChooser chooser = chooser(title, startingFolder);
        chooser.getExtensionFilters().setAll(filter(kind, extensions), allFiles());
        return Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, Path startingFolder, String suggestedName, String kind,
                                           List<String> extensions) {
        FileChooser chooser = chooser(title, startingFolder);
        chooser.getExtensionFilters().setAll(filter(kind, extensions), allFiles());
        chooser.setInitialFileName(suggestedName);
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath);
    }

    private FileChooser.ExtensionFilter allFiles() {
        return new FileChooser.ExtensionFilter(texts.get("files.all"), "*");
    }

    private static FileChooser.ExtensionFilter filter(String kind, List<String> extensions) {
        return new FileChooser.ExtensionFilter(kind, extensions.stream().map(extension -> "*." + extension).toList());
    }

    private FileChooser chooser(String title, Path startingFolder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter(texts.get("files.plans"), "*.json"),
                allFiles());
        if (startingFolder != null && Files.isDirectory(startingFolder)) {
            chooser.setInitialDirectory(startingFolder.toFile());
        }
        return chooser;
    }

    private Alert alert(Alert.AlertType type, String title, String message) {
        Alert alert = messageAlert(type, owner.get(), title, message);
        // The toolkit names its buttons in the language the program started in; these follow the console's.
        alert.getButtonTypes().setAll(type == Alert.AlertType.CONFIRMATION
                ? List.of(okButton(texts.locale()), cancelButton(texts.locale()))
                : List.of(okButton(texts.locale())));
        return alert;
    }

    /** An OK button in {@code locale}'s words. */
    public static ButtonType okButton(Locale locale) {
        return new ButtonType(Texts.of(FxUserDialogs.class, locale).get("button.ok"), ButtonBar.ButtonData.OK_DONE);
    }

    /** A Cancel button in {@code locale}'s words. */
    public static ButtonType cancelButton(Locale locale) {
        return new ButtonType(Texts.of(FxUserDialogs.class, locale).get("button.cancel"),
                ButtonBar.ButtonData.CANCEL_CLOSE);
    }

    /**
     * An alert whose message wraps at a readable width: file-reader and store messages carry long paths that a plain
     * content text would stretch the dialog across the screen with, or cut off.
     */
    public static Alert messageAlert(Alert.AlertType type, Window owner, String title, String message) {
        Alert alert = new Alert(type);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle(title);
        alert.setHeaderText(title);
        Label content = new Label(message);
        content.setWrapText(true);
        content.setPrefWidth(MESSAGE_WIDTH);
        content.setMinHeight(Region.USE_PREF_SIZE);
        content.setId(MESSAGE_ID);
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().setPrefWidth(MESSAGE_WIDTH + 40);
        return alert;
    }
}
