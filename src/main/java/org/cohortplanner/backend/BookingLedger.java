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
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.cohortplanner.store.StoreException;
import org.cohortplanner.store.h2.JdbcPlanStore;
import org.cohortplanner.store.h2.SqlDialect;

/**
 * The booking night's tables (V10): bookings, tickets, counters. Every change is made in one database transaction,
 * and every limit (a window's budget, a site group's doses per day, a minute's admissions) is taken by a conditional
 * {@code UPDATE ... SET n = n + 1 WHERE n < limit}, so that it holds across every backend instance on the database.
 * Nothing of the night is kept in Java memory between requests (only this backend's block of unused booking
 * numbers); reads use a small pool of connections of their own, and the night's writes go through one writer that
 * commits those arriving together in one transaction ({@link #inBatch}).
 */
final class BookingLedger implements AutoCloseable {
    /**
     * Connections of an H2 database in this process: its transactions run on this machine's cores, and every booking
     * changes the same few counter rows, so more connections than cores only queue on those rows' locks (measured:
     * 1,170 bookings/s with 2, 210/s with 4, under load on 2 cores; docs/benchmarks.md).
     */
    private static final int H2_POOL_SIZE = Integer.getInteger("cohortplanner.bookingConnections", 2);
    /** Connections of a database server (PostgreSQL): a transaction waits on the network and the disk as well. */
    private static final int SERVER_POOL_SIZE = Integer.getInteger("cohortplanner.bookingConnections", 16);
    private static final int ATTEMPTS = 20;
    /**
     * Whether the night's writes share commits ({@link #inBatch}); {@code -Dcohortplanner.groupCommit=false} gives
     * every write a commit of its own (to measure the difference, docs/benchmarks.md).
     */
    private static final boolean GROUP_COMMIT = !"false".equals(System.getProperty("cohortplanner.groupCommit"));
    /** Writes committed together at most: enough to share an fsync, few enough to hold the night's rows briefly. */
    private static final int BATCH_MAX = Integer.getInteger("cohortplanner.batchSize", 128);
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
    private final int poolSize;
    private final BlockingQueue<Pooled> idle;
    private final AtomicInteger open = new AtomicInteger();
    private volatile boolean closed;
    private final long numberOffset;
    private final AtomicReference<NumberBlock> numbers = new AtomicReference<>();
    private final GroupCommit writer;

    private BookingLedger(String url, String user, String password, long planId) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.where = SqlDialect.shown(url);
        this.planId = planId;
        this.poolSize = url.regionMatches(true, 0, "jdbc:h2:", 0, 8) && !url.toLowerCase(java.util.Locale.ROOT)
                .startsWith("jdbc:h2:tcp:") ? H2_POOL_SIZE : SERVER_POOL_SIZE;
        this.idle = new ArrayBlockingQueue<>(poolSize);
        this.numberOffset = inTransaction(this::prepareNight);
        this.writer = GROUP_COMMIT ? new GroupCommit() : null;
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

    /**
     * Booking numbers taken at once: identity value b of {@code booking_number} stands for the numbers offset +
     * (b - 1) x this + 1 up to offset + b x this. Numbers given one by one before (offset + b, for every b taken
     * then) are all below the first block a later identity value gives, so no number is given twice.
     */
    private static final int NUMBER_BLOCK = 1000;

    /** A block of booking numbers of this backend: {@code next} up to, not including, {@code end}. */
    private record NumberBlock(AtomicLong next, long end) {
    }

