package org.cohortplanner.ui.supply;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cohortplanner.domain.Phrase;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.sheetimport.DeliverySheetImport;
import org.cohortplanner.sheetimport.DeliverySheetPreview;
import org.cohortplanner.sheetimport.DeliverySheetRow;
import org.cohortplanner.ui.common.Messages;
import org.cohortplanner.ui.common.ProblemTexts;
import org.cohortplanner.ui.common.TaskRunner;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.common.UserDialogs;
import org.cohortplanner.ui.common.WorkingPlan;

/**
 * Importing the delivery schedule supply officers keep (.xlsx or .csv): the sheet is read against the plan into a
 * preview with every row's errors and whether it is new, changed or unchanged; the plan changes only when the
 * officer confirms, in one undoable step with the valid rows.
 */
public final class DeliveryImportViewModel {
    static final String IMPORT_CHANNEL = "supply-import";

    private final WorkingPlan working;
    private final TaskRunner tasks;
    private final UserDialogs dialogs;
    private final String user;
    private final Texts texts;
    private final ReadOnlyObjectWrapper<DeliverySheetPreview> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final ObservableList<DeliverySheetRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper applicable = new ReadOnlyBooleanWrapper(this, "applicable");

    DeliveryImportViewModel(WorkingPlan working, TaskRunner tasks, UserDialogs dialogs, String user, Texts texts) {
        this.working = working;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.user = user;
        this.texts = texts;
    }

    /** Asks for a sheet and reads it into the preview; nothing is applied. Returns false when the officer cancelled. */
    public boolean chooseSheet() {
        Path file = dialogs.chooseFileToOpen(texts.get("import.choose"), null,
                texts.get("import.kind"), List.of("xlsx", "csv")).orElse(null);
        if (file == null) {
            return false;
        }
        read(file);
        return true;
    }

    /** Reads {@code file} into the preview in the background. */
    public void read(Path file) {
        Plan plan = working.getPlan();
        clear();
        busy.set(true);
        tasks.run(IMPORT_CHANNEL, work -> DeliverySheetImport.read(file, plan), read -> {
            busy.set(false);
            preview.set(read);
            rows.setAll(read.rows());
            long valid = read.rows().stream().filter(DeliverySheetRow::isValid).count();
            long changes = read.count(DeliverySheetRow.Change.NEW) + read.count(DeliverySheetRow.Change.CHANGED);
            applicable.set(changes > 0);
            summary.set(texts.get("import.summary", read.source(), read.rows().size(), valid,
                    read.count(DeliverySheetRow.Change.NEW), read.count(DeliverySheetRow.Change.CHANGED),
                    read.count(DeliverySheetRow.Change.UNCHANGED), read.rows().size() - valid));
        }, failure -> {
            busy.set(false);
            dialogs.showError(texts.get("import.title"), texts.get("import.failed", file.getFileName(),
                    Messages.describe(failure, texts.locale())));
        });
    }

    /** Applies every valid row of the preview in one undoable step, then closes the preview. */
    public void applyValidRows() {
        DeliverySheetPreview shown = preview.get();
        if (shown == null || !applicable.get()) {
            return;
        }
        Plan plan = working.getPlan();
        // Rows replace deliveries by id, so an edit made meanwhile to another delivery is kept.
        Plan imported = shown.applyValidRowsTo(plan);
        long added = shown.count(DeliverySheetRow.Change.NEW);
        long changed = shown.count(DeliverySheetRow.Change.CHANGED);
        String skipped = shown.rows().stream().filter(row -> !row.isValid()).map(row -> Integer.toString(row.row()))
                .collect(Collectors.joining(", "));
        working.edit(imported, ProblemTexts.of(texts.locale()).change(user,
                Phrase.of("audit.delivery.imported", shown.source()),
                "", texts.get("audit.importedAfter", added, changed),
                skipped.isEmpty() ? "" : texts.get("audit.importedSkipped", skipped)));
        clear();
    }

    /** Closes the preview; the plan stays as it was. */
    public void cancel() {
        tasks.cancel(IMPORT_CHANNEL);
        busy.set(false);
        clear();
    }

    private void clear() {
        preview.set(null);
        rows.clear();
        summary.set("");
        applicable.set(false);
    }

    /** The row's errors in one line for the table: "doses: must not be negative, got -5". */
    public static String errorsText(DeliverySheetRow row) {
        return row.errors().stream().map(error -> error.column() + ": " + error.message())
                .collect(Collectors.joining("; "));
    }

    /** The words for a row's mark: new, changed, unchanged, or error. */
    public String markText(DeliverySheetRow row) {
        if (!row.isValid()) {
            return texts.get("import.mark.error");
        }
        return switch (row.change()) {
            case NEW -> texts.get("import.mark.new");
            case CHANGED -> texts.get("import.mark.changed");
            case UNCHANGED -> texts.get("import.mark.unchanged");
        };
    }

    public ReadOnlyObjectProperty<DeliverySheetPreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ObservableList<DeliverySheetRow> rows() {
        return rows;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True when confirming would add or change a delivery. */
    public ReadOnlyBooleanProperty applicableProperty() {
        return applicable.getReadOnlyProperty();
    }
}
