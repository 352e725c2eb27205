package org.cohortplanner.ui.supply;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.cohortplanner.domain.Delivery;
import org.cohortplanner.domain.DeliveryStatus;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.VaccineBrand;
import org.cohortplanner.ui.common.Texts;

/**
 * A delivery as typed into the add/edit dialog: text fields, checked against the plan before anything changes.
 *
 * @param expectedArrival empty means the same as the planned arrival
 */
public record DeliveryForm(String id, String brand, String doses, String plannedArrival, String expectedArrival,
                           DeliveryStatus status, String note) {

    /** The form of an existing delivery, for editing it. */
    public static DeliveryForm of(Delivery delivery) {
        return new DeliveryForm(delivery.id(), delivery.brand(), Long.toString(delivery.doses()),
                delivery.plannedArrival().toString(), delivery.expectedArrival().toString(), delivery.status(),
                delivery.note());
    }

    /** An empty form for a new delivery of the plan's first brand. */
    public static DeliveryForm empty(Plan plan) {
        String brand = plan.brands().isEmpty() ? "" : plan.brands().get(0).name();
        return new DeliveryForm("", brand, "", "", "", DeliveryStatus.PLANNED, "");
    }

    /**
     * What is wrong with the form, one sentence per field, in the officer's language; empty when it makes a delivery.
     *
     * @param replacing the id of the delivery being edited, or null for a new one
     */
    List<String> problems(Plan plan, String replacing, Texts texts) {
        List<String> problems = new ArrayList<>();
        String newId = text(id);
        if (newId.isEmpty()) {
            problems.add(texts.get("form.error.idEmpty"));
        } else if (!newId.equals(replacing) && plan.delivery(newId).isPresent()) {
            problems.add(texts.get("form.error.idTaken", newId));
        }
        String brandName = text(brand);
        if (brandName.isEmpty()) {
            problems.add(texts.get("form.error.brandEmpty"));
        } else if (plan.brand(brandName).isEmpty()) {
            problems.add(texts.get("form.error.brandUnknown", brandName,
                    String.join(", ", plan.brands().stream().map(VaccineBrand::name).toList())));
        }
        String dosesText = digits(doses);
        if (dosesText.isEmpty()) {
            problems.add(texts.get("form.error.dosesEmpty"));
        } else {
            try {
                if (Long.parseLong(dosesText) < 0) {
                    problems.add(texts.get("form.error.dosesNegative", text(doses)));
                }
            } catch (NumberFormatException notANumber) {
                problems.add(texts.get("form.error.dosesNotNumber", text(doses)));
            }
        }
        if (text(plannedArrival).isEmpty()) {
            problems.add(texts.get("form.error.plannedEmpty"));
        } else if (date(plannedArrival) == null) {
            problems.add(texts.get("form.error.notDate", texts.get("column.planned"), text(plannedArrival)));
        }
        if (!text(expectedArrival).isEmpty() && date(expectedArrival) == null) {
            problems.add(texts.get("form.error.notDate", texts.get("column.expected"), text(expectedArrival)));
        }
        if (status == null) {
            problems.add(texts.get("form.error.statusEmpty"));
        }
        return problems;
    }

    /** The delivery the form describes; only when {@link #problems} found none. */
    Delivery delivery() {
        LocalDate planned = date(plannedArrival);
        LocalDate expected = text(expectedArrival).isEmpty() ? planned : date(expectedArrival);
        return new Delivery(text(id), text(brand), Long.parseLong(digits(doses)), planned, expected, status,
                text(note));
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    /** Doses as officers write them: "1,150,000" or "1 150 000". */
    private static String digits(String value) {
        return text(value).replace(",", "").replace("_", "").replace(" ", "");
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(text(value));
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }
}
