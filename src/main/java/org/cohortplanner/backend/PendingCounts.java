package org.cohortplanner.backend;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The night's counter changes of one transaction, kept in memory and written once per row just before the commit:
 * a batch of bookings changes the minute's row, the window's budget, a few site groups' days and the brand's count
 * once each instead of once per booking (four to five statements a booking fewer, and a shorter undo log to
 * commit). What a booking decides on (is there room, is the budget booked, is the minute full) is read once and
 * counted on here, with this transaction's own changes added; the write at the end is still conditional in SQL (a day
 * is never fuller than its doses, a budget never more booked than its limit, a minute never admits more than its
 * rate), so a figure that another transaction changed meanwhile costs the whole transaction a retry, never a broken
 * limit. Each change is noted in a journal, so that a work rolled back to its savepoint takes its changes back.
 */
final class PendingCounts {
    /** The night's counter tables, in the order their rows are written (the minute's row, which all share, last). */
    enum Table {
        SITE_DAY("night_site_day", List.of("site_group_name", "appointment_day"),
                "INSERT INTO night_site_day (plan_id, site_group_name, appointment_day, doses_held) "
                        + "VALUES (?, ?, ?, 0)"),
        COHORT_BRAND("night_cohort_brand", List.of("cohort_id", "brand_name"),
                "INSERT INTO night_cohort_brand (plan_id, cohort_id, brand_name, booked) VALUES (?, ?, ?, 0)"),
        COHORT("night_cohort", List.of("cohort_id"),
                "INSERT INTO night_cohort (plan_id, cohort_id, booked, turned_away, busy) VALUES (?, ?, 0, 0, 0)"),
        MINUTE("night_minute", List.of("minute_utc"),
                "INSERT INTO night_minute (plan_id, minute_utc, arrived, admitted, booked, turned_away, busy, "
                        + "queue_length) VALUES (?, ?, 0, 0, 0, 0, 0, 0)");

        final String name;
        final List<String> keyColumns;
        final String zeroRow;

        Table(String name, List<String> keyColumns, String zeroRow) {
            this.name = name;
            this.keyColumns = keyColumns;
            this.zeroRow = zeroRow;
        }
    }

    /** One counter row: its table and its key (without the plan). */
    record Row(Table table, List<Object> key) {
        static Row of(Table table, Object... key) {
            return new Row(table, List.of(key));
        }
    }

    /** One column's change: what to add, and the most (or, for a giving back, the least) it may then hold. */
    private static final class Change {
        long delta;
        long most = Long.MAX_VALUE;
        boolean notBelowZero;
    }

    private record Noted(Change change, long delta) {
    }

    private final Map<Row, Map<String, Change>> rows = new LinkedHashMap<>();
    private final List<Noted> journal = new ArrayList<>();

    /** Adds {@code delta} to a column; the row then may hold at most {@code most} there. */
    void add(Row row, String column, long delta, long most) {
        Change change = rows.computeIfAbsent(row, r -> new HashMap<>()).computeIfAbsent(column, c -> new Change());
        change.delta += delta;
        change.most = Math.min(change.most, most);
        journal.add(new Noted(change, delta));
    }

    /** Adds {@code delta} to a column, without a bound. */
    void add(Row row, String column, long delta) {
        add(row, column, delta, Long.MAX_VALUE);
    }

    /** Takes {@code delta} off a column that must not fall below zero. */
    void takeOff(Row row, String column, long delta) {
        add(row, column, -delta);
        rows.get(row).get(column).notBelowZero = true;
    }

    /** What this transaction has added to a column so far (0 when nothing). */
    long added(Row row, String column) {
        Map<String, Change> changes = rows.get(row);
        Change change = changes == null ? null : changes.get(column);
        return change == null ? 0 : change.delta;
    }

    /** Whether a row has changes waiting (it may not exist in the database yet). */
    boolean touches(Row row) {
        return rows.containsKey(row);
    }

