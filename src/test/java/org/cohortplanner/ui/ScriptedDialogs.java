package org.cohortplanner.ui;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.cohortplanner.ui.common.UserDialogs;

/** Answers the view models' questions from a script and records what they showed. */
public final class ScriptedDialogs implements UserDialogs {
    public final List<String> errors = new ArrayList<>();
    public final List<String> confirmations = new ArrayList<>();
    public final List<String> information = new ArrayList<>();
    private final Deque<Boolean> answers = new ArrayDeque<>();
    private final Deque<Path> files = new ArrayDeque<>();
    private final Deque<Integer> picks = new ArrayDeque<>();

    public ScriptedDialogs answer(boolean yes) {
        answers.add(yes);
        return this;
    }

    /** The answer (its index) to give the next question that has several answers. */
    public ScriptedDialogs pick(int answer) {
        picks.add(answer);
        return this;
    }

    public ScriptedDialogs choose(Path file) {
        files.add(file);
        return this;
    }

    @Override
    public void showError(String title, String message) {
        errors.add(title + ": " + message);
    }

    @Override
    public void showInformation(String title, String message) {
        information.add(title + ": " + message);
    }

    @Override
    public boolean confirm(String title, String question) {
        confirmations.add(question);
        if (answers.isEmpty()) {
            throw new AssertionError("unexpected question: " + question);
        }
        return answers.removeFirst();
    }

    @Override
    public int ask(String title, String question, List<String> answers) {
        confirmations.add(question);
        if (picks.isEmpty()) {
            throw new AssertionError("unexpected question: " + question + " " + answers);
        }
        return picks.removeFirst();
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, Path startingFolder) {
        return Optional.ofNullable(files.pollFirst());
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, Path startingFolder, String suggestedName) {
        return Optional.ofNullable(files.pollFirst());
    }
}
