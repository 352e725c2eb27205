package org.cohortplanner.ui.remote;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.cohortplanner.domain.PlanChange;
import org.cohortplanner.store.remote.BackendConflictException;
import org.cohortplanner.ui.common.ProblemTexts;
import org.cohortplanner.ui.common.WorkingPlan;

/**
 * The two sides of a conflict as the dialog shows them.
 *
 * @param otherUser     who saved in between ("" when the store did not say)
 * @param otherAction   what they did
 * @param otherAt       when, or null when the store did not say
 * @param otherReason   why, as they wrote it
 * @param storedVersion the plan version stored now
 * @param myActions     one's own edits the backend has not taken, oldest first
 * @param basedOn       the version one's edits started from
 */
public record ConflictSummary(String otherUser, String otherAction, Instant otherAt, String otherReason,
                              long storedVersion, List<String> myActions, long basedOn) {
    public ConflictSummary {
        myActions = List.copyOf(myActions);
    }

    /** The summary, every action said in the console's language where it was recorded as a phrase. */
    static ConflictSummary of(WorkingPlan.StoreConflict conflict, BackendConflictException.OtherChange other,
                              ProblemTexts phrases) {
        List<String> mine = conflict.myChanges().stream().map(c -> phrases.phraseOr(c.what(), c.action())).toList();
        long stored = conflict.failure().storedVersion();
        if (other == null) {
            return new ConflictSummary("", "", null, "", stored, mine, conflict.base().version());
        }
        return new ConflictSummary(other.user(), phrases.phraseOr(other.what(), other.action()), other.at(),
                other.reason(), stored, mine, conflict.base().version());
    }

    /** The actions of {@code changes} in one line, for the audit entry of a re-applied edit. */
    static String actions(List<PlanChange> changes, ProblemTexts phrases) {
        return changes.stream().map(c -> phrases.phraseOr(c.what(), c.action())).distinct()
                .collect(Collectors.joining("; "));
    }
}
