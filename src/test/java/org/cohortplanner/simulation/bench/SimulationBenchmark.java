package org.cohortplanner.simulation.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Overload;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.simulation.BookingLimit;
import org.cohortplanner.simulation.BookingNightModel;
import org.cohortplanner.simulation.BookingNightParameters;
import org.cohortplanner.simulation.BookingNightResult;
import org.cohortplanner.simulation.BookingNightSimulator;
import org.cohortplanner.simulation.BookingNights;
import org.cohortplanner.simulation.EventListBookingNightSimulator;
import org.cohortplanner.simulation.SlotChange;
import org.cohortplanner.store.json.PlanFiles;

/**
 * Speed of the booking-night model against the textbook event-list reference, in one process (not a test: it prints
 * figures and never fails). Run from the project folder:
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dmain.class=org.cohortplanner.simulation.bench.SimulationBenchmark
 * </pre>
 * The fast model runs every night at full size (median of 5 runs after 3 warm-up runs). The reference runs each
 * night once, at full size when that takes at most about half a million people, otherwise scaled down — people,
 * slots, waiting-room admissions and appointments all divided by the same factor, which keeps the night's shape
 * (loads, queue lengths in minutes) — and its time is multiplied back by that factor (its work grows linearly with
 * the events, plus a logarithm for the event list, so the extrapolation is slightly optimistic for the reference).
 * The fast model is also timed at the reference's scale, the same way (median of 5 after 3 warm-up runs), so that one
 * ratio compares like with like.
 */
public final class SimulationBenchmark {
    private static final long SEED = 1;
    private static final long REFERENCE_FULL_SIZE_PEOPLE = 500_000;
    private static final long REFERENCE_EVENTS_BUDGET = 30_000_000;

    private SimulationBenchmark() {
    }

