package org.cohortplanner.backend;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.cohortplanner.domain.DoseInterval;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.SiteGroup;
import org.cohortplanner.domain.VaccineBrand;
import org.cohortplanner.planning.schedule.SecondDoseDay;

/**
 * Moves booked people's second-dose appointments when a saved plan changes their interval (an interval policy) and
 * records each move for the messaging system. A booking's interval is the plan's for its brand, first-dose day and
 * named group; only bookings whose interval differs between the plan before and after the save move, to the new
 * interval's day (off days the second dose's site group is closed, within the brand's allowed range, as the
 * schedule places second doses). The room held at site groups moves with them, and a move never holds more doses on
 * a day than the site group gives: the nearest day within the allowed interval that has room is taken, and where
 * none has, the person keeps the day they were told and the notification says why. All of it is one database
 * transaction.
 */
final class SecondDoseMover {
    private final BookingLedger ledger;
    private final Clock clock;

    SecondDoseMover(BookingLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    /** A booked second dose as the move needs it. */
    private record Standing(long number, String cohortId, String group, String region, String firstSite,
                            LocalDate firstDay, String brand, String secondSite, LocalDate secondDay) {
    }

    /**
     * Moves what {@code after} moves from {@code before}; answers the number of appointments moved (a second dose
     * that could not be moved for want of room is listed but not counted).
     */
    int move(Plan before, Plan after) {
        if (before == null || before.intervalPolicies().equals(after.intervalPolicies())
                && before.brands().equals(after.brands())) {
            return 0;
        }
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return ledger.inTransaction(tx -> {
            List<Standing> standing = new ArrayList<>();
            try (PreparedStatement query = tx.prepare("SELECT booking_number, cohort_id, group_name, region_name, "
                    + "site_group_name, appointment_day, brand_name, second_site_group_name, second_day FROM booking "
                    + "WHERE plan_id = ? AND cancelled_at_utc IS NULL AND second_day IS NOT NULL "
                    + "ORDER BY booking_number")) {
                query.setLong(1, ledger.planId());
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        standing.add(new Standing(rows.getLong(1), rows.getString(2), rows.getString(3),
                                rows.getString(4), rows.getString(5), rows.getObject(6, LocalDate.class),
                                rows.getString(7), rows.getString(8), rows.getObject(9, LocalDate.class)));
                    }
                }
            }
            long sequence = tx.queryLong("SELECT COALESCE(MAX(sequence_number), 0) FROM second_dose_notification "
                    + "WHERE plan_id = ?", ledger.planId());
            Map<String, Long> held = standing.isEmpty() ? new HashMap<>() : tx.roomHeld(
                    standing.stream().map(Standing::firstDay).min(LocalDate::compareTo).orElseThrow(),
                    standing.stream().map(Standing::firstDay).max(LocalDate::compareTo).orElseThrow()
                            .plusDays(longestInterval(after)));
            int moved = 0;
            for (Standing booking : standing) {
                Optional<Move> move = move(before, after, booking, held);
                if (move.isEmpty()) {
                    continue;
                }
                LocalDate newDay = move.get().day();
                if (newDay != null) {
                    tx.update("UPDATE booking SET second_day = ? WHERE plan_id = ? AND booking_number = ?", newDay,
                            ledger.planId(), booking.number());
                    tx.giveBackRoom(booking.secondSite(), booking.secondDay());
                    held.merge(BookingLedger.siteDay(booking.secondSite(), booking.secondDay()), -1L, Long::sum);
                    if (!tx.takeRoom(booking.secondSite(), newDay, dosesPerDay(after, booking.secondSite()))) {
                        // Another backend filled the day meanwhile: decide every move again on what is there now.
                        throw new BookingLedger.TryAgain();
                    }
                    held.merge(BookingLedger.siteDay(booking.secondSite(), newDay), 1L, Long::sum);
                    moved++;
                }
                tx.update("INSERT INTO second_dose_notification (plan_id, sequence_number, booking_number, "
                        + "cohort_id, group_name, region_name, site_group_name, brand_name, first_day, "
                        + "second_day_told, second_day_now, plan_version, changed_at_utc, not_moved_reason) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ledger.planId(), ++sequence,
                        booking.number(), booking.cohortId(), booking.group(), booking.region(), booking.secondSite(),
                        booking.brand(), booking.firstDay(), booking.secondDay(),
                        newDay == null ? booking.secondDay() : newDay, after.version(), now, move.get().notMovedReason());
            }
            return moved;
        });
    }

    /**
     * What a changed interval does to one booked second dose: a new day ({@code day}), or no day with room at its site
     * group within the allowed interval ({@code day} null and the reason why the person keeps the day they were told).
     */
    private record Move(LocalDate day, String notMovedReason) {
    }

    /**
     * The booking's second dose under {@code after}: empty when its interval did not change or the new interval
     * gives the same day; else the nearest day to the new interval, within the brand's allowed range, on which its
     * site group is open and has room ({@code held}), so that a move never holds more doses on a day than the site
     * group gives.
     */
    private static Optional<Move> move(Plan before, Plan after, Standing booking, Map<String, Long> held) {
        Optional<VaccineBrand> was = before.brand(booking.brand());
        Optional<VaccineBrand> is = after.brand(booking.brand());
        if (was.isEmpty() || is.isEmpty() || !is.get().needsSecondDose()) {
            return Optional.empty();
        }
        int daysBefore = before.intervalDays(was.get(), booking.firstDay(), booking.group());
        int daysAfter = after.intervalDays(is.get(), booking.firstDay(), booking.group());
        if (daysBefore == daysAfter) {
            return Optional.empty();
        }
        Optional<SiteGroup> site = after.sites().stream().filter(s -> s.name().equals(booking.secondSite()))
                .findFirst();
        DoseInterval interval = is.get().interval().withDays(daysAfter);
        Predicate<LocalDate> open = d -> !after.isHoliday(d) && site.map(s -> s.isOpenOn(d)).orElse(true);
        Optional<LocalDate> wanted = SecondDoseDay.of(booking.firstDay(), interval, open);
        if (wanted.isEmpty() || wanted.get().equals(booking.secondDay())) {
            return Optional.empty();
        }
        long dosesPerDay = site.map(SiteGroup::dosesPerDay).orElse(0);
        Optional<LocalDate> withRoom = SecondDoseDay.of(booking.firstDay(), interval, d -> open.test(d)
                && (d.equals(booking.secondDay()) || held.getOrDefault(BookingLedger.siteDay(booking.secondSite(), d),
                0L) < dosesPerDay));
        if (withRoom.isPresent() && !withRoom.get().equals(booking.secondDay())) {
            return Optional.of(new Move(withRoom.get(), null));
        }
        return Optional.of(new Move(null, booking.secondSite() + " has no room for another second dose on any open "
                + "day from " + booking.firstDay().plusDays(interval.minimumDays()) + " to "
                + booking.firstDay().plusDays(interval.maximumDays()) + " (" + interval.minimumDays() + " to "
                + interval.maximumDays() + " days after the first dose; " + daysAfter + " wanted): the second dose "
                + "stays on " + booking.secondDay() + ", the day the person was told"));
    }

    private static long dosesPerDay(Plan plan, String siteGroup) {
        return plan.sites().stream().filter(s -> s.name().equals(siteGroup)).mapToLong(SiteGroup::dosesPerDay)
                .findFirst().orElse(0);
    }

    private static int longestInterval(Plan plan) {
        return plan.brands().stream().mapToInt(b -> b.interval().maximumDays()).max().orElse(0);
    }

    /** One recorded move, as the notifications resource lists it. */
    record Notification(long sequence, long bookingNumber, String cohortId, String group, String region,
                        String siteGroup, String brand, LocalDate firstDay, LocalDate secondDayTold,
                        LocalDate secondDayNow, long planVersion, LocalDateTime changedAtUtc,
                        String notMovedReason) {
        /** Whether the second dose kept its told day because no day within the new interval had room. */
        boolean notMoved() {
            return notMovedReason != null;
        }
    }

    /** The moves recorded after sequence number {@code since}, oldest first, at most {@code limit}. */
    List<Notification> since(long since, int limit) {
        return ledger.inTransaction(tx -> {
            List<Notification> found = new ArrayList<>();
            try (PreparedStatement query = tx.prepare("SELECT sequence_number, booking_number, cohort_id, group_name, "
                    + "region_name, site_group_name, brand_name, first_day, second_day_told, second_day_now, "
                    + "plan_version, changed_at_utc, not_moved_reason FROM second_dose_notification WHERE plan_id = ? AND "
                    + "sequence_number > ? ORDER BY sequence_number")) {
                query.setLong(1, ledger.planId());
                query.setLong(2, since);
                query.setMaxRows(limit);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        found.add(new Notification(rows.getLong(1), rows.getLong(2), rows.getString(3),
                                rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7),
                                rows.getObject(8, LocalDate.class), rows.getObject(9, LocalDate.class),
                                rows.getObject(10, LocalDate.class), rows.getLong(11),
                                rows.getObject(12, LocalDateTime.class), rows.getString(13)));
                    }
                }
            }
            return found;
        });
    }
}
