package org.cohortplanner.backend;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cohortplanner.store.StoreException;
import org.cohortplanner.store.h2.JdbcPlanStore;
import org.cohortplanner.store.h2.SqlDialect;

/**
 * The booking night's tables (V10): bookings, tickets, counters. Every change is made in one database transaction,
 * and every limit (a window's budget, a site group's doses per day, a minute's admissions) is taken by a conditional
 * {@code UPDATE ... SET n = n + 1 WHERE n < limit}, so that it holds across every backend instance on the database.
 * Nothing here is kept in Java memory between requests; the connections come from a small pool of their own.
 */
final class BookingLedger implements AutoCloseable {
    private static final int POOL_SIZE = 16;
    private static final int ATTEMPTS = 20;
    /** Unique or primary key violated (H2 and PostgreSQL alike). */
    private static final String UNIQUE = "23505";
    /** Deadlock, serialization failure, lock timeout: the transaction may be tried again. */
    private static final Set<String> TRY_AGAIN = Set.of("40001", "40P01", "HYT00", "55P03");

    /** A unit of work in one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Tx tx) throws SQLException;
    }

    /** The person already has a standing booking (the unique constraint said so). */
    static final class AlreadyBooked extends RuntimeException {
        AlreadyBooked() {
            super("already booked", null, false, false);
        }
    }

    private final String url;
    private final String user;
    private final String password;
    private final String where;
    private final long planId;
    private final BlockingQueue<Connection> idle = new ArrayBlockingQueue<>(POOL_SIZE);
    private final AtomicInteger open = new AtomicInteger();
    private volatile boolean closed;
    private final long numberOffset;

