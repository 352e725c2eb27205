package org.cohortplanner.ui.export;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.export.PlanWorkbook;
import org.cohortplanner.export.PlanWorkbookContent;
import org.cohortplanner.export.WorkbookContentBuilder;
import org.cohortplanner.export.WorkbookExportException;
import org.cohortplanner.export.WorkbookProgress;
import org.cohortplanner.export.WorkbookSheet;
import org.cohortplanner.export.WorkbookTargetExistsException;
import org.cohortplanner.export.WorkbookWriteOptions;
import org.cohortplanner.planning.schedule.Schedule;
import org.cohortplanner.store.PlanStore;
import org.cohortplanner.ui.common.Messages;
import org.cohortplanner.ui.common.PlanFileAccess;
import org.cohortplanner.ui.common.TaskRunner;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.common.UserDialogs;
import org.cohortplanner.ui.common.WorkingPlan;
import org.cohortplanner.work.Cancellation;
import org.cohortplanner.work.CancelledException;

/**
 * The Export screen's state: which sheets, where to, and how the export is going. The workbook is written in the
 * background by the export package, which guarantees that a cancelled or failed export leaves no file; this model
 * asks before any existing file is replaced and says where the workbook went.
 */
public final class ExportViewModel {
    static final String EXPORT_CHANNEL = "export-workbook";
    static final String TOLD_PLAN_CHANNEL = "export-told-plan";
    static final String OPEN_CHANNEL = "export-open";
    static final String WORKBOOK_SUFFIX = ".xlsx";
    /** Ticked at first: what the command line writes by default, and the audit trail that only the console has. */
    static final Set<WorkbookSheet> FIRST_CHOICE = EnumSet.of(WorkbookSheet.COHORTS, WorkbookSheet.SCHEDULE,
            WorkbookSheet.CAPACITY, WorkbookSheet.DELIVERIES, WorkbookSheet.ALLOCATION_RULES,
            WorkbookSheet.REGIONAL_STOCK, WorkbookSheet.AUDIT);

    /** Where the screen is in an export. */
    public enum State { READY, EXPORTING, DONE, CANCELLED, FAILED }

    private final WorkingPlan working;
    private final PlanStore store;
    private final PlanFileAccess planFiles;
    private final TaskRunner tasks;
    private final UserDialogs dialogs;
    private final ExportChoosers choosers;
    private final DesktopOpener opener;
    private final Texts texts;
    private final PlanWorkbook workbook = new PlanWorkbook();

    private final Map<WorkbookSheet, BooleanProperty> selected = new EnumMap<>(WorkbookSheet.class);
    private final Map<WorkbookSheet, ReadOnlyBooleanWrapper> available = new EnumMap<>(WorkbookSheet.class);
    private final Map<WorkbookSheet, ReadOnlyStringWrapper> notes = new EnumMap<>(WorkbookSheet.class);
    private final StringProperty workbookFile = new SimpleStringProperty(this, "workbookFile", "");
    private final BooleanProperty perRegion = new SimpleBooleanProperty(this, "perRegion");
    private final StringProperty regionFolder = new SimpleStringProperty(this, "regionFolder", "");
    private final ReadOnlyBooleanWrapper perRegionAvailable = new ReadOnlyBooleanWrapper(this, "perRegionAvailable");
    private final ReadOnlyStringWrapper perRegionNote = new ReadOnlyStringWrapper(this, "perRegionNote", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.READY);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<Path> writtenWorkbook = new ReadOnlyObjectWrapper<>(this, "writtenWorkbook");
    private final ReadOnlyObjectWrapper<Path> writtenFolder = new ReadOnlyObjectWrapper<>(this, "writtenFolder");
    private final BooleanBinding canExport;

    private Plan toldPlan;
    private String suggestedFile = "";
    private Cancellation cancellation = new Cancellation();

