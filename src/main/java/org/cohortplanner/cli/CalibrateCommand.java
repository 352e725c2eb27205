package org.cohortplanner.cli;

import java.io.IOException;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.simulation.BookingNightSimulator;
import org.cohortplanner.simulation.BookingNights;
import org.cohortplanner.simulation.NightCalibration;
import org.cohortplanner.store.json.ObservedNightFiles;
import org.cohortplanner.store.json.PlanFiles;
import org.cohortplanner.work.Cancellation;
import org.cohortplanner.work.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code calibrate PLAN.json --window NAME --observed FILE.json [--fit PARAM,...] [--out FITTED.json] [--json]}. */
@Command(name = "calibrate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Fits night parameters of a plan to figures observed on one booking night (booked by a time, "
                + "the suspension, the wait the waiting room showed, sessions in an hour): a compass search from the "
                + "middle of each parameter's range on the weighted squared relative error, one simulated night per "
                + "point with the same seed, so the same input gives the same fit.",
            "Prints each parameter's fitted value and each observation beside the fitted night; --out writes the plan "
                + "with the fitted values (docs/simulation-output.md, \"Calibration\")."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:fitted", "2:bad input (unreadable plan or observed file, unknown window or parameter)",
            InternalErrorLog.EXIT_CODE_LINE})