    /**
     * The next booking number: from this backend's block, taking a new block when it is used up. A block is taken
     * in a transaction of its own on a connection of its own, committed at once, so that no other backend can get
     * it whatever happens to the booking that needed it; numbers of a block not used before a stop are never given
     * (a gap, as a rolled-back booking leaves one).
     */
    private long nextBookingNumber() throws SQLException {
        while (true) {
            NumberBlock block = numbers.get();
            if (block != null) {
                long number = block.next().getAndIncrement();
                if (number < block.end()) {
                    return number;
                }
            }
            long identity;
            try (Connection own = DriverManager.getConnection(url, user, password);
                 PreparedStatement insert = own.prepareStatement("INSERT INTO booking_number (plan_id) VALUES (?)",
                         Statement.RETURN_GENERATED_KEYS)) {
                own.setAutoCommit(true);
                insert.setLong(1, planId);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    identity = keys.getLong(1);
                }
            }
            long first = numberOffset + (identity - 1) * NUMBER_BLOCK + 1;
            numbers.compareAndSet(block, new NumberBlock(new AtomicLong(first),
                    first + NUMBER_BLOCK));
        }
    }

    /** Runs {@code work} in one transaction, trying again on a deadlock or a lost race; commits on success. */
    <T> T inTransaction(Work<T> work) {
        SQLException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Pooled pooled = borrow();
            Connection connection = pooled.connection;
            boolean healthy = true;
            try {
                connection.setAutoCommit(false);
                Tx tx = new Tx(pooled);
                T result = work.run(tx);
                if (!tx.writeCounts()) {
                    throw new TryAgain();
                }
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
                RuntimeException meaning = translate(failure);
                if (meaning instanceof StoreException) {
                    healthy = isValid(connection);
                }
                if (!(meaning instanceof TryAgain)) {
                    throw meaning;
                }
                last = failure;
            } catch (RuntimeException failure) {
                rollback(connection);
                throw failure;
            } finally {
                giveBack(pooled, healthy);
            }
            pause(attempt);
        }
        throw new StoreException("the booking night's tables in " + where + " stayed busy: "
                + (last == null ? "a race was lost " + ATTEMPTS + " times" : JdbcPlanStore.describe(last)), last);
    }

    /**
     * Runs {@code work} as {@link #inTransaction} does, but in a transaction shared with the other writes that arrive
     * while the previous one commits: one writer takes them in order, runs each within a savepoint of its own and
     * commits them all at once (one commit, one fsync of a file database, for up to {@link #BATCH_MAX} of them).
     * This call answers only after that commit, so nothing is acknowledged that a kill -9 could lose. A work that
     * fails (a refusal, the person booked already, a broken rule) is rolled back to its savepoint alone and fails
     * here, the others of its batch go on; one that lost a race is tried again in a later batch. Within a batch the
     * works see each other's changes (one transaction), so the limits they take hold as they do one by one; across
     * instances the database's row locks decide as before.
     */
    <T> T inBatch(Work<T> work) {
        if (writer == null) {
            return inTransaction(work);
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return writer.run(work);
            } catch (TryAgain again) {
                pause(attempt);
            }
        }
        throw new StoreException("the booking night's tables in " + where + " stayed busy: a race was lost "
                + ATTEMPTS + " times", null);
    }

    /** Writes handed to the writer and not yet taken into a batch (for tests). */
    int writesWaiting() {
        return writer == null ? 0 : writer.queue.size();
    }

    /** A write waiting for its batch, and then what it answered. */
    private static final class Pending {
        final Work<?> work;
        final CountDownLatch done = new CountDownLatch(1);
        Object result;
        RuntimeException failure;

        Pending(Work<?> work) {
            this.work = work;
        }

        void answer(Object value) {
            result = value;
            done.countDown();
        }

        void fail(RuntimeException reason) {
            failure = reason;
            done.countDown();
        }
    }

    /**
     * The one writer of this backend's night writes, on a connection of its own. Requests hand their work over and
     * wait; nothing here calls back into a caller, and no lock is held while the work runs.
     */
    private final class GroupCommit {
        private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
        private final Thread thread;
        private Pooled connection;

        GroupCommit() {
            thread = new Thread(this::loop, "booking-night-writer");
            thread.setDaemon(true);
            thread.start();
        }

        <T> T run(Work<T> work) {
            if (closed) {
                throw stopping();
            }
            Pending pending = new Pending(work);
            queue.add(pending);
            try {
                pending.done.await();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new StoreException("interrupted while a booking was being written to " + where, null);
            }
            if (pending.failure != null) {
                throw pending.failure;
            }
            @SuppressWarnings("unchecked")
            T result = (T) pending.result;
            return result;
        }

        private void loop() {
            List<Pending> batch = new ArrayList<>(BATCH_MAX);
            while (true) {
                Pending first;
                try {
                    first = queue.poll(50, TimeUnit.MILLISECONDS);
                } catch (InterruptedException interrupted) {
                    first = null;
                }
                if (first == null) {
                    if (closed) {
                        break;
                    }
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH_MAX - 1);
                write(batch);
                batch.clear();
            }
            Pending left;
            while ((left = queue.poll()) != null) {
                left.fail(stopping());
            }
            if (connection != null) {
                quietlyClose(connection.connection);
            }
        }

        /** Runs a batch in one transaction, each work within its savepoint, and answers them after the commit. */
        private void write(List<Pending> batch) {
            List<Pending> written = new ArrayList<>(batch.size());
            Connection c;
            try {
                if (connection == null || !isValid(connection.connection)) {
                    connection = new Pooled(DriverManager.getConnection(url, user, password));
                }
                c = connection.connection;
                c.setAutoCommit(false);
            } catch (SQLException failure) {
                connection = null;
                StoreException unavailable = new StoreException("cannot open the bookings of " + where + ": "
                        + JdbcPlanStore.describe(failure), failure);
                batch.forEach(p -> p.fail(unavailable));
                return;
            }
            Tx tx = new Tx(connection);
            try {
                // Outside the works' savepoints, so that no work's rollback gives the lock up before the commit.
                tx.lockPlanVersion();
            } catch (SQLException failure) {
                abandon(c, batch, failure);
                return;
            }
            for (Pending pending : batch) {
                Savepoint savepoint;
                try {
                    savepoint = c.setSavepoint();
                } catch (SQLException failure) {
                    abandon(c, batch, failure);
                    return;
                }
                tx.mark();
                try {
                    pending.result = pending.work.run(tx);
                    c.releaseSavepoint(savepoint);
                    written.add(pending);
                } catch (Undo undo) {
                    pending.result = undo.result;
                    if (!undoTo(c, savepoint, batch, tx)) {
                        return;
                    }
                    written.add(pending);
                } catch (SQLException failure) {
                    if (!undoTo(c, savepoint, batch, tx)) {
                        return;
                    }
                    pending.failure = translate(failure);
                } catch (RuntimeException refused) {
                    if (!undoTo(c, savepoint, batch, tx)) {
                        return;
                    }
                    pending.failure = refused;
                }
            }
            try {
                if (!tx.writeCounts()) {
                    // A counter read for the batch changed meanwhile: nothing of it is kept, all of it is tried again.
                    rollback(c);
                    batch.forEach(p -> p.fail(p.failure != null && !(p.failure instanceof TryAgain) ? p.failure
                            : new TryAgain()));
                    return;
                }
                c.commit();
            } catch (SQLException failure) {
                abandon(c, batch, failure);
                return;
            }
            for (Pending pending : batch) {
                if (pending.failure != null) {
                    pending.fail(pending.failure);
                } else {
                    pending.answer(pending.result);
                }
            }
        }

        private boolean undoTo(Connection c, Savepoint savepoint, List<Pending> batch, Tx tx) {
            tx.forget();
            try {
                c.rollback(savepoint);
                return true;
            } catch (SQLException failure) {
                abandon(c, batch, failure);
                return false;
            }
        }

        /**
         * The batch's transaction broke (the connection was lost, the commit failed): nothing of it is kept, and
         * every work of it is tried again in a later batch unless it had failed on its own anyway.
         */
        private void abandon(Connection c, List<Pending> batch, SQLException failure) {
            rollback(c);
            if (!isValid(c)) {
                quietlyClose(c);
                connection = null;
            }
            boolean again = TRY_AGAIN.contains(failure.getSQLState());
            for (Pending pending : batch) {
                if (pending.failure != null && !(pending.failure instanceof TryAgain)) {
                    pending.fail(pending.failure);
                } else if (again) {
                    pending.fail(new TryAgain());
                } else {
                    pending.fail(new StoreException("the booking night's tables in " + where + " failed: "
                            + JdbcPlanStore.describe(failure), failure));
                }
            }
        }

        void stop() {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** What a failed statement means for the work that ran it: already booked, try again, or a failure. */
    private RuntimeException translate(SQLException failure) {
        if (UNIQUE.equals(failure.getSQLState()) && failure.getMessage() != null
                && failure.getMessage().toUpperCase(java.util.Locale.ROOT).contains("UQ_BOOKING_ACTIVE_PERSON")) {
            return new AlreadyBooked();
        }
        if (TRY_AGAIN.contains(failure.getSQLState()) || UNIQUE.equals(failure.getSQLState())) {
            return new TryAgain();
        }
        return new StoreException("the booking night's tables in " + where + " failed: "
                + JdbcPlanStore.describe(failure), failure);
    }

    private StoreException stopping() {
        return new StoreException("the backend is stopping; the bookings of " + where + " are closed", null);
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

    private Pooled borrow() {
        if (closed) {
            throw new StoreException("the backend is stopping; the bookings of " + where + " are closed", null);
        }
        Pooled connection = idle.poll();
        if (connection != null) {
            return connection;
        }
        if (open.incrementAndGet() <= poolSize) {
            try {
                return new Pooled(DriverManager.getConnection(url, user, password));
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

    private void giveBack(Pooled connection, boolean healthy) {
        if (healthy && !closed && idle.offer(connection)) {
            return;
        }
        open.decrementAndGet();
        quietlyClose(connection.connection);
    }

    /**
     * A connection of the pool with its prepared statements: a booking runs the same few statements again and
     * again, and preparing each anew (parsing and planning it) cost more than running it.
     */
    private static final class Pooled {
        private static final int STATEMENTS_KEPT = 128;
        final Connection connection;
        final Map<String, PreparedStatement> statements = new java.util.LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
                if (size() <= STATEMENTS_KEPT) {
                    return false;
                }
                try {
                    eldest.getValue().close();
                } catch (SQLException ignored) {
                    // Closing a statement of a broken connection: the connection goes when found invalid.
                }
                return true;
            }
        };

        Pooled(Connection connection) {
            this.connection = connection;
        }
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
        if (writer != null) {
            writer.stop();
        }
        Pooled connection;
        while ((connection = idle.poll()) != null) {
            quietlyClose(connection.connection);
        }
    }

    /** One transaction's statements. */
    final class Tx {
        private final Connection connection;
        private final Pooled pooled;
        /** The plan's version once its row is locked in this transaction (see {@link #lockPlanVersion}). */
        private Long lockedPlanVersion;
        /*
         * What this transaction has read of the counters it changes, as the database held them when first read: a
         * batch of bookings reads a window's budget, a minute's admissions, the waiting room and the site groups'
         * held doses once instead of once per booking. The counters' changes wait in {@link #counts} until the
         * commit, so these rows are not changed by this transaction before it; a figure is what was read plus what
         * is waiting. A batch's transaction holds the plan's row lock that every booking write of every backend
         * takes first, so nobody changes the bounded counters meanwhile; and the counters' write is conditional in
         * SQL anyway (a full day or budget refuses it), so a stale figure could cost a retry, never a broken limit.
         */
        private Map<String, NavigableMap<LocalDate, Long>> held;
        private final Map<String, Long> booked = new HashMap<>();
        private final Map<String, Long> minuteCounts = new HashMap<>();
        private final Map<Long, Boolean> waitingAt = new HashMap<>();
        private final PendingCounts counts = new PendingCounts();

        Tx(Pooled pooled) {
            this.pooled = pooled;
            this.connection = pooled.connection;
        }

        /** A work of a batch begins, in a savepoint of its own. */
        void mark() {
            counts.mark();
        }

        /** The work begun at the last {@link #mark} was rolled back to its savepoint: its counts are taken back. */
        void forget() {
            counts.takeBack();
            waitingAt.clear();
        }

        /**
         * Writes the counters' changes, just before the commit; false when a bound refused them (a figure read was
         * changed meanwhile by another transaction): the transaction must be rolled back and tried again.
         */
        boolean writeCounts() throws SQLException {
            return counts.write(this, planId);
        }

        PreparedStatement prepare(String sql) throws SQLException {
            return connection.prepareStatement(sql);
        }

        /** The connection's prepared statement of {@code sql}, kept for the next transaction: do not close it. */
        private PreparedStatement statement(String sql) throws SQLException {
            PreparedStatement statement = pooled.statements.get(sql);
            if (statement == null) {
                statement = connection.prepareStatement(sql);
                pooled.statements.put(sql, statement);
            }
            return statement;
        }

        private PreparedStatement statement(String sql, int autoGeneratedKeys) throws SQLException {
            String key = "keys " + autoGeneratedKeys + ": " + sql;
            PreparedStatement statement = pooled.statements.get(key);
            if (statement == null) {
                statement = connection.prepareStatement(sql, autoGeneratedKeys);
                pooled.statements.put(key, statement);
            }
            return statement;
        }

        /** Inserts a row; false when its key exists already (the transaction goes on). */
        boolean insertUnlessPresent(String sql, Object... values) throws SQLException {
            Savepoint savepoint = connection.setSavepoint();
            try {
                PreparedStatement insert = statement(sql);
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
            PreparedStatement update = statement(sql);
            for (int i = 0; i < values.length; i++) {
                update.setObject(i + 1, values[i]);
            }
            return update.executeUpdate();
        }

        long queryLong(String sql, Object... values) throws SQLException {
            PreparedStatement query = statement(sql);
            for (int i = 0; i < values.length; i++) {
                query.setObject(i + 1, values[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }

        /**
         * The stored plan's version, its row locked until this transaction ends: a plan save waits for the bookings
         * decided on the version it replaces.
         */
        long lockPlanVersion() throws SQLException {
            if (lockedPlanVersion == null) {
                lockedPlanVersion = queryLong("SELECT plan_version FROM plan_document WHERE plan_id = ? FOR UPDATE",
                        planId);
            }
            return lockedPlanVersion;
        }

        /** The stored plan's version, as committed (no lock taken). */
        long storedPlanVersion() throws SQLException {
            return queryLong("SELECT plan_version FROM plan_document WHERE plan_id = ?", planId);
        }

        // ---- counters ----

        /** Adds one to a window's first-dose bookings if fewer than {@code limit} stand. */
        boolean takeBudget(String cohortId, long limit) throws SQLException {
            if (budgetBooked(cohortId) >= limit) {
                return false;
            }
            counts.add(PendingCounts.Row.of(PendingCounts.Table.COHORT, cohortId), "booked", 1, limit);
            return true;
        }

        /** First-dose bookings standing in a window: as committed when first read, with this transaction's own. */
        long budgetBooked(String cohortId) throws SQLException {
            Long read = booked.get(cohortId);
            if (read == null) {
                read = queryLong("SELECT booked FROM night_cohort WHERE plan_id = ? AND cohort_id = ?", planId,
                        cohortId);
                booked.put(cohortId, read);
            }
            return read + counts.added(PendingCounts.Row.of(PendingCounts.Table.COHORT, cohortId), "booked");
        }

        void giveBackBudget(String cohortId) throws SQLException {
            if (budgetBooked(cohortId) > 0) {
                counts.takeOff(PendingCounts.Row.of(PendingCounts.Table.COHORT, cohortId), "booked", 1);
            }
        }

        void countCohort(String cohortId, String column) throws SQLException {
            addToCohort(cohortId, column, 1);
        }

        void addToCohort(String cohortId, String column, long count) {
            counts.add(PendingCounts.Row.of(PendingCounts.Table.COHORT, cohortId), column, count);
        }

        /** Holds one dose at a site group on a day if fewer than {@code dosesPerDay} are held. */
        boolean takeRoom(String siteGroup, LocalDate day, long dosesPerDay) throws SQLException {
            PendingCounts.Row row = PendingCounts.Row.of(PendingCounts.Table.SITE_DAY, siteGroup, day);
            if (dosesPerDay <= 0 || heldRead(siteGroup, day) + counts.added(row, "doses_held") >= dosesPerDay) {
                return false;
            }
            counts.add(row, "doses_held", 1, dosesPerDay);
            return true;
        }

        void giveBackRoom(String siteGroup, LocalDate day) throws SQLException {
            PendingCounts.Row row = PendingCounts.Row.of(PendingCounts.Table.SITE_DAY, siteGroup, day);
            if (heldRead(siteGroup, day) + counts.added(row, "doses_held") > 0) {
                counts.takeOff(row, "doses_held", 1);
            }
        }

        private long heldRead(String siteGroup, LocalDate day) throws SQLException {
            if (held == null) {
                held = readHeld();
            }
            NavigableMap<LocalDate, Long> days = held.get(siteGroup);
            return days == null ? 0 : days.getOrDefault(day, 0L);
        }

        /** Doses held at every site group on the days from {@code from} to {@code to}, keyed by {@link #siteDay}. */
        Map<String, Long> roomHeld(LocalDate from, LocalDate to) throws SQLException {
            return roomHeld(null, from, to);
        }

        /**
         * Doses held at the given site groups (every one when null) on the days from {@code from} to {@code to},
         * keyed by {@link #siteDay}: a fresh map the caller may change. The rows are read once per transaction.
         */
        Map<String, Long> roomHeld(Collection<String> sites, LocalDate from, LocalDate to) throws SQLException {
            if (held == null) {
                held = readHeld();
            }
            Map<String, Long> found = new HashMap<>();
            for (Map.Entry<String, NavigableMap<LocalDate, Long>> site : held.entrySet()) {
                if (sites == null || sites.contains(site.getKey())) {
                    site.getValue().subMap(from, true, to, true)
                            .forEach((day, doses) -> found.put(siteDay(site.getKey(), day), doses));
                }
            }
            counts.addedIn(PendingCounts.Table.SITE_DAY, "doses_held").forEach((row, added) -> {
                String site = (String) row.key().get(0);
                LocalDate day = (LocalDate) row.key().get(1);
                if ((sites == null || sites.contains(site)) && !day.isBefore(from) && !day.isAfter(to)) {
                    found.merge(siteDay(site, day), added, Long::sum);
                }
            });
            return found;
        }

        private Map<String, NavigableMap<LocalDate, Long>> readHeld() throws SQLException {
            Map<String, NavigableMap<LocalDate, Long>> read = new HashMap<>();
            PreparedStatement query = statement("SELECT site_group_name, appointment_day, doses_held "
                    + "FROM night_site_day WHERE plan_id = ?");
            query.setLong(1, planId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    read.computeIfAbsent(rows.getString(1), site -> new TreeMap<>())
                            .put(rows.getObject(2, LocalDate.class), rows.getLong(3));
                }
            }
            return read;
        }

        /**
         * Adds one to each of a minute's counts in one statement; with {@code admittedLimit} >= 0, only while fewer
         * than that many were admitted in the minute (false then, nothing counted).
         */
        boolean countMinute(long minute, long admittedLimit, String... columns) throws SQLException {
            if (admittedLimit >= 0 && minuteCount(minute, "admitted") >= admittedLimit) {
                return false;
            }
            PendingCounts.Row row = PendingCounts.Row.of(PendingCounts.Table.MINUTE, minute);
            for (String column : columns) {
                if (admittedLimit >= 0 && column.equals("admitted")) {
                    counts.add(row, column, 1, admittedLimit);
                } else {
                    counts.add(row, column, 1);
                }
            }
            return true;
        }

        /** Adds {@code count} to one of a minute's counts. */
        void addToMinute(long minute, String column, long count) {
            counts.add(PendingCounts.Row.of(PendingCounts.Table.MINUTE, minute), column, count);
        }

        /**
         * Notes the queue's length in a minute's row, if the minute has one (a minute nobody came in has none). Set
         * when the waiting room is done with the minute, so it is the queue at the minute's end; counting the queue
         * at every arrival and admission made each step slower the longer the queue.
         */
        void setQueueLength(long minute) throws SQLException {
            PendingCounts.Row row = PendingCounts.Row.of(PendingCounts.Table.MINUTE, minute);
            if (counts.touches(row)) {
                // The minute's row may be one this transaction makes only at its commit.
                PendingCounts.makeRow(this, planId, row);
            }
            update("UPDATE night_minute SET queue_length = (SELECT COUNT(*) FROM night_ticket WHERE plan_id = ? "
                    + "AND state = 'WAITING') WHERE plan_id = ? AND minute_utc = ?", planId, planId, minute);
        }

        /** One of a minute's counts: as committed when first read, with this transaction's own. */
        long minuteCount(long minute, String column) throws SQLException {
            String key = minute + " " + column;
            Long read = minuteCounts.get(key);
            if (read == null) {
                read = queryLong("SELECT " + column + " FROM night_minute WHERE plan_id = ? AND minute_utc = ?",
                        planId, minute);
                minuteCounts.put(key, read);
            }
            return read + counts.added(PendingCounts.Row.of(PendingCounts.Table.MINUTE, minute), column);
        }

        // ---- bookings ----

        long nextBookingNumber() throws SQLException {
            return BookingLedger.this.nextBookingNumber();
        }

        void record(Booking booking) throws SQLException {
            update("INSERT INTO booking (plan_id, booking_number, booked_at_utc, cohort_id, birth_date, region_name, "
                    + "site_group_name, appointment_day, brand_name, doses_reserved, person_hash, active_person_hash, "
                    + "second_site_group_name, second_day, group_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    + "?)", planId, booking.number(), utc(booking.bookedAt()), booking.cohortId(), booking.birthDate(),
                    booking.region(), booking.siteGroup(), booking.day(), booking.brand(), booking.dosesReserved(),
                    booking.personHash(), booking.personHash(), booking.secondSiteGroup(), booking.secondDay(),
                    booking.group());
            countBrand(booking.cohortId(), booking.brand(), 1);
        }

        Optional<Booking> standingBookingOf(String personHash) throws SQLException {
            return bookings("active_person_hash = ?", personHash).stream().findFirst();
        }

        Optional<Booking> booking(long number) throws SQLException {
            return bookings("booking_number = ?", number).stream().findFirst();
        }

        /** Marks a standing booking cancelled; false when it was not standing. */
        boolean cancel(Booking booking, Instant at) throws SQLException {
            if (update("UPDATE booking SET cancelled_at_utc = ?, active_person_hash = NULL WHERE plan_id = ? "
                    + "AND booking_number = ? AND cancelled_at_utc IS NULL", utc(at), planId, booking.number()) != 1) {
                return false;
            }
            countBrand(booking.cohortId(), booking.brand(), -1);
            return true;
        }

        /** Standing bookings of a window per brand (V11's counters, kept with every booking and cancellation). */
        Map<String, Long> standingByBrand(String cohortId) throws SQLException {
            Map<String, Long> byBrand = new HashMap<>();
            PreparedStatement query = statement("SELECT brand_name, booked FROM night_cohort_brand "
                    + "WHERE plan_id = ? AND cohort_id = ?");
            query.setLong(1, planId);
            query.setString(2, cohortId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    byBrand.put(rows.getString(1), rows.getLong(2));
                }
            }
            counts.addedIn(PendingCounts.Table.COHORT_BRAND, "booked").forEach((row, added) -> {
                if (row.key().get(0).equals(cohortId)) {
                    byBrand.merge((String) row.key().get(1), added, Long::sum);
                }
            });
            return byBrand;
        }

        private void countBrand(String cohortId, String brand, long change) {
            counts.add(PendingCounts.Row.of(PendingCounts.Table.COHORT_BRAND, cohortId, brand), "booked", change);
        }

        private List<Booking> bookings(String condition, Object value) throws SQLException {
            List<Booking> found = new ArrayList<>();
            PreparedStatement query = statement("SELECT booking_number, booked_at_utc, "
                    + "cohort_id, birth_date, region_name, site_group_name, appointment_day, brand_name, "
                    + "doses_reserved, person_hash, second_site_group_name, second_day, cancelled_at_utc, group_name "
                    + "FROM booking WHERE plan_id = ? AND " + condition);
            query.setLong(1, planId);
            query.setObject(2, value);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    LocalDateTime cancelled = rows.getObject(13, LocalDateTime.class);
                    found.add(new Booking(rows.getLong(1), instant(rows.getObject(2, LocalDateTime.class)),
                            rows.getString(3), rows.getObject(4, LocalDate.class), rows.getString(5),
                            rows.getString(6), rows.getObject(7, LocalDate.class), rows.getString(8),
                            rows.getInt(9), rows.getString(10), rows.getString(11),
                            rows.getObject(12, LocalDate.class), cancelled == null ? null : instant(cancelled),
                            rows.getString(14)));
                }
            }
            return found;
        }

        // ---- tickets ----

        /** A new waiting ticket; empty when the person already waits (their ticket is then in {@link #waitingOf}). */
        boolean addTicket(String ticketId, String personHash, String cohortId, LocalDate birthDate, String region,
                          String namedGroup, long opensMinute, int group, Long key) throws SQLException {
            boolean added = insertUnlessPresent("INSERT INTO night_ticket (plan_id, ticket_id, person_hash, "
                    + "waiting_person_hash, cohort_id, birth_date, region_name, group_name, opens_minute_utc, "
                    + "queue_group, queue_key, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'WAITING')", planId,
                    ticketId, personHash, personHash, cohortId, birthDate, region, namedGroup, opensMinute, group,
                    key == null ? 0L : key);
            waitingAt.clear();
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

        /** The first {@code count} waiting tickets whose window is open at {@code minute}, in queue order. */
        List<Ticket> heads(long minute, int count) throws SQLException {
            return tickets("state = 'WAITING' AND opens_minute_utc <= ? ORDER BY queue_group, queue_key", minute,
                    count);
        }

        /** Takes a waiting ticket out of the queue; false when another request took it first. */
        boolean admit(Ticket ticket) throws SQLException {
            waitingAt.clear();
            return update("UPDATE night_ticket SET state = 'ADMITTED', waiting_person_hash = NULL WHERE ticket_id = ? "
                    + "AND state = 'WAITING'", ticket.id()) == 1;
        }

        void settle(Ticket ticket, String state, Long bookingNumber, String reason, String message)
                throws SQLException {
            waitingAt.clear();
            update("UPDATE night_ticket SET state = ?, booking_number = ?, reason = ?, message = ? WHERE ticket_id = ?",
                    state, bookingNumber, reason, message == null ? null
                            : message.substring(0, Math.min(1000, message.length())), ticket.id());
        }

        long waitingAhead(Ticket ticket) throws SQLException {
            return queryLong("SELECT COUNT(*) FROM night_ticket WHERE plan_id = ? AND state = 'WAITING' "
                    + "AND (queue_group < ? OR (queue_group = ? AND queue_key < ?))", planId, ticket.group(),
                    ticket.group(), ticket.key());
        }

        /** Whether anyone waits whose window is open at {@code openAt} (found without counting the queue). */
        boolean anyWaiting(long openAt) throws SQLException {
            Boolean known = waitingAt.get(openAt);
            if (known == null) {
                known = readAnyWaiting(openAt);
                waitingAt.put(openAt, known);
            }
            return known;
        }

        private boolean readAnyWaiting(long openAt) throws SQLException {
            PreparedStatement query = statement("SELECT 1 FROM night_ticket WHERE plan_id = ? AND state = 'WAITING' "
                    + "AND opens_minute_utc <= ?");
            query.setLong(1, planId);
            query.setLong(2, openAt);
            query.setMaxRows(1);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }

        /**
         * Turns away at once everyone waiting for a window (its doses are booked): one statement, not one admission
         * each. Answers how many.
         */
        int turnAwayWaiting(String cohortId, String reason, String message) throws SQLException {
            waitingAt.clear();
            return update("UPDATE night_ticket SET state = 'TURNED_AWAY', waiting_person_hash = NULL, reason = ?, "
                    + "message = ? WHERE plan_id = ? AND cohort_id = ? AND state = 'WAITING'", reason,
                    message.substring(0, Math.min(1000, message.length())), planId, cohortId);
        }

        long waiting(long openAt) throws SQLException {
            return queryLong("SELECT COUNT(*) FROM night_ticket WHERE plan_id = ? AND state = 'WAITING' "
                    + "AND opens_minute_utc <= ?", planId, openAt);
        }

        Map<String, Long> waitingByCohort() throws SQLException {
            Map<String, Long> counts = new HashMap<>();
            PreparedStatement query = statement("SELECT cohort_id, COUNT(*) FROM night_ticket "
                    + "WHERE plan_id = ? AND state = 'WAITING' GROUP BY cohort_id");
            query.setLong(1, planId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
            return counts;
        }

        private List<Ticket> tickets(String condition, Object value, int limit) throws SQLException {
            List<Ticket> found = new ArrayList<>();
            PreparedStatement query = statement("SELECT ticket_id, person_hash, cohort_id, "
                    + "birth_date, region_name, opens_minute_utc, queue_group, queue_key, state, booking_number, "
                    + "reason, message, group_name FROM night_ticket WHERE plan_id = ? AND " + condition);
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
                            rows.getString(12), rows.getString(13)));
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
            PreparedStatement query = statement("SELECT cohort_id, booked, turned_away, busy "
                    + "FROM night_cohort WHERE plan_id = ?");
            query.setLong(1, planId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), new long[] {rows.getLong(2), rows.getLong(3), rows.getLong(4)});
                }
            }
            return counts;
        }

        /** Minute rows from {@code from} on: minute, arrived, admitted, booked, turned away, busy, queue length. */
        List<long[]> minutes(long from, long to) throws SQLException {
            List<long[]> rows = new ArrayList<>();
            PreparedStatement query = statement("SELECT minute_utc, arrived, admitted, booked, "
                    + "turned_away, busy, queue_length FROM night_minute WHERE plan_id = ? AND minute_utc BETWEEN ? "
                    + "AND ? ORDER BY minute_utc");
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
            return rows;
        }
    }

    /** A waiting-room ticket as stored. */
    record Ticket(String id, String personHash, String cohortId, LocalDate birthDate, String region, long opensMinute,
                  int group, long key, String state, Long bookingNumber, String reason, String message,
                  String namedGroup) {
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
