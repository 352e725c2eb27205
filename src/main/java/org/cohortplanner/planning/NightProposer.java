package org.cohortplanner.planning;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cohortplanner.domain.BookingWindow;
import org.cohortplanner.domain.Holiday;

/**
 * Proposes booking nights for the parts of a split: the first window's opening and closing times moved on by one
 * day per part, passing over nights that open on a public holiday (the plan proposes no booking night on a holiday),
 * as the 2021 campaign booked 53–54 on 19 July and 50–52 on 20 July.
 */
public final class NightProposer {
    private final Set<LocalDate> holidays;

    public NightProposer(Collection<Holiday> holidays) {
        this.holidays = new HashSet<>();
        for (Holiday holiday : holidays) {
            this.holidays.add(holiday.date());
        }
    }

    /**
     * {@code count} windows on consecutive nights, starting with the night {@code first} opens (or the next one that
     * is not a holiday). Each window keeps {@code first}'s times of day and length.
     */
    public List<BookingWindow> consecutiveNights(BookingWindow first, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one night must be proposed, got " + count);
        }
        List<BookingWindow> nights = new ArrayList<>(count);
        long shift = 0;
        while (nights.size() < count) {
            LocalDate night = first.opens().toLocalDate().plusDays(shift);
            if (!holidays.contains(night)) {
                nights.add(shiftedByDays(first, shift));
            }
            shift++;
        }
        return nights;
    }

    /** Days each proposed night lies after {@code first}'s, in the order of {@link #consecutiveNights}. */
    public long[] shiftsInDays(BookingWindow first, int count) {
        List<BookingWindow> nights = consecutiveNights(first, count);
        long[] shifts = new long[nights.size()];
        for (int i = 0; i < shifts.length; i++) {
            shifts[i] = ChronoUnit.DAYS.between(first.opens(), nights.get(i).opens());
        }
        return shifts;
    }

    private static BookingWindow shiftedByDays(BookingWindow window, long days) {
        return new BookingWindow(window.opens().plusDays(days), window.closes().plusDays(days));
    }
}
