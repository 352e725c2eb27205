package org.cohortplanner.domain;

/**
 * The limits a plan must respect (docs/plan-format.md, "Limits"). They are part of the format: a plan beyond them
 * is refused when it is read, so that no plan that reads can exhaust memory or time in any command, and no count
 * can overflow. Each is generous for a real campaign: a national plan with every birth year and every province, a
 * year-long campaign.
 */
public final class PlanLimits {
    /** Bytes of a plan file. */
    public static final long FILE_BYTES = 16L * 1024 * 1024;
    /** Objects and lists inside one another; a plan file needs four. */
    public static final int NESTING_DEPTH = 16;
    /** Characters of a name or id. */
    public static final int NAME_LENGTH = 200;
    /** Characters of a description or note. */
    public static final int TEXT_LENGTH = 10_000;

    public static final int COHORTS = 2_000;
    public static final int BRANDS = 20;
    public static final int REGIONS = 50;
    public static final int DELIVERIES = 10_000;
    public static final int SITES = 2_000;
    public static final int HOLIDAYS = 2_000;
    public static final int CAPACITY_CHANGES = 1_000;
    public static final int POPULATION_YEARS = 351;
    /** Transfers of doses between regions. */
    public static final int TRANSFERS = 10_000;
    /**
     * Allocation rules: each is checked against every other of its cohort by {@code validate}, so their number bounds
     * that work and its output.
     */
    public static final int ALLOCATION_RULES = 1_000;
    /** Days from the first to the last day of an allocation rule, both counted: the longest campaign. */
    public static final int ALLOCATION_RULE_DAYS = 731;
    /** Interval policies of a plan, named groups of a cohort, and a policy's group exceptions. */
    public static final int INTERVAL_POLICIES = 100;
    public static final int COHORT_GROUPS = 20;
    public static final int POLICY_EXCEPTIONS = 50;
    /** Days from arrival (or shipping) until doses can be given: a brand's, a delivery's and a transfer's lead time. */
    public static final int LEAD_TIME_DAYS = 365;

    /** Earliest and latest year of any date or date-time. */
    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2200;

    /** Length of one booking window. */
    public static final int WINDOW_DAYS = 31;
    /** The booking windows of all cohorts that book, added up. */
    public static final int TOTAL_WINDOW_DAYS = 120;
    /** Days of one vaccination period (first doses). */
    public static final int VACCINATION_PERIOD_DAYS = 366;
    /** From the first day of the earliest vaccination period to the last day of the latest. */
    public static final int CAMPAIGN_DAYS = 731;
    /** Days between doses (interval days, minimum and maximum). */
    public static final int INTERVAL_DAYS = 365;
    /**
     * Cells of the daily schedule: cohorts that book × regions (at least 1) × brands × days of the schedule (the
     * campaign days plus the longest dose interval). Bounds the schedule's memory and time.
     */
    public static final long SCHEDULE_CELLS = 500_000;

    /** People in a cohort, a region or a birth year. */
    public static final long PEOPLE = 2_000_000_000L;
    /** Doses of one delivery. */
    public static final long DOSES = 10_000_000_000L;
    public static final int DOSES_PER_DAY = 100_000_000;
    public static final int DOSES_IN_COURSE = 4;
    public static final int MINIMUM_AGE = 150;
    public static final long PLAN_VERSION = 1_000_000_000_000L;
    public static final double PEOPLE_PER_HOUR = 1_000_000_000;
    public static final int CONCURRENT_SESSIONS = 100_000_000;
    /** Shortest and longest booking session, in minutes. */
    public static final double SESSION_MINUTES_MIN = 0.5;
    public static final double SESSION_MINUTES_MAX = 240;
    /** Sessions each person brings. */
    public static final double ACCESS_MULTIPLIER = 100;
    public static final int ADMITTED_PER_MINUTE = 100_000_000;
    /** Patience and retry delay, in minutes. */
    public static final double WAITING_MINUTES = 10_080;
    /** Coefficient of variation of log-normal session lengths. */
    public static final double SESSION_SPREAD = 10;
    /** Connections the booking system holds at most before it crashes ({@code bookingSystem.overload}). */
    public static final long CONCURRENT_REQUESTS = 10_000_000_000L;
    /** How long a refused request holds its connection, in seconds. */
    public static final double TIMEOUT_SECONDS = 3_600;
    /** How long the booking system serves nobody after a crash, in minutes. */
    public static final double RESTART_MINUTES = 1_440;

    private PlanLimits() {
    }
}
