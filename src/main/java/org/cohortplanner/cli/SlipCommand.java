package org.cohortplanner.cli;

import java.io.IOException;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.planning.slip.AppliedSuggestion;
import org.cohortplanner.planning.slip.RegionChange;
import org.cohortplanner.planning.slip.ImpactLine;
import org.cohortplanner.planning.slip.SlipImpact;
import org.cohortplanner.planning.slip.SlipSuggestions;
import org.cohortplanner.planning.slip.Suggestion;
import org.cohortplanner.store.StoreException;
import org.cohortplanner.store.json.PlanFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code slip PLAN.json --delivery ID --to DATE [--json]}: what a delivery slip does and how to fix it;
 * {@code ... --apply N --out NEW.json}: accept suggestion N.
 */
@Command(name = "slip",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Shows what a delivery arriving on another date does to the schedule (who loses doses, where "
                + "and when), and ranked suggestions that remove the shortage.",
            "With --apply N --out NEW.json, writes the plan with the slip recorded and suggestion N accepted, and "
                + "lists the people whose second dose moves."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "2:the file cannot be read, the delivery is unknown, the date is not a date, or "
                + "there is no suggestion N (the reason is printed on standard error)", InternalErrorLog.EXIT_CODE_LINE})
public final class SlipCommand implements Callable<Integer> {

    @Mixin
    PlanFileParameter planFile;

    @Option(names = "--delivery", required = true, paramLabel = "ID", description = "The delivery that slips.")
    String deliveryId;

    @Option(names = "--to", required = true, paramLabel = "DATE", description = "Its new expected arrival, "
            + "YYYY-MM-DD.")
    String newDate;

    @Option(names = "--json", description = "Print the impact and suggestions as JSON.")
    boolean json;

    @Option(names = "--apply", paramLabel = "N", description = "Accept suggestion N (1 is the first).")
    Integer apply;

    @Option(names = "--out", paramLabel = "NEW.json", description = "Where --apply writes the new plan.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LocalDate date;
        try {
            date = LocalDate.parse(newDate);
        } catch (DateTimeParseException e) {
            throw new CommandRefusedException("--to '" + newDate + "' is not a date; write it as YYYY-MM-DD, e.g. "
                    + "2021-07-30");
        }
        if (apply != null && out == null) {
            throw new CommandRefusedException("--apply needs --out NEW.json to say where the new plan goes");
        }
        Plan plan = planFile.read();
        if (plan.delivery(deliveryId).isEmpty()) {
            throw new CommandRefusedException(planFile.file() + " has no delivery '" + deliveryId + "'; its "
                    + "deliveries are " + String.join(", ", plan.deliveries().stream().map(d -> d.id()).toList()));
        }
        SlipImpact impact = SlipImpact.of(plan, deliveryId, date);
        List<Suggestion> suggestions = SlipSuggestions.of(impact);
        PrintWriter printer = spec.commandLine().getOut();
        if (apply != null) {
            if (apply < 1 || apply > suggestions.size()) {
                throw new CommandRefusedException("there is no suggestion " + apply + "; this slip has "
                        + suggestions.size());
            }
            AppliedSuggestion applied = SlipSuggestions.apply(impact, suggestions, apply);
            try {
                PlanFiles.write(applied.plan(), out);
            } catch (StoreException e) {
                throw new CommandRefusedException("cannot write " + out + ": " + e.getMessage());
            }
            if (json) {
                printer.println(CommandJson.text(text -> {
                    text.writeStartObject();
                    CommandJson.textField(text, "applied", apply);
                    text.writeStringField("action", applied.action());
                    text.writeStringField("reason", applied.reason());
                    CommandJson.textField(text, "out", out);
                    ScheduleCommand.writeMoves(text, applied.secondDoseMoves());
                    text.writeEndObject();
                }));
            } else {
                printApplied(printer, applied);
            }
        } else if (json) {
            printer.println(json(impact, suggestions));
        } else {
            printText(printer, plan, impact, suggestions);
        }
        printer.flush();
        return 0;
    }

    private static String json(SlipImpact impact, List<Suggestion> suggestions) {
        return CommandJson.text(json -> writeJson(json, impact, suggestions));
    }

