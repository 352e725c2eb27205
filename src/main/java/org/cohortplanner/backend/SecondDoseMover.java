package org.cohortplanner.backend;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.SiteGroup;
import org.cohortplanner.domain.VaccineBrand;
import org.cohortplanner.planning.schedule.SecondDoseDay;

/**
 * Moves booked people's second-dose appointments when a saved plan changes their interval (an interval policy) and
 * records each move for the messaging system. A booking's interval is the plan's for its brand, first-dose day and
 * named group; only bookings whose interval differs between the plan before and after the save move, to the new
 * interval's day (off days the second dose's site group is closed, within the brand's allowed range, as the
 * schedule places second doses). The room held at site groups moves with them; a day over its doses per day is what
 * the console's preview warns about beforehand. All of it is one database transaction.
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

    /** Moves what {@code after} moves from {@code before}; answers the number of appointments moved. */
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
            int moved = 0;
            for (Standing booking : standing) {
                Optional<LocalDate> day = newDay(before, after, booking);
                if (day.isEmpty() || day.get().equals(booking.secondDay())) {
                    continue;
                }
                tx.update("UPDATE booking SET second_day = ? WHERE plan_id = ? AND booking_number = ?", day.get(),
                        ledger.planId(), booking.number());
                tx.giveBackRoom(booking.secondSite(), booking.secondDay());
                long dosesPerDay = after.sites().stream().filter(s -> s.name().equals(booking.secondSite()))
                        .mapToLong(SiteGroup::dosesPerDay).findFirst().orElse(0);
                tx.takeRoom(booking.secondSite(), day.get(), dosesPerDay);
                tx.update("INSERT INTO second_dose_notification (plan_id, sequence_number, booking_number, "
                        + "cohort_id, group_name, region_name, site_group_name, brand_name, first_day, "
                        + "second_day_told, second_day_now, plan_version, changed_at_utc) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ledger.planId(), ++sequence,
                        booking.number(), booking.cohortId(), booking.group(), booking.region(), booking.secondSite(),
                        booking.brand(), booking.firstDay(), booking.secondDay(), day.get(), after.version(), now);
                moved++;
            }
            return moved;
        });
    }

    /** The booking's second-dose day under {@code after}, or empty when its interval did not change. */
    private static Optional<LocalDate> newDay(Plan before, Plan after, Standing booking) {
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
        return SecondDoseDay.of(booking.firstDay(), is.get().interval().withDays(daysAfter),
                d -> !after.isHoliday(d) && site.map(s -> s.isOpenOn(d)).orElse(true));
    }

    /** One recorded move, as the notifications resource lists it. */
    record Notification(long sequence, long bookingNumber, String cohortId, String group, String region,
                        String siteGroup, String brand, LocalDate firstDay, LocalDate secondDayTold,
                        LocalDate secondDayNow, long planVersion, LocalDateTime changedAtUtc) {
    }

    /** The moves recorded after sequence number {@code since}, oldest first, at most {@code limit}. */
    List<Notification> since(long since, int limit) {
        return ledger.inTransaction(tx -> {
            List<Notification> found = new ArrayList<>();
            try (PreparedStatement query = tx.prepare("SELECT sequence_number, booking_number, cohort_id, group_name, "
                    + "region_name, site_group_name, brand_name, first_day, second_day_told, second_day_now, "
                    + "plan_version, changed_at_utc FROM second_dose_notification WHERE plan_id = ? AND "
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
                                rows.getObject(12, LocalDateTime.class)));
                    }
                }
            }
            return found;
        });
    }
}
