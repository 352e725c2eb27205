package org.cohortplanner.sheetimport;

import java.util.List;
import java.util.Optional;
import org.cohortplanner.domain.Delivery;

/**
 * One data row of a delivery sheet as read: the delivery it describes, or the errors that keep it from being one.
 *
 * @param row    the row number as the spreadsheet shows it
 * @param change what applying it does to the plan; null for a row with errors
 */
public record DeliverySheetRow(int row, Delivery delivery, List<DeliverySheetError> errors, Change change) {

    public enum Change {
        /** A delivery the plan does not have yet. */
        NEW,
        /** Replaces the plan's delivery with the same id. */
        CHANGED,
        /** The plan already has exactly this delivery. */
        UNCHANGED
    }

    public DeliverySheetRow {
        errors = List.copyOf(errors);
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    public Optional<Delivery> validDelivery() {
        return isValid() ? Optional.of(delivery) : Optional.empty();
    }
}
