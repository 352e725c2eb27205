package org.cohortplanner.ui.simulation;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.planning.CohortSplitter;
import org.cohortplanner.simulation.BookingNightSimulator;
import org.cohortplanner.simulation.BookingNights;
import org.cohortplanner.store.json.PlanFiles;
import org.cohortplanner.ui.InMemoryPlanStore;
import org.cohortplanner.ui.common.CohortSelection;
import org.cohortplanner.ui.common.DirectTaskRunner;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.common.WorkingPlan;

/**
 * Live heap of the Simulation screen's state over 100 simulated nights of the as-run sample (every window in turn, as
 * a planner clicking through them would), measured after a full collection: after the first night (the baseline) and
 * after the hundredth. Not a test: it prints figures and the ratio; the aim is a live heap under 256 MB.
 *
 * <pre>
 * mvn -B -q test-compile
 * java -Xmx1g -cp target/classes:target/test-classes:$(mvn -B -q dependency:build-classpath \
 *      -Dmdep.outputFile=/dev/stdout) org.cohortplanner.ui.simulation.SimulationMemoryBenchmark
 * </pre>
 */
public final class SimulationMemoryBenchmark {
    private static final int RUNS = 100;

    private SimulationMemoryBenchmark() {
    }

    public static void main(String[] args) throws InterruptedException {
        Plan asRun = PlanFiles.read(Path.of("sample-data", "korea-2021-as-run.json"));
        WorkingPlan working = new WorkingPlan(new InMemoryPlanStore(asRun), new DirectTaskRunner(), asRun);
        SimulationViewModel simulation = new SimulationViewModel(working, new DirectTaskRunner(),
                new CohortSelection(), new BookingNightSimulator(), BookingNights.standard(), new CohortSplitter(),
                "kim", Texts.of(SimulationView.class, Locale.ENGLISH));
        List<SimulationViewModel.WindowChoice> windows = List.copyOf(simulation.windows());
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long start = System.nanoTime();
        simulation.windowProperty().set(windows.get(0));
        simulation.night().run();
        double baseline = liveMegabytes(memory);
        for (int i = 1; i < RUNS; i++) {
            simulation.windowProperty().set(windows.get(i % windows.size()));
            simulation.night().run();
        }
        double after = liveMegabytes(memory);
        System.out.printf("%d nights of the as-run sample's %d windows in %.1f s%n", RUNS, windows.size(),
                (System.nanoTime() - start) / 1e9);
        System.out.printf("live heap after a full collection: after the first night %.1f MB, after the %dth %.1f MB "
                + "(ratio %.2f; aim under 256 MB); heap committed %.0f MB%n", baseline, RUNS, after,
                after / baseline, memory.getHeapMemoryUsage().getCommitted() / 1048576.0);
    }

    private static double liveMegabytes(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return memory.getHeapMemoryUsage().getUsed() / 1048576.0;
    }
}