    private static void writeJson(JsonGenerator json, SlipImpact impact, List<Suggestion> suggestions)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("reason", impact.reason());
        json.writeFieldName("impact");
        json.writeStartObject();
        json.writeNumberField("peopleWithoutDose", impact.peopleWithoutDose());
        CommandJson.textArrayField(json, "cohorts", impact.cohortsLosing());
        CommandJson.textArrayField(json, "regions", impact.regionsLosing());
        CommandJson.textArrayField(json, "days", impact.daysLosing());
        json.writeFieldName("peopleLosingByCohort");
        json.writeStartObject();
        for (Map.Entry<String, Long> people : impact.peopleLosingByCohort().entrySet()) {
            json.writeNumberField(people.getKey(), (long) people.getValue());
        }
        json.writeEndObject();
        CommandJson.objectsField(json, "lines", impact.lines(), line -> {
            CommandJson.textField(json, "day", line.day());
            json.writeStringField("region", line.region());
            json.writeStringField("cohortId", line.cohortId());
            json.writeStringField("brand", line.brand());
            json.writeNumberField("dose", line.dose());
            json.writeNumberField("peopleShortBefore", line.peopleShortBefore());
            json.writeNumberField("peopleShortAfter", line.peopleShortAfter());
        });
        json.writeEndObject();
        json.writeFieldName("suggestions");
        json.writeStartArray();
        int number = 1;
        for (Suggestion suggestion : suggestions) {
            json.writeStartObject();
            json.writeNumberField("number", number++);
            json.writeStringField("kind", suggestion.kind().name());
            json.writeStringField("summary", suggestion.summary());
            CommandJson.textArrayField(json, "changes", suggestion.changes());
            json.writeFieldName("effect");
            json.writeStartObject();
            json.writeNumberField("peopleMoved", suggestion.effect().peopleMoved());
            json.writeNumberField("peoplePostponed", suggestion.effect().peoplePostponed());
            json.writeNumberField("daysAdded", suggestion.effect().daysAdded());
            json.writeNumberField("brandChanges", suggestion.effect().brandChanges());
            json.writeNumberField("peopleStillShort", suggestion.effect().peopleStillShort());
            json.writeEndObject();
            CommandJson.objectsField(json, "regions", suggestion.regions(), change -> {
                json.writeStringField("region", change.region());
                json.writeStringField("cohortId", change.cohortId());
                json.writeStringField("brandBefore", change.brandBefore());
                json.writeStringField("brandAfter", change.brandAfter());
                CommandJson.textField(json, "firstDay", change.firstDay());
                CommandJson.textField(json, "lastDay", change.lastDay());
                json.writeNumberField("people", change.people());
                json.writeStringField("fromRegion", change.fromRegion());
                json.writeNumberField("doses", change.doses());
            });
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }


    private static void printText(PrintWriter out, Plan plan, SlipImpact impact, List<Suggestion> suggestions) {
        out.println("Slip: " + impact.reason());
        if (!impact.losesDoses()) {
            out.println("Nobody loses a dose: the schedule holds.");
            return;
        }
        out.println(count(impact.peopleWithoutDose()) + " people would have no dose on their booked day.");
        out.println("Cohorts: " + String.join(", ", impact.cohortsLosing().stream().map(id -> cohortName(plan, id))
                .toList()));
        out.println("Regions: " + impact.regionsLosing().size() + " (" + String.join(", ", impact.regionsLosing())
                + ")");
        out.println("Days:    " + String.join(", ", impact.daysLosing().stream().map(LocalDate::toString).toList()));
        for (Map.Entry<String, Long> entry : impact.peopleLosingByCohort().entrySet()) {
            out.println("  " + cohortName(plan, entry.getKey()) + ": " + count(entry.getValue()) + " people");
        }
        out.println();
        if (suggestions.isEmpty()) {
            out.println("No suggestion removes or reduces this shortage.");
            return;
        }
        out.println("Suggestions (ranked by people postponed, then regions changed, then number of changes):");
        int number = 1;
        for (Suggestion suggestion : suggestions) {
            out.println(number++ + ". " + suggestion.summary() + (suggestion.removesShortage() ? ""
                    : "  [leaves " + count(suggestion.effect().peopleStillShort()) + " short]"));
            out.println("   effect: " + count(suggestion.effect().peopleMoved()) + " moved, "
                    + count(suggestion.effect().peoplePostponed()) + " postponed, "
                    + plural(suggestion.effect().daysAdded(), "day") + " added, "
                    + plural(suggestion.effect().brandChanges(), "brand change"));
            if (!suggestion.regionNames().isEmpty()) {
                out.println("   regions: " + suggestion.regionNames().size() + " (" + String.join(", ",
                        suggestion.regionNames()) + ")");
            }
            suggestion.changes().forEach(change -> out.println("   - " + change));
        }
    }

    private void printApplied(PrintWriter printer, AppliedSuggestion applied) {
        printer.println("Applied: " + applied.action());
        printer.println("Reason:  " + applied.reason());
        printer.println("Wrote " + out);
        printer.println(count(applied.peopleToTell()) + " people's second dose moves, in " + count(applied.secondDoseMoves().size())
                + " groups" + (applied.secondDoseMoves().isEmpty() ? "." : ":"));
        applied.secondDoseMoves().stream().limit(20).forEach(move -> printer.println("  " + move.cohortId() + " "
                + (move.group() == null ? "" : "(" + move.group() + ") ") + move.region() + ": "
                + count(move.people()) + " people, " + move.brandBefore() + " "
                + move.firstDoseBefore() + " → dose 2 " + move.secondDoseBefore() + "  now  "
                + (move.secondDoseAfter() == null ? "no first dose on the day yet"
                : move.brandAfter() + " " + move.firstDoseAfter() + " → dose 2 " + move.secondDoseAfter())));
        if (applied.secondDoseMoves().size() > 20) {
            printer.println("  … " + (applied.secondDoseMoves().size() - 20) + " more groups (all of them with --json)");
        }
        if (!applied.secondDoseMoves().isEmpty()) {
            Map<String, Long> byGroup = new TreeMap<>();
            applied.secondDoseMoves().forEach(m -> byGroup.merge(IntervalLines.groupName(m.group()), m.people(),
                    Long::sum));
            printer.println("By group: " + byGroup.entrySet().stream().map(e -> e.getKey() + " " + count(e.getValue()))
                    .collect(Collectors.joining(", ")));
        }
    }

    private static String count(long number) {
        return String.format(Locale.ROOT, "%,d", number);
    }

    private static String plural(long number, String noun) {
        return count(number) + " " + noun + (number == 1 ? "" : "s");
    }

    /** Planners know cohorts by name; the id stays in the JSON output for scripts. */
    private static String cohortName(Plan plan, String cohortId) {
        return plan.cohort(cohortId).map(Cohort::name).orElse(cohortId);
    }
}