    public ExportViewModel(WorkingPlan working, PlanStore store, PlanFileAccess planFiles, TaskRunner tasks,
                           UserDialogs dialogs, ExportChoosers choosers, DesktopOpener opener, Texts texts) {
        this.working = Objects.requireNonNull(working, "working");
        this.store = Objects.requireNonNull(store, "store");
        this.planFiles = Objects.requireNonNull(planFiles, "planFiles");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.choosers = Objects.requireNonNull(choosers, "choosers");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.texts = Objects.requireNonNull(texts, "texts");
        List<Observable> inputs = new ArrayList<>(List.of(workbookFile, perRegion, regionFolder, perRegionAvailable,
                state));
        for (WorkbookSheet sheet : WorkbookSheet.values()) {
            selected.put(sheet, new SimpleBooleanProperty(this, sheet.option(), FIRST_CHOICE.contains(sheet)));
            available.put(sheet, new ReadOnlyBooleanWrapper(this, sheet.option() + "Available", true));
            notes.put(sheet, new ReadOnlyStringWrapper(this, sheet.option() + "Note", ""));
            inputs.add(selected.get(sheet));
            inputs.add(available.get(sheet));
        }
        canExport = Bindings.createBooleanBinding(() -> state.get() != State.EXPORTING && !chosenSheets().isEmpty()
                && (!workbookFile.get().isBlank() || regionalExportChosen()), inputs.toArray(Observable[]::new));
        working.planProperty().addListener((observable, before, after) -> planChanged(before, after));
        planChanged(null, working.getPlan());
    }

    private void planChanged(Plan before, Plan after) {
        summary.set(texts.get("summary", after.name(), after.zone().getId()));
        int regions = after.regions().size();
        perRegionAvailable.set(regions > 0);
        perRegionNote.set(regions > 0 ? texts.get("perRegion.note", regions) : texts.get("perRegion.none"));
        if (regions == 0) {
            perRegion.set(false);
        }
        if (before == null || !before.name().equals(after.name())) {
            String suggestion = startingFolder().resolve(PlanWorkbook.fileNameFor(after.name())).toString();
            if (workbookFile.get().isBlank() || workbookFile.get().equals(suggestedFile)) {
                workbookFile.set(suggestion);
            }
            suggestedFile = suggestion;
        }
        if (toldPlan == null) {
            setAvailable(WorkbookSheet.DOSE2_CHANGES, false, texts.get("dose2.needsToldPlan"));
        }
    }

    private void setAvailable(WorkbookSheet sheet, boolean yes, String note) {
        available.get(sheet).set(yes);
        notes.get(sheet).set(note);
        if (!yes) {
            selected.get(sheet).set(false);
        }
    }

    /** The folder choosers start in: the plan file's, else the user's home. */
    private Path startingFolder() {
        Path planFile = working.getPlanFile();
        if (planFile != null && planFile.toAbsolutePath().getParent() != null) {
            return planFile.toAbsolutePath().getParent();
        }
        return Path.of(System.getProperty("user.home"));
    }

    // ------------------------------------------------------------------------------------------------ choosing

    /** Asks for the workbook file; a name without {@value #WORKBOOK_SUFFIX} gets it. */
    public void chooseWorkbookFile() {
        Optional<Path> current = parse(workbookFile.get());
        Path folder = current.map(Path::getParent).filter(Files::isDirectory).orElseGet(this::startingFolder);
        String name = current.map(Path::getFileName).map(Path::toString)
                .orElseGet(() -> PlanWorkbook.fileNameFor(working.getPlan().name()));
        choosers.chooseWorkbook(texts.get("chooser.workbook.title"), folder, name).ifPresent(chosen -> {
            String file = chosen.toString();
            workbookFile.set(file.toLowerCase(Locale.ROOT).endsWith(WORKBOOK_SUFFIX) ? file : file + WORKBOOK_SUFFIX);
        });
    }

    /** Asks for the folder of the regional workbooks, and ticks "a workbook per region". */
    public void chooseRegionFolder() {
        Path start = parse(regionFolder.get()).filter(Files::isDirectory).orElseGet(this::startingFolder);
        choosers.chooseFolder(texts.get("chooser.folder.title"), start).ifPresent(chosen -> {
            regionFolder.set(chosen.toString());
            perRegion.set(perRegionAvailable.get());
        });
    }

