package org.cohortplanner.ui.common;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The cohort the planner is working on, shared by every screen: selecting a bar on the timeline selects the same
 * cohort in the Cohorts table, a problem in the problems list jumps to its cohort, and so on. Holds the cohort's id,
 * or null when none is selected.
 */
public final class CohortSelection {
    private final ObjectProperty<String> cohortId = new SimpleObjectProperty<>(this, "cohortId");

    public ObjectProperty<String> cohortIdProperty() {
        return cohortId;
    }

    public String getCohortId() {
        return cohortId.get();
    }

    public void select(String id) {
        cohortId.set(id);
    }

    public void clear() {
        cohortId.set(null);
    }
}
