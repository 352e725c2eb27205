package org.cohortplanner.store.h2;

import static org.cohortplanner.store.h2.TextTooLongException.ACTION_LENGTH;
import static org.cohortplanner.store.h2.TextTooLongException.NAME_LENGTH;
import static org.cohortplanner.store.h2.TextTooLongException.requireFits;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.cohortplanner.domain.AuditEntry;
import org.cohortplanner.domain.Phrase;
import org.cohortplanner.domain.PlanChange;
import org.cohortplanner.store.json.PhraseJson;

/**
 * The audit trail of a plan in the {@code audit_entry} table: appended in the transaction of the save it records,
 * never rewritten. Times are stored as UTC wall-clock times (a plain TIMESTAMP reads back the same on every
 * database and in every zone the console runs in).
 */
public final class AuditTable {

    private AuditTable() {
    }

    /**
     * Appends an entry numbered one after the last one of the plan.
     *
     * @param at stored to the microsecond, the precision of a SQL TIMESTAMP
     * @return the entry as stored
     */
    public static AuditEntry append(Connection connection, long planId, Instant at, PlanChange change,
                                    long planVersion) throws SQLException {
        long number;
        try (PreparedStatement last = connection.prepareStatement(
                "SELECT MAX(entry_number) FROM audit_entry WHERE plan_id = ?")) {
            last.setLong(1, planId);
            try (ResultSet rows = last.executeQuery()) {
                rows.next();
                number = rows.getLong(1) + 1;
            }
        }
        Instant stored = at.truncatedTo(ChronoUnit.MICROS);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_entry (plan_id, "
                + "entry_number, recorded_at_utc, user_name, action, before_text, after_text, reason, plan_version, "
                + "action_code, action_args) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, planId);
            insert.setLong(2, number);
            insert.setObject(3, LocalDateTime.ofInstant(stored, ZoneOffset.UTC));
            insert.setString(4, requireFits(change.user(), NAME_LENGTH, "user name"));
            insert.setString(5, requireFits(change.action(), ACTION_LENGTH, "action"));
            insert.setString(6, change.before());
            insert.setString(7, change.after());
            insert.setString(8, change.reason());
            insert.setLong(9, planVersion);
            Phrase what = change.what();
            insert.setString(10, what == null ? null : requireFits(what.code(), NAME_LENGTH, "action code"));
            insert.setString(11, what == null ? null : PhraseJson.arguments(what));
            insert.executeUpdate();
        }
        return new AuditEntry(number, stored, change.user(), change.action(), change.before(), change.after(),
                change.reason(), planVersion, change.what());
    }

    /** The plan's entries, oldest first. */
    public static List<AuditEntry> list(Connection connection, long planId) throws SQLException {
        List<AuditEntry> entries = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT entry_number, recorded_at_utc, "
                + "user_name, action, before_text, after_text, reason, plan_version, action_code, action_args "
                + "FROM audit_entry "
                + "WHERE plan_id = ? ORDER BY entry_number")) {
            statement.setLong(1, planId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    entries.add(new AuditEntry(rows.getLong(1),
                            rows.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7),
                            rows.getLong(8), PhraseJson.phrase(rows.getString(9), rows.getString(10))));
                }
            }
        }
        return entries;
    }
}
