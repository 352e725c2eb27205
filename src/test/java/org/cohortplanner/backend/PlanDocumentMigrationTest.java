package org.cohortplanner.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.cohortplanner.domain.AuditEntry;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.PlanChange;
import org.cohortplanner.store.StoreException;
import org.cohortplanner.store.h2.JdbcPlanStore;
import org.cohortplanner.store.h2.SchemaMigrations;
import org.cohortplanner.store.json.PlanFiles;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A database made by the release that kept the plan in seventeen tables (schema version 30) opens with everything in
 * it: the migration to one plan document keeps the plan, its version and its audit trail, on H2 and on PostgreSQL.
 * The rows in {@code release-1-plan-tables.sql} were written by that release's own store (the as-run sample with an
 * explicit and a population allotment, a transfer and an allocation rule, and three audited saves), and
 * {@code release-1-plan.json} is the plan that release read back from them.
 */
class PlanDocumentMigrationTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);

    static Stream<String> databases() {
        return Stream.of("h2", "postgresql");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aDatabaseOfTheTablesReleaseOpensWithItsPlanVersionAndAudit(String database) throws Exception {
        String url = releaseDatabase(database);
        Plan expected = PlanFiles.read(resource("release-1-plan.json"), "release-1-plan.json");
        try (JdbcPlanStore store = JdbcPlanStore.open(url, user(database), "", CLOCK)) {
            Plan migrated = store.load().orElseThrow();
            assertEquals(3, migrated.version());
            assertEquals(expected, migrated);
            assertFalse(migrated.transfers().isEmpty());
            assertFalse(migrated.allocationRules().isEmpty());
            List<AuditEntry> audit = store.audit();
            assertEquals(List.of("Open plan file", "Edit cohort 55-59", "Record delivery delay"),
                    audit.stream().map(AuditEntry::action).toList());
            assertEquals("MOD-2021-W28 +7 days", audit.get(2).after());
            assertEquals(3, audit.get(2).planVersion());

            Plan renamed = store.save(migrated.withName("Korea 2021, after the migration"),
                    PlanChange.of("kim", "Renamed"));
            assertEquals(4, renamed.version());
            assertEquals(renamed, store.load().orElseThrow());
        }
        try (Connection connection = DriverManager.getConnection(url, user(database), "")) {
            List<String> tables = tables(connection);
            assertTrue(tables.contains("plan_document"), tables.toString());
            assertTrue(tables.contains("audit_entry"), tables.toString());
            for (String old : List.of("cohort_plan", "cohort", "delivery", "site_group", "allocation_rule")) {
                assertFalse(tables.contains(old), old + " is still there: " + tables);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aStoredPlanThatWouldNotOpenStopsTheMigrationAndKeepsTheTables(String database) throws Exception {
        String url = releaseDatabase(database);
        try (Connection connection = DriverManager.getConnection(url, user(database), "");
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE cohort_plan SET time_zone = 'Mars/Olympus_Mons'");
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
        StoreException refused = assertThrows(StoreException.class,
                () -> JdbcPlanStore.open(url, user(database), "", CLOCK).close());
        assertTrue(refused.getMessage().contains("cannot be read"), refused.getMessage());
        assertTrue(refused.getMessage().contains("zone"), refused.getMessage());
        try (Connection connection = DriverManager.getConnection(url, user(database), "")) {
            List<String> tables = tables(connection);
            assertTrue(tables.contains("cohort_plan"), tables.toString());
            assertFalse(tables.contains("plan_document"), tables.toString());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aPlanThatWouldNotReadBackIsRefusedBeforeAnythingIsWritten(String database) {
        String url = database.equals("h2") ? "jdbc:h2:mem:document-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"
                : PostgresDatabase.freshDatabaseUrl();
        try (JdbcPlanStore store = JdbcPlanStore.open(url, user(database), "", CLOCK)) {
            Plan plan = store.replace(PlanFiles.read(resource("release-1-plan.json"), "release-1-plan.json"),
                    PlanChange.of("kim", "Opened"));
            Plan beyondLimits = plan.withDescription("x".repeat(200_000));
            StoreException refused = assertThrows(StoreException.class,
                    () -> store.save(beyondLimits, PlanChange.of("kim", "Described")));
            assertTrue(refused.getMessage().contains("description"), refused.getMessage());
            assertTrue(refused.getMessage().contains("unchanged"), refused.getMessage());
            assertEquals(plan, store.load().orElseThrow());
            assertEquals(1, store.audit().size());
        }
    }

    /** A new database at schema version 30 holding the rows the tables release wrote. */
    private static String releaseDatabase(String database) throws SQLException {
        String url = database.equals("h2") ? "jdbc:h2:mem:release-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"
                : PostgresDatabase.freshDatabaseUrl();
        Flyway.configure(PlanDocumentMigrationTest.class.getClassLoader())
                .dataSource(url, user(database), "")
                .locations(SchemaMigrations.LOCATION)
                .target("30")
                .load()
                .migrate();
        String script = new String(bytes("release-1-plan-tables.sql"), StandardCharsets.UTF_8);
        try (Connection connection = DriverManager.getConnection(url, user(database), "");
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            for (String insert : script.split(";\\R(?=INSERT INTO |\\z)")) {
                String sql = insert.lines().filter(line -> !line.startsWith("--"))
                        .reduce((a, b) -> a + "\n" + b).orElse("").strip();
                if (!sql.isEmpty()) {
                    statement.executeUpdate(sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql);
                }
            }
            connection.commit();
        }
        return url;
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> names = new java.util.ArrayList<>();
        try (ResultSet rows = connection.getMetaData().getTables(null, connection.getSchema(), "%",
                new String[] {"TABLE"})) {
            while (rows.next()) {
                names.add(rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    private static String user(String database) {
        return database.equals("h2") ? "sa" : "postgres";
    }

    private static InputStream resource(String name) {
        InputStream in = PlanDocumentMigrationTest.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + name);
        }
        return in;
    }

    private static byte[] bytes(String name) {
        try (InputStream in = resource(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