    /**
     * Asks for the plan file people were told their dates from; once read, the Dose-2 changes sheet compares its
     * second-dose days with the working plan's.
     */
    public void compareWithPlanFile() {
        Optional<Path> chosen = dialogs.chooseFileToOpen(texts.get("dose2.chooser.title"), startingFolder());
        if (chosen.isEmpty()) {
            return;
        }
        Path file = chosen.get();
        tasks.run(TOLD_PLAN_CHANNEL, work -> planFiles.read(file), told -> {
            toldPlan = told;
            setAvailable(WorkbookSheet.DOSE2_CHANGES, true, texts.get("dose2.comparedWith",
                    file.getFileName() == null ? file.toString() : file.getFileName().toString(), told.name()));
            selected.get(WorkbookSheet.DOSE2_CHANGES).set(true);
        }, failure -> dialogs.showError(texts.get("dose2.readFailed.title"), Messages.describe(failure, texts.locale())));
    }

    // ------------------------------------------------------------------------------------------------ exporting

    /** The sheets ticked and available, in tab order. */
    public Set<WorkbookSheet> chosenSheets() {
        Set<WorkbookSheet> chosen = EnumSet.noneOf(WorkbookSheet.class);
        for (WorkbookSheet sheet : WorkbookSheet.values()) {
            if (selected.get(sheet).get() && available.get(sheet).get()) {
                chosen.add(sheet);
            }
        }
        return chosen;
    }

    private boolean regionalExportChosen() {
        return perRegion.get() && perRegionAvailable.get() && !regionFolder.get().isBlank();
    }

    /**
     * Writes the chosen sheets to the workbook file and, when asked, one workbook per region into the folder. Files
     * that exist are replaced only when the user confirms; declining writes nothing.
     */
    public void export() {
        if (state.get() == State.EXPORTING) {
            return;
        }
        Set<WorkbookSheet> sheets = chosenSheets();
        if (sheets.isEmpty()) {
            refuse(texts.get("problem.noSheets"));
            return;
        }
        Path file = null;
        if (!workbookFile.get().isBlank()) {
            Optional<Path> parsed = parse(workbookFile.get());
            if (parsed.isEmpty()) {
                refuse(texts.get("problem.badPath", workbookFile.get().strip()));
                return;
            }
            file = parsed.get();
        }
        Path folder = null;
        if (perRegion.get() && perRegionAvailable.get()) {
            Optional<Path> parsed = parse(regionFolder.get());
            if (parsed.isEmpty()) {
                refuse(regionFolder.get().isBlank() ? texts.get("problem.noFolder")
                        : texts.get("problem.badPath", regionFolder.get().strip()));
                return;
            }
            folder = parsed.get();
        }
        if (file == null && folder == null) {
            refuse(texts.get("problem.noTarget"));
            return;
        }
        ExportJob job = new ExportJob(working.getPlan(), toldPlan, sheets, file, folder, false);
        List<Path> existing = existingTargets(job);
        if (!existing.isEmpty()) {
            if (!confirmReplacing(existing)) {
                declined();
                return;
            }
            job = job.replacing();
        }
        start(job);
    }

    private void refuse(String why) {
        state.set(State.READY);
        message.set(why);
    }

    private void declined() {
        state.set(State.READY);
        progress.set(0);
        progressText.set("");
        message.set(texts.get("result.declined"));
    }

    private static List<Path> existingTargets(ExportJob job) {
        List<Path> existing = new ArrayList<>();
        if (job.file() != null && Files.isRegularFile(job.file())) {
            existing.add(job.file());
        }
        if (job.folder() != null && Files.isDirectory(job.folder())) {
            PlanWorkbook.regionFiles(job.plan(), job.folder()).stream().filter(Files::isRegularFile)
                    .forEach(existing::add);
        }
        return existing;
    }

    private boolean confirmReplacing(List<Path> existing) {
        String question = existing.size() == 1
                ? texts.get("replace.one", existing.get(0))
                : texts.get("replace.many", existing.size(), existing.stream().limit(3).map(Path::toString)
                        .collect(Collectors.joining("\n")));
        return dialogs.confirm(texts.get("replace.title"), question);
    }

    private void start(ExportJob job) {
        Cancellation cancel = new Cancellation();
        cancellation = cancel;
        state.set(State.EXPORTING);
        progress.set(-1);
        progressText.set(texts.get("progress.preparing"));
        message.set("");
        writtenWorkbook.set(null);
        writtenFolder.set(null);
        tasks.run(EXPORT_CHANNEL, work -> write(job, cancel, work), written -> finished(job, written),
                failure -> failed(job, failure), (fraction, text) -> {
                    if (state.get() == State.EXPORTING) {
                        progress.set(fraction);
                        progressText.set(text);
                    }
                });
    }

