package org.cohortplanner.simulation.bench;

import java.nio.file.Path;
import java.util.Arrays;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.planning.PlanValidator;
import org.cohortplanner.planning.schedule.Schedule;
import org.cohortplanner.simulation.BookingNightSimulator;
import org.cohortplanner.simulation.BookingNights;
import org.cohortplanner.simulation.CampaignDashboard;
import org.cohortplanner.simulation.CampaignFigures;
import org.cohortplanner.store.json.PlanFiles;

/**
 * Wall time of the dashboard's figures of the as-run sample (what the console works out after every edit): the whole
 * computation, and its parts (validator, schedule, the nights one after another) as a baseline. Not a test: it prints,
 * it never fails on time. The target is under one second once the program has warmed up.
 *
 * <pre>
 * mvn -B -q test-compile
 * java -cp target/classes:target/test-classes:$(mvn -B -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout) \
 *      org.cohortplanner.simulation.bench.DashboardBenchmark [sample-data]
 * </pre>
 */
public final class DashboardBenchmark {
    private static final int WARM_UP = 3;
    private static final int RUNS = 7;

    private DashboardBenchmark() {
    }

    public static void main(String[] args) {
        Path folder = Path.of(args.length > 0 ? args[0] : "sample-data");
        Plan asRun = PlanFiles.read(folder.resolve("korea-2021-as-run.json"));
        CampaignDashboard dashboard = CampaignDashboard.standard();
        long first = System.nanoTime();
        CampaignFigures figures = dashboard.figures(asRun);
        double cold = (System.nanoTime() - first) / 1e6;
        System.out.printf("as-run sample: %d cohorts, %d opening nights, %d regions; first run (cold) %.0f ms%n",
                asRun.cohorts().size(), figures.nights().size(), figures.regions().size(), cold);
        for (int i = 0; i < WARM_UP; i++) {
            dashboard.figures(asRun);
        }
        double whole = median(() -> dashboard.figures(asRun));
        double validator = median(() -> new PlanValidator().validate(asRun));
        double schedule = median(() -> Schedule.of(asRun));
        BookingNights nights = BookingNights.standard();
        BookingNightSimulator simulator = new BookingNightSimulator();
        double sequential = median(() -> nights.windows(asRun).forEach(cohort ->
                simulator.run(nights.parameters(asRun, cohort), CampaignDashboard.DEFAULT_SEED)));
        System.out.printf("dashboard figures (warm, median of %d): %.0f ms (target < 1000 ms)%n", RUNS, whole);
        System.out.printf("  parts alone: validator %.0f ms, schedule %.0f ms, the %d windows' nights one after "
                + "another %.0f ms%n", validator, schedule, nights.windows(asRun).size(), sequential);
        System.out.printf("  whole / (validator + schedule + nights in sequence) = %.2f%n",
                whole / (validator + schedule + sequential));
    }

    private static double median(Runnable work) {
        double[] times = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            work.run();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        return times[RUNS / 2];
    }
}
