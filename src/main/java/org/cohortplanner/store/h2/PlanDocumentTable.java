package org.cohortplanner.store.h2;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalLong;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.store.json.PlanFileException;
import org.cohortplanner.store.json.PlanFiles;

/**
 * The plan as one document in the table {@code plan_document}: the text of its plan file (docs/plan-format.md),
 * with the plan's version and the format version beside it. Plain portable SQL over a caller's connection and
 * transaction, so that the booking backend can use it on PostgreSQL as well as the embedded model on H2.
 * <p>
 * A plan is written only after its text has been read back with the plan file reader, so the store never holds a
 * plan that would not open again (one beyond the limits of the format, for example): such a save is refused with
 * the reader's message, naming the field, and the caller rolls back.
 */
public final class PlanDocumentTable {

    private PlanDocumentTable() {
    }

    /**
     * The stored version of the plan, or empty when the plan has not been stored.
     *
     * @param lock also lock the plan's row until the transaction ends, so that a concurrent save waits
     */
    public static OptionalLong version(Connection connection, long planId, boolean lock) throws SQLException {
        String sql = "SELECT plan_version FROM plan_document WHERE plan_id = ?" + (lock ? " FOR UPDATE" : "");
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, planId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /**
     * The text {@code plan} is stored as: its plan file, read back with the plan file reader first. The plan's
     * version is kept in its own column, so the text carries version 0 and is the same whichever version it is
     * stored at.
     *
     * @throws UnstorablePlanException when the text would not read back as a plan (beyond the format's limits)
     */
    public static String document(Plan plan) {
        String document = PlanFiles.toJson(plan.withVersion(0));
        try {
            PlanFiles.fromJson(document, "the plan");
        } catch (PlanFileException unreadable) {
            throw new UnstorablePlanException(unreadable);
        }
        return document;
    }

    /**
     * Stores {@code document} (made by {@link #document}) at {@code version}, in place of the stored plan when
     * {@code stored} (as the caller's locked {@link #version} read found it).
     */
    public static void write(Connection connection, long planId, boolean stored, long version, String document)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(stored
                ? "UPDATE plan_document SET plan_version = ?, format_version = ?, document = ? WHERE plan_id = ?"
                : "INSERT INTO plan_document (plan_version, format_version, document, plan_id) VALUES (?, ?, ?, ?)")) {
            statement.setLong(1, version);
            statement.setInt(2, PlanFiles.FORMAT_VERSION);
            statement.setString(3, document);
            statement.setLong(4, planId);
            statement.executeUpdate();
        }
    }

    /**
     * The stored plan, read with the plan file reader (older formats as that reader opens them), with its stored
     * version.
     *
     * @throws UnstorablePlanException when the stored document does not read as a plan
     */
    public static Optional<Plan> read(Connection connection, long planId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT plan_version, document FROM plan_document WHERE plan_id = ?")) {
            statement.setLong(1, planId);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                long version = rows.getLong(1);
                try {
                    return Optional.of(PlanFiles.fromJson(rows.getString(2), "the stored plan").withVersion(version));
                } catch (PlanFileException unreadable) {
                    throw new UnstorablePlanException(unreadable);
                }
            }
        }
    }

    /**
     * A plan whose document does not read back as a plan. The message is the plan file reader's, with the field's
     * place in the plan (a line of a document nobody sees would mean nothing).
     */
    public static final class UnstorablePlanException extends RuntimeException {
        UnstorablePlanException(PlanFileException unreadable) {
            super((unreadable.path().isEmpty() ? "" : unreadable.path() + ": ") + unreadable.problem(), unreadable);
        }
    }
}
