package org.cohortplanner.ui.shell;

import javafx.scene.control.ListCell;
import org.cohortplanner.ui.common.Texts;

/** A language choice ("en", "ko", or "" for the system's) written as the menus write it. */
final class LanguageCell extends ListCell<String> {
    private final Texts texts;

    LanguageCell(Texts texts) {
        this.texts = texts;
    }

    @Override
    protected void updateItem(String tag, boolean empty) {
        super.updateItem(tag, empty);
        setText(empty || tag == null ? null : ShellView.languageName(texts, tag));
    }
}
