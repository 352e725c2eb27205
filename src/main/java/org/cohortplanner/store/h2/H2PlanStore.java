package org.cohortplanner.store.h2;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cohortplanner.domain.Phrase;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.AuditEntry;
import org.cohortplanner.store.DataLocation;
import org.cohortplanner.domain.PlanChange;
import org.cohortplanner.store.PlanStore;
import org.cohortplanner.store.ScenarioStore;
import org.cohortplanner.store.StoreException;

/**
 * The local model: the working plan in an embedded H2 database file in the data folder, as one plan document
 * ({@link PlanDocumentTable}) in the tables of the migrations, with its audit trail.
 * <p>
 * Every save is one transaction (version check, document rewritten, version bumped, audit entry appended) and is on
 * disk when {@link #save} returns: the URL sets {@code WRITE_DELAY=0} because H2's default delay can lose the
 * last committed transactions when the process is killed. One console at a time may open a data folder; the
 * second gets a {@link StoreException} saying so rather than a shared or corrupted database.
 */
public final class H2PlanStore implements PlanStore, ScenarioStore {
    /** H2 appends {@link #FILE_SUFFIX} to this name. */
    public static final String DATABASE_NAME = "cohort-planner";
    public static final String FILE_SUFFIX = ".mv.db";
    /** Held while a console has the folder open; the operating system releases it when the process ends. */
    public static final String LOCK_FILE_NAME = "cohort-planner.lock";
    /** The local model holds one plan; the tables are keyed by plan so that the backend can hold several. */
    static final long PLAN_ID = JdbcPlanStore.DEFAULT_PLAN_ID;

    private static final String USER = "sa";
    private static final String PASSWORD = "";
    // H2 error codes (org.h2.api.ErrorCode), kept here so that only the messages depend on them.
    private static final int DATABASE_ALREADY_OPEN = 90020;
    private static final int IO_EXCEPTION = 90028;
    private static final int FILE_CORRUPTED = 90030;
    private static final int FILE_VERSION_ERROR = 90048;
    private static final int FILE_ENCRYPTION_ERROR = 90049;
    private static final int WRONG_USER_OR_PASSWORD = 28000;
    private static final int FILE_CREATION_FAILED = 90062;
    private static final int DATABASE_IS_READ_ONLY = 90097;
    private static final String VALUE_TOO_LONG = "22001";

    private final Path databaseFile;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final JdbcPlanStore tables;
    private boolean closed;

    private H2PlanStore(Path databaseFile, FileChannel lockChannel, FileLock lock, JdbcPlanStore tables) {
        this.databaseFile = databaseFile;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.tables = tables;
    }

    /**
     * Opens (creating when needed) the model in {@code directory}, or in the user's data folder when it is null (no
     * {@code --data-dir}); audit times come from the system clock.
     */
    public static H2PlanStore open(Path directory) {
        return open(directory, Clock.systemUTC());
    }

    /**
     * Opens (creating when needed) the model in {@code directory}, or in the user's data folder when it is null.
     *
     * @throws StoreException when the folder cannot be used, another console has it open, or the file there is not
     *                        a Cohort Planner database this version can read
     */
    public static H2PlanStore open(Path directory, Clock clock) {
        DataLocation location = DataLocation.resolve(directory);
        if (location.directory().toString().contains(";")) {
            // H2 reads ';' in a URL as the start of a setting.
            throw new StoreException("the data folder " + location + " cannot hold the database: its path contains "
                    + "';'; choose another folder with --data-dir");
        }
        Path folder = location.create();
        Path databaseFile = folder.resolve(DATABASE_NAME + FILE_SUFFIX);
        FileChannel lockChannel = openLockFile(folder, databaseFile);
        FileLock lock = null;
        Connection connection = null;
        try {
            lock = lockChannel.tryLock();
            if (lock == null) {
                throw inUse(databaseFile);
            }
            String url = "jdbc:h2:file:" + folder.resolve(DATABASE_NAME).toString().replace('\\', '/')
                    + ";WRITE_DELAY=0;AUTO_SERVER=FALSE";
            connection = connect(url, databaseFile);
            requireOwnTables(connection, databaseFile);
            SchemaMigrations.apply(url, USER, PASSWORD, databaseFile.toString());
            return new H2PlanStore(databaseFile, lockChannel, lock,
                    new JdbcPlanStore(connection, databaseFile.toString(), PLAN_ID, clock));
        } catch (OverlappingFileLockException heldInThisProcess) {
            closeQuietly(connection, lock, lockChannel);
            throw inUse(databaseFile);
        } catch (IOException | SQLException failure) {
            closeQuietly(connection, lock, lockChannel);
            throw new StoreException("cannot open the database " + databaseFile + ": " + describe(failure), failure);
        } catch (RuntimeException failure) {
            closeQuietly(connection, lock, lockChannel);
            throw failure;
        }
    }

