package org.cohortplanner.ui.audit;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.cohortplanner.domain.AuditEntry;
import org.cohortplanner.store.PlanStore;
import org.cohortplanner.ui.common.Messages;
import org.cohortplanner.ui.common.ProblemTexts;
import org.cohortplanner.ui.common.TaskRunner;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.common.WorkingPlan;

/**
 * The store's audit trail, newest first, narrowed by a text filter. Reloads after every store write, in the
 * background, so a long trail never holds up the screen.
 */
public final class AuditViewModel {
    static final String LOAD_CHANNEL = "audit-load";

    private final PlanStore store;
    private final WorkingPlan working;
    private final TaskRunner tasks;
    private final Texts texts;
    private final ObservableList<AuditRow> all = FXCollections.observableArrayList();
    private final FilteredList<AuditRow> shown = new FilteredList<>(all);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    public AuditViewModel(PlanStore store, WorkingPlan working, TaskRunner tasks) {
        this(store, working, tasks, Locale.ENGLISH);
    }

    /** @param locale the language of the summary and messages */
    public AuditViewModel(PlanStore store, WorkingPlan working, TaskRunner tasks, Locale locale) {
        this.texts = Texts.of(AuditViewModel.class, locale);
        this.store = Objects.requireNonNull(store, "store");
        this.working = Objects.requireNonNull(working, "working");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        shown.predicateProperty().bind(Bindings.createObjectBinding(
                () -> row -> row.matches(filter.get() == null ? "" : filter.get()), filter));
        summary.bind(Bindings.createStringBinding(this::describe, shown, all, filter));
        working.storeWritesProperty().addListener((observable, before, after) -> reload());
        reload();
    }

    /** Reads the audit trail again from the store. */
    public void reload() {
        ZoneId zone = working.getPlan().zone();
        ProblemTexts phrases = ProblemTexts.of(texts.locale());
        tasks.run(LOAD_CHANNEL, progress -> {
            List<AuditEntry> entries = new ArrayList<>(store.audit());
            Collections.reverse(entries);
            return entries.stream().map(entry -> AuditRow.of(entry, zone, phrases)).toList();
        }, rows -> {
            problem.set("");
            all.setAll(rows);
        }, failure -> problem.set(texts.get("problem.unreadable", Messages.describe(failure, texts.locale()))));
    }

    private String describe() {
        String zone = working.getPlan().zone().getId();
        if (all.isEmpty()) {
            return texts.get("summary.none", zone);
        }
        if (shown.size() == all.size()) {
            return texts.get("summary.all", all.size(), zone);
        }
        return texts.get("summary.filtered", shown.size(), all.size(), zone);
    }

    /** The language of this screen's texts. */
    public Locale locale() {
        return texts.locale();
    }

    /** Entries that match the filter, newest first. */
    public ObservableList<AuditRow> rows() {
        return shown;
    }

    /** Words every shown entry contains somewhere (time, user, action, change, reason). */
    public StringProperty filterProperty() {
        return filter;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Why the trail could not be read, empty when it could. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
