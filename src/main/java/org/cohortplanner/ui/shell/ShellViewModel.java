package org.cohortplanner.ui.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.cohortplanner.domain.Phrase;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.ui.common.Formats;
import org.cohortplanner.ui.common.Messages;
import org.cohortplanner.ui.common.PlanFileAccess;
import org.cohortplanner.ui.common.ProblemTexts;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.common.TaskRunner;
import org.cohortplanner.ui.common.UserDialogs;
import org.cohortplanner.ui.common.WorkingPlan;
import org.cohortplanner.store.ScenarioStore;
import org.cohortplanner.store.StoreException;
import org.cohortplanner.store.settings.ConsoleSettings;

/**
 * The console's frame: which screen is shown, the window title, the status bar, and the File menu's actions (new
 * plan, open and save plan files), and the settings (language, data folder, backend, last plan file). Every text
 * comes from the shell's bundle in the console's language.
 */
public final class ShellViewModel {

    static final String FILE_CHANNEL = "plan-file";
    static final String BRIEFING_CHANNEL = "briefing";

    private final WorkingPlan working;
    private final PlanFileAccess files;
    private final TaskRunner tasks;
    private final UserDialogs dialogs;
    private final String user;
    private final String versionText;
    private final Texts texts;
    private final ConsoleSettingsAccess settings;
    private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(this, "screen", Screen.DASHBOARD);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final ReadOnlyStringWrapper locationText = new ReadOnlyStringWrapper(this, "locationText");
    private final ReadOnlyStringWrapper planText = new ReadOnlyStringWrapper(this, "planText");
    private final ReadOnlyStringWrapper changesText = new ReadOnlyStringWrapper(this, "changesText");
    private final ReadOnlyBooleanWrapper unsavedChanges = new ReadOnlyBooleanWrapper(this, "unsavedChanges");
    private final ReadOnlyBooleanWrapper storeProblem = new ReadOnlyBooleanWrapper(this, "storeProblem");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private Path lastFolder;
    private BriefingWriter briefingWriter;
    private BriefingChoices briefingChoices;
    private ScenarioStore scenarioStore;
    private final ReadOnlyBooleanWrapper briefing = new ReadOnlyBooleanWrapper(this, "briefing");
    private final ReadOnlyDoubleWrapper briefingProgress = new ReadOnlyDoubleWrapper(this, "briefingProgress");
    private final ReadOnlyStringWrapper briefingStatus = new ReadOnlyStringWrapper(this, "briefingStatus", "");

    /**
     * @param user        who makes the changes, for the audit trail
     * @param versionText the program's version, for the About box
     */
    public ShellViewModel(WorkingPlan working, PlanFileAccess files, TaskRunner tasks, UserDialogs dialogs, String user,
                          String versionText) {
        this(working, files, tasks, dialogs, user, versionText, Locale.ENGLISH, ConsoleSettingsAccess.inMemory(null));
    }

    /**
     * @param locale   the language of every text
     * @param settings the saved settings; the last plan file is remembered there
     */
    public ShellViewModel(WorkingPlan working, PlanFileAccess files, TaskRunner tasks, UserDialogs dialogs, String user,
                          String versionText, Locale locale, ConsoleSettingsAccess settings) {
        this.working = Objects.requireNonNull(working, "working");
        this.files = Objects.requireNonNull(files, "files");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.user = Objects.requireNonNull(user, "user");
        this.versionText = Objects.requireNonNull(versionText, "versionText");
        this.texts = Texts.of(ShellViewModel.class, locale);
        this.settings = Objects.requireNonNull(settings, "settings");
        Path lastFile = settings.settings().lastPlanFile();
        if (lastFile != null) {
            rememberFolder(lastFile);
        }

        locationText.bind(Bindings.createStringBinding(
                () -> texts.get("status.location", working.locationProperty().get()), working.locationProperty()));
        title.bind(Bindings.createStringBinding(
                () -> texts.get("window.title", working.getPlan().name(),
                        working.isDifferentFromFile() ? texts.get("window.unsavedMark") : ""),
                working.planProperty(), working.differsFromFileProperty()));
        planText.bind(Bindings.createStringBinding(
                () -> texts.get("status.plan", working.getPlan().name(), Long.toString(working.getStoredVersion())),
                working.planProperty(), working.storedVersionProperty()));
        changesText.bind(Bindings.createStringBinding(this::describeChanges, working.planFileProperty(),
                working.differsFromFileProperty(), working.storeStateProperty(), working.storeProblemProperty()));
        unsavedChanges.bind(Bindings.createBooleanBinding(
                () -> working.isDifferentFromFile() || working.getStoreState() != WorkingPlan.StoreState.SAVED,
                working.differsFromFileProperty(), working.storeStateProperty()));
        storeProblem.bind(Bindings.createBooleanBinding(
                () -> working.getStoreState() == WorkingPlan.StoreState.FAILED, working.storeStateProperty()));
        working.planFileProperty().addListener((observable, before, after) -> rememberPlanFile(after));
    }

