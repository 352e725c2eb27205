package org.cohortplanner.ui.cohorts;

import java.util.Comparator;
import java.util.Objects;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.ui.common.Formats;
import org.cohortplanner.ui.common.WorkingPlan;

/** The cohorts of the working plan, as table rows, with a one-line summary. Follows every change of the plan. */
public final class CohortsViewModel {

    private final ObservableList<CohortRow> rows = FXCollections.observableArrayList();
    private final ObservableList<CohortRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary");
    private final ReadOnlyStringWrapper zone = new ReadOnlyStringWrapper(this, "zone");

    public CohortsViewModel(WorkingPlan working) {
        Objects.requireNonNull(working, "working");
        working.planProperty().addListener((observable, before, after) -> show(after));
        show(working.getPlan());
    }

    private void show(Plan plan) {
        rows.setAll(plan.cohorts().stream().map(CohortRow::of).toList());
        zone.set(plan.zone().getId());
        int count = plan.cohorts().size();
        // No people total: a catch-up window re-admits people of earlier windows, so a sum would count them twice.
        summary.set(count == 0
                ? "No cohorts yet · times in " + plan.zone().getId()
                : Formats.count(count) + (count == 1 ? " cohort" : " cohorts") + " · booking from "
                        + Formats.dateTime(plan.cohorts().stream().map(c -> c.window().opens())
                                .min(Comparator.naturalOrder()).orElseThrow())
                        + " · times in " + plan.zone().getId());
    }

    /** Rows in the plan's order; the table sorts its own view of them. */
    public ObservableList<CohortRow> rows() {
        return readOnlyRows;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public String getSummary() {
        return summary.get();
    }

    /** The plan's time zone, in which every window time is shown. */
    public ReadOnlyStringProperty zoneProperty() {
        return zone.getReadOnlyProperty();
    }
}
