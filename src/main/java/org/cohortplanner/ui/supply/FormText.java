package org.cohortplanner.ui.supply;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.VaccineBrand;
import org.cohortplanner.ui.common.Texts;

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

    /** The brand is given and is one of the plan's. */
    static void brandProblems(Plan plan, String brand, Texts texts, List<String> problems) {
        String brandName = text(brand);
        if (brandName.isEmpty()) {
            problems.add(texts.get("form.error.brandEmpty"));
        } else if (plan.brand(brandName).isEmpty()) {
            problems.add(texts.get("form.error.brandUnknown", brandName,
                    String.join(", ", plan.brands().stream().map(VaccineBrand::name).toList())));
        }
    }
}