    private static FileChannel openLockFile(Path folder, Path databaseFile) {
        try {
            return FileChannel.open(folder.resolve(LOCK_FILE_NAME), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
        } catch (AccessDeniedException denied) {
            throw new StoreException("cannot open the database " + databaseFile + ": the data folder " + folder
                    + " is not writable; choose another folder with --data-dir", denied);
        } catch (IOException failure) {
            throw new StoreException("cannot open the database " + databaseFile + ": " + failure.getMessage(),
                    failure);
        }
    }

    private static StoreException inUse(Path databaseFile) {
        return new StoreException(Phrase.of("store.inUse", databaseFile.toString()), null);
    }

    private static Connection connect(String url, Path databaseFile) {
        boolean existed = isNonEmptyFile(databaseFile);
        if (existed && !Files.isWritable(databaseFile)) {
            throw new StoreException("cannot open the database " + databaseFile + ": the file is not writable");
        }
        try {
            return DriverManager.getConnection(url, USER, PASSWORD);
        } catch (SQLException failure) {
            switch (failure.getErrorCode()) {
                case DATABASE_ALREADY_OPEN:
                    throw inUse(databaseFile);
                case FILE_CORRUPTED:
                case FILE_VERSION_ERROR:
                case FILE_ENCRYPTION_ERROR:
                    throw notOurs(databaseFile, "it cannot be read as a database", failure);
                case WRONG_USER_OR_PASSWORD:
                    throw notOurs(databaseFile, "it is protected by another user name or password", failure);
                case IO_EXCEPTION:
                    if (existed) {
                        // A file shorter than H2's header ends in an EOFException reported as an I/O error.
                        throw notOurs(databaseFile, "it cannot be read as a database", failure);
                    }
                    throw new StoreException("cannot open the database " + databaseFile + ": " + describe(failure),
                            failure);
                case FILE_CREATION_FAILED:
                case DATABASE_IS_READ_ONLY:
                    throw new StoreException("cannot open the database " + databaseFile + ": the file or its folder "
                            + "is not writable (" + describe(failure) + ")", failure);
                default:
                    throw new StoreException("cannot open the database " + databaseFile + ": " + describe(failure),
                            failure);
            }
        }
    }

    private static boolean isNonEmptyFile(Path file) {
        try {
            return Files.isRegularFile(file) && Files.size(file) > 0;
        } catch (IOException unreadable) {
            return true;
        }
    }

    private static StoreException notOurs(Path databaseFile, String why, Exception cause) {
        return new StoreException(databaseFile + " is not a Cohort Planner database, or it is damaged (" + why
                + "); move it away or choose another data folder with --data-dir", cause);
    }

    /** An H2 file with tables but without the migrations' history was made by something else; leave it alone. */
    private static void requireOwnTables(Connection connection, Path databaseFile) throws SQLException {
        boolean anyTable = false;
        boolean history = false;
        DatabaseMetaData metaData = connection.getMetaData();
        try (ResultSet tables = metaData.getTables(null, connection.getSchema(), "%", null)) {
            while (tables.next()) {
                anyTable = true;
                history |= "flyway_schema_history".equals(tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        if (anyTable && !history) {
            throw new StoreException(databaseFile + " is not a Cohort Planner database: it holds tables of another "
                    + "program; move it away or choose another data folder with --data-dir");
        }
    }

    @Override
    public String location() {
        return databaseFile.toString();
    }

    /** The database file. */
    public Path databaseFile() {
        return databaseFile;
    }

    @Override
    public Optional<Plan> load() {
        return tables.load();
    }

    @Override
    public Plan save(Plan plan, PlanChange change) {
        return tables.save(plan, change);
    }

    @Override
    public Plan replace(Plan plan, PlanChange change) {
        return tables.replace(plan, change);
    }

    @Override
    public List<AuditEntry> audit() {
        return tables.audit();
    }

    @Override
    public List<SavedScenario> scenarios() {
        return tables.scenarios();
    }

    @Override
    public SavedScenario saveScenario(String name, Plan plan, PlanChange change) {
        return tables.saveScenario(name, plan, change);
    }

    @Override
    public boolean deleteScenario(long id, PlanChange change) {
        return tables.deleteScenario(id, change);
    }

    /** Closes the database (the last connection closes H2's file) and lets another console open the folder. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            tables.close();
        } finally {
            closeQuietly(null, lock, lockChannel);
        }
    }

    private static void closeQuietly(Connection connection, FileLock lock, FileChannel lockChannel) {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // Closing after a failure: the failure is what the user needs to see.
        }
        try {
            if (lock != null) {
                lock.release();
            }
            lockChannel.close();
        } catch (IOException ignored) {
            // Closing the channel releases the lock in any case; the operating system does when the process ends.
        }
    }

    /** The database's message without H2's SQL text and error code, which mean nothing to a planner. */
    static String describe(Exception failure) {
        Exception shown = failure;
        if (failure instanceof BatchUpdateException && ((SQLException) failure).getNextException() != null) {
            shown = ((SQLException) failure).getNextException();
        }
        String message = shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getMessage();
        int sql = message.indexOf("; SQL statement:");
        if (sql >= 0) {
            message = message.substring(0, sql);
        }
        message = message.replaceAll("\\s*\\[\\d+-\\d+]\\s*$", "").strip();
        if (shown instanceof SQLException && VALUE_TOO_LONG.equals(((SQLException) shown).getSQLState())) {
            return "a text in the plan is too long to store: " + message;
        }
        return message;
    }
}
