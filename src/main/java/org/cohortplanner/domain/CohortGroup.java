package org.cohortplanner.domain;

/**
 * Named people inside a cohort, such as "exam students 2022" or "school teachers": either a count of people or a
 * share of the cohort's eligible people (exactly one of the two). An interval policy can exempt the group or give it
 * its own interval; everyone else in the cohort follows the policy.
 *
 * @param people   people in the group, or null when the group is a share
 * @param share    share 0–1 of the cohort's eligible people, or null when the group is a count
 * @param estimate true when the size is the planners' estimate rather than a published figure
 * @param note     where the figure comes from
 */
public record CohortGroup(String name, Long people, Double share, boolean estimate, String note) {

    public CohortGroup {
        name = Require.text(name, "group name");
        if ((people == null) == (share == null)) {
            throw new IllegalArgumentException("group " + name + " must give either people or a share, not "
                    + (people == null ? "neither" : "both"));
        }
        if (people != null) {
            Require.nonNegative(people, "people of group " + name);
        }
        if (share != null) {
            Require.share(share, "share of group " + name);
        }
        note = note == null ? "" : note;
    }

    public static CohortGroup ofPeople(String name, long people, boolean estimate, String note) {
        return new CohortGroup(name, people, null, estimate, note);
    }

    public static CohortGroup ofShare(String name, double share, boolean estimate, String note) {
        return new CohortGroup(name, null, share, estimate, note);
    }

    public boolean isCount() {
        return people != null;
    }

    /** People of the group in a cohort of {@code eligible} people (a count above it is cut to it). */
    public long peopleOf(long eligible) {
        return people != null ? Math.min(people, eligible) : Math.round(share * eligible);
    }

    /** The group's share of a cohort of {@code eligible} people. */
    public double shareOf(long eligible) {
        if (share != null) {
            return share;
        }
        return eligible <= 0 ? 0 : Math.min(1.0, (double) people / eligible);
    }

    public CohortGroup withPeople(long newPeople) {
        return new CohortGroup(name, newPeople, null, estimate, note);
    }
}
