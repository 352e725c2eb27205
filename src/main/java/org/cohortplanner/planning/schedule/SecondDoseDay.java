package org.cohortplanner.planning.schedule;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import org.cohortplanner.domain.DoseInterval;

/**
 * Where a second dose falls: the brand's interval after the first dose, moved off days the sites are closed (closed
 * weekdays, public holidays) to the nearest open day the allowed interval permits — later first, since a few days
 * more keeps within the label more often than fewer, then earlier.
 */
public final class SecondDoseDay {
    private SecondDoseDay() {
    }

    /**
     * @param firstDose the day of the first dose
     * @param interval  the brand's interval with its allowed minimum and maximum
     * @param open      whether a site that gives the brand is open on a day
     * @return the second-dose day, or empty when no day within the allowed interval is open
     */
    public static Optional<LocalDate> of(LocalDate firstDose, DoseInterval interval, Predicate<LocalDate> open) {
        int offset = offset(interval, days -> open.test(firstDose.plusDays(days)));
        return offset < 0 ? Optional.empty() : Optional.of(firstDose.plusDays(offset));
    }

    /** Days from the first dose to the second, or -1 when no allowed day is open. */
    static int offset(DoseInterval interval, IntPredicate openAfter) {
        if (openAfter.test(interval.days())) {
            return interval.days();
        }
        for (int days = interval.days() + 1; days <= interval.maximumDays(); days++) {
            if (openAfter.test(days)) {
                return days;
            }
        }
        for (int days = interval.days() - 1; days >= interval.minimumDays() && days > 0; days--) {
            if (openAfter.test(days)) {
                return days;
            }
        }
        return -1;
    }
}
