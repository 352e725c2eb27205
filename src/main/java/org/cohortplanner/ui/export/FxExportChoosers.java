package org.cohortplanner.ui.export;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.cohortplanner.ui.common.Texts;

/** {@link ExportChoosers} as the system's file and folder choosers, owned by the console window. */
public final class FxExportChoosers implements ExportChoosers {
    private final Supplier<Window> owner;
    private final Texts texts;

    public FxExportChoosers(Supplier<Window> owner, Texts texts) {
        this.owner = owner;
        this.texts = texts;
    }

    @Override
    public Optional<Path> chooseWorkbook(String title, Path startingFolder, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().setAll(
                new FileChooser.ExtensionFilter(texts.get("chooser.workbooks"), "*.xlsx"),
                new FileChooser.ExtensionFilter(texts.get("chooser.allFiles"), "*"));
        if (startingFolder != null && Files.isDirectory(startingFolder)) {
            chooser.setInitialDirectory(startingFolder.toFile());
        }
        chooser.setInitialFileName(suggestedName);
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFolder(String title, Path startingFolder) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        if (startingFolder != null && Files.isDirectory(startingFolder)) {
            chooser.setInitialDirectory(startingFolder.toFile());
        }
        return Optional.ofNullable(chooser.showDialog(owner.get())).map(File::toPath);
    }
}
