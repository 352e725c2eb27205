package org.cohortplanner.planning;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.CohortStatus;
import org.cohortplanner.domain.Plan;

/**
 * Merges the parts of a split back into their parent. The parent was kept in the plan by {@link CohortSplitter}, so
 * it comes back exactly as it was; only its status is taken from its parts, which had the parent's status when they
 * were made and carried it while the parent stood closed. When the parts' statuses differ the most active one wins
 * (open, then suspended, then planned, then closed). Parts that were split again go too.
 */
public final class CohortMerger {

    /** What merging the parts of {@code parentId} would do, without changing anything. */
    public MergePreview preview(Plan plan, String parentId) {
        Cohort parent = plan.cohort(parentId).orElseThrow(() -> new SplitNotPossibleException(
                "the plan has no cohort with id " + parentId));
        List<Cohort> parts = CohortFamilies.partsOf(plan, parentId);
        if (parts.isEmpty()) {
            throw new SplitNotPossibleException("cohort " + parent.name() + " has no parts to merge");
        }
        CohortStatus status = parts.stream().map(part -> effectiveStatus(plan, part, new HashSet<>()))
                .reduce(CohortStatus.CLOSED, CohortMerger::moreActive);
        return new MergePreview(parent.withStatus(status), CohortFamilies.descendantsOf(plan, parentId));
    }

    /** The plan with the parts of {@code parentId} merged back into it. */
    public Plan merge(Plan plan, String parentId) {
        MergePreview preview = preview(plan, parentId);
        Set<String> removed = new HashSet<>();
        preview.partsRemoved().forEach(part -> removed.add(part.id()));
        List<Cohort> cohorts = new ArrayList<>();
        for (Cohort cohort : plan.cohorts()) {
            if (cohort.id().equals(parentId)) {
                cohorts.add(preview.merged());
            } else if (!removed.contains(cohort.id())) {
                cohorts.add(cohort);
            }
        }
        Plan merged = plan.withCohorts(cohorts);
        CampaignLimits.refuseBeyond(plan, merged, "merging the parts of " + preview.merged().name());
        return merged;
    }

    /** A part that was split again stands closed; what counts is the status of its own parts. */
    private static CohortStatus effectiveStatus(Plan plan, Cohort cohort, Set<String> seen) {
        List<Cohort> parts = CohortFamilies.partsOf(plan, cohort.id());
        if (parts.isEmpty() || !seen.add(cohort.id())) {
            return cohort.status();
        }
        return parts.stream().map(part -> effectiveStatus(plan, part, seen))
                .reduce(CohortStatus.CLOSED, CohortMerger::moreActive);
    }

    private static CohortStatus moreActive(CohortStatus a, CohortStatus b) {
        return activity(a) >= activity(b) ? a : b;
    }

    private static int activity(CohortStatus status) {
        return switch (status) {
            case OPEN -> 3;
            case SUSPENDED -> 2;
            case PLANNED -> 1;
            case CLOSED -> 0;
        };
    }
}
