package org.cohortplanner.sheetimport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cohortplanner.domain.Delivery;
import org.cohortplanner.domain.Plan;

/**
 * A delivery sheet read against a plan, before anything is applied: every row with its delivery or its errors.
 * The supply officer looks at it and confirms; only then does {@link #applyTo} give the new plan.
 */
public record DeliverySheetPreview(String source, List<DeliverySheetRow> rows) {

    public DeliverySheetPreview {
        rows = List.copyOf(rows);
    }

    public List<DeliverySheetError> errors() {
        List<DeliverySheetError> errors = new ArrayList<>();
        rows.forEach(row -> errors.addAll(row.errors()));
        return errors;
    }

    public boolean hasErrors() {
        return rows.stream().anyMatch(row -> !row.isValid());
    }

    public long count(DeliverySheetRow.Change change) {
        return rows.stream().filter(row -> row.change() == change).count();
    }

    /**
     * The plan with the sheet's deliveries: rows with an id the plan has replace that delivery, the others are added
     * in sheet order. Refuses a sheet with errors, naming the first ones, so that half a sheet is never applied by
     * mistake; {@link #applyValidRowsTo} applies the good rows when the officer chooses to.
     */
    public Plan applyTo(Plan plan) {
        if (hasErrors()) {
            List<DeliverySheetError> errors = errors();
            throw new IllegalStateException(source + " has " + errors.size() + (errors.size() == 1 ? " error" : " errors")
                    + ", first " + errors.get(0));
        }
        return applyValidRowsTo(plan);
    }

    public Plan applyValidRowsTo(Plan plan) {
        Map<String, Delivery> deliveries = new LinkedHashMap<>();
        plan.deliveries().forEach(delivery -> deliveries.put(delivery.id(), delivery));
        for (DeliverySheetRow row : rows) {
            row.validDelivery().ifPresent(delivery -> deliveries.put(delivery.id(), delivery));
        }
        return plan.withDeliveries(List.copyOf(deliveries.values()));
    }
}
