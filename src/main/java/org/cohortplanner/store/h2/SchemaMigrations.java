package org.cohortplanner.store.h2;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import org.cohortplanner.store.StoreException;
import org.cohortplanner.store.migration.PlanAsOneDocument;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Brings a database's tables up to this version of Cohort Planner with the Flyway migrations in
 * {@code db/migration} (portable SQL, shared by the embedded H2 model and the backend's PostgreSQL) and the Java
 * migration {@link PlanAsOneDocument} (version 50: the plan tables become one document), and refuses a
 * database written by a newer version rather than writing into tables it does not know.
 */
public final class SchemaMigrations {
    /** Where the migrations are on the class path. */
    public static final String LOCATION = "classpath:db/migration";

    private SchemaMigrations() {
    }

    /**
     * Applies the migrations this version knows and has not applied yet.
     *
     * @param where how the database is named in messages (a file path or a JDBC URL without credentials)
     * @throws StoreException when the database comes from a newer version, or a migration fails
     */
    public static void apply(String url, String user, String password, String where) {
        Flyway flyway = Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(url, user, password)
                .locations(LOCATION)
                // A plan document's column: H2's large text, PostgreSQL's unbounded TEXT (as in plan_document).
                .placeholders(Map.of("documentType", SqlDialect.of(url) == SqlDialect.POSTGRESQL ? "TEXT"
                        : "CHARACTER LARGE OBJECT"))
                .javaMigrations(new PlanAsOneDocument())
                .loggers(MigrationLog.class.getName())
                .load();
        try {
            requireNotNewer(flyway.info(), where);
            flyway.migrate();
        } catch (FlywayException failure) {
            throw new StoreException("the tables of " + where + " cannot be brought up to this version of Cohort "
                    + "Planner: " + failure.getMessage(), failure);
        }
    }

    private static void requireNotNewer(MigrationInfoService info, String where) {
        boolean newer = Arrays.stream(info.applied()).anyMatch(migration ->
                migration.getState() == MigrationState.FUTURE_SUCCESS
                        || migration.getState() == MigrationState.FUTURE_FAILED);
        if (!newer) {
            return;
        }
        String stored = Optional.ofNullable(info.current()).map(MigrationInfo::getVersion)
                .map(MigrationVersion::getVersion).orElse("unknown");
        String known = Arrays.stream(info.all())
                .filter(migration -> migration.getState() != MigrationState.FUTURE_SUCCESS
                        && migration.getState() != MigrationState.FUTURE_FAILED)
                .map(MigrationInfo::getVersion)
                .max(Comparator.naturalOrder())
                .map(MigrationVersion::getVersion).orElse("none");
        throw new StoreException(where + " was written by a newer version of Cohort Planner (its tables are at "
                + "version " + stored + ", this version knows up to " + known + "); update Cohort Planner or "
                + "choose another data folder");
    }
}
