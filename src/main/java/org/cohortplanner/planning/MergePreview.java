package org.cohortplanner.planning;

import java.util.List;
import java.util.Objects;
import org.cohortplanner.domain.Cohort;

/** A merge as it would be applied: the cohort that comes back and the parts (and their parts) that go. */
public record MergePreview(Cohort merged, List<Cohort> partsRemoved) {
    public MergePreview {
        Objects.requireNonNull(merged, "merged");
        partsRemoved = List.copyOf(partsRemoved);
    }
}
