package org.cohortplanner.store.h2;

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
import java.util.Optional;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.store.ScenarioStore.SavedScenario;
import org.cohortplanner.store.json.PlanFileException;
import org.cohortplanner.store.json.PlanFiles;

/**
 * A plan's saved scenarios in the table {@code scenario}: each the text of a plan file, as {@code plan_document}
 * keeps the working plan. Names are unique per plan. Rows are read and written as text; turning a plan into its
 * document and back ({@link PlanDocumentTable#document}, {@link #scenarioOf}) is left to the caller, so that it can
 * do that work before it takes its connection's lock.
 */
public final class ScenarioTable {
    private static final String COLUMNS = "scenario_id, name, saved_at_utc, saved_by, based_on_version, document";

    /** A scenario's row as stored: its plan still the text of a plan file. */
    public record Row(long id, String name, Instant savedAt, String savedBy, long basedOnVersion, String document) {
    }

    private ScenarioTable() {
    }

    /** Checks what a row holds besides its document, before anything is written. */
    public static void requireStorable(String name, String user) {
        requireFits(name, NAME_LENGTH, "scenario name");
        requireFits(user, NAME_LENGTH, "user name");
    }

    /** Saves (or replaces) the scenario {@code name}; the caller commits. */
    public static Row save(Connection connection, long planId, String name, String document, String user,
                           Instant at, long basedOnVersion) throws SQLException {
        requireStorable(name, user);
        Instant stored = at.truncatedTo(ChronoUnit.MICROS);
        Optional<Row> existing = find(connection, planId, name, true);
        if (existing.isEmpty()) {
            return insert(connection, planId, name, document, user, at, basedOnVersion);
        }
        long id = existing.get().id();
        try (PreparedStatement update = connection.prepareStatement("UPDATE scenario SET saved_at_utc = ?, "
                + "saved_by = ?, based_on_version = ?, document = ? WHERE plan_id = ? AND scenario_id = ?")) {
            update.setObject(1, LocalDateTime.ofInstant(stored, ZoneOffset.UTC));
            update.setString(2, user);
            update.setLong(3, basedOnVersion);
            update.setString(4, document);
            update.setLong(5, planId);
            update.setLong(6, id);
            update.executeUpdate();
        }
        return new Row(id, name, stored, user, basedOnVersion, document);
    }

    /**
     * Adds the scenario {@code name} under the next number; the caller commits.
     *
     * @throws SQLException with a SQL state of class 23 when the name is taken, or another writer took the number
     *                      first (see {@link #isTaken})
     */
    public static Row insert(Connection connection, long planId, String name, String document, String user,
                             Instant at, long basedOnVersion) throws SQLException {
        requireStorable(name, user);
        Instant stored = at.truncatedTo(ChronoUnit.MICROS);
        long id;
        try (PreparedStatement last = connection.prepareStatement(
                "SELECT MAX(scenario_id) FROM scenario WHERE plan_id = ?")) {
            last.setLong(1, planId);
            try (ResultSet rows = last.executeQuery()) {
                rows.next();
                id = rows.getLong(1) + 1;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO scenario (plan_id, scenario_id, "
                + "name, saved_at_utc, saved_by, based_on_version, document) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, planId);
            insert.setLong(2, id);
            insert.setString(3, name);
            insert.setObject(4, LocalDateTime.ofInstant(stored, ZoneOffset.UTC));
            insert.setString(5, user);
            insert.setLong(6, basedOnVersion);
            insert.setString(7, document);
            insert.executeUpdate();
        }
        return new Row(id, name, stored, user, basedOnVersion, document);
    }

    /** An insert refused by the table's keys: the name or the number is taken (H2 and PostgreSQL say 23xxx). */
    public static boolean isTaken(SQLException failure) {
        String state = failure.getSQLState();
        return state != null && state.startsWith("23");
    }

    /** The plan's scenarios, oldest first. */
    public static List<Row> list(Connection connection, long planId) throws SQLException {
        List<Row> scenarios = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM scenario WHERE plan_id = ? ORDER BY scenario_id")) {
            statement.setLong(1, planId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    scenarios.add(row(rows));
                }
            }
        }
        return scenarios;
    }

    /** The scenario numbered {@code id}, if there is one. */
    public static Optional<Row> find(Connection connection, long planId, long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM scenario WHERE plan_id = ? AND scenario_id = ?")) {
            statement.setLong(1, planId);
            statement.setLong(2, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(row(rows)) : Optional.empty();
            }
        }
    }

    /** The scenario named {@code name}, if there is one; {@code lock} locks its row until the caller commits. */
    public static Optional<Row> find(Connection connection, long planId, String name, boolean lock)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM scenario WHERE plan_id = ? AND name = ?" + (lock ? " FOR UPDATE" : ""))) {
            statement.setLong(1, planId);
            statement.setString(2, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(row(rows)) : Optional.empty();
            }
        }
    }

    /** A row's scenario with its plan read from the document. */
    public static SavedScenario scenarioOf(Row row) {
        Plan plan;
        try {
            plan = PlanFiles.fromJson(row.document(), "scenario " + row.name());
        } catch (PlanFileException unreadable) {
            throw new PlanDocumentTable.UnstorablePlanException(unreadable);
        }
        return new SavedScenario(row.id(), row.name(), row.savedAt(), row.savedBy(), row.basedOnVersion(), plan);
    }

    /** Deletes the scenario; the name it had, or null when there was none. The caller commits. */
    public static String delete(Connection connection, long planId, long id) throws SQLException {
        String name = null;
        try (PreparedStatement find = connection.prepareStatement(
                "SELECT name FROM scenario WHERE plan_id = ? AND scenario_id = ? FOR UPDATE")) {
            find.setLong(1, planId);
            find.setLong(2, id);
            try (ResultSet rows = find.executeQuery()) {
                if (rows.next()) {
                    name = rows.getString(1);
                }
            }
        }
        if (name != null) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM scenario WHERE plan_id = ? AND scenario_id = ?")) {
                delete.setLong(1, planId);
                delete.setLong(2, id);
                delete.executeUpdate();
            }
        }
        return name;
    }

    private static Row row(ResultSet rows) throws SQLException {
        return new Row(rows.getLong(1), rows.getString(2),
                rows.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC), rows.getString(4), rows.getLong(5),
                rows.getString(6));
    }
}