    /** The rows of a table with changes waiting, and what each adds to {@code column}. */
    Map<Row, Long> addedIn(Table table, String column) {
        Map<Row, Long> found = new HashMap<>();
        rows.forEach((row, changes) -> {
            if (row.table() == table && changes.containsKey(column)) {
                found.put(row, changes.get(column).delta);
            }
        });
        return found;
    }

    /** A work of the batch begins: what it changes from now on can be taken back alone. */
    void mark() {
        journal.clear();
    }

    /** Takes back the changes of the work begun at the last {@link #mark}. */
    void takeBack() {
        for (int i = journal.size() - 1; i >= 0; i--) {
            Noted noted = journal.get(i);
            noted.change().delta -= noted.delta();
        }
        journal.clear();
    }

    /**
     * Writes every row's changes in one conditional statement per row (a missing row is made first, of zeros), in the
     * order of {@link Table}, then within a table by key, so that transactions never wait on each other in a circle.
     * False when a row's bounds refused the change: the transaction must not commit and is tried again.
     */
    boolean write(BookingLedger.Tx tx, long planId) throws SQLException {
        List<Map.Entry<Row, Map<String, Change>>> ordered = new ArrayList<>(rows.entrySet());
        ordered.sort(Comparator.comparing((Map.Entry<Row, Map<String, Change>> e) -> e.getKey().table())
                .thenComparing(e -> e.getKey().key().toString()));
        for (Map.Entry<Row, Map<String, Change>> entry : ordered) {
            if (!write(tx, planId, entry.getKey(), entry.getValue())) {
                return false;
            }
        }
        rows.clear();
        journal.clear();
        return true;
    }

    private static boolean write(BookingLedger.Tx tx, long planId, Row row, Map<String, Change> changes)
            throws SQLException {
        List<String> columns = changes.entrySet().stream().filter(c -> c.getValue().delta != 0)
                .map(Map.Entry::getKey).sorted().toList();
        if (columns.isEmpty()) {
            return true;
        }
        StringBuilder sql = new StringBuilder("UPDATE ").append(row.table().name).append(" SET ");
        List<Object> values = new ArrayList<>();
        for (String column : columns) {
            sql.append(values.isEmpty() ? "" : ", ").append(column).append(" = ").append(column).append(" + ?");
            values.add(changes.get(column).delta);
        }
        sql.append(" WHERE plan_id = ?");
        values.add(planId);
        for (int i = 0; i < row.key().size(); i++) {
            sql.append(" AND ").append(row.table().keyColumns.get(i)).append(" = ?");
            values.add(row.key().get(i));
        }
        for (String column : columns) {
            Change change = changes.get(column);
            if (change.most != Long.MAX_VALUE) {
                sql.append(" AND ").append(column).append(" <= ?");
                values.add(change.most - change.delta);
            }
            if (change.notBelowZero) {
                sql.append(" AND ").append(column).append(" >= ?");
                values.add(-change.delta);
            }
        }
        String statement = sql.toString();
        Object[] parameters = values.toArray();
        if (tx.update(statement, parameters) == 1) {
            return true;
        }
        return makeRow(tx, planId, row) && tx.update(statement, parameters) == 1;
    }

    /** Makes a row of zeros when it is missing; false when it was there already. */
    static boolean makeRow(BookingLedger.Tx tx, long planId, Row row) throws SQLException {
        StringBuilder exists = new StringBuilder("SELECT COUNT(*) FROM ").append(row.table().name)
                .append(" WHERE plan_id = ?");
        Object[] key = new Object[row.key().size() + 1];
        key[0] = planId;
        for (int i = 0; i < row.key().size(); i++) {
            exists.append(" AND ").append(row.table().keyColumns.get(i)).append(" = ?");
            key[i + 1] = row.key().get(i);
        }
        if (tx.queryLong(exists.toString(), key) > 0) {
            return false;
        }
        tx.insertUnlessPresent(row.table().zeroRow, key);
        return true;
    }
}