    private void rememberPlanFile(Path file) {
        if (file == null || file.equals(settings.settings().lastPlanFile())) {
            return;
        }
        try {
            settings.change(settings.settings().withLastPlanFile(file.toAbsolutePath()));
        } catch (StoreException notSaved) {
            // The plan itself is safe; only the convenience of reopening its folder next time is lost.
            return;
        }
    }

    private String describeChanges() {
        switch (working.getStoreState()) {
            case FAILED:
                return texts.get("changes.failed", working.storeFailure()
                        .map(failure -> Messages.describe(failure, texts.locale()))
                        .orElse(working.storeProblemProperty().get()));
            case SAVING:
                return texts.get("changes.saving");
            default:
                break;
        }
        Path file = working.getPlanFile();
        if (file == null) {
            return texts.get("changes.noFile");
        }
        if (working.isDifferentFromFile()) {
            return texts.get("changes.differs", file.getFileName().toString());
        }
        return texts.get("changes.same", file.getFileName().toString());
    }

    /**
     * Starts an empty plan, keeping the brands, regions, population, sites and booking system as a starting point;
     * asks first when the working plan has work not in a file. Undo brings the plan before it back.
     */
    public void newPlan() {
        Plan current = working.getPlan();
        afterAskingToKeep(texts.get("newPlan.title"), texts.get("newPlan.question", current.name()), () -> {
            Plan before = working.getPlan();
            Plan fresh = new Plan(texts.get("newPlan.name"), "", before.zone(), List.of(), before.brands(),
                    List.of(), before.sites(), before.bookingSystem(), before.holidays(), before.regions(),
                    before.population(), before.settings(), 0);
            working.replace(fresh, ProblemTexts.of(texts.locale()).change(user, Phrase.of("audit.plan.started"),
                    describe(before), describe(fresh), ""), null);
        });
    }

    /**
     * Asks for a plan file and opens it; asks first when the working plan has work not in a file. A file that cannot
     * be read changes nothing and says why.
     */
    public void openPlanFile() {
        afterAskingToKeep(texts.get("open.title"), texts.get("open.question"), () -> dialogs.chooseFileToOpen(
                texts.get("open.title"), lastFolder).ifPresent(this::openFile));
    }

    /** Opens {@code file} as the working plan, after asking when the working plan has work not in a file. */
    public void open(Path file) {
        afterAskingToKeep(texts.get("open.title"), texts.get("open.questionFile", file.getFileName().toString()),
                () -> openFile(file));
    }

    private void openFile(Path file) {
        rememberFolder(file);
        busy.set(true);
        tasks.run(FILE_CHANNEL, progress -> new OpenedFile(files.read(file), files.olderFormat(file)),
                opened -> {
                    busy.set(false);
                    Plan before = working.getPlan();
                    working.replace(opened.plan(), ProblemTexts.of(texts.locale()).change(user,
                            Phrase.of("audit.plan.opened"), describe(before),
                            texts.get("plan.describe.from", describe(opened.plan()), file), ""), file);
                    opened.olderFormat().ifPresent(older -> dialogs.showInformation(
                            texts.get("open.olderFormat.title"), olderFormatNote(file, older)));
                },
                failure -> {
                    busy.set(false);
                    dialogs.showError(texts.get("open.failed"), withFileName(Messages.describe(failure, texts.locale()), file));
                });
    }

