package org.cohortplanner.store.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.cohortplanner.store.json.PlanFileException;
import org.cohortplanner.store.json.PlanFiles;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Schema version 50: the plan is kept as one document, the text of its plan file (docs/plan-format.md), beside its
 * version and its audit trail, instead of the seventeen tables of versions 1 to 30, which were rewritten on every
 * save and queried by nothing. A new plan field then needs no migration.
 * <p>
 * Each stored plan is turned into a plan file of format 2 (the format those tables held) straight from its rows
 * (without a version: the version stays a column, as for every document the store writes),
 * without the domain records, so that this migration stays as it is while the records change. The document is read
 * back with the plan file reader before anything is dropped: a stored plan that would not open stops the migration
 * with the reader's message, the transaction rolls back and the old tables stay as they were.
 * <p>
 * Of ours, only this class needs both JDBC and Jackson (see the architecture test).
 */
public final class PlanAsOneDocument implements JavaMigration {
    /** The format the old tables held: plan format 2 (regional supply, overload). */
    static final int TABLES_FORMAT_VERSION = 2;

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** The old plan tables, referencing rows first, so that they can be dropped in this order. */
    private static final List<String> OLD_TABLES = List.of(
            "allocation_rule_entry", "allocation_rule", "region_transfer", "delivery_allotment",
            "cohort_brand_share", "cohort_birth_day_digit", "cohort", "delivery", "site_group_brand",
            "site_group_closed_day", "site_group", "brand_site_kind", "brand", "capacity_change", "holiday",
            "region", "birth_year_population", "cohort_plan");

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("50");
    }

    @Override
    public String getDescription() {
        return "plan as one document";
    }

    @Override
    public Integer getChecksum() {
        return 50;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT)
                .contains("postgres");
        Map<Long, String> documents = new TreeMap<>();
        Map<Long, Long> versions = storedPlans(connection);
        for (Map.Entry<Long, Long> plan : versions.entrySet()) {
            String document = document(connection, plan.getKey());
            try {
                PlanFiles.fromJson(document, "the stored plan " + plan.getKey());
            } catch (PlanFileException unreadable) {
                throw new SQLException("the plan stored in the tables cannot be read: " + unreadable.getMessage(),
                        unreadable);
            }
            documents.put(plan.getKey(), document);
        }
        // Every plan is read and checked before the first change: H2 commits each CREATE and DROP at once.
        try (Statement create = connection.createStatement()) {
            create.execute("CREATE TABLE plan_document ("
                    + " plan_id BIGINT NOT NULL,"
                    + " plan_version BIGINT NOT NULL,"
                    + " format_version INTEGER NOT NULL,"
                    + " document " + (postgres ? "TEXT" : "CHARACTER LARGE OBJECT") + " NOT NULL,"
                    + " CONSTRAINT pk_plan_document PRIMARY KEY (plan_id),"
                    + " CONSTRAINT ck_plan_document_version CHECK (plan_version >= 0))");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO plan_document "
                + "(plan_id, plan_version, format_version, document) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<Long, String> document : documents.entrySet()) {
                insert.setLong(1, document.getKey());
                insert.setLong(2, versions.get(document.getKey()));
                insert.setInt(3, TABLES_FORMAT_VERSION);
                insert.setString(4, document.getValue());
                insert.executeUpdate();
            }
        }
        try (Statement drop = connection.createStatement()) {
            for (String table : OLD_TABLES) {
                drop.execute("DROP TABLE " + table);
            }
        }
    }

    private static Map<Long, Long> storedPlans(Connection connection) throws SQLException {
        Map<Long, Long> versions = new TreeMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT plan_id, plan_version FROM cohort_plan")) {
            while (rows.next()) {
                versions.put(rows.getLong(1), rows.getLong(2));
            }
        }
        return versions;
    }

    /** The plan file text of the stored plan {@code planId}, field by field as format 2 writes it. */
    static String document(Connection connection, long planId) throws SQLException {
        ObjectNode plan = JSON.createObjectNode();
        plan.put("formatVersion", TABLES_FORMAT_VERSION);
        try (PreparedStatement statement = connection.prepareStatement("SELECT plan_version, name, description, "
                + "time_zone, reserve_second_dose, no_show_rate, people_per_hour, concurrent_sessions, "
                + "session_minutes, access_multiplier, waiting_room_enabled, admitted_per_minute, queue_order, "
                + "patience_minutes, retry_probability, retry_delay_minutes, overload_concurrent_requests, "
                + "overload_timeout_seconds, overload_restart_minutes FROM cohort_plan WHERE plan_id = ?")) {
            statement.setLong(1, planId);
            try (ResultSet header = statement.executeQuery()) {
                header.next();
                plan.put("name", header.getString("name"));
                plan.put("description", header.getString("description"));
                plan.put("zone", header.getString("time_zone"));
                ObjectNode settings = plan.putObject("settings");
                settings.put("reserveSecondDose", header.getBoolean("reserve_second_dose"));
                settings.put("noShowRate", header.getDouble("no_show_rate"));
                plan.set("population", population(connection, planId));
                plan.set("regions", rows(connection, "SELECT name, population FROM region WHERE plan_id = ? "
                        + "ORDER BY list_position", planId, (row, json) -> {
                            json.put("name", row.getString(1));
                            json.put("population", row.getLong(2));
                        }));
                plan.set("holidays", rows(connection, "SELECT holiday_date, name FROM holiday WHERE plan_id = ? "
                        + "ORDER BY list_position", planId, (row, json) -> {
                            json.put("date", day(row, 1));
                            json.put("name", row.getString(2));
                        }));
                plan.set("brands", brands(connection, planId));
                plan.set("deliveries", deliveries(connection, planId));
                plan.set("transfers", rows(connection, "SELECT transfer_id, brand_name, doses, from_region, "
                        + "to_region, shipped_on, lead_time_days, note FROM region_transfer WHERE plan_id = ? "
                        + "ORDER BY list_position", planId, (row, json) -> {
                            json.put("id", row.getString(1));
                            json.put("brand", row.getString(2));
                            json.put("doses", row.getLong(3));
                            json.put("fromRegion", row.getString(4));
                            json.put("toRegion", row.getString(5));
                            json.put("shipped", day(row, 6));
                            json.put("leadTimeDays", row.getInt(7));
                            json.put("note", row.getString(8));
                        }));
                plan.set("sites", sites(connection, planId));
                plan.set("bookingSystem", bookingSystem(connection, planId, header));
                plan.set("cohorts", cohorts(connection, planId));
                plan.set("allocationRules", allocationRules(connection, planId));
            }
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(plan);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a JSON tree could not be written", impossible);
        }
    }

    private static ObjectNode population(Connection connection, long planId) throws SQLException {
        ObjectNode population = JSON.createObjectNode();
        try (PreparedStatement statement = connection.prepareStatement("SELECT birth_year, people FROM "
                + "birth_year_population WHERE plan_id = ? ORDER BY birth_year")) {
            statement.setLong(1, planId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    population.put(Integer.toString(rows.getInt(1)), rows.getLong(2));
                }
            }
        }
        return population;
    }

    private static ArrayNode brands(Connection connection, long planId) throws SQLException {
        Map<String, List<String>> kinds = grouped(connection, "SELECT brand_name, site_kind FROM brand_site_kind "
                + "WHERE plan_id = ? ORDER BY brand_name, site_kind", planId);
        return rows(connection, "SELECT name, doses_in_course, interval_days, interval_minimum_days, "
                + "interval_maximum_days, minimum_age, platform, lead_time_days FROM brand WHERE plan_id = ? "
                + "ORDER BY list_position", planId, (row, json) -> {
                    String name = row.getString(1);
                    json.put("name", name);
                    json.put("dosesInCourse", row.getInt(2));
                    ObjectNode interval = json.putObject("interval");
                    interval.put("days", row.getInt(3));
                    interval.put("minimumDays", row.getInt(4));
                    interval.put("maximumDays", row.getInt(5));
                    json.put("minimumAge", row.getInt(6));
                    json.put("platform", row.getString(7));
                    strings(json.putArray("siteKinds"), kinds.get(name));
                    json.put("leadTimeDays", row.getInt(8));
                });
    }

    private static ArrayNode deliveries(Connection connection, long planId) throws SQLException {
        Map<String, Map<String, Long>> allotted = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT delivery_id, region_name, doses "
                + "FROM delivery_allotment WHERE plan_id = ? ORDER BY delivery_id, list_position")) {
            statement.setLong(1, planId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    allotted.computeIfAbsent(rows.getString(1), id -> new LinkedHashMap<>())
                            .put(rows.getString(2), rows.getLong(3));
                }
            }
        }
        return rows(connection, "SELECT delivery_id, brand_name, doses, planned_arrival, expected_arrival, status, "
                + "note, lead_time_days, allotment_rule FROM delivery WHERE plan_id = ? ORDER BY list_position",
                planId, (row, json) -> {
                    String id = row.getString(1);
                    json.put("id", id);
                    json.put("brand", row.getString(2));
                    json.put("doses", row.getLong(3));
                    json.put("plannedArrival", day(row, 4));
                    json.put("expectedArrival", day(row, 5));
                    json.put("status", row.getString(6));
                    json.put("note", row.getString(7));
                    if (row.getObject(8) == null) {
                        json.putNull("leadTimeDays");
                    } else {
                        json.put("leadTimeDays", row.getInt(8));
                    }
                    ObjectNode allotment = json.putObject("allotment");
                    allotment.put("rule", row.getString(9));
                    ObjectNode doses = allotment.putObject("doses");
                    allotted.getOrDefault(id, Map.of()).forEach(doses::put);
                });
    }

    private static ArrayNode sites(Connection connection, long planId) throws SQLException {
        Map<String, List<String>> brands = grouped(connection, "SELECT site_group_name, brand_name FROM "
                + "site_group_brand WHERE plan_id = ? ORDER BY site_group_name, list_position", planId);
        Map<String, List<String>> closed = grouped(connection, "SELECT site_group_name, weekday FROM "
                + "site_group_closed_day WHERE plan_id = ? ORDER BY site_group_name, weekday", planId);
        return rows(connection, "SELECT name, region_name, site_kind, doses_per_day FROM site_group "
                + "WHERE plan_id = ? ORDER BY list_position", planId, (row, json) -> {
                    String name = row.getString(1);
                    json.put("name", name);
                    json.put("region", row.getString(2));
                    json.put("kind", row.getString(3));
                    json.put("dosesPerDay", row.getInt(4));
                    strings(json.putArray("brands"), brands.get(name));
                    strings(json.putArray("closedDays"), closed.get(name));
                });
    }

    private static ObjectNode bookingSystem(Connection connection, long planId, ResultSet header)
            throws SQLException {
        ObjectNode booking = JSON.createObjectNode();
        booking.put("peoplePerHour", header.getDouble("people_per_hour"));
        booking.put("concurrentSessions", header.getInt("concurrent_sessions"));
        booking.put("sessionMinutes", header.getDouble("session_minutes"));
        booking.put("accessMultiplier", header.getDouble("access_multiplier"));
        booking.set("capacityChanges", rows(connection, "SELECT changes_at, people_per_hour, concurrent_sessions, "
                + "note FROM capacity_change WHERE plan_id = ? ORDER BY list_position", planId, (row, json) -> {
                    json.put("at", row.getObject(1, LocalDateTime.class).toString());
                    json.put("peoplePerHour", row.getDouble(2));
                    json.put("concurrentSessions", row.getInt(3));
                    json.put("note", row.getString(4));
                }));
        ObjectNode room = booking.putObject("waitingRoom");
        room.put("enabled", header.getBoolean("waiting_room_enabled"));
        room.put("admittedPerMinute", header.getInt("admitted_per_minute"));
        room.put("order", header.getString("queue_order"));
        room.put("patienceMinutes", header.getDouble("patience_minutes"));
        room.put("retryProbability", header.getDouble("retry_probability"));
        room.put("retryDelayMinutes", header.getDouble("retry_delay_minutes"));
        if (header.getLong("overload_concurrent_requests") == 0) {
            return booking;
        }
        ObjectNode overload = booking.putObject("overload");
        overload.put("concurrentRequests", header.getLong("overload_concurrent_requests"));
        overload.put("timeoutSeconds", header.getDouble("overload_timeout_seconds"));
        overload.put("restartMinutes", header.getDouble("overload_restart_minutes"));
        return booking;
    }

    private static ArrayNode cohorts(Connection connection, long planId) throws SQLException {
        Map<String, List<String>> digits = grouped(connection, "SELECT cohort_id, birth_day_digit FROM "
                + "cohort_birth_day_digit WHERE plan_id = ? ORDER BY cohort_id, birth_day_digit", planId);
        Map<String, Map<String, Double>> shares = shares(connection, "SELECT cohort_id, brand_name, brand_share "
                + "FROM cohort_brand_share WHERE plan_id = ? ORDER BY cohort_id, list_position", planId);
        return rows(connection, "SELECT cohort_id, name, first_birth_year, last_birth_year, eligible, uptake, "
                + "booking_opens, booking_closes, first_vaccination_day, last_vaccination_day, parent_cohort_id, "
                + "status FROM cohort WHERE plan_id = ? ORDER BY list_position", planId, (row, json) -> {
                    String id = row.getString(1);
                    json.put("id", id);
                    json.put("name", row.getString(2));
                    ObjectNode years = json.putObject("birthYears");
                    years.put("first", row.getInt(3));
                    years.put("last", row.getInt(4));
                    ArrayNode digitList = json.putArray("birthDayDigits");
                    digits.getOrDefault(id, List.of()).forEach(digit -> digitList.add(Integer.parseInt(digit)));
                    json.put("eligible", row.getLong(5));
                    json.put("uptake", row.getDouble(6));
                    ObjectNode window = json.putObject("window");
                    window.put("opens", row.getObject(7, LocalDateTime.class).toString());
                    window.put("closes", row.getObject(8, LocalDateTime.class).toString());
                    ObjectNode period = json.putObject("vaccinationPeriod");
                    period.put("firstDay", day(row, 9));
                    period.put("lastDay", day(row, 10));
                    ObjectNode brands = json.putObject("brands");
                    shares.getOrDefault(id, Map.of()).forEach(brands::put);
                    json.put("parentId", row.getString(11));
                    json.put("status", row.getString(12));
                });
    }

    private static ArrayNode allocationRules(Connection connection, long planId) throws SQLException {
        Map<String, List<String>> regions = grouped(connection, "SELECT rule_id, entry_name FROM "
                + "allocation_rule_entry WHERE plan_id = ? AND entry_kind = 'REGION' ORDER BY rule_id, "
                + "list_position", planId);
        Map<String, List<String>> except = grouped(connection, "SELECT rule_id, entry_name FROM "
                + "allocation_rule_entry WHERE plan_id = ? AND entry_kind = 'EXCEPT_SITE_GROUP' ORDER BY rule_id, "
                + "list_position", planId);
        Map<String, Map<String, Double>> shares = shares(connection, "SELECT rule_id, entry_name, brand_share "
                + "FROM allocation_rule_entry WHERE plan_id = ? AND entry_kind = 'BRAND' ORDER BY rule_id, "
                + "list_position", planId);
        return rows(connection, "SELECT rule_id, cohort_id, first_day, last_day, note FROM allocation_rule "
                + "WHERE plan_id = ? ORDER BY list_position", planId, (row, json) -> {
                    String id = row.getString(1);
                    json.put("id", id);
                    json.put("cohortId", row.getString(2));
                    strings(json.putArray("regions"), regions.get(id));
                    json.put("firstDay", day(row, 3));
                    json.put("lastDay", day(row, 4));
                    ObjectNode brands = json.putObject("brands");
                    shares.getOrDefault(id, Map.of()).forEach(brands::put);
                    strings(json.putArray("exceptSiteGroups"), except.get(id));
                    json.put("note", row.getString(5));
                });
    }

    private interface RowToJson {
        void fill(ResultSet row, ObjectNode json) throws SQLException;
    }

    private static ArrayNode rows(Connection connection, String sql, long planId, RowToJson fill)
            throws SQLException {
        ArrayNode list = JSON.createArrayNode();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, planId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    fill.fill(rows, list.addObject());
                }
            }
        }
        return list;
    }

    /** The second column's values of each first column's value, in the query's order. */
    private static Map<String, List<String>> grouped(Connection connection, String sql, long planId)
            throws SQLException {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, planId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    groups.computeIfAbsent(rows.getString(1), key -> new ArrayList<>()).add(rows.getString(2));
                }
            }
        }
        return groups;
    }

    private static Map<String, Map<String, Double>> shares(Connection connection, String sql, long planId)
            throws SQLException {
        Map<String, Map<String, Double>> shares = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, planId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    shares.computeIfAbsent(rows.getString(1), key -> new LinkedHashMap<>())
                            .put(rows.getString(2), rows.getDouble(3));
                }
            }
        }
        return shares;
    }

    private static void strings(ArrayNode array, List<String> values) {
        if (values != null) {
            values.forEach(array::add);
        }
    }

    private static String day(ResultSet row, int column) throws SQLException {
        LocalDate day = row.getObject(column, LocalDate.class);
        return day == null ? null : day.toString();
    }
}
