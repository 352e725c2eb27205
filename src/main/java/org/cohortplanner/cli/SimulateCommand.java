package org.cohortplanner.cli;

import java.io.IOException;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.simulation.BookingNightResult;
import org.cohortplanner.simulation.BookingNightSimulator;
import org.cohortplanner.simulation.BookingNights;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code simulate PLAN.json [--window NAME] [--seed N] [--json]}. */
@Command(name = "simulate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Simulates the booking nights of a plan: people and their sessions arriving after the opening, "
                + "the booking system's slots and waiting room, retries, and the window's appointments from the "
                + "plan's supply (booking is suspended when they are gone).",
            "Prints per window: bookings, people who never got through, waiting-time percentiles, when 50/90/99 %% "
                + "had booked, the longest queue and what it was shown, any suspension, and an hourly table. "
                + "--json prints everything, per minute too (docs/simulation-output.md)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:simulated", "2:bad input (unreadable plan, unknown window)",
            InternalErrorLog.EXIT_CODE_LINE})
public final class SimulateCommand implements Callable<Integer> {

    @Mixin
    PlanFileParameter planFile;

    @Option(names = "--window", paramLabel = "NAME",
            description = "Only the booking window of this cohort (its name, e.g. 53–54, or its id); default: every "
                    + "window, by opening time.")
    String windowName;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed of the random draws; the same seed gives the same night (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print the results as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Plan plan = planFile.read();
        BookingNights nights = BookingNights.standard();
        List<Cohort> windows = nights.windows(plan);
        if (windowName != null) {
            Cohort chosen = nights.window(plan, windowName).orElse(null);
            if (chosen == null) {
                throw new CommandRefusedException("the plan has no booking window named '" + windowName
                        + "'; its windows are " + String.join(", ", windows.stream().map(c -> "'" + c.name() + "'")
                        .toList()));
            }
            windows = List.of(chosen);
        }
        if (windows.isEmpty()) {
            throw new CommandRefusedException("the plan has no booking window to simulate");
        }
        BookingNightSimulator simulator = new BookingNightSimulator();
        JsonGenerator text = json ? CommandJson.writingTo(out) : null;
        if (json) {
            text.writeStartObject();
            text.writeStringField("plan", plan.name());
            text.writeNumberField("seed", seed);
            text.writeFieldName("windows");
            text.writeStartArray();
        } else {
            out.println("Plan: " + plan.name() + " (seed " + seed + ")");
        }
        for (Cohort cohort : windows) {
            BookingNightResult result = simulator.run(nights.parameters(plan, cohort), seed);
            if (json) {
                NightReport.writeJson(text, cohort.id(), result);
            } else {
                out.println();
                NightReport.printText(out, cohort.id(), result);
            }
        }
        if (json) {
            text.writeEndArray();
            text.writeEndObject();
            text.close();
            out.println();
        }
        out.flush();
        return 0;
    }
}
