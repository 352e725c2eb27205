package org.cohortplanner.planning;

import java.util.Objects;
import org.cohortplanner.domain.Phrase;

/**
 * Something wrong with a plan, as the plan validator reports it.
 *
 * @param severity ERROR: the plan cannot be run like this; WARNING: worth a look, the plan can still run
 * @param cohortId the cohort the problem is on, or null for the plan as a whole
 * @param field    the cohort field that is wrong, one of the FIELD_ constants, so an editor can mark it
 * @param about    what the problem is on in the planners' words: "cohort 55–59", or "plan"
 * @param what     what is wrong, a phrase that reads after the subject and field:
 *                 "closes 2021-07-12 00:00 before it opens 2021-07-14 20:00"
 * Both are phrases ({@link PhraseFormat}): the console writes them in its language, the command line in English.
 */
public record Problem(Severity severity, String cohortId, String field, Phrase about, Phrase what) {
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
        Objects.requireNonNull(about, "about");
        Objects.requireNonNull(what, "what");
    }

    /** The subject in English: "cohort 55–59". */
    public String subject() {
        return PhraseFormat.english(about);
    }

    /** What is wrong, in English. */
    public String detail() {
        return PhraseFormat.english(what);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The whole problem on one line: {@code cohort 55–59 (window): closes 2021-07-12 00:00 before it opens ...}. */
    public String message() {
        return subject() + " (" + field + "): " + detail();
    }
}
