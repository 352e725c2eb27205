package org.cohortplanner.ui.supply;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.export.Dose2ChangeList;
import org.cohortplanner.export.WorkbookWriteOptions;
import org.cohortplanner.planning.slip.SecondDoseMove;
import org.cohortplanner.ui.common.Messages;
import org.cohortplanner.ui.common.TaskRunner;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.common.UserDialogs;
import org.cohortplanner.work.Progress;

/**
 * Writes the dose-2 change list for the notification text messages, from a recorded delay or from an interval policy
 * about to be saved: asks where (.xlsx, or .csv by the file's name), then writes it in the background with the
 * headers in the console's language through the export package, the way the command line's {@code --told-list} does.
 */
final class Dose2ListExport {
    static final String CHANNEL = "supply-dose2-export";

    private final TaskRunner tasks;
    private final UserDialogs dialogs;
    private final Texts texts;

    Dose2ListExport(TaskRunner tasks, UserDialogs dialogs, Texts texts) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.texts = Objects.requireNonNull(texts, "texts");
    }

    /**
     * Asks for the file and writes {@code moves} of {@code plan} to it.
     *
     * @param started  called when the writing starts (not when the user cancels the file chooser)
     * @param finished called when it ended, written or failed
     * @return whether a file was chosen
     */
    boolean export(Plan plan, List<SecondDoseMove> moves, String suggestedName, Runnable started,
            Runnable finished, Progress<String> progressed) {
        Path target = dialogs.chooseFileToSave(texts.get("moves.export.title"), null, suggestedName,
                texts.get("moves.export.kind"), List.of("xlsx", "csv")).orElse(null);
        if (target == null) {
            return false;
        }
        List<SecondDoseMove> list = List.copyOf(moves);
        String language = texts.locale().getLanguage();
        started.run();
        Consumer<Throwable> failed = failure -> {
            finished.run();
            dialogs.showError(texts.get("moves.export.title"), Messages.describe(failure, texts.locale()));
        };
        tasks.run(CHANNEL, work -> Dose2ChangeList.write(plan, list, language, target,
                WorkbookWriteOptions.in(plan.zone()).replacingExisting(true)), written -> {
                    finished.run();
                    dialogs.showInformation(texts.get("moves.export.title"), texts.get("moves.export.done", written));
                }, failed, progressed);
        return true;
    }
}
