package org.cohortplanner.planning.slip;

import java.util.List;
import org.cohortplanner.domain.Plan;

/**
 * A suggestion accepted: the new plan (saved as one step, so one undo takes it back), the reason for its audit
 * entry, and the people to tell that their second dose moves.
 */
public record AppliedSuggestion(Plan plan, String action, String reason, List<SecondDoseMove> secondDoseMoves) {
    public AppliedSuggestion {
        secondDoseMoves = List.copyOf(secondDoseMoves);
    }

    public long peopleToTell() {
        return secondDoseMoves.stream().mapToLong(SecondDoseMove::people).sum();
    }
}