public final class CalibrateCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Mixin
    PlanFileParameter planFile;

    @Option(names = "--window", paramLabel = "NAME", required = true,
            description = "The booking window observed (its cohort's name, e.g. 55–59, or its id).")
    String windowName;

    @Option(names = "--observed", paramLabel = "FILE.json", required = true,
            description = "Figures observed that night, each with its source (docs/simulation-output.md).")
    Path observedFile;

    @Option(names = "--fit", paramLabel = "PARAM", split = ",",
            description = "Parameters to fit: capacity, burstShare, burstDecay, persistence, patience "
                    + "(default: burstDecay).")
    List<String> fit;

    @Option(names = "--out", paramLabel = "FITTED.json", description = "Write the plan with the fitted values here.")
    Path out;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed of the simulated nights (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print the fit as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter printer = spec.commandLine().getOut();
        Plan plan = planFile.read();
        List<NightCalibration.Parameter> parameters = parameters();
        BookingNights nights = BookingNights.standard();
        Cohort window = nights.window(plan, windowName).orElseThrow(() -> new CommandRefusedException(
                "--window: the plan has no booking window named '" + windowName + "'; its windows are "
                        + String.join(", ", nights.windows(plan).stream().map(c -> "'" + c.name() + "'").toList())));
        ObservedNightFiles.ObservedNight observed = ObservedNightFiles.read(observedFile);
        long appointments = nights.limit().appointments(plan, window);
        NightCalibration.Fit fitted = new NightCalibration(new BookingNightSimulator()).fit(plan, window, appointments,
                observed.observations(), parameters, seed, Progress.none(), Cancellation.never());
        if (out != null) {
            PlanFiles.write(fitted.fittedPlan(), out);
        }
        if (json) {
            printJson(printer, plan, window, fitted);
        } else {
            printText(printer, plan, window, observed, fitted);
        }
        printer.flush();
        return 0;
    }

    private List<NightCalibration.Parameter> parameters() {
        if (fit == null || fit.isEmpty()) {
            return NightCalibration.DEFAULT_PARAMETERS;
        }
        List<NightCalibration.Parameter> chosen = new ArrayList<>();
        for (String name : fit) {
            chosen.add(NightCalibration.Parameter.byKey(name).orElseThrow(() -> new CommandRefusedException(
                    "--fit: unknown parameter '" + name + "'; the parameters are capacity, burstShare, burstDecay, "
                            + "persistence, patience")));
        }
        return chosen;
    }

    private void printText(PrintWriter printer, Plan plan, Cohort window, ObservedNightFiles.ObservedNight observed,
                           NightCalibration.Fit fitted) {
        printer.println("Plan: " + plan.name() + "; window " + window.name() + " (" + window.id() + "), seed " + seed);
        printer.println("Observed: " + observed.observations().size() + " figures"
                + (observed.night().isEmpty() ? "" : " (" + observed.night() + ")") + " from " + observedFile);
        printer.println("Fitted (" + fitted.evaluations() + " nights, weighted squared relative error "
                + String.format(Locale.ROOT, "%.6f", fitted.objective()) + "):");
        for (NightCalibration.Parameter parameter : NightCalibration.Parameter.values()) {
            Double value = fitted.values().get(parameter);
            if (value != null) {
                printer.println("  " + pad(parameter.key(), 12) + " " + number(parameter.valueIn(plan)) + " -> "
                        + number(value) + "  " + unit(parameter));
            }
        }
        printer.println("Residuals (modelled - observed):");
        for (NightCalibration.Residual residual : fitted.residuals()) {
            NightCalibration.Observation o = residual.observation();
            printer.println("  " + pad(key(o.kind()), 15) + " " + TIME.format(o.at()) + "  observed "
                    + figure(o.kind(), residual.observed()) + ", modelled " + figure(o.kind(), residual.modelled())
                    + String.format(Locale.ROOT, " (%+.1f %%)", 100 * residual.relativeError()));
        }
        if (out != null) {
            printer.println("Plan with the fitted values written to " + out);
        }
    }

    private void printJson(PrintWriter printer, Plan plan, Cohort window, NightCalibration.Fit fitted)
            throws IOException {
        JsonGenerator text = CommandJson.writingTo(printer);
        text.writeStartObject();
        text.writeStringField("plan", plan.name());
        text.writeStringField("window", window.id());
        text.writeNumberField("seed", seed);
        text.writeNumberField("evaluations", fitted.evaluations());
        CommandJson.roundedField(text, "objective", fitted.objective());
        text.writeFieldName("parameters");
        text.writeStartObject();
        for (NightCalibration.Parameter parameter : NightCalibration.Parameter.values()) {
            Double value = fitted.values().get(parameter);
            if (value != null) {
                text.writeFieldName(parameter.key());
                text.writeStartObject();
                CommandJson.roundedField(text, "before", parameter.valueIn(plan));
                CommandJson.roundedField(text, "fitted", value);
                text.writeEndObject();
            }
        }
        text.writeEndObject();
        text.writeFieldName("residuals");
        text.writeStartArray();
        for (NightCalibration.Residual residual : fitted.residuals()) {
            NightCalibration.Observation o = residual.observation();
            text.writeStartObject();
            text.writeStringField("kind", key(o.kind()));
            text.writeStringField("at", o.at().toString());
            CommandJson.roundedField(text, "observed", residual.observed());
            CommandJson.roundedField(text, "modelled", residual.modelled());
            CommandJson.roundedField(text, "relativeError", residual.relativeError());
            text.writeStringField("source", o.source());
            text.writeEndObject();
        }
        text.writeEndArray();
        if (out != null) {
            text.writeStringField("out", out.toString());
        }
        text.writeEndObject();
        text.close();
        printer.println();
    }

    static String key(NightCalibration.Kind kind) {
        return switch (kind) {
            case BOOKED_BY -> "bookedBy";
            case SUSPENDED_AT -> "suspendedAt";
            case SHOWN_WAIT -> "shownWait";
            case SESSIONS_IN_HOUR -> "sessionsInHour";
        };
    }

    private static String figure(NightCalibration.Kind kind, double value) {
        return switch (kind) {
            case BOOKED_BY -> String.format(Locale.ROOT, "%,.0f people", value);
            case SUSPENDED_AT -> NightReport.duration(value) + " after the opening";
            case SHOWN_WAIT -> NightReport.duration(value) + " shown";
            case SESSIONS_IN_HOUR -> String.format(Locale.ROOT, "%,.0f sessions", value);
        };
    }

    private static String unit(NightCalibration.Parameter parameter) {
        return switch (parameter) {
            case CAPACITY -> "concurrent sessions";
            case BURST_SHARE -> "share of first attempts in the burst";
            case BURST_DECAY -> "minutes, mean delay of a burst attempt";
            case PERSISTENCE -> "chance of trying again after a failure";
            case PATIENCE -> "minutes, mean patience in the waiting room";
        };
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%s", Math.round(value * 1000) / 1000.0);
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
