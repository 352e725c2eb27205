package org.cohortplanner.ui.supply;

import static org.cohortplanner.ui.supply.FormText.date;
import static org.cohortplanner.ui.supply.FormText.digits;
import static org.cohortplanner.ui.supply.FormText.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cohortplanner.domain.Allotment;
import org.cohortplanner.domain.AllotmentRule;
import org.cohortplanner.domain.Delivery;
import org.cohortplanner.domain.DeliveryStatus;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.Region;
import org.cohortplanner.ui.common.Formats;
import org.cohortplanner.ui.common.Texts;

/**
 * A delivery as typed into the add/edit dialog: text fields, checked against the plan before anything changes.
 *
 * @param expectedArrival empty means the same as the planned arrival
 * @param leadTimeDays    days from arrival to use at sites; empty means the brand's
 * @param allotmentRule   how the doses are shared out between the regions
 * @param split           doses per region as typed, for an explicit allotment (other rules ignore it); a region left
 *                        empty gets none
 */
public record DeliveryForm(String id, String brand, String doses, String plannedArrival, String expectedArrival,
                           DeliveryStatus status, String note, String leadTimeDays, AllotmentRule allotmentRule,
                           Map<String, String> split) {

    public DeliveryForm {
        allotmentRule = allotmentRule == null ? AllotmentRule.APPOINTMENTS : allotmentRule;
        split = split == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(split));
    }

    /** A delivery with the brand's lead time, allotted in proportion to appointments. */
    public DeliveryForm(String id, String brand, String doses, String plannedArrival, String expectedArrival,
                        DeliveryStatus status, String note) {
        this(id, brand, doses, plannedArrival, expectedArrival, status, note, "", AllotmentRule.APPOINTMENTS,
                Map.of());
    }

    /** The form of an existing delivery, for editing it. */
    public static DeliveryForm of(Delivery delivery) {
        Map<String, String> split = new LinkedHashMap<>();
        delivery.allotment().dosesByRegion().forEach((region, doses) -> split.put(region, Long.toString(doses)));
        return new DeliveryForm(delivery.id(), delivery.brand(), Long.toString(delivery.doses()),
                delivery.plannedArrival().toString(), delivery.expectedArrival().toString(), delivery.status(),
                delivery.note(), delivery.leadTimeDays() == null ? "" : Integer.toString(delivery.leadTimeDays()),
                delivery.allotment().rule(), split);
    }

    /** The same form with another note. */
    public DeliveryForm withNote(String newNote) {
        return new DeliveryForm(id, brand, doses, plannedArrival, expectedArrival, status, newNote, leadTimeDays,
                allotmentRule, split);
    }

    /** An empty form for a new delivery of the plan's first brand. */
    public static DeliveryForm empty(Plan plan) {
        String brand = plan.brands().isEmpty() ? "" : plan.brands().get(0).name();
        return new DeliveryForm("", brand, "", "", "", DeliveryStatus.PLANNED, "");
    }

    /** The doses the explicit split gives out so far, counting what cannot be read as none. */
    public long allotted() {
        long total = 0;
        for (String typed : split.values()) {
            try {
                total += digits(typed).isEmpty() ? 0 : Math.max(0, Long.parseLong(digits(typed)));
            } catch (NumberFormatException notANumber) {
                // reported by problems()
            }
        }
        return total;
    }

    /** The delivery's doses as typed, or -1 when they cannot be read. */
    public long dosesTyped() {
        try {
            return Long.parseLong(digits(doses));
        } catch (NumberFormatException notANumber) {
            return -1;
        }
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
        FormText.brandProblems(plan, brand, texts, problems);
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
        String lead = digits(leadTimeDays);
        if (!lead.isEmpty() && (!lead.matches("\\d{1,4}"))) {
            problems.add(texts.get("form.error.leadTime", text(leadTimeDays)));
        }
        if (allotmentRule == AllotmentRule.EXPLICIT) {
            splitProblems(plan, texts, problems);
        }
        return problems;
    }

    /** Every region's doses are whole numbers, the regions are the plan's, and they add up to the delivery. */
    private void splitProblems(Plan plan, Texts texts, List<String> problems) {
        boolean readable = true;
        for (Map.Entry<String, String> region : split.entrySet()) {
            if (plan.regions().stream().noneMatch(r -> r.name().equals(region.getKey()))) {
                problems.add(texts.get("form.error.splitRegion", region.getKey()));
                readable = false;
                continue;
            }
            String typed = digits(region.getValue());
            if (!typed.isEmpty() && !typed.matches("\\d{1,18}")) {
                problems.add(texts.get("form.error.splitNumber", region.getKey(), text(region.getValue())));
                readable = false;
            }
        }
        long doses = dosesTyped();
        if (readable && doses >= 0 && allotted() != doses) {
            problems.add(texts.get("form.error.splitTotal", Formats.count(allotted(), texts.locale()),
                    Formats.count(doses, texts.locale()),
                    Formats.count(Math.abs(doses - allotted()), texts.locale()), doses > allotted() ? 0 : 1));
        }
    }

    /** The delivery the form describes; only when {@link #problems} found none. */
    Delivery delivery() {
        LocalDate planned = date(plannedArrival);
        LocalDate expected = text(expectedArrival).isEmpty() ? planned : date(expectedArrival);
        String lead = digits(leadTimeDays);
        return new Delivery(text(id), text(brand), Long.parseLong(digits(doses)), planned, expected, status,
                text(note), lead.isEmpty() ? null : Integer.valueOf(lead), allotment());
    }

    private Allotment allotment() {
        if (allotmentRule != AllotmentRule.EXPLICIT) {
            return new Allotment(allotmentRule, Map.of());
        }
        Map<String, Long> doses = new LinkedHashMap<>();
        split.forEach((region, typed) -> {
            String value = digits(typed);
            if (!value.isEmpty() && Long.parseLong(value) > 0) {
                doses.put(region, Long.parseLong(value));
            }
        });
        return Allotment.explicit(doses);
    }

    /** The split of a form for {@code plan}'s regions in the plan's order, each with what is typed for it. */
    static Map<String, String> splitFor(Plan plan, Map<String, String> typed) {
        Map<String, String> split = new LinkedHashMap<>();
        for (Region region : plan.regions()) {
            split.put(region.name(), typed.getOrDefault(region.name(), ""));
        }
        typed.forEach(split::putIfAbsent);
        return split;
    }
}
