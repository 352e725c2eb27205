package org.cohortplanner.ui.timeline;

import java.time.LocalDateTime;

/**
 * A labelled line of the time axis.
 *
 * @param major true for the upper row of labels (days when hours are shown, months when days are)
 */
public record AxisTick(LocalDateTime time, String label, boolean major) {
}