    public static void main(String[] args) {
        Plan initial = PlanFiles.read(Path.of("sample-data/korea-2021-initial.json"));
        Plan asRun = PlanFiles.read(Path.of("sample-data/korea-2021-as-run.json"));
        BookingNights nights = BookingNights.standard();

        long budgetStart = System.nanoTime();
        List<BookingNightParameters> allAsRun = new ArrayList<>();
        for (Cohort cohort : nights.windows(asRun)) {
            allAsRun.add(nights.parameters(asRun, cohort));
        }
        BookingNightParameters initialFifties = nights.parameters(initial, nights.window(initial, "50–54").orElseThrow());
        System.out.printf("Appointment limits from the plans' supply (dose budget, not part of the night): %.0f ms%n",
                (System.nanoTime() - budgetStart) / 1e6);
        BookingNightParameters asRunFiftyThree = allAsRun.stream()
                .filter(p -> p.windowName().equals("53–54")).findFirst().orElseThrow();
        System.out.printf("Java %s, %d processors available%n%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());

        report("as-run 53–54 night", List.of(asRunFiftyThree));
        report("initial 50–54 night", List.of(initialFifties));
        report("initial 50–54 night, no appointment limit",
                List.of(initialFifties.withBookingLimit(BookingLimit.UNLIMITED)));
        report("whole as-run sample (" + allAsRun.size() + " windows)", allAsRun);
    }

    private static void report(String name, List<BookingNightParameters> nights) {
        BookingNightSimulator fast = new BookingNightSimulator();
        Totals fastTotals = runAll(fast, nights);
        double fastSeconds = medianSeconds(fast, nights);

        long people = nights.stream().mapToLong(BookingNightParameters::people).sum();
        double scale = 1;
        if (people > REFERENCE_FULL_SIZE_PEOPLE || fastTotals.events > REFERENCE_EVENTS_BUDGET) {
            scale = Math.max(people / (double) REFERENCE_FULL_SIZE_PEOPLE,
                    fastTotals.events / (double) REFERENCE_EVENTS_BUDGET);
            scale = Math.ceil(scale);
        }
        double factor = scale;
        List<BookingNightParameters> small = nights.stream().map(p -> scaled(p, 1 / factor)).toList();
        EventListBookingNightSimulator reference = new EventListBookingNightSimulator();
        runAll(reference, small.stream().map(p -> scaled(p, 0.05)).toList());
        long start = System.nanoTime();
        Totals referenceTotals = runAll(reference, small);
        double referenceSeconds = (System.nanoTime() - start) / 1e9;
        // Timed like the full size (3 warm-up runs, median of 5): small nights take other branches (exact draws for
        // small counts), which the compiler has to see first.
        double fastSmallSeconds = medianSeconds(fast, small);

        System.out.println(name);
        System.out.printf("  people %,d, sessions %,d, booked %,d, p95 wait %.0f min%n", people, fastTotals.sessions,
                fastTotals.booked, fastTotals.worstP95);
        System.out.printf("  fast model:       %9.1f ms  %,15d events  %,13.0f events/s%n", fastSeconds * 1e3,
                fastTotals.events, fastTotals.events / fastSeconds);
        if (scale == 1) {
            System.out.printf("  event-list:       %9.1f ms  %,15d events  %,13.0f events/s  (full size)%n",
                    referenceSeconds * 1e3, referenceTotals.events, referenceTotals.events / referenceSeconds);
            System.out.printf("  ratio: the event-list reference takes %.0f× as long%n%n",
                    referenceSeconds / fastSeconds);
        } else {
            System.out.printf("  event-list:       %9.1f ms  %,15d events  %,13.0f events/s  (at 1/%.0f size)%n",
                    referenceSeconds * 1e3, referenceTotals.events, referenceTotals.events / referenceSeconds, scale);
            System.out.printf("  event-list, extrapolated to full size: %.1f s%n", referenceSeconds * scale);
            System.out.printf("  fast model at 1/%.0f size: %.1f ms%n", scale, fastSmallSeconds * 1e3);
            System.out.printf("  ratio at full size (extrapolated): %.0f×; at 1/%.0f size, both measured: %.0f×%n%n",
                    referenceSeconds * scale / fastSeconds, scale, referenceSeconds / fastSmallSeconds);
        }
    }

    /** Median time of 5 runs of every night after 3 warm-up runs. */
    private static double medianSeconds(BookingNightModel model, List<BookingNightParameters> nights) {
        for (int i = 0; i < 3; i++) {
            runAll(model, nights);
        }
        double[] times = new double[5];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            runAll(model, nights);
            times[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(times);
        return times[times.length / 2];
    }

    private record Totals(long events, long sessions, long booked, double worstP95) {
    }

    private static Totals runAll(BookingNightModel model, List<BookingNightParameters> nights) {
        long events = 0;
        long sessions = 0;
        long booked = 0;
        double worst = 0;
        for (BookingNightParameters night : nights) {
            BookingNightResult result = model.run(night, SEED);
            events += result.events();
            sessions += result.sessions();
            booked += result.booked();
            worst = Math.max(worst, result.waits().p95Minutes());
        }
        return new Totals(events, sessions, booked, worst);
    }

    /** The same night for {@code factor} times the people, on {@code factor} times the capacity and connections. */
    private static BookingNightParameters scaled(BookingNightParameters night, double factor) {
        if (factor == 1) {
            return night;
        }
        List<SlotChange> changes = night.slotChanges().stream()
                .map(c -> new SlotChange(c.atMinute(), (int) Math.max(1, Math.round(c.slots() * factor)))).toList();
        long limit = night.bookingLimit() == BookingLimit.UNLIMITED ? BookingLimit.UNLIMITED
                : Math.round(night.bookingLimit() * factor);
        return night.withPeople(Math.round(night.people() * factor))
                .withCapacity((int) Math.max(1, Math.round(night.slots() * factor)), changes)
                .withWaitingRoom(night.waitingRoom(),
                        night.waitingRoom() ? (int) Math.max(1, Math.round(night.admittedPerMinute() * factor)) : 0,
                        night.queueOrder())
                .withBookingLimit(limit)
                .withOverload(night.overload().enabled() ? new Overload(Math.max(1,
                        Math.round(night.overload().concurrentRequests() * factor)), night.overload().timeoutSeconds(),
                        night.overload().restartMinutes()) : night.overload());
    }
}
