package org.cohortplanner.export;

/**
 * What a column holds, which decides the Excel cell type and number format: planners sort and sum the exported
 * schedule, so numbers and dates must be real numbers and dates, not text that looks like them.
 */
public enum SheetValueKind {
    /** Text; a value that Excel would read as a formula is kept as text. */
    TEXT,
    /** A whole number shown with thousands separators (1,234,567). */
    INTEGER,
    /** A number with two decimals and thousands separators. */
    DECIMAL,
    /** A share between 0 and 1 shown as a percentage with one decimal (86.0%). */
    PERCENT,
    /** A calendar day. */
    DATE,
    /** A wall-clock time in the plan's zone; instants are converted to that zone. */
    DATE_TIME
}
