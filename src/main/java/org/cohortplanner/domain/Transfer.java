package org.cohortplanner.domain;

import java.time.LocalDate;

/**
 * Doses of one brand moved from one region's stock to another's, as the supply officer recorded it. The doses
 * leave the sending region on {@code shipped} and can be given in the receiving one {@code leadTimeDays} later.
 */
public record Transfer(
        String id,
        String brand,
        long doses,
        String fromRegion,
        String toRegion,
        LocalDate shipped,
        int leadTimeDays,
        String note) {

    public Transfer {
        id = Require.text(id, "transfer id");
        brand = Require.text(brand, "brand of transfer " + id);
        Require.nonNegative(doses, "doses of transfer " + id);
        fromRegion = Require.text(fromRegion, "sending region of transfer " + id);
        toRegion = Require.text(toRegion, "receiving region of transfer " + id);
        if (fromRegion.equals(toRegion)) {
            throw new IllegalArgumentException("transfer " + id + " sends doses from " + fromRegion + " to itself");
        }
        Require.present(shipped, "shipping day of transfer " + id);
        Require.nonNegative(leadTimeDays, "lead time of transfer " + id);
        note = note == null ? "" : note;
    }

    /** The first day the doses can be given in the receiving region. */
    public LocalDate usableFrom() {
        return shipped.plusDays(leadTimeDays);
    }
}