    private BookingLedger(String url, String user, String password, long planId) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.where = SqlDialect.shown(url);
        this.planId = planId;
        this.numberOffset = inTransaction(this::prepareNight);
    }

    /** Uses a database whose tables the plan store has brought up to date. */
    static BookingLedger open(String url, String user, String password) {
        return new BookingLedger(url, user, password, JdbcPlanStore.DEFAULT_PLAN_ID);
    }

    long planId() {
        return planId;
    }

    /** Makes the night's state row once; answers the booking-number offset. */
    private long prepareNight(Tx tx) throws SQLException {
        try (PreparedStatement select = tx.prepare("SELECT booking_number_offset FROM night_state WHERE plan_id = ?")) {
            select.setLong(1, planId);
            try (ResultSet rows = select.executeQuery()) {
                if (rows.next()) {
                    return rows.getLong(1);
                }
            }
        }
        long offset;
        try (PreparedStatement max = tx.prepare("SELECT COALESCE(MAX(booking_number), 0) FROM booking "
                + "WHERE plan_id = ?")) {
            max.setLong(1, planId);
            try (ResultSet rows = max.executeQuery()) {
                rows.next();
                offset = rows.getLong(1);
            }
        }
        if (!tx.insertUnlessPresent("INSERT INTO night_state (plan_id, released_up_to_minute, booking_number_offset) "
                + "VALUES (?, ?, ?)", planId, Long.MIN_VALUE / 2, offset)) {
            throw new TryAgain();
        }
        return offset;
    }

    /** Runs {@code work} in one transaction, trying again on a deadlock or a lost race; commits on success. */
    <T> T inTransaction(Work<T> work) {
        SQLException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Connection connection = borrow();
            boolean healthy = true;
            try {
                connection.setAutoCommit(false);
                T result = work.run(new Tx(connection));
                connection.commit();
                return result;
            } catch (TryAgain again) {
                rollback(connection);
            } catch (Undo undo) {
                rollback(connection);
                @SuppressWarnings("unchecked")
                T result = (T) undo.result;
                return result;
            } catch (AlreadyBooked | ApiException refused) {
                rollback(connection);
                throw refused;
            } catch (SQLException failure) {
                rollback(connection);
                if (UNIQUE.equals(failure.getSQLState()) && failure.getMessage() != null
                        && failure.getMessage().toUpperCase(java.util.Locale.ROOT).contains("UQ_BOOKING_ACTIVE_PERSON")) {
                    throw new AlreadyBooked();
                }
                if (!TRY_AGAIN.contains(failure.getSQLState()) && !UNIQUE.equals(failure.getSQLState())) {
                    healthy = isValid(connection);
                    throw new StoreException("the booking night's tables in " + where + " failed: "
                            + JdbcPlanStore.describe(failure), failure);
                }
                last = failure;
            } catch (RuntimeException failure) {
                rollback(connection);
                throw failure;
            } finally {
                giveBack(connection, healthy);
            }
            pause(attempt);
        }
        throw new StoreException("the booking night's tables in " + where + " stayed busy: "
                + (last == null ? "a race was lost " + ATTEMPTS + " times" : JdbcPlanStore.describe(last)), last);
    }

    /** Thrown by work that lost a race it can see (a row taken meanwhile): the transaction is tried again. */
    static final class TryAgain extends RuntimeException {
        TryAgain() {
            super("try again", null, false, false);
        }
    }

    /** Thrown by work that decides to leave nothing changed: the transaction is rolled back and answers result. */
    static final class Undo extends RuntimeException {
        private final transient Object result;

        Undo(Object result) {
            super("undo", null, false, false);
            this.result = result;
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(50, 1L + attempt * 3L));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while the booking tables were busy", null);
        }
    }

    private Connection borrow() {
        if (closed) {
            throw new StoreException("the backend is stopping; the bookings of " + where + " are closed", null);
        }
        Connection connection = idle.poll();
        if (connection != null) {
            return connection;
        }
        if (open.incrementAndGet() <= POOL_SIZE) {
            try {
                return DriverManager.getConnection(url, user, password);
            } catch (SQLException failure) {
                open.decrementAndGet();
                throw new StoreException("cannot open the bookings of " + where + ": "
                        + JdbcPlanStore.describe(failure), failure);
            }
        }
        open.decrementAndGet();
        try {
            connection = idle.poll(30, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for a connection to " + where, null);
        }
        if (connection == null) {
            throw new StoreException("no connection to " + where + " came free within 30 s", null);
        }
        return connection;
    }

    private void giveBack(Connection connection, boolean healthy) {
        if (healthy && !closed && idle.offer(connection)) {
            return;
        }
        open.decrementAndGet();
        quietlyClose(connection);
    }

    private static boolean isValid(Connection connection) {
        try {
            return connection.isValid(2);
        } catch (SQLException failure) {
            return false;
        }
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The connection is broken; giveBack drops it when it is not valid.
        }
    }

    private static void quietlyClose(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Nothing uncommitted is on it.
        }
    }

    @Override
    public void close() {
        closed = true;
        Connection connection;
        while ((connection = idle.poll()) != null) {
            quietlyClose(connection);
        }
    }

    /** One transaction's statements. */
    final class Tx {
        private final Connection connection;

        Tx(Connection connection) {
            this.connection = connection;
        }

        PreparedStatement prepare(String sql) throws SQLException {
            return connection.prepareStatement(sql);
        }

        /** Inserts a row; false when its key exists already (the transaction goes on). */
        boolean insertUnlessPresent(String sql, Object... values) throws SQLException {
            Savepoint savepoint = connection.setSavepoint();
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    insert.setObject(i + 1, values[i]);
                }
                insert.executeUpdate();
                connection.releaseSavepoint(savepoint);
                return true;
            } catch (SQLException failure) {
                if (UNIQUE.equals(failure.getSQLState())) {
                    connection.rollback(savepoint);
                    return false;
                }
                throw failure;
            }
        }

        int update(String sql, Object... values) throws SQLException {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    update.setObject(i + 1, values[i]);
                }
                return update.executeUpdate();
            }
        }

        long queryLong(String sql, Object... values) throws SQLException {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    query.setObject(i + 1, values[i]);
                }
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? rows.getLong(1) : 0;
                }
            }
        }

        // ---- counters ----

        /** Adds one to a window's first-dose bookings if fewer than {@code limit} stand. */
        boolean takeBudget(String cohortId, long limit) throws SQLException {
            ensureCohort(cohortId);
            return update("UPDATE night_cohort SET booked = booked + 1 WHERE plan_id = ? AND cohort_id = ? "
                    + "AND booked < ?", planId, cohortId, limit) == 1;
        }

        void giveBackBudget(String cohortId) throws SQLException {
            update("UPDATE night_cohort SET booked = booked - 1 WHERE plan_id = ? AND cohort_id = ? AND booked > 0",
                    planId, cohortId);
        }

        void countCohort(String cohortId, String column) throws SQLException {
            ensureCohort(cohortId);
            update("UPDATE night_cohort SET " + column + " = " + column + " + 1 WHERE plan_id = ? AND cohort_id = ?",
                    planId, cohortId);
        }

        private void ensureCohort(String cohortId) throws SQLException {
            if (queryLong("SELECT COUNT(*) FROM night_cohort WHERE plan_id = ? AND cohort_id = ?", planId,
                    cohortId) == 0) {
                insertUnlessPresent("INSERT INTO night_cohort (plan_id, cohort_id, booked, turned_away, busy) "
                        + "VALUES (?, ?, 0, 0, 0)", planId, cohortId);
            }
        }

        /** Holds one dose at a site group on a day if fewer than {@code dosesPerDay} are held. */
        boolean takeRoom(String siteGroup, LocalDate day, long dosesPerDay) throws SQLException {
            if (dosesPerDay <= 0) {
                return false;
            }
            if (update("UPDATE night_site_day SET doses_held = doses_held + 1 WHERE plan_id = ? "
                    + "AND site_group_name = ? AND appointment_day = ? AND doses_held < ?", planId, siteGroup, day,
                    dosesPerDay) == 1) {
                return true;
            }
            if (insertUnlessPresent("INSERT INTO night_site_day (plan_id, site_group_name, appointment_day, "
                    + "doses_held) VALUES (?, ?, ?, 1)", planId, siteGroup, day)) {
                return true;
            }
            return update("UPDATE night_site_day SET doses_held = doses_held + 1 WHERE plan_id = ? "
                    + "AND site_group_name = ? AND appointment_day = ? AND doses_held < ?", planId, siteGroup, day,
                    dosesPerDay) == 1;
        }

        void giveBackRoom(String siteGroup, LocalDate day) throws SQLException {
            update("UPDATE night_site_day SET doses_held = doses_held - 1 WHERE plan_id = ? AND site_group_name = ? "
                    + "AND appointment_day = ? AND doses_held > 0", planId, siteGroup, day);
        }

        /** Doses held per site group and day between two days, for the site groups of a region. */
        Map<String, Long> roomHeld(LocalDate from, LocalDate to) throws SQLException {
            Map<String, Long> held = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT site_group_name, appointment_day, "
                    + "doses_held FROM night_site_day WHERE plan_id = ? AND appointment_day BETWEEN ? AND ?")) {
                query.setLong(1, planId);
                query.setObject(2, from);
                query.setObject(3, to);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        held.put(siteDay(rows.getString(1), rows.getObject(2, LocalDate.class)), rows.getLong(3));
                    }
                }
            }
            return held;
        }

        /** Adds one to a minute's count; with {@code limit} >= 0, only while the count is below it. */
        boolean countMinute(long minute, String column, long limit) throws SQLException {
            String sql = "UPDATE night_minute SET " + column + " = " + column + " + 1 WHERE plan_id = ? "
                    + "AND minute_utc = ?" + (limit >= 0 ? " AND " + column + " < " + limit : "");
            if (update(sql, planId, minute) == 1) {
                return true;
            }
            ensureMinute(minute);
            return update(sql, planId, minute) == 1;
        }

        private void ensureMinute(long minute) throws SQLException {
            if (queryLong("SELECT COUNT(*) FROM night_minute WHERE plan_id = ? AND minute_utc = ?", planId,
                    minute) == 0) {
                insertUnlessPresent("INSERT INTO night_minute (plan_id, minute_utc, arrived, admitted, booked, "
                        + "turned_away, busy, queue_length) VALUES (?, ?, 0, 0, 0, 0, 0, 0)", planId, minute);
            }
        }

        void setQueueLength(long minute) throws SQLException {
            ensureMinute(minute);
            update("UPDATE night_minute SET queue_length = (SELECT COUNT(*) FROM night_ticket WHERE plan_id = ? "
                    + "AND state = 'WAITING') WHERE plan_id = ? AND minute_utc = ?", planId, planId, minute);
        }

        long minuteCount(long minute, String column) throws SQLException {
            return queryLong("SELECT " + column + " FROM night_minute WHERE plan_id = ? AND minute_utc = ?", planId,
                    minute);
        }

        // ---- bookings ----

        long nextBookingNumber() throws SQLException {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO booking_number (plan_id) "
                    + "VALUES (?)", Statement.RETURN_GENERATED_KEYS)) {
                insert.setLong(1, planId);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return numberOffset + keys.getLong(1);
                }
            }
        }

        void record(Booking booking) throws SQLException {
            update("INSERT INTO booking (plan_id, booking_number, booked_at_utc, cohort_id, birth_date, region_name, "
                    + "site_group_name, appointment_day, brand_name, doses_reserved, person_hash, active_person_hash, "
                    + "second_site_group_name, second_day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    planId, booking.number(), utc(booking.bookedAt()), booking.cohortId(), booking.birthDate(),
                    booking.region(), booking.siteGroup(), booking.day(), booking.brand(), booking.dosesReserved(),
                    booking.personHash(), booking.personHash(), booking.secondSiteGroup(), booking.secondDay());
        }

        Optional<Booking> standingBookingOf(String personHash) throws SQLException {
            return bookings("active_person_hash = ?", personHash).stream().findFirst();
        }

        Optional<Booking> booking(long number) throws SQLException {
            return bookings("booking_number = ?", number).stream().findFirst();
        }

        /** Marks a standing booking cancelled; false when it was not standing. */
        boolean cancel(Booking booking, Instant at) throws SQLException {
            return update("UPDATE booking SET cancelled_at_utc = ?, active_person_hash = NULL WHERE plan_id = ? "
                    + "AND booking_number = ? AND cancelled_at_utc IS NULL", utc(at), planId, booking.number()) == 1;
        }

        Map<String, Long> standingByBrand(String cohortId) throws SQLException {
            Map<String, Long> byBrand = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT brand_name, COUNT(*) FROM booking "
                    + "WHERE plan_id = ? AND cohort_id = ? AND cancelled_at_utc IS NULL GROUP BY brand_name")) {
                query.setLong(1, planId);
                query.setString(2, cohortId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        byBrand.put(rows.getString(1), rows.getLong(2));
                    }
                }
            }
            return byBrand;
        }

        private List<Booking> bookings(String condition, Object value) throws SQLException {
            List<Booking> found = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT booking_number, booked_at_utc, "
                    + "cohort_id, birth_date, region_name, site_group_name, appointment_day, brand_name, "
                    + "doses_reserved, person_hash, second_site_group_name, second_day, cancelled_at_utc "
                    + "FROM booking WHERE plan_id = ? AND " + condition)) {
                query.setLong(1, planId);
                query.setObject(2, value);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        LocalDateTime cancelled = rows.getObject(13, LocalDateTime.class);
                        found.add(new Booking(rows.getLong(1), instant(rows.getObject(2, LocalDateTime.class)),
                                rows.getString(3), rows.getObject(4, LocalDate.class), rows.getString(5),
                                rows.getString(6), rows.getObject(7, LocalDate.class), rows.getString(8),
                                rows.getInt(9), rows.getString(10), rows.getString(11),
                                rows.getObject(12, LocalDate.class), cancelled == null ? null : instant(cancelled)));
                    }
                }
            }
            return found;
        }

        // ---- tickets ----

        /** A new waiting ticket; empty when the person already waits (their ticket is then in {@link #waitingOf}). */
        boolean addTicket(String ticketId, String personHash, String cohortId, LocalDate birthDate, String region,
                          long opensMinute, int group, Long key) throws SQLException {
            boolean added = insertUnlessPresent("INSERT INTO night_ticket (plan_id, ticket_id, person_hash, "
                    + "waiting_person_hash, cohort_id, birth_date, region_name, opens_minute_utc, queue_group, "
                    + "queue_key, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'WAITING')", planId, ticketId,
                    personHash, personHash, cohortId, birthDate, region, opensMinute, group, key == null ? 0L : key);
            if (added && key == null) {
                update("UPDATE night_ticket SET queue_key = arrival WHERE ticket_id = ?", ticketId);
            }
            return added;
        }

        Optional<Ticket> waitingOf(String personHash) throws SQLException {
            return tickets("waiting_person_hash = ?", personHash, 1).stream().findFirst();
        }

        Optional<Ticket> ticket(String ticketId) throws SQLException {
            return tickets("ticket_id = ?", ticketId, 1).stream().findFirst();
        }

        /** The first waiting ticket whose window is open at {@code minute}, in queue order. */
        Optional<Ticket> head(long minute) throws SQLException {
            return tickets("state = 'WAITING' AND opens_minute_utc <= ? ORDER BY queue_group, queue_key", minute, 1)
                    .stream().findFirst();
        }

        /** Takes a waiting ticket out of the queue; false when another request took it first. */
        boolean admit(Ticket ticket) throws SQLException {
            return update("UPDATE night_ticket SET state = 'ADMITTED', waiting_person_hash = NULL WHERE ticket_id = ? "
                    + "AND state = 'WAITING'", ticket.id()) == 1;
        }

        void settle(Ticket ticket, String state, Long bookingNumber, String reason, String message)
                throws SQLException {
            update("UPDATE night_ticket SET state = ?, booking_number = ?, reason = ?, message = ? WHERE ticket_id = ?",
                    state, bookingNumber, reason, message == null ? null
                            : message.substring(0, Math.min(1000, message.length())), ticket.id());
        }

        long waitingAhead(Ticket ticket) throws SQLException {
            return queryLong("SELECT COUNT(*) FROM night_ticket WHERE plan_id = ? AND state = 'WAITING' "
                    + "AND (queue_group < ? OR (queue_group = ? AND queue_key < ?))", planId, ticket.group(),
                    ticket.group(), ticket.key());
        }

        long waiting(long openAt) throws SQLException {
            return queryLong("SELECT COUNT(*) FROM night_ticket WHERE plan_id = ? AND state = 'WAITING' "
                    + "AND opens_minute_utc <= ?", planId, openAt);
        }

        Map<String, Long> waitingByCohort() throws SQLException {
            Map<String, Long> counts = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT cohort_id, COUNT(*) FROM night_ticket "
                    + "WHERE plan_id = ? AND state = 'WAITING' GROUP BY cohort_id")) {
                query.setLong(1, planId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        counts.put(rows.getString(1), rows.getLong(2));
                    }
                }
            }
            return counts;
        }

        private List<Ticket> tickets(String condition, Object value, int limit) throws SQLException {
            List<Ticket> found = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT ticket_id, person_hash, cohort_id, "
                    + "birth_date, region_name, opens_minute_utc, queue_group, queue_key, state, booking_number, "
                    + "reason, message FROM night_ticket WHERE plan_id = ? AND " + condition)) {
                query.setLong(1, planId);
                query.setObject(2, value);
                query.setMaxRows(limit);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        long number = rows.getLong(10);
                        Long booking = rows.wasNull() ? null : number;
                        found.add(new Ticket(rows.getString(1), rows.getString(2), rows.getString(3),
                                rows.getObject(4, LocalDate.class), rows.getString(5), rows.getLong(6),
                                rows.getInt(7), rows.getLong(8), rows.getString(9), booking, rows.getString(11),
                                rows.getString(12)));
                    }
                }
            }
            return found;
        }

        // ---- the waiting room's progress ----

        long releasedUpTo() throws SQLException {
            return queryLong("SELECT released_up_to_minute FROM night_state WHERE plan_id = ?", planId);
        }

        void released(long minute) throws SQLException {
            update("UPDATE night_state SET released_up_to_minute = ? WHERE plan_id = ? AND released_up_to_minute < ?",
                    minute, planId, minute);
        }

        // ---- live counts ----

        Map<String, long[]> cohortCounts() throws SQLException {
            Map<String, long[]> counts = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT cohort_id, booked, turned_away, busy "
                    + "FROM night_cohort WHERE plan_id = ?")) {
                query.setLong(1, planId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        counts.put(rows.getString(1), new long[] {rows.getLong(2), rows.getLong(3), rows.getLong(4)});
                    }
                }
            }
            return counts;
        }

        /** Minute rows from {@code from} on: minute, arrived, admitted, booked, turned away, busy, queue length. */
        List<long[]> minutes(long from, long to) throws SQLException {
            List<long[]> rows = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT minute_utc, arrived, admitted, booked, "
                    + "turned_away, busy, queue_length FROM night_minute WHERE plan_id = ? AND minute_utc BETWEEN ? "
                    + "AND ? ORDER BY minute_utc")) {
                query.setLong(1, planId);
                query.setLong(2, from);
                query.setLong(3, to);
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        long[] row = new long[7];
                        for (int i = 0; i < row.length; i++) {
                            row[i] = result.getLong(i + 1);
                        }
                        rows.add(row);
                    }
                }
            }
            return rows;
        }
    }

    /** A waiting-room ticket as stored. */
    record Ticket(String id, String personHash, String cohortId, LocalDate birthDate, String region, long opensMinute,
                  int group, long key, String state, Long bookingNumber, String reason, String message) {
    }

    static String siteDay(String site, LocalDate day) {
        return site + '\n' + day;
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(LocalDateTime utc) {
        return utc.toInstant(ZoneOffset.UTC);
    }
}
