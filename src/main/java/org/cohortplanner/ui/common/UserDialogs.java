package org.cohortplanner.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The questions and messages a view model puts to the user. The console shows real dialogs; view-model tests answer
 * with scripted replies, so flows such as "open a file, it is malformed, nothing changes" are tested without a
 * screen.
 */
public interface UserDialogs {

    /** Tells the user something failed; {@code message} says what and where, never a stack trace. */
    void showError(String title, String message);

    void showInformation(String title, String message);

    /** True when the user agrees to {@code question}. */
    boolean confirm(String title, String question);

    /**
     * Puts {@code question} with several {@code answers} (the last one is the cancel answer, also given by Escape or
     * closing the dialog); returns the index of the answer chosen.
     */
    int ask(String title, String question, List<String> answers);

    /** A plan file to open, or empty when the user cancelled. */
    Optional<Path> chooseFileToOpen(String title, Path startingFolder);

    /** A file to save to, or empty when the user cancelled. */
    Optional<Path> chooseFileToSave(String title, Path startingFolder, String suggestedName);

    /**
     * A file of another kind than plan files to open, offered under {@code kind} with its {@code extensions}
     * ("xlsx", "csv"), or empty when the user cancelled.
     */
    default Optional<Path> chooseFileToOpen(String title, Path startingFolder, String kind, List<String> extensions) {
        return chooseFileToOpen(title, startingFolder);
    }

    /** A file of another kind than plan files to save to, or empty when the user cancelled. */
    default Optional<Path> chooseFileToSave(String title, Path startingFolder, String suggestedName, String kind,
                                            List<String> extensions) {
        return chooseFileToSave(title, startingFolder, suggestedName);
    }
}