    /** True when the working plan holds work that no plan file has: never saved to one, or changed since. */
    public boolean hasWorkNotInFile() {
        return working.getPlanFile() == null || working.isDifferentFromFile();
    }

    /**
     * Runs {@code replace}, which puts another plan in place of the working one, at once when a plan file holds the
     * working plan, and otherwise after asking: save it to a plan file first (then replace), replace it (Undo brings
     * it back), or cancel.
     */
    private void afterAskingToKeep(String title, String question, Runnable replace) {
        if (!hasWorkNotInFile()) {
            replace.run();
            return;
        }
        Plan current = working.getPlan();
        Path file = working.getPlanFile();
        String notInFile = file == null ? texts.get("replace.noFile", current.name())
                : texts.get("replace.differs", current.name(), file.getFileName().toString());
        int answer = dialogs.ask(title, question + "\n\n" + notInFile, List.of(texts.get("replace.saveFirst"),
                texts.get("replace.replace"), texts.get("replace.cancel")));
        if (answer == 1) {
            replace.run();
        } else if (answer == 0) {
            Optional<Path> target = file != null ? Optional.of(file) : dialogs.chooseFileToSave(
                    texts.get("save.title"), lastFolder, fileNameFor(current.name()));
            target.ifPresent(chosen -> saveTo(chosen, replace));
        }
    }

    /** Saves to the plan file the plan came from, or asks for one when there is none. */
    public void savePlanToFile() {
        Path file = working.getPlanFile();
        if (file == null) {
            savePlanAs();
        } else {
            saveTo(file);
        }
    }

    /** Asks for a file and saves the plan there. */
    public void savePlanAs() {
        String suggested = working.getPlanFile() == null
                ? fileNameFor(working.getPlan().name())
                : working.getPlanFile().getFileName().toString();
        dialogs.chooseFileToSave(texts.get("save.title"), lastFolder, suggested).ifPresent(this::saveTo);
    }

    /** Writes the working plan to {@code file}. */
    public void saveTo(Path file) {
        saveTo(file, () -> { });
    }

    /** Writes the working plan to {@code file}, then runs {@code then} once the file holds it. */
    private void saveTo(Path file, Runnable then) {
        Path target = file.getFileName().toString().contains(".") ? file : file.resolveSibling(file.getFileName()
                + ".json");
        rememberFolder(target);
        Plan plan = working.getPlan();
        busy.set(true);
        tasks.run(FILE_CHANNEL, progress -> {
            files.write(plan, target);
            return plan;
        }, written -> {
            busy.set(false);
            working.savedToFile(target, written);
            then.run();
        }, failure -> {
            busy.set(false);
            dialogs.showError(texts.get("save.failed"), withFileName(Messages.describe(failure, texts.locale()), target));
        });
    }

    /**
     * Lets File › Briefing report… write reports: {@code choices} asks what the report holds, offering the scenarios
     * of {@code scenarios}; without a writer the menu item does nothing.
     */
    public void setBriefing(BriefingWriter writer, BriefingChoices choices, ScenarioStore scenarios) {
        this.briefingWriter = Objects.requireNonNull(writer, "writer");
        this.briefingChoices = Objects.requireNonNull(choices, "choices");
        this.scenarioStore = Objects.requireNonNull(scenarios, "scenarios");
    }

    public boolean canWriteBriefing() {
        return briefingWriter != null;
    }

