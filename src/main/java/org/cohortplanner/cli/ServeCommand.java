package org.cohortplanner.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.cohortplanner.backend.AccessTokens;
import org.cohortplanner.backend.BackendConfig;
import org.cohortplanner.backend.BackendServer;
import org.cohortplanner.backend.PersonKey;
import org.cohortplanner.backend.RunningClock;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.store.DataLocation;
import org.cohortplanner.store.StoreException;
import org.cohortplanner.store.json.PlanFileException;
import org.cohortplanner.store.json.PlanFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code serve}: runs the reference booking backend until stopped (Ctrl+C). */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Runs the reference booking backend: the plan's resources for planners and supply officers, "
                + "citizen booking through the waiting room and live counts, under /api/v1 (see docs/api.md).",
            "Stops on Ctrl+C."},
        sortOptions = false,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped", "2:could not start (the reason is printed on standard error)", InternalErrorLog.EXIT_CODE_LINE})
public final class ServeCommand implements Callable<Integer> {
    static final String SAMPLE = "sample-data/korea-2021-initial.json";

    @Option(names = "--port", paramLabel = "P", defaultValue = "8080",
            description = "Port to listen on; 0 for any free port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = BackendConfig.LOOPBACK,
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String host;

    @Option(names = "--db", paramLabel = "JDBC-URL",
            description = "Database: jdbc:h2:... or jdbc:postgresql://host/db (default: an H2 file "
                    + "'backend' in the data folder).")
    String databaseUrl;

    @Option(names = "--db-user", paramLabel = "USER", description = "Database user (PostgreSQL).")
    String databaseUser;

    @Option(names = "--db-password-file", paramLabel = "FILE",
            description = "File holding the database password (kept off the command line).")
    Path databasePasswordFile;

    @Option(names = "--tokens", paramLabel = "FILE",
            description = "Bearer tokens and their roles, as 'user roles sha256:hex' lines (docs/api.md). "
                    + "Without it, only booking and the health check answer.")
    Path tokensFile;

    @Option(names = "--keystore", paramLabel = "FILE", description = "PKCS#12 (or .jks) keystore: serve HTTPS.")
    Path keystore;

    @Option(names = "--keystore-password-file", paramLabel = "FILE", description = "File holding the keystore "
            + "password.")
    Path keystorePasswordFile;

    @Option(names = "--person-key-file", paramLabel = "FILE",
            description = "Key of the person ids' hashes, as hex (at least 32 digits). Give every instance serving "
                    + "one night the same file (default: 'person-key' in the data folder, made once).")
    Path personKeyFile;

    @Option(names = "--seed", paramLabel = "PLAN.json",
            description = "Plan stored into an empty database (default: the bundled initial 2021 plan).")
    Path seed;

    @Option(names = "--empty", description = "Start with an empty database: store no plan.")
    boolean empty;

    @Option(names = "--clock", paramLabel = "yyyy-mm-ddThh:mm",
            description = "Pretend it is this wall-clock time at start (in --clock-zone); the clock then runs on.")
    LocalDateTime clockStart;

    @Option(names = "--clock-zone", paramLabel = "ZONE", defaultValue = "Asia/Seoul",
            description = "Zone of --clock (default: ${DEFAULT-VALUE}).")
    ZoneId clockZone;

    @Option(names = "--clock-speed", paramLabel = "X", defaultValue = "1",
            description = "With --clock: minutes of the night per real minute (default: ${DEFAULT-VALUE}).")
    double clockSpeed;

    @ParentCommand
    CohortPlannerCommand parent;

    @Spec
    CommandSpec spec;

    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BackendServer server;
        BackendConfig config;
        try {
            config = config();
            server = BackendServer.start(config);
        } catch (PlanFileException unreadable) {
            // The --seed plan: the reader's line, the same as every other command's (CommandFailures).
            throw unreadable;
        } catch (StoreException | IllegalArgumentException | IllegalStateException failure) {
            err.println("serve: " + failure.getMessage());
            err.flush();
            return 2;
        }
        Thread hook = new Thread(() -> {
            try {
                server.close();
            } catch (RuntimeException failure) {
                err.println("serve: while stopping: " + failure.getMessage());
                err.flush();
            }
            stopped.countDown();
        }, "backend-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("Cohort Planner backend at " + server.url() + "/api/v1 (database "
                + DurableDatabaseUrl.shown(config.databaseUrl()) + "; " + server.plans().plan().map(p -> "plan '" + p.name()
                + "' version " + p.version()).orElse("no plan yet") + "). Ctrl+C stops it.");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
            server.close();
        } catch (IllegalStateException shuttingDown) {
            // The virtual machine is stopping (Ctrl+C): the hook closes the server.
        }
        return 0;
    }

    BackendConfig config() {
        if (empty && seed != null) {
            throw new IllegalArgumentException("--empty and --seed contradict each other: give one");
        }
        if (keystore != null && keystorePasswordFile == null) {
            throw new IllegalArgumentException("--keystore needs --keystore-password-file");
        }
        String url = databaseUrl != null ? DurableDatabaseUrl.of(databaseUrl) : defaultDatabaseUrl();
        AccessTokens tokens = tokensFile == null ? AccessTokens.none() : AccessTokens.read(tokensFile);
        Plan plan = empty ? null : seed != null ? PlanFiles.read(seed) : bundledSample();
        Clock clock = clockStart == null ? Clock.systemUTC()
                : new RunningClock(clockStart.atZone(clockZone).toInstant(), clockSpeed);
        char[] keystorePassword = keystore == null ? null : secret(keystorePasswordFile).toCharArray();
        String password = databasePasswordFile == null ? "" : secret(databasePasswordFile);
        return new BackendConfig(host, port, url, databaseUser, password, tokens, keystore, keystorePassword, clock,
                plan, personKey());
    }

    private PersonKey personKey() {
        if (personKeyFile != null) {
            return PersonKey.read(personKeyFile);
        }
        Path folder = DataLocation.resolve(parent == null ? null : parent.dataDir).create();
        return PersonKey.readOrCreate(folder.resolve("person-key"));
    }

    private String defaultDatabaseUrl() {
        Path folder = DataLocation.resolve(parent == null ? null : parent.dataDir).create();
        return DurableDatabaseUrl.of("jdbc:h2:file:" + folder.resolve("backend").toString().replace('\\', '/'));
    }

    static Plan bundledSample() {
        try (InputStream in = ServeCommand.class.getClassLoader().getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled sample plan " + SAMPLE + " is missing from the jar; "
                        + "give one with --seed");
            }
            return PlanFiles.read(in, SAMPLE);
        } catch (IOException failure) {
            throw new IllegalStateException("cannot read the bundled sample plan: " + failure.getMessage(), failure);
        }
    }

    private static String secret(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException failure) {
            throw new IllegalArgumentException("cannot read " + file + ": " + failure.getMessage(), failure);
        }
    }

    /** Stops a running {@link #call()} (tests). */
    void stop() {
        stopped.countDown();
    }
}
