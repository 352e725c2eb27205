package org.cohortplanner.cli;

import java.io.IOException;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.planning.CohortFamilies;
import org.cohortplanner.planning.CohortSplitter;
import org.cohortplanner.simulation.BookingNightSimulator;
import org.cohortplanner.simulation.BookingNights;
import org.cohortplanner.simulation.SplitAdvisor;
import org.cohortplanner.work.Cancellation;
import org.cohortplanner.work.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code advise PLAN.json --cohort NAME --p95-wait MINUTES [--json]}. */
@Command(name = "advise",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Proposes the smallest split of a cohort (by birth year or by the last digit of the birth day, "
                + "on consecutive nights) whose every booking night keeps the 95th-percentile wait within MINUTES "
                + "and is never suspended for want of appointments, and shows why fewer parts do not do."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:a split meets the targets", "1:none does",
            "2:bad input (unreadable plan, unknown cohort)", InternalErrorLog.EXIT_CODE_LINE})
public final class AdviseCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Mixin
    PlanFileParameter planFile;

    @Option(names = "--cohort", required = true, paramLabel = "NAME",
            description = "The cohort to split (its name, e.g. 50–54, or its id).")
    String cohortName;

    @Option(names = "--p95-wait", required = true, paramLabel = "MINUTES",
            description = "The longest 95th-percentile wait accepted on any night, in minutes.")
    double p95Wait;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed of the random draws (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print the advice as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Plan plan = planFile.read();
        Cohort cohort = CohortLines.find(plan, cohortName, "--cohort");
        if (CohortFamilies.isReplacedByParts(plan, cohort)) {
            throw new CommandRefusedException("cohort " + cohort.name() + " is already split; advise on one of its "
                    + "parts, or merge them first");
        }
        if (!cohort.window().isOrdered()) {
            throw new CommandRefusedException("the booking window of " + cohort.name() + " closes before it opens");
        }
        SplitAdvisor.Targets targets;
        try {
            targets = new SplitAdvisor.Targets(p95Wait, true);
        } catch (IllegalArgumentException e) {
            throw new CommandRefusedException(e.getMessage());
        }
        SplitAdvisor advisor = new SplitAdvisor(new BookingNightSimulator(), BookingNights.standard(),
                new CohortSplitter());
        SplitAdvisor.Advice advice = advisor.advise(plan, cohort, targets, seed, Progress.none(),
                Cancellation.never());
        if (json) {
            out.println(json(advice));
        } else {
            printText(out, advice);
        }
        out.flush();
        return advice.proposal().isPresent() ? 0 : 1;
    }

    private static void printText(PrintWriter out, SplitAdvisor.Advice advice) {
        Cohort cohort = advice.cohort();
        out.printf("Advice for %s (born %s, %,d eligible): p95 wait at most %s on every night, no suspension%n",
                cohort.name(), cohort.birthYears(), cohort.eligible(),
                NightReport.duration(advice.targets().p95WaitMinutes()));
        if (advice.proposal().isPresent()) {
            SplitAdvisor.Candidate proposal = advice.proposal().get();
            out.println("Proposal: " + proposal.describe() + ":");
            printNights(out, proposal);
        } else {
            out.println("No split meets the targets; the closest tries are below.");
        }
        boolean first = true;
        for (SplitAdvisor.Candidate candidate : advice.tried()) {
            if (candidate.meetsTargets()) {
                continue;
            }
            if (first) {
                out.println(advice.proposal().isPresent() ? "Why fewer parts do not do:" : "Tried:");
                first = false;
            }
            out.println("  " + candidate.describe() + ": " + String.join("; ", candidate.shortfalls()));
        }
    }

    private static void printNights(PrintWriter out, SplitAdvisor.Candidate candidate) {
        for (SplitAdvisor.PartNight night : candidate.nights()) {
            out.printf("  %-22s born %-32s %,10d eligible  %s → %s  p95 %s, booked %,d, never got through %,d%n",
                    night.name(), night.whoBooks(), night.eligible(), TIME.format(night.window().opens()),
                    TIME.format(night.window().closes()), NightReport.duration(night.p95WaitMinutes()),
                    night.result().booked(), night.result().neverGotThrough());
        }
    }

    private static String json(SplitAdvisor.Advice advice) {
        return CommandJson.text(json -> writeJson(json, advice));
    }

    private static void writeJson(JsonGenerator json, SplitAdvisor.Advice advice) throws IOException {
        json.writeStartObject();
        json.writeStringField("cohort", advice.cohort().name());
        json.writeStringField("cohortId", advice.cohort().id());
        json.writeFieldName("targets");
        json.writeStartObject();
        CommandJson.roundedField(json, "p95WaitMinutes", advice.targets().p95WaitMinutes());
        json.writeBooleanField("noSuspension", advice.targets().noSuspension());
        json.writeEndObject();
        json.writeFieldName("proposal");
        if (advice.proposal().isPresent()) {
            candidate(json, advice.proposal().get());
        } else {
            json.writeNull();
        }
        json.writeFieldName("tried");
        json.writeStartArray();
        for (SplitAdvisor.Candidate candidate : advice.tried()) {
            candidate(json, candidate);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void candidate(JsonGenerator json, SplitAdvisor.Candidate candidate) throws IOException {
        json.writeStartObject();
        json.writeStringField("split", candidate.kind() == null ? "NONE" : candidate.kind().name());
        json.writeNumberField("parts", candidate.parts());
        json.writeBooleanField("meetsTargets", candidate.meetsTargets());
        CommandJson.textArrayField(json, "shortfalls", candidate.shortfalls());
        CommandJson.objectsField(json, "nights", candidate.nights(), night -> {
            json.writeStringField("name", night.name());
            json.writeStringField("born", night.whoBooks());
            json.writeNumberField("eligible", night.eligible());
            json.writeStringField("opens", night.window().opens().toString());
            json.writeStringField("closes", night.window().closes().toString());
            json.writeNumberField("people", night.result().people());
            json.writeNumberField("booked", night.result().booked());
            json.writeNumberField("neverGotThrough", night.result().neverGotThrough());
            CommandJson.roundedField(json, "p50WaitMinutes", night.result().waits().p50Minutes());
            CommandJson.roundedField(json, "p95WaitMinutes", night.p95WaitMinutes());
            CommandJson.roundedField(json, "maxWaitMinutes", night.result().waits().maxMinutes());
            json.writeBooleanField("suspended", night.result().suspended());
            json.writeNumberField("turnedAway", night.result().turnedAway());
        });
        json.writeEndObject();
    }
}
