package org.cohortplanner.store.h2;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.AuditEntry;
import org.cohortplanner.domain.PlanChange;
import org.cohortplanner.store.PlanConflictException;
import org.cohortplanner.store.PlanStore;
import org.cohortplanner.store.ScenarioNameTakenException;
import org.cohortplanner.store.ScenarioStore;
import org.cohortplanner.store.StoreException;

/**
 * A plan and its audit trail in the plan document table of any database the migrations run on (H2 or PostgreSQL), over one
 * connection. Every save is one transaction: version check (the plan's row locked), document rewritten, version bumped,
 * audit entry appended; on any failure the transaction is rolled back and the stored plan is unchanged.
 * <p>
 * The embedded model ({@link H2PlanStore}) adds its file lock and H2's messages around this; the booking backend
 * opens one with {@link #open} on the URL it is given.
 */
public final class JdbcPlanStore implements PlanStore, ScenarioStore {
    /** The console's model holds one plan; documents are keyed by plan so that a database can hold several. */
    public static final long DEFAULT_PLAN_ID = 1;

    private final String where;
    private final long planId;
    private final Clock clock;
    private Connection connection;

    /**
     * Takes over {@code connection} (auto-commit off); it is closed by {@link #close}.
     *
     * @param where how the database is named in messages: a file path or a URL without secrets
     */
    public JdbcPlanStore(Connection connection, String where, long planId, Clock clock) throws SQLException {
        connection.setAutoCommit(false);
        this.connection = connection;
        this.where = where;
        this.planId = planId;
        this.clock = clock;
    }

    /**
     * Connects to {@code url}, brings its tables up to this version with the migrations and opens the plan
     * {@link #DEFAULT_PLAN_ID}.
     *
     * @throws StoreException when the database cannot be reached, holds another program's tables, or was written by a
     *                        newer version
     */
    public static JdbcPlanStore open(String url, String user, String password, Clock clock) {
        SqlDialect.of(url);
        String where = SqlDialect.shown(url);
        Connection connection = null;
        try {
            connection = DriverManager.getConnection(url, user, password);
            requireOwnTables(connection, where);
            SchemaMigrations.apply(url, user, password, where);
            return new JdbcPlanStore(connection, where, DEFAULT_PLAN_ID, clock);
        } catch (SQLException failure) {
            closeQuietly(connection);
            throw new StoreException("cannot open the database " + where + ": " + describe(failure), failure);
        } catch (RuntimeException failure) {
            closeQuietly(connection);
            throw failure;
        }
    }

