package org.cohortplanner.cli;

import java.io.IOException;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.planning.schedule.BrandDay;
import org.cohortplanner.planning.schedule.DeliveryAllotment;
import org.cohortplanner.planning.schedule.PlannedTransfer;
import org.cohortplanner.planning.schedule.RegionShortage;
import org.cohortplanner.planning.schedule.RegionStockDay;
import org.cohortplanner.planning.schedule.Schedule;
import org.cohortplanner.planning.schedule.ScheduleRow;
import org.cohortplanner.planning.schedule.SecondDoseWarning;
import org.cohortplanner.planning.schedule.Shortage;
import org.cohortplanner.planning.schedule.Unscheduled;
import org.cohortplanner.planning.slip.IntervalPreview;
import org.cohortplanner.planning.slip.SecondDoseMove;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code schedule PLAN.json [--json] [--region NAME]}: the daily schedule of a plan and its shortages. */
@Command(name = "schedule",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Prints the daily schedule of a plan: first and second doses, site capacity and stock per day "
                + "and brand, the shortages, and the dose-2 guard's warnings.",
            "With --json, the whole schedule row by row (see docs/schedule-output.md).",
            "With --region NAME, only that region: its appointments, shortages, and its stock per brand and day "
                + "with what its allotments and transfers brought (stock is kept per region, brand and day)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the schedule was built (shortages are reported, not an error)",
            "2:the file cannot be read or parsed, or the plan has no region NAME (the reason is printed on standard "
                + "error)", InternalErrorLog.EXIT_CODE_LINE})
public final class ScheduleCommand implements Callable<Integer> {

    @Mixin
    PlanFileParameter planFile;

    @Option(names = "--json", description = "Print the schedule as JSON.")
    boolean json;

