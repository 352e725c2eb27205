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
import org.cohortplanner.domain.Plan;
import org.cohortplanner.store.ScenarioStore.SavedScenario;
import org.cohortplanner.store.json.PlanFileException;
import org.cohortplanner.store.json.PlanFiles;

/**
 * A plan's saved scenarios in the table {@code scenario}: each the text of a plan file, as {@code plan_document}
 * keeps the working plan. Names are unique per plan; saving under a taken name replaces that scenario.
 */
public final class ScenarioTable {

    private ScenarioTable() {
    }

    /** Saves (or replaces) the scenario {@code name}; the caller commits. */
    public static SavedScenario save(Connection connection, long planId, String name, Plan plan, String user,
                                     Instant at, long basedOnVersion) throws SQLException {
        String document = PlanDocumentTable.document(plan);
        requireFits(name, NAME_LENGTH, "scenario name");
        requireFits(user, NAME_LENGTH, "user name");
        Instant stored = at.truncatedTo(ChronoUnit.MICROS);
        long id;
        try (PreparedStatement existing = connection.prepareStatement(
                "SELECT scenario_id FROM scenario WHERE plan_id = ? AND name = ? FOR UPDATE")) {
            existing.setLong(1, planId);
            existing.setString(2, name);
            try (ResultSet rows = existing.executeQuery()) {
                id = rows.next() ? rows.getLong(1) : -1;
            }
        }
        if (id > 0) {
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
        } else {
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
        }
        return new SavedScenario(id, name, stored, user, basedOnVersion, plan);
    }

    /** The plan's scenarios, oldest first. */
    public static List<SavedScenario> list(Connection connection, long planId) throws SQLException {
        List<SavedScenario> scenarios = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT scenario_id, name, saved_at_utc, "
                + "saved_by, based_on_version, document FROM scenario WHERE plan_id = ? ORDER BY scenario_id")) {
            statement.setLong(1, planId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Plan plan;
                    try {
                        plan = PlanFiles.fromJson(rows.getString(6), "scenario " + rows.getString(2));
                    } catch (PlanFileException unreadable) {
                        throw new PlanDocumentTable.UnstorablePlanException(unreadable);
                    }
                    scenarios.add(new SavedScenario(rows.getLong(1), rows.getString(2),
                            rows.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC), rows.getString(4),
                            rows.getLong(5), plan));
                }
            }
        }
        return scenarios;
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
}
