package org.cohortplanner.ui.supply;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** How the supply dialogs read what the officer typed. */
final class FormText {
    private FormText() {
    }

    static String text(String value) {
        return value == null ? "" : value.strip();
    }

    /** Numbers as officers write them: "1,150,000" or "1 150 000". */
    static String digits(String value) {
        return text(value).replace(",", "").replace("_", "").replace(" ", "");
    }

    /** A date written as YYYY-MM-DD, or null. */
    static LocalDate date(String value) {
        try {
            return LocalDate.parse(text(value));
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }
}
