package org.cohortplanner.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A shipment of one brand. The planned arrival stays as announced; the expected arrival moves when the shipment
 * slips, so the slip is always visible as the difference.
 */
public record Delivery(
        String id,
        String brand,
        long doses,
        LocalDate plannedArrival,
        LocalDate expectedArrival,
        DeliveryStatus status,
        String note) {

    public Delivery {
        id = Require.text(id, "delivery id");
        brand = Require.text(brand, "brand of delivery " + id);
        Require.nonNegative(doses, "doses of delivery " + id);
        Require.present(plannedArrival, "planned arrival of delivery " + id);
        expectedArrival = expectedArrival == null ? plannedArrival : expectedArrival;
        Require.present(status, "status of delivery " + id);
        note = note == null ? "" : note;
    }

    /** Days the expected arrival lies after the planned one (negative when early). */
    public long delayDays() {
        return ChronoUnit.DAYS.between(plannedArrival, expectedArrival);
    }

    public boolean isSlipped() {
        return delayDays() > 0;
    }

    public Delivery withDoses(long newDoses) {
        return new Delivery(id, brand, newDoses, plannedArrival, expectedArrival, status, note);
    }

    public Delivery withExpectedArrival(LocalDate newExpected) {
        return new Delivery(id, brand, doses, plannedArrival, newExpected, status, note);
    }

    public Delivery withStatus(DeliveryStatus newStatus) {
        return new Delivery(id, brand, doses, plannedArrival, expectedArrival, newStatus, note);
    }

    public Delivery withNote(String newNote) {
        return new Delivery(id, brand, doses, plannedArrival, expectedArrival, status, newNote);
    }

    /** Records a slip: the new expected date, status DELAYED, and the reason kept in the note. */
    public Delivery delayedTo(LocalDate newExpected, String reason) {
        String newNote = reason == null || reason.isBlank() ? note
                : note.isBlank() ? reason.strip() : note + "; " + reason.strip();
        return new Delivery(id, brand, doses, plannedArrival, newExpected, DeliveryStatus.DELAYED, newNote);
    }
}