    /** Runs in the background: builds what the sheets need, then writes the workbooks. */
    private Written write(ExportJob job, Cancellation cancel, TaskRunner.Job work) throws WorkbookExportException {
        Plan plan = job.plan();
        Set<WorkbookSheet> sheets = job.sheets();
        PlanWorkbookContent content = WorkbookContentBuilder.build(plan,
                sheets.contains(WorkbookSheet.DOSE2_CHANGES) ? job.told() : null, sheets, store::audit, cancel,
                (fraction, step) -> work.report(fraction, texts.get(step == WorkbookContentBuilder.Step.SCHEDULING
                        ? "progress.schedule" : "progress.simulation")));
        WorkbookWriteOptions options = WorkbookWriteOptions.in(plan.zone()).replacingExisting(job.replace())
                .cancelledBy(cancel).reportingTo((fraction, report) -> work.report(fraction, describe(report)));
        Path file = job.file() == null ? null : workbook.export(content, sheets, job.file(), options);
        List<Path> regional = job.folder() == null ? List.of()
                : workbook.exportPerRegion(content, sheets, job.folder(), options);
        return new Written(file, regional);
    }

    /** "Schedule · 120,000 of 1,200,000 rows · 서울특별시.xlsx (1 of 17)", from the writing thread. */
    private String describe(WorkbookProgress report) {
        String rows = report.rowsExpected() > 0
                ? texts.get("progress.rowsOf", report.rowsWritten(), report.rowsExpected())
                : texts.get("progress.rows", report.rowsWritten());
        String fileName = Optional.ofNullable(Path.of(report.workbook()).getFileName()).map(Path::toString)
                .orElse(report.workbook());
        String file = report.workbookCount() > 1
                ? texts.get("progress.regionalFile", fileName, report.workbookIndex() + 1, report.workbookCount())
                : fileName;
        // A workbook is reported once before its first sheet starts.
        return report.sheet().isBlank() ? rows + " · " + file
                : sheetNameOfTab(report.sheet()) + " · " + rows + " · " + file;
    }

    /** The screen's name for the sheet with tab {@code title}, which is in English in every workbook. */
    private String sheetNameOfTab(String title) {
        return Arrays.stream(WorkbookSheet.values()).filter(sheet -> sheet.title().equals(title)).findFirst()
                .map(this::sheetName).orElse(title);
    }

    private String sheetName(WorkbookSheet sheet) {
        return texts.get("sheet." + sheet.option() + ".name");
    }

    private void finished(ExportJob job, Written written) {
        state.set(State.DONE);
        progress.set(1);
        progressText.set("");
        writtenWorkbook.set(written.file());
        writtenFolder.set(written.file() != null ? written.file().toAbsolutePath().getParent()
                : job.folder().toAbsolutePath());
        String sheets = job.sheets().stream().map(this::sheetName)
                .collect(Collectors.joining(", "));
        List<String> lines = new ArrayList<>();
        if (written.file() != null) {
            lines.add(texts.get("result.written", written.file().toAbsolutePath()));
        }
        if (!written.regional().isEmpty()) {
            lines.add(texts.get("result.writtenRegional", written.regional().size(),
                    job.folder().toAbsolutePath()));
        }
        lines.add(texts.get("result.sheets", sheets));
        message.set(String.join("\n", lines));
    }

    private void failed(ExportJob job, Throwable failure) {
        progress.set(0);
        progressText.set("");
        if (failure instanceof CancelledException) {
            state.set(State.CANCELLED);
            message.set(texts.get("result.cancelled"));
        } else if (failure instanceof WorkbookTargetExistsException exists && !job.replace()) {
            // Created by someone else after we looked: ask now, as we would have.
            if (confirmReplacing(List.of(exists.target()))) {
                start(job.replacing());
            } else {
                declined();
            }
        } else {
            state.set(State.FAILED);
            message.set(texts.get("result.failed", Messages.describe(failure, texts.locale())));
        }
    }

    /** Stops the running export; the export package removes what it had written. */
    public void cancel() {
        if (state.get() == State.EXPORTING) {
            cancellation.cancel();
            progressText.set(texts.get("progress.cancelling"));
        }
    }

    // ------------------------------------------------------------------------------------------------ afterwards

    /** Opens the folder the workbook was written to. */
    public void openFolder() {
        open(writtenFolder.get());
    }

