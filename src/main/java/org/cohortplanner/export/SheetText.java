package org.cohortplanner.export;

/**
 * Guards against formula injection: a cohort, region or note typed as {@code =HYPERLINK(...)} must reach the
 * province as the text the planner typed, not as a live formula when someone edits or re-imports the cell.
 */
final class SheetText {
    private SheetText() {
    }

    /** True for text a spreadsheet would take as a formula when it is typed in or read from CSV. */
    static boolean couldBeReadAsFormula(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    /**
     * The text as a CSV field holds it: with a leading apostrophe when a spreadsheet would take it as a formula (a
     * CSV file has no cell style to mark it as text), as typed otherwise; null stays null.
     */
    static String forCsv(String text) {
        return text != null && couldBeReadAsFormula(text) ? "'" + text : text;
    }
}