    /** A database with tables but without the migrations' history was made by something else; leave it alone. */
    static void requireOwnTables(Connection connection, String where) throws SQLException {
        boolean anyTable = false;
        boolean history = false;
        DatabaseMetaData metaData = connection.getMetaData();
        try (ResultSet tables = metaData.getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                anyTable = true;
                history |= "flyway_schema_history".equals(tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        if (anyTable && !history) {
            throw new StoreException(where + " is not a Cohort Planner database: it holds tables of another program");
        }
    }

    @Override
    public String location() {
        return where;
    }

    @Override
    public synchronized Optional<Plan> load() {
        Connection open = openConnection();
        try {
            Optional<Plan> plan = PlanDocumentTable.read(open, planId);
            open.commit();
            return plan;
        } catch (SQLException failure) {
            rollbackQuietly();
            throw new StoreException("cannot read the plan from " + where + ": " + describe(failure), failure);
        } catch (PlanDocumentTable.UnstorablePlanException invalid) {
            rollbackQuietly();
            throw new StoreException("the plan stored in " + where + " cannot be read: " + invalid.getMessage(),
                    invalid);
        }
    }

    @Override
    public synchronized Plan save(Plan plan, PlanChange change) {
        return write(plan, change, true);
    }

    @Override
    public synchronized Plan replace(Plan plan, PlanChange change) {
        return write(plan, change, false);
    }

    private Plan write(Plan plan, PlanChange change, boolean checkVersion) {
        Connection open = openConnection();
        try {
            // The document is written and read back before the plan's row is locked, so that other saves do not
            // wait for it; it does not depend on the version, which is kept in its own column.
            String document = PlanDocumentTable.document(plan);
            OptionalLong stored = PlanDocumentTable.version(open, planId, true);
            long storedVersion = stored.orElse(0);
            if (checkVersion && plan.version() != storedVersion) {
                Optional<Plan> storedPlan = stored.isPresent() ? PlanDocumentTable.read(open, planId) : Optional.empty();
                open.rollback();
                throw new PlanConflictException(plan.version(), storedVersion, storedPlan.orElse(null));
            }
            Plan saved = plan.withVersion(storedVersion + 1);
            PlanDocumentTable.write(open, planId, stored.isPresent(), saved.version(), document);
            AuditTable.append(open, planId, clock.instant(), change, saved.version());
            open.commit();
            return saved;
        } catch (SQLException failure) {
            rollbackQuietly();
            throw new StoreException("cannot save the plan to " + where + ": " + describe(failure)
                    + "; the plan stored before is unchanged", failure);
        } catch (TextTooLongException | PlanDocumentTable.UnstorablePlanException refused) {
            rollbackQuietly();
            throw new StoreException("cannot save the plan to " + where + ": " + refused.getMessage()
                    + "; the plan stored before is unchanged", refused);
        } catch (RuntimeException failure) {
            rollbackQuietly();
            throw failure;
        }
    }

    @Override
    public synchronized List<AuditEntry> audit() {
        Connection open = openConnection();
        try {
            List<AuditEntry> entries = AuditTable.list(open, planId);
            open.commit();
            return entries;
        } catch (SQLException failure) {
            rollbackQuietly();
            throw new StoreException("cannot read the audit trail from " + where + ": " + describe(failure),
                    failure);
        }
    }

    /*
     * The scenario methods turn plans into documents and back before and after they take the store's lock, so that a
     * large scenario does not hold up the working plan's saves meanwhile; under the lock they only use the connection.
     */

    @Override
    public List<SavedScenario> scenarios() {
        List<ScenarioTable.Row> rows = scenarioRows(open -> ScenarioTable.list(open, planId));
        List<SavedScenario> scenarios = new ArrayList<>(rows.size());
        for (ScenarioTable.Row row : rows) {
            scenarios.add(readable(row));
        }
        return scenarios;
    }

    /** The scenario numbered {@code id}, if the plan has one. */
    public Optional<SavedScenario> scenario(long id) {
        return scenarioRows(open -> ScenarioTable.find(open, planId, id)).map(this::readable);
    }

    private <T> T scenarioRows(SqlWork<T> work) {
        synchronized (this) {
            Connection open = openConnection();
            try {
                T found = work.run(open);
                open.commit();
                return found;
            } catch (SQLException failure) {
                rollbackQuietly();
                throw new StoreException("cannot read the scenarios from " + where + ": " + describe(failure),
                        failure);
            }
        }
    }

    private SavedScenario readable(ScenarioTable.Row row) {
        try {
            return ScenarioTable.scenarioOf(row);
        } catch (PlanDocumentTable.UnstorablePlanException invalid) {
            throw new StoreException("a scenario stored in " + where + " cannot be read: " + invalid.getMessage(),
                    invalid);
        }
    }

    /** Work on the connection inside one transaction. */
    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection open) throws SQLException;
    }

    @Override
    public SavedScenario saveScenario(String name, Plan plan, PlanChange change) {
        return storeScenario(name, plan, change, false);
    }

    /**
     * Saves {@code plan} as a new scenario {@code name}; unlike {@link #saveScenario} it never replaces one, so that
     * planners sharing the database do not overwrite each other's scenarios unseen.
     *
     * @throws ScenarioNameTakenException when the plan has a scenario of that name
     */
    public SavedScenario createScenario(String name, Plan plan, PlanChange change) {
        return storeScenario(name, plan, change, true);
    }