    /**
     * Reads the saved scenarios in the background, asks what the briefing report should hold (the plan or a
     * comparison with a scenario, decisions since a day, the language) and where to write it, and writes it in the
     * background with its progress in {@link #briefingProgressProperty()}; the window is never blocked.
     */
    public void writeBriefing() {
        if (briefingWriter == null || briefing.get()) {
            return;
        }
        Plan plan = working.getPlan();
        ScenarioStore store = scenarioStore;
        briefing.set(true);
        briefingProgress.set(-1);
        briefingStatus.set(texts.get("brief.reading"));
        tasks.run(BRIEFING_CHANNEL, progress -> store.scenarios(), scenarios -> askForBriefing(plan, scenarios, ""),
                failure -> askForBriefing(plan, List.of(), texts.get("brief.noScenarios",
                        Messages.describe(failure, texts.locale()))));
    }

    private void askForBriefing(Plan plan, List<ScenarioStore.SavedScenario> scenarios, String note) {
        briefingStatus.set(note);
        Optional<BriefingChoices.Chosen> chosen = briefingChoices.choose(scenarios, texts.locale());
        if (chosen.isEmpty()) {
            endBriefing("");
            return;
        }
        BriefingChoices.Chosen choice = chosen.get();
        String suggested = fileNameFor(plan.name()).replaceAll("\\.json$", "") + (choice.compareWith() == null ? ""
                : "-" + fileNameFor(choice.compareWith().name()).replaceAll("\\.json$", "")) + ".pdf";
        Optional<Path> file = dialogs.chooseFileToSave(texts.get("brief.title"), lastFolder, suggested, "PDF",
                List.of("pdf"));
        if (file.isEmpty()) {
            endBriefing("");
            return;
        }
        Path target = file.get().getFileName().toString().contains(".") ? file.get()
                : file.get().resolveSibling(file.get().getFileName() + ".pdf");
        rememberFolder(target);
        BriefingRequest request = new BriefingRequest(plan, choice.compareWith() == null ? null
                : choice.compareWith().plan(), choice.since(), choice.language(), target);
        BriefingWriter writer = briefingWriter;
        briefingProgress.set(0);
        briefingStatus.set(texts.get("brief.writing", target.getFileName()));
        tasks.run(BRIEFING_CHANNEL, progress -> {
            writer.write(request, progress);
            return target;
        }, written -> {
            endBriefing(texts.get("brief.done", written));
            dialogs.showInformation(texts.get("brief.done.title"), texts.get("brief.done", written));
        }, failure -> {
            endBriefing(texts.get("brief.failed"));
            dialogs.showError(texts.get("brief.failed"), withFileName(Messages.describe(failure, texts.locale()), target));
        }, (fraction, message) -> briefingProgress.set(fraction));
    }

    private void endBriefing(String status) {
        briefing.set(false);
        briefingProgress.set(0);
        briefingStatus.set(status);
    }

    /** Stops writing the briefing report; nothing is left behind. */
    public void cancelBriefing() {
        if (briefing.get()) {
            tasks.cancel(BRIEFING_CHANNEL);
            endBriefing(texts.get("brief.cancelled"));
        }
    }

    /** True from File › Briefing report until the report is written, failed or was cancelled. */
    public ReadOnlyBooleanProperty briefingProperty() {
        return briefing.getReadOnlyProperty();
    }

    /** How far the report is, 0–1 (negative while reading the scenarios). */
    public ReadOnlyDoubleProperty briefingProgressProperty() {
        return briefingProgress.getReadOnlyProperty();
    }

    /** What the briefing is doing or did, for the status bar. */
    public ReadOnlyStringProperty briefingStatusProperty() {
        return briefingStatus.getReadOnlyProperty();
    }

    /** True when the console may close now; asks first when edits have not reached the data store. */
    public boolean mayExit() {
        if (working.getStoreState() == WorkingPlan.StoreState.SAVED) {
            return true;
        }
        return dialogs.confirm(texts.get("exit.title"), texts.get("exit.question", changesText.get()));
    }

    /** Takes back the last plan edit, whichever screen made it. */
    public void undo() {
        working.undo();
    }