    /** Opens the written workbook with the desktop's spreadsheet program. */
    public void openWorkbook() {
        open(writtenWorkbook.get());
    }

    private void open(Path path) {
        if (path == null) {
            return;
        }
        tasks.run(OPEN_CHANNEL, work -> {
            opener.open(path);
            return path;
        }, opened -> { }, failure -> dialogs.showError(texts.get("open.failed.title"),
                texts.get("open.failed", path, Messages.describe(failure, texts.locale()))));
    }

    private static Optional<Path> parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            return Optional.empty();
        }
        if (trimmed.equals("~") || trimmed.startsWith("~/")) {
            trimmed = System.getProperty("user.home") + trimmed.substring(1);
        }
        try {
            return Optional.of(Path.of(trimmed).toAbsolutePath().normalize());
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    // ------------------------------------------------------------------------------------------------ properties

    /** What the user chose on the screen: the sheets, the workbook's file, one workbook per region and its folder. */
    public record Choices(Set<WorkbookSheet> sheets, String workbookFile, boolean perRegion, String regionFolder) {
        public Choices {
            sheets = Set.copyOf(sheets);
        }
    }

    /** The choices as they stand, to be given to the screen built anew for another language. */
    public Choices choices() {
        Set<WorkbookSheet> sheets = EnumSet.noneOf(WorkbookSheet.class);
        selected.forEach((sheet, chosen) -> {
            if (chosen.get()) {
                sheets.add(sheet);
            }
        });
        return new Choices(sheets, workbookFile.get(), perRegion.get(), regionFolder.get());
    }

    /** Takes up the choices of the screen this one replaces. */
    public void restore(Choices choices) {
        selected.forEach((sheet, chosen) -> chosen.set(choices.sheets().contains(sheet)));
        workbookFile.set(choices.workbookFile());
        perRegion.set(choices.perRegion());
        regionFolder.set(choices.regionFolder());
    }

    public BooleanProperty selectedProperty(WorkbookSheet sheet) {
        return selected.get(sheet);
    }

    /** False when the sheet cannot be written now; its note says why. */
    public ReadOnlyBooleanProperty availableProperty(WorkbookSheet sheet) {
        return available.get(sheet).getReadOnlyProperty();
    }

    /** What the sheet will compare with, or why it is unavailable; empty for most sheets. */
    public ReadOnlyStringProperty noteProperty(WorkbookSheet sheet) {
        return notes.get(sheet).getReadOnlyProperty();
    }

    /** The workbook file as the user typed or chose it; blank for regional workbooks only. */
    public StringProperty workbookFileProperty() {
        return workbookFile;
    }

    /** Whether to write one workbook per region into {@link #regionFolderProperty()} as well. */
    public BooleanProperty perRegionProperty() {
        return perRegion;
    }

    public StringProperty regionFolderProperty() {
        return regionFolder;
    }

    public ReadOnlyBooleanProperty perRegionAvailableProperty() {
        return perRegionAvailable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty perRegionNoteProperty() {
        return perRegionNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State getState() {
        return state.get();
    }

    /** Done share 0–1 while exporting, negative while the amount is not known yet. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Rows, sheet and file being written. */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** The outcome: where the workbook went, why nothing was written, or what failed. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public String getMessage() {
        return message.get();
    }

    /** The workbook file written by the last export, or null. */
    public ReadOnlyObjectProperty<Path> writtenWorkbookProperty() {
        return writtenWorkbook.getReadOnlyProperty();
    }

    /** The folder holding what the last export wrote, or null. */
    public ReadOnlyObjectProperty<Path> writtenFolderProperty() {
        return writtenFolder.getReadOnlyProperty();
    }

    public BooleanBinding canExportBinding() {
        return canExport;
    }

    /** One export as asked for: a snapshot, so edits made while it runs do not mix into the workbook. */
    private record ExportJob(Plan plan, Plan told, Set<WorkbookSheet> sheets, Path file, Path folder,
                             boolean replace) {
        ExportJob {
            sheets = Collections.unmodifiableSet(EnumSet.copyOf(sheets));
        }

        ExportJob replacing() {
            return new ExportJob(plan, told, sheets, file, folder, true);
        }
    }

    private record Written(Path file, List<Path> regional) {
    }
}
