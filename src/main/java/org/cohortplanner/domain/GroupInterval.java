package org.cohortplanner.domain;

/**
 * A named group's exception to an interval policy.
 *
 * @param group the name of the cohorts' groups it applies to (in every cohort that names such a group)
 * @param days  the group's own interval in days, or null when the group is exempt and keeps the interval in force
 *              before the policy
 */
public record GroupInterval(String group, Integer days) {

    public GroupInterval {
        group = Require.text(group, "group of an interval exception");
        if (days != null) {
            Require.nonNegative(days, "interval of group " + group);
        }
    }

    public static GroupInterval exempt(String group) {
        return new GroupInterval(group, null);
    }

    public boolean isExempt() {
        return days == null;
    }
}