    /** Makes again the plan edit last undone. */
    public void redo() {
        working.redo();
    }

    /** The edit Undo would take back, empty when there is none. */
    public ReadOnlyStringProperty undoActionProperty() {
        return working.undoActionProperty();
    }

    /** The edit Redo would make again, empty when there is none. */
    public ReadOnlyStringProperty redoActionProperty() {
        return working.redoActionProperty();
    }

    public void showAbout() {
        dialogs.showInformation(texts.get("about.title"), texts.get("about.text", versionText, working.location(),
                settings.settingsFile().toString()));
    }

    /** The saved settings, for the settings dialog. */
    public ConsoleSettings settings() {
        return settings.settings();
    }

    public ConsoleSettingsAccess settingsAccess() {
        return settings;
    }

    /** The language of this console's texts. */
    public Locale locale() {
        return texts.locale();
    }

    /**
     * Saves changed settings; a new language rebuilds the screens in it at once, keeping the plan and the screen.
     * A failure to save says where and changes nothing else.
     */
    public void applySettings(ConsoleSettings changed) {
        try {
            settings.change(changed);
        } catch (StoreException notSaved) {
            dialogs.showError(texts.get("settings.saveFailed"), Messages.describe(notSaved, texts.locale()));
        }
    }

    /** Switches the console to {@code languageTag} ("en", "ko", or "" for the system's language). */
    public void switchLanguage(String languageTag) {
        applySettings(settings.settings().withLanguage(languageTag));
    }

    private void rememberFolder(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            lastFolder = parent;
        }
    }

    private static String withFileName(String message, Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        return message.contains(name) ? message : file + ": " + message;
    }

    private String describe(Plan plan) {
        return texts.get("plan.describe", plan.name(), Formats.count(plan.cohorts().size(), texts.locale()),
                Formats.count(plan.deliveries().size(), texts.locale()));
    }

    static String fileNameFor(String planName) {
        // Letters (Korean too), digits, dots and dashes; anything else becomes one dash.
        String cleaned = planName.strip().replaceAll("[^\\p{L}\\p{N}._-]+", "-").replaceAll("-+", "-")
                .replaceAll("^-|-$", "");
        return (cleaned.isEmpty() ? "plan" : cleaned) + ".json";
    }

    public ObjectProperty<Screen> screenProperty() {
        return screen;
    }

    public Screen getScreen() {
        return screen.get();
    }

    public void show(Screen shown) {
        screen.set(Objects.requireNonNull(shown, "shown"));
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Where the data lives, for the status bar. */
    public ReadOnlyStringProperty locationTextProperty() {
        return locationText.getReadOnlyProperty();
    }

    /** The plan's name and version, for the status bar. */
    public ReadOnlyStringProperty planTextProperty() {
        return planText.getReadOnlyProperty();
    }

    /** Whether there are unsaved changes, in words, for the status bar. */
    public ReadOnlyStringProperty changesTextProperty() {
        return changesText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty unsavedChangesProperty() {
        return unsavedChanges.getReadOnlyProperty();
    }

    public boolean hasUnsavedChanges() {
        return unsavedChanges.get();
    }

    /** True when a store write failed: the status bar shows it as an error. */
    public ReadOnlyBooleanProperty storeProblemProperty() {
        return storeProblem.getReadOnlyProperty();
    }

    /** True while a plan file is read or written. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** A plan read from a file, and whether the file was of an older format read with defaults. */
    /**
     * How a file of an older format was read: version 1 files lack the regional supply fields, whose defaults the
     * planner must know (lead time 0, allotment by appointments, no rules or transfers).
     */
    private String olderFormatNote(Path file, PlanFileAccess.OlderFormat older) {
        String key = older.fileVersion() == 1 ? "open.olderFormat.regional" : "open.olderFormat";
        return texts.get(key, file.getFileName().toString(), older.fileVersion(), older.currentVersion());
    }

    private record OpenedFile(Plan plan, Optional<PlanFileAccess.OlderFormat> olderFormat) {
    }
}
