package org.cohortplanner.simulation;

/** From {@code atMinute} after the opening, the booking system has {@code slots} concurrent session slots. */
public record SlotChange(double atMinute, int slots) {
    public SlotChange {
        if (!Double.isFinite(atMinute) || atMinute < 0) {
            throw new IllegalArgumentException("a capacity change must come at or after the opening, got minute "
                    + atMinute);
        }
        if (slots < 1) {
            throw new IllegalArgumentException("a capacity change must leave at least 1 session slot, got " + slots);
        }
    }
}