    @Option(names = "--region", paramLabel = "NAME", description = "Show one region: its rows, shortages, stock, allotments and transfers.")
    String region;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Plan plan = planFile.read();
        if (region != null && plan.regions().stream().noneMatch(r -> r.name().equals(region))) {
            throw new CommandRefusedException(planFile.file() + ": the plan has no region '" + region + "'; its "
                    + "regions are " + String.join(", ", plan.regions().stream().map(r -> r.name()).toList()));
        }
        Schedule schedule = Schedule.of(plan);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonGenerator text = CommandJson.writingTo(out);
            text.writeStartObject();
            text.writeStringField("plan", plan.name());
            if (region != null) {
                text.writeStringField("region", region);
                writeRegion(text, schedule, region);
            } else {
                writeSchedule(text, schedule, true);
                if (!plan.intervalPolicies().isEmpty()) {
                    writeMoves(text, IntervalPreview.between(plan.withIntervalPolicies(List.of()), plan).moves());
                }
            }
            text.writeEndObject();
            text.close();
            out.println();
        } else if (region != null) {
            printRegion(out, plan, schedule, region);
        } else {
            printText(out, plan, schedule);
            if (!plan.intervalPolicies().isEmpty()) {
                out.println();
                out.println("Second doses the interval policies move from the label interval:");
                IntervalLines.printMoves(out, plan, IntervalPreview.between(plan.withIntervalPolicies(List.of()),
                        plan), "  ");
            }
        }
        out.flush();
        return 0;
    }

    /** The schedule's members of the documented JSON layout. */
    static void writeSchedule(JsonGenerator json, Schedule schedule, boolean withRows) throws IOException {
        json.writeFieldName("totals");
        json.writeStartObject();
        json.writeNumberField("firstDoses", schedule.rows().stream().filter(r -> r.dose() == 1).mapToLong(ScheduleRow::appointments).sum());
        json.writeNumberField("secondDoses", schedule.rows().stream().filter(r -> r.dose() == 2).mapToLong(ScheduleRow::appointments).sum());
        json.writeNumberField("peopleShort", schedule.peopleShort());
        json.writeNumberField("dosesShort", schedule.dosesShort());
        json.writeEndObject();
        CommandJson.objectsField(json, "brandDays", schedule.brandDays(), day -> {
            CommandJson.textField(json, "day", day.day());
            json.writeStringField("brand", day.brand());
            json.writeNumberField("arrived", day.arrived());
            writeDayFigures(json, day.due(), day.given(), day.stock(), day.reserved(), day.capacity(),
                    day.peopleShort(), day.dosesShort());
        });
        writeShortages(json, schedule.shortages());
        CommandJson.objectsField(json, "secondDoseWarnings", schedule.secondDoseWarnings(), warning -> {
            json.writeStringField("cohortId", warning.cohortId());
            json.writeStringField("cohortName", warning.cohortName());
            CommandJson.textField(json, "windowOpens", warning.windowOpens());
            json.writeStringField("brand", warning.brand());
            json.writeNumberField("peopleUncovered", warning.peopleUncovered());
            CommandJson.textField(json, "firstShortDay", warning.firstShortDay());
            json.writeStringField("message", warning.message());
        });
        CommandJson.objectsField(json, "unscheduled", schedule.unscheduled(), missing -> {
            json.writeStringField("cohortId", missing.cohortId());
            json.writeStringField("brand", missing.brand());
            json.writeNumberField("dose", missing.dose());
            json.writeNumberField("people", missing.people());
        });
        CommandJson.textArrayField(json, "regions", schedule.regions());
        writeRegional(json, schedule, null);
        if (withRows) {
            writeRows(json, schedule.rows());
        }
    }

    /** The dose-2 change list: people of a cohort, group and region whose second dose moves, told and now. */
    static void writeMoves(JsonGenerator json, List<SecondDoseMove> moves) throws IOException {
        json.writeNumberField("peopleToTell", moves.stream().mapToLong(SecondDoseMove::people).sum());
        CommandJson.objectsField(json, "secondDoseMoves", moves, move -> {
            json.writeStringField("cohortId", move.cohortId());
            json.writeStringField("group", move.group());
            json.writeStringField("region", move.region());
            json.writeNumberField("people", move.people());
            json.writeStringField("brandBefore", move.brandBefore());
            CommandJson.textField(json, "firstDoseBefore", move.firstDoseBefore());
            CommandJson.textField(json, "secondDoseBefore", move.secondDoseBefore());
            json.writeStringField("brandAfter", move.brandAfter());
            CommandJson.textField(json, "firstDoseAfter", move.firstDoseAfter());
            CommandJson.textField(json, "secondDoseAfter", move.secondDoseAfter());
        });
    }

    /**
     * Stock per region, brand and day (days on which anything happens), regional shortages, each delivery's allotment
     * and the planned transfers; for one region when {@code region} is not null.
     */
    private static void writeRegional(JsonGenerator json, Schedule schedule, String region) throws IOException {
        json.writeFieldName("regionStock");
        json.writeStartArray();
        for (RegionStockDay day : region == null ? schedule.regionStock() : schedule.regionStock(region)) {
            if (day.allotted() == 0 && day.transferredIn() == 0 && day.transferredOut() == 0 && day.due() == 0
                    && day.given() == 0 && day.stock() == 0 && day.reserved() == 0) {
                continue;
            }
            json.writeStartObject();
            CommandJson.textField(json, "day", day.day());
            json.writeStringField("region", day.region());
            json.writeStringField("brand", day.brand());
            json.writeNumberField("allotted", day.allotted());
            json.writeNumberField("transferredIn", day.transferredIn());
            json.writeNumberField("transferredOut", day.transferredOut());
            writeDayFigures(json, day.due(), day.given(), day.stock(), day.reserved(), day.capacity(),
                    day.peopleShort(), day.dosesShort());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeFieldName("regionShortages");
        json.writeStartArray();
        for (RegionShortage shortage : schedule.regionShortages()) {
            if (region == null || shortage.region().equals(region)) {
                json.writeStartObject();
                json.writeStringField("region", shortage.region());
                json.writeStringField("brand", shortage.brand());
                CommandJson.textField(json, "firstDay", shortage.firstDay());
                CommandJson.textField(json, "lastDay", shortage.lastDay());
                json.writeNumberField("people", shortage.people());
                json.writeNumberField("forWantOfDoses", shortage.forWantOfDoses());
                json.writeNumberField("doses", shortage.doses());
                json.writeEndObject();
            }
        }
        json.writeEndArray();
        CommandJson.objectsField(json, "allotments", schedule.allotments(), allotment -> {
            json.writeStringField("deliveryId", allotment.deliveryId());
            json.writeStringField("brand", allotment.brand());
            CommandJson.textField(json, "usableFrom", allotment.usableFrom());
            json.writeStringField("rule", allotment.rule().name());
            json.writeFieldName("dosesByRegion");
            json.writeStartObject();
            for (var doses : allotment.dosesByRegion().entrySet()) {
                if (region == null || doses.getKey().equals(region)) {
                    json.writeNumberField(doses.getKey(), doses.getValue().longValue());
                }
            }
            json.writeEndObject();
        });
        json.writeFieldName("transfers");
        json.writeStartArray();
        for (PlannedTransfer transfer : schedule.transfers()) {
            if (region == null || transfer.fromRegion().equals(region) || transfer.toRegion().equals(region)) {
                json.writeStartObject();
                json.writeStringField("transferId", transfer.transferId());
                json.writeStringField("brand", transfer.brand());
                json.writeStringField("fromRegion", transfer.fromRegion());
                json.writeStringField("toRegion", transfer.toRegion());
                CommandJson.textField(json, "shipped", transfer.shipped());
                CommandJson.textField(json, "usableFrom", transfer.usableFrom());
                json.writeNumberField("dosesRecorded", transfer.dosesRecorded());
                json.writeNumberField("dosesSent", transfer.dosesSent());
                json.writeEndObject();
            }
        }
        json.writeEndArray();
    }

    /** The figures of a brand's day and of a region's day, in the order of the documented layout. */
    private static void writeDayFigures(JsonGenerator json, long due, long given, long stock, long reserved,
            long capacity, long peopleShort, long dosesShort) throws IOException {
        json.writeNumberField("due", due);
        json.writeNumberField("given", given);
        json.writeNumberField("stock", stock);
        json.writeNumberField("reserved", reserved);
        json.writeNumberField("capacity", capacity);
        json.writeNumberField("peopleShort", peopleShort);
        json.writeNumberField("dosesShort", dosesShort);
    }

    private static void writeShortages(JsonGenerator json, List<Shortage> shortages) throws IOException {
        CommandJson.objectsField(json, "shortages", shortages, shortage -> {
            CommandJson.textField(json, "day", shortage.day());
            json.writeStringField("region", shortage.region());
            json.writeStringField("cohortId", shortage.cohortId());
            json.writeStringField("brand", shortage.brand());
            json.writeNumberField("dose", shortage.dose());
            json.writeNumberField("people", shortage.people());
            json.writeNumberField("forWantOfDoses", shortage.forWantOfDoses());
            json.writeNumberField("forWantOfCapacity", shortage.forWantOfCapacity());
            json.writeNumberField("doses", shortage.doses());
        });
    }

    private static void writeRows(JsonGenerator json, List<ScheduleRow> rows) throws IOException {
        CommandJson.objectsField(json, "rows", rows, row -> {
            CommandJson.textField(json, "day", row.day());
            json.writeStringField("region", row.region());
            json.writeStringField("cohortId", row.cohortId());
            json.writeStringField("brand", row.brand());
            json.writeNumberField("dose", row.dose());
            json.writeNumberField("appointments", row.appointments());
            json.writeNumberField("capacity", row.capacity());
            json.writeNumberField("stock", row.stock());
            json.writeNumberField("reserved", row.reserved());
            json.writeNumberField("shortage", row.shortage());
        });
    }

    /** One region's totals, shortages and rows, in the members of the whole schedule's layout. */
    private static void writeRegion(JsonGenerator json, Schedule schedule, String region) throws IOException {
        List<ScheduleRow> rows = schedule.rows().stream().filter(r -> r.region().equals(region)).toList();
        List<Shortage> shortages = schedule.shortages().stream().filter(s -> s.region().equals(region)).toList();
        json.writeFieldName("totals");
        json.writeStartObject();
        json.writeNumberField("firstDoses", rows.stream().filter(r -> r.dose() == 1).mapToLong(ScheduleRow::appointments).sum());
        json.writeNumberField("secondDoses", rows.stream().filter(r -> r.dose() == 2).mapToLong(ScheduleRow::appointments).sum());
        json.writeNumberField("peopleShort", shortages.stream().mapToLong(Shortage::people).sum());
        json.writeNumberField("dosesShort", shortages.stream().mapToLong(Shortage::doses).sum());
        json.writeEndObject();
        writeShortages(json, shortages);
        writeRegional(json, schedule, region);
        writeRows(json, rows);
    }

    private static void printRegion(PrintWriter out, Plan plan, Schedule schedule, String region) {
        out.println("Schedule of " + plan.name() + " in " + region);
        out.println();
        out.printf("%-10s  %10s  %10s  %10s  %s%n", "day", "1st doses", "2nd doses", "short",
                "stock by brand (held), +arrived");
        Map<LocalDate, long[]> byDay = new TreeMap<>();
        for (ScheduleRow row : schedule.rows()) {
            if (row.region().equals(region)) {
                long[] totals = byDay.computeIfAbsent(row.day(), d -> new long[3]);
                totals[row.dose() == 1 ? 0 : 1] += row.appointments();
                totals[2] += row.shortage();
            }
        }
        Map<LocalDate, StringBuilder> stock = new TreeMap<>();
        for (RegionStockDay day : schedule.regionStock(region)) {
            long arrived = day.allotted() + day.transferredIn() - day.transferredOut();
            if (day.stock() == 0 && day.reserved() == 0 && arrived == 0 && day.due() == 0) {
                continue;
            }
            byDay.computeIfAbsent(day.day(), d -> new long[3]);
            StringBuilder text = stock.computeIfAbsent(day.day(), d -> new StringBuilder());
            text.append(text.length() == 0 ? "" : ", ").append(day.brand()).append(' ').append(day.stock());
            if (day.reserved() > 0) {
                text.append(" (").append(day.reserved()).append(')');
            }
            if (arrived != 0) {
                text.append(arrived > 0 ? " +" : " ").append(arrived);
            }
        }
        byDay.forEach((day, totals) -> out.printf("%-10s  %10d  %10d  %10d  %s%n", day, totals[0], totals[1],
                totals[2], stock.getOrDefault(day, new StringBuilder())));
        out.println();
        List<Shortage> shortages = schedule.shortages().stream().filter(s -> s.region().equals(region)).toList();
        if (shortages.isEmpty()) {
            out.println("No shortages in " + region + ".");
        } else {
            out.println("Shortages in " + region + " (people without a dose on their day):");
            for (Shortage shortage : shortages) {
                out.println("  " + shortage.day() + "  " + shortage.cohortId() + "  " + shortage.brand() + "  dose "
                        + shortage.dose() + ": " + shortage.people() + " people, " + shortage.doses() + " doses");
            }
            out.println("In all " + shortages.stream().mapToLong(Shortage::people).sum() + " people in " + region
                    + ".");
        }
    }

    private static void printText(PrintWriter out, Plan plan, Schedule schedule) {
        out.println("Schedule of " + plan.name() + (plan.settings().reserveSecondDose()
                ? " (second doses held at booking)" : " (second doses drawn when due)"));
        out.println();
        out.printf("%-10s  %10s  %10s  %10s  %10s  %s%n", "day", "1st doses", "2nd doses", "capacity", "short",
                "stock by brand (held)");
        Map<LocalDate, long[]> byDay = new TreeMap<>();
        for (ScheduleRow row : schedule.rows()) {
            long[] totals = byDay.computeIfAbsent(row.day(), d -> new long[3]);
            totals[row.dose() == 1 ? 0 : 1] += row.appointments();
            totals[2] += row.shortage();
        }
        Map<LocalDate, StringBuilder> stock = new TreeMap<>();
        for (BrandDay day : schedule.brandDays()) {
            StringBuilder text = stock.computeIfAbsent(day.day(), d -> new StringBuilder());
            text.append(text.length() == 0 ? "" : ", ").append(day.brand()).append(' ').append(day.stock());
            if (day.reserved() > 0) {
                text.append(" (").append(day.reserved()).append(')');
            }
        }
        for (Map.Entry<LocalDate, long[]> entry : byDay.entrySet()) {
            long[] totals = entry.getValue();
            out.printf("%-10s  %10d  %10d  %10d  %10d  %s%n", entry.getKey(), totals[0], totals[1],
                    schedule.siteCapacity().getOrDefault(entry.getKey(), 0L), totals[2], stock.get(entry.getKey()));
        }
        out.println();
        List<Shortage> shortages = schedule.shortages();
        if (shortages.isEmpty() && schedule.unscheduled().isEmpty()) {
            out.println("No shortages: everyone gets each dose on its day.");
        } else if (shortages.isEmpty()) {
            out.println("No shortages on the days of the schedule.");
        } else {
            out.println("Shortages (people without a dose on their day, by day, cohort, brand and dose):");
            Map<String, long[]> grouped = new TreeMap<>();
            for (Shortage shortage : shortages) {
                long[] people = grouped.computeIfAbsent(shortage.day() + "  " + shortage.cohortId() + "  "
                        + shortage.brand() + "  dose " + shortage.dose(), k -> new long[3]);
                people[0] += shortage.people();
                people[1] += shortage.doses();
                people[2]++;
            }
            grouped.forEach((key, people) -> out.println("  " + key + ": " + people[0] + " people, " + people[1]
                    + " doses, in " + people[2] + (people[2] == 1 ? " region" : " regions")));
            out.println("In all " + schedule.peopleShort() + " people, " + schedule.dosesShort() + " doses.");
        }
        for (SecondDoseWarning warning : schedule.secondDoseWarnings()) {
            out.println("WARNING " + warning.message());
        }
        for (Unscheduled missing : schedule.unscheduled()) {
            out.println("WARNING " + unscheduledLine(missing));
        }
    }

    /** {@code cohort 55–59: 1155200 expected bookers have no first-dose appointment}. */
    static String unscheduledLine(Unscheduled missing) {
        String who = "cohort " + missing.cohortName() + ": ";
        if (missing.dose() == 1) {
            return who + (missing.people() > 0 ? missing.people() + " expected bookers have no first-dose appointment"
                    : -missing.people() + " more first-dose appointments than expected bookers (rounding)");
        }
        return who + (missing.people() > 0 ? missing.people() + " people with a first dose of " + missing.brand()
                + " have no second-dose appointment" : -missing.people() + " more second doses of " + missing.brand()
                + " than first doses (rounding)");
    }
}