    /** Another backend on the database may take the next number between our read and our insert: try again. */
    private static final int SCENARIO_ATTEMPTS = 5;

    private SavedScenario storeScenario(String name, Plan plan, PlanChange change, boolean onlyNew) {
        String document;
        try {
            ScenarioTable.requireStorable(name, change.user());
            document = PlanDocumentTable.document(plan);
        } catch (TextTooLongException | PlanDocumentTable.UnstorablePlanException refused) {
            throw new StoreException("cannot save the scenario to " + where + ": " + refused.getMessage(), refused);
        }
        for (int attempt = 1; ; attempt++) {
            synchronized (this) {
                Connection open = openConnection();
                try {
                    long version = PlanDocumentTable.version(open, planId, false).orElse(0);
                    Instant at = clock.instant();
                    ScenarioTable.Row row;
                    if (onlyNew) {
                        Optional<ScenarioTable.Row> taken = ScenarioTable.find(open, planId, name, false);
                        if (taken.isPresent()) {
                            open.rollback();
                            throw nameTaken(taken.get());
                        }
                        row = ScenarioTable.insert(open, planId, name, document, change.user(), at, version);
                    } else {
                        row = ScenarioTable.save(open, planId, name, document, change.user(), at, version);
                    }
                    AuditTable.append(open, planId, row.savedAt(), change, version);
                    open.commit();
                    return new SavedScenario(row.id(), row.name(), row.savedAt(), row.savedBy(), row.basedOnVersion(),
                            plan);
                } catch (SQLException failure) {
                    rollbackQuietly();
                    if (!ScenarioTable.isTaken(failure) || attempt >= SCENARIO_ATTEMPTS) {
                        throw new StoreException("cannot save the scenario " + name + " to " + where + ": "
                                + describe(failure), failure);
                    }
                } catch (TextTooLongException refused) {
                    rollbackQuietly();
                    throw new StoreException("cannot save the scenario to " + where + ": " + refused.getMessage(),
                            refused);
                } catch (RuntimeException failure) {
                    rollbackQuietly();
                    throw failure;
                }
            }
        }
    }

    private ScenarioNameTakenException nameTaken(ScenarioTable.Row taken) {
        return new ScenarioNameTakenException(taken.name(), taken.savedBy(), taken.savedAt(), "a scenario named '"
                + taken.name() + "' exists already in " + where + " (saved by " + taken.savedBy() + " at "
                + taken.savedAt() + "); choose another name or delete that one first");
    }

    @Override
    public synchronized boolean deleteScenario(long id, PlanChange change) {
        Connection open = openConnection();
        try {
            String name = ScenarioTable.delete(open, planId, id);
            if (name != null) {
                AuditTable.append(open, planId, clock.instant(), change,
                        PlanDocumentTable.version(open, planId, false).orElse(0));
            }
            open.commit();
            return name != null;
        } catch (SQLException failure) {
            rollbackQuietly();
            throw new StoreException("cannot delete the scenario from " + where + ": " + describe(failure), failure);
        } catch (RuntimeException failure) {
            rollbackQuietly();
            throw failure;
        }
    }

    /** Closes the connection; further calls fail with a {@link StoreException} saying the database is closed. */
    @Override
    public synchronized void close() {
        if (connection == null) {
            return;
        }
        Connection closing = connection;
        connection = null;
        try {
            closing.rollback();
            closing.close();
        } catch (SQLException failure) {
            throw new StoreException("cannot close the database " + where + ": " + describe(failure), failure);
        }
    }

    private Connection openConnection() {
        if (connection == null) {
            throw new StoreException("the database " + where + " is closed");
        }
        return connection;
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The failure that led here is the one to report; a connection that cannot roll back has lost the
            // transaction anyway, and the database discards uncommitted changes.
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // Closing after a failure: the failure is what the user needs to see.
        }
    }

    /** The database's message without SQL text and error codes, which mean nothing to a planner. */
    public static String describe(Exception failure) {
        return H2PlanStore.describe(failure);
    }
}
