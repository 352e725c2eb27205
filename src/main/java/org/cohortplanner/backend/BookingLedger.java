package org.cohortplanner.backend;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.cohortplanner.store.StoreException;
import org.cohortplanner.store.h2.JdbcPlanStore;
import org.cohortplanner.store.h2.SqlDialect;

/** The bookings table: every appointment is on disk before the citizen is told it is booked. */
final class BookingLedger implements AutoCloseable {

    /** How many bookings share a cohort, brand, site group and day. */
    record Tally(String cohortId, String brand, String siteGroup, LocalDate day, long bookings) {
    }

    private final Connection connection;
    private final String where;
    private final long planId;

    private BookingLedger(Connection connection, String where, long planId) {
        this.connection = connection;
        this.where = where;
        this.planId = planId;
    }

    /** Opens a connection of its own to a database whose tables the plan store has brought up to date. */
    static BookingLedger open(String url, String user, String password) {
        String where = SqlDialect.shown(url);
        try {
            Connection connection = DriverManager.getConnection(url, user, password);
            connection.setAutoCommit(true);
            return new BookingLedger(connection, where, JdbcPlanStore.DEFAULT_PLAN_ID);
        } catch (SQLException failure) {
            throw new StoreException("cannot open the bookings of " + where + ": "
                    + JdbcPlanStore.describe(failure), failure);
        }
    }

    synchronized long lastNumber() {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT MAX(booking_number) FROM booking WHERE plan_id = ?")) {
            statement.setLong(1, planId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException failure) {
            throw new StoreException("cannot read the bookings of " + where + ": "
                    + JdbcPlanStore.describe(failure), failure);
        }
    }

    synchronized List<Tally> tallies() {
        List<Tally> tallies = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT cohort_id, brand_name, "
                + "site_group_name, appointment_day, COUNT(*) FROM booking WHERE plan_id = ? "
                + "GROUP BY cohort_id, brand_name, site_group_name, appointment_day")) {
            statement.setLong(1, planId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tallies.add(new Tally(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getObject(4, LocalDate.class), rows.getLong(5)));
                }
            }
            return tallies;
        } catch (SQLException failure) {
            throw new StoreException("cannot read the bookings of " + where + ": "
                    + JdbcPlanStore.describe(failure), failure);
        }
    }

    synchronized void record(Booking booking) {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO booking (plan_id, booking_number, "
                + "booked_at_utc, cohort_id, birth_date, region_name, site_group_name, appointment_day, brand_name, "
                + "doses_reserved) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int i = 0;
            insert.setLong(++i, planId);
            insert.setLong(++i, booking.number());
            insert.setObject(++i, LocalDateTime.ofInstant(booking.bookedAt(), ZoneOffset.UTC));
            insert.setString(++i, booking.cohortId());
            insert.setObject(++i, booking.birthDate());
            insert.setString(++i, booking.region());
            insert.setString(++i, booking.siteGroup());
            insert.setObject(++i, booking.day());
            insert.setString(++i, booking.brand());
            insert.setInt(++i, booking.dosesReserved());
            insert.executeUpdate();
        } catch (SQLException failure) {
            throw new StoreException("cannot store the booking in " + where + ": "
                    + JdbcPlanStore.describe(failure), failure);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing at shutdown: every booking was committed when it was made.
        }
    }
}
