package org.cohortplanner.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A shipment of one brand. The planned arrival stays as announced; the expected arrival moves when the shipment
 * slips, so the slip is always visible as the difference.
 *
 * @param leadTimeDays days from arrival until the doses can be given at sites; {@code null} takes the brand's
 * @param allotment    how the doses are shared out between the regions
 */
public record Delivery(
        String id,
        String brand,
        long doses,
        LocalDate plannedArrival,
        LocalDate expectedArrival,
        DeliveryStatus status,
        String note,
        Integer leadTimeDays,
        Allotment allotment) {

    public Delivery {
        id = Require.text(id, "delivery id");
        brand = Require.text(brand, "brand of delivery " + id);
        Require.nonNegative(doses, "doses of delivery " + id);
        Require.present(plannedArrival, "planned arrival of delivery " + id);
        expectedArrival = expectedArrival == null ? plannedArrival : expectedArrival;
        Require.present(status, "status of delivery " + id);
        note = note == null ? "" : note;
        if (leadTimeDays != null) {
            Require.nonNegative(leadTimeDays, "lead time of delivery " + id);
        }
        allotment = allotment == null ? Allotment.BY_APPOINTMENTS : allotment;
    }

    /** A delivery with the brand's lead time, allotted in proportion to appointments. */
    public Delivery(String id, String brand, long doses, LocalDate plannedArrival, LocalDate expectedArrival,
                    DeliveryStatus status, String note) {
        this(id, brand, doses, plannedArrival, expectedArrival, status, note, null, Allotment.BY_APPOINTMENTS);
    }

    /** The lead time that applies: this delivery's own, else the brand's. */
    public int leadTimeDays(VaccineBrand ofBrand) {
        return leadTimeDays != null ? leadTimeDays : ofBrand.leadTimeDays();
    }

    /** The first day the doses can be given at sites. */
    public LocalDate usableFrom(VaccineBrand ofBrand) {
        return expectedArrival.plusDays(leadTimeDays(ofBrand));
    }

    /** Days the expected arrival lies after the planned one (negative when early). */
    public long delayDays() {
        return ChronoUnit.DAYS.between(plannedArrival, expectedArrival);
    }

    public boolean isSlipped() {
        return delayDays() > 0;
    }

    public Delivery withDoses(long newDoses) {
        return new Delivery(id, brand, newDoses, plannedArrival, expectedArrival, status, note, leadTimeDays, allotment);
    }

    public Delivery withExpectedArrival(LocalDate newExpected) {
        return new Delivery(id, brand, doses, plannedArrival, newExpected, status, note, leadTimeDays, allotment);
    }

    public Delivery withStatus(DeliveryStatus newStatus) {
        return new Delivery(id, brand, doses, plannedArrival, expectedArrival, newStatus, note, leadTimeDays, allotment);
    }

    public Delivery withNote(String newNote) {
        return new Delivery(id, brand, doses, plannedArrival, expectedArrival, status, newNote, leadTimeDays, allotment);
    }

    public Delivery withLeadTimeDays(Integer newLeadTimeDays) {
        return new Delivery(id, brand, doses, plannedArrival, expectedArrival, status, note, newLeadTimeDays,
                allotment);
    }

    public Delivery withAllotment(Allotment newAllotment) {
        return new Delivery(id, brand, doses, plannedArrival, expectedArrival, status, note, leadTimeDays,
                newAllotment);
    }

    /** Records a slip: the new expected date, status DELAYED, and the reason kept in the note. */
    public Delivery delayedTo(LocalDate newExpected, String reason) {
        String newNote = reason == null || reason.isBlank() ? note
                : note.isBlank() ? reason.strip() : note + "; " + reason.strip();
        return new Delivery(id, brand, doses, plannedArrival, newExpected, DeliveryStatus.DELAYED, newNote, leadTimeDays,
                allotment);
    }
}
