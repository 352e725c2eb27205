package org.cohortplanner.planning;

import java.util.Objects;

/**
 * Something wrong with a plan, as the plan validator reports it.
 *
 * @param severity ERROR: the plan cannot be run like this; WARNING: worth a look, the plan can still run
 * @param cohortId the cohort the problem is on, or null for the plan as a whole
 * @param field    the cohort field that is wrong, one of the FIELD_ constants, so an editor can mark it
 * @param subject  what the problem is on in the planners' words: "cohort 55–59", or "plan"
 * @param detail   what is wrong, in a sentence that reads after the subject and field:
 *                 "closes 2021-07-12 00:00 before it opens 2021-07-14 20:00"
 */
public record Problem(Severity severity, String cohortId, String field, String subject, String detail) {
    public static final String FIELD_BIRTH_YEARS = "birthYears";
    public static final String FIELD_WINDOW = "window";
    public static final String FIELD_VACCINATION_PERIOD = "vaccinationPeriod";
    public static final String FIELD_BRANDS = "brands";
    public static final String FIELD_ELIGIBLE = "eligible";
    public static final String FIELD_OVERLOAD = "bookingSystem.overload";
    public static final String FIELD_ALLOCATION_RULES = "allocationRules";
    public static final String FIELD_PEOPLE_PER_HOUR = "bookingSystem.peoplePerHour";
    public static final String FIELD_GROUPS = "groups";
    public static final String FIELD_INTERVAL_POLICIES = "intervalPolicies";

    public enum Severity {
        ERROR, WARNING
    }

    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(detail, "detail");
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The whole problem on one line: {@code cohort 55–59 (window): closes 2021-07-12 00:00 before it opens ...}. */
    public String message() {
        return subject + " (" + field + "): " + detail;
    }
}
