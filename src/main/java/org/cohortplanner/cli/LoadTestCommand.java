package org.cohortplanner.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cohortplanner.backend.LoadRun;
import org.cohortplanner.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code loadtest}: a bounded load run of the booking backend on loopback, next to the simulation's prediction. */
@Command(name = "loadtest",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Starts a booking backend on loopback, lets many clients book a night's people through its "
                + "waiting room for at most --seconds, then prints bookings per second, wait percentiles and errors "
                + "next to the booking-night simulation of the same parameters.",
            "The backend's clock runs --speed times faster than real time (60: a night minute per real second)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the load test ran", "2:bad input (the reason is printed on standard error)",
            InternalErrorLog.EXIT_CODE_LINE},
        sortOptions = false)
public final class LoadTestCommand implements Callable<Integer> {
    @Option(names = "--people", defaultValue = "20000", description = "People who try to book (default: "
            + "${DEFAULT-VALUE}).")
    int people;

    @Option(names = "--clients", defaultValue = "32", description = "Concurrent clients: requests open at once at "
            + "most, 1 to " + LoadRun.MAX_CLIENTS + "; they are sent asynchronously, so a few threads keep them all "
            + "busy (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--seconds", defaultValue = "30", description = "Real seconds at most, 1 to 600 (default: "
            + "${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--admitted-per-minute", defaultValue = "1500",
            description = "The waiting room's rate (default: ${DEFAULT-VALUE}).")
    int admittedPerMinute;

    @Option(names = "--doses", defaultValue = "15000",
            description = "First-dose appointments the window's doses allow (default: ${DEFAULT-VALUE}).")
    long doses;

    @Option(names = "--speed", defaultValue = "60", description = "Night minutes per real minute (default: "
            + "${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--burst-minutes", defaultValue = "5",
            description = "Mean delay of an arrival after the opening, night minutes (default: ${DEFAULT-VALUE}).")
    double burstMinutes;

    @Option(names = "--db", paramLabel = "JDBC-URL", description = "The backend's database (default: in memory).")
    String databaseUrl;

    @Option(names = "--url", paramLabel = "URL", description = "A running backend to drive instead of starting one "
            + "(repeat for several instances of one night; requests go to them in turn). Start them with the plan "
            + "of --write-plan.")
    List<String> urls = new ArrayList<>();

    @Option(names = "--arrivals-per-second", paramLabel = "N", defaultValue = "0",
            description = "People arriving per real second, evenly; 0: in the opening burst of --burst-minutes "
                    + "(default: ${DEFAULT-VALUE}).")
    double arrivalsPerSecond;

    @Option(names = "--write-plan", paramLabel = "FILE", description = "Write the run's plan (window, doses, "
            + "waiting room) to FILE for 'serve --seed' and stop, without running.")
    Path writePlan;

    @Option(names = "--seed", defaultValue = "2021", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        LoadRun run;
        try {
            run = new LoadRun(new LoadRun.Settings(people, clients, seconds, admittedPerMinute, doses, speed,
                    burstMinutes, databaseUrl, seed, urls, arrivalsPerSecond));
        } catch (IllegalArgumentException wrong) {
            throw new CommandRefusedException(wrong.getMessage());
        }
        if (writePlan != null) {
            try {
                run.writePlan(writePlan);
            } catch (StoreException | IllegalStateException failure) {
                throw new CommandRefusedException("cannot write " + writePlan + ": " + failure.getMessage());
            }
            spec.commandLine().getOut().println("Wrote the load run's plan to " + writePlan);
            spec.commandLine().getOut().flush();
            return 0;
        }
        try {
            run.run(spec.commandLine().getOut());
        } catch (StoreException | IllegalStateException failure) {
            throw new CommandRefusedException(failure.getMessage());
        }
        return 0;
    }
}
