package org.cohortplanner.cli;

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
    public Integer call() {
        Plan plan = planFile.read();
        if (region != null && plan.regions().stream().noneMatch(r -> r.name().equals(region))) {
            throw new CommandRefusedException(planFile.file() + ": the plan has no region '" + region + "'; its "
                    + "regions are " + String.join(", ", plan.regions().stream().map(r -> r.name()).toList()));
        }
        Schedule schedule = Schedule.of(plan);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonText text = new JsonText(out).beginObject().field("plan", plan.name());
            if (region != null) {
                text.field("region", region);
                writeRegion(text, schedule, region);
            } else {
                writeSchedule(text, schedule, true);
            }
            out.println(text.endObject());
        } else if (region != null) {
            printRegion(out, plan, schedule, region);
        } else {
            printText(out, plan, schedule);
        }
        out.flush();
        return 0;
    }

    /** The schedule's members of the documented JSON layout. */
    static void writeSchedule(JsonText json, Schedule schedule, boolean withRows) {
        json.name("totals").beginObject()
                .field("firstDoses", schedule.rows().stream().filter(r -> r.dose() == 1)
                        .mapToLong(ScheduleRow::appointments).sum())
                .field("secondDoses", schedule.rows().stream().filter(r -> r.dose() == 2)
                        .mapToLong(ScheduleRow::appointments).sum())
                .field("peopleShort", schedule.peopleShort())
                .field("dosesShort", schedule.dosesShort())
                .endObject();
        json.name("brandDays").beginArray();
        for (BrandDay day : schedule.brandDays()) {
            json.beginObject().field("day", day.day()).field("brand", day.brand()).field("arrived", day.arrived())
                    .field("due", day.due()).field("given", day.given()).field("stock", day.stock())
                    .field("reserved", day.reserved()).field("capacity", day.capacity())
                    .field("peopleShort", day.peopleShort()).field("dosesShort", day.dosesShort()).endObject();
        }
        json.endArray();
        writeShortages(json, schedule.shortages());
        json.name("secondDoseWarnings").beginArray();
        for (SecondDoseWarning warning : schedule.secondDoseWarnings()) {
            json.beginObject().field("cohortId", warning.cohortId()).field("cohortName", warning.cohortName())
                    .field("windowOpens", warning.windowOpens()).field("brand", warning.brand())
                    .field("peopleUncovered", warning.peopleUncovered())
                    .field("firstShortDay", warning.firstShortDay()).field("message", warning.message()).endObject();
        }
        json.endArray();
        json.name("unscheduled").beginArray();
        for (Unscheduled missing : schedule.unscheduled()) {
            json.beginObject().field("cohortId", missing.cohortId()).field("brand", missing.brand())
                    .field("dose", missing.dose()).field("people", missing.people()).endObject();
        }
        json.endArray();
        json.name("regions").beginArray();
        schedule.regions().forEach(json::value);
        json.endArray();
        writeRegional(json, schedule, null);
        if (withRows) {
            writeRows(json, schedule.rows());
        }
    }

    /**
     * Stock per region, brand and day (days on which anything happens), regional shortages, each delivery's allotment
     * and the planned transfers; for one region when {@code region} is not null.
     */
    private static void writeRegional(JsonText json, Schedule schedule, String region) {
        json.name("regionStock").beginArray();
        for (RegionStockDay day : region == null ? schedule.regionStock() : schedule.regionStock(region)) {
            if (day.allotted() == 0 && day.transferredIn() == 0 && day.transferredOut() == 0 && day.due() == 0
                    && day.given() == 0 && day.stock() == 0 && day.reserved() == 0) {
                continue;
            }
            json.beginObject().field("day", day.day()).field("region", day.region()).field("brand", day.brand())
                    .field("allotted", day.allotted()).field("transferredIn", day.transferredIn())
                    .field("transferredOut", day.transferredOut()).field("due", day.due())
                    .field("given", day.given()).field("stock", day.stock()).field("reserved", day.reserved())
                    .field("capacity", day.capacity()).field("peopleShort", day.peopleShort())
                    .field("dosesShort", day.dosesShort()).endObject();
        }
        json.endArray();
        json.name("regionShortages").beginArray();
        for (RegionShortage shortage : schedule.regionShortages()) {
            if (region == null || shortage.region().equals(region)) {
                json.beginObject().field("region", shortage.region()).field("brand", shortage.brand())
                        .field("firstDay", shortage.firstDay()).field("lastDay", shortage.lastDay())
                        .field("people", shortage.people()).field("forWantOfDoses", shortage.forWantOfDoses())
                        .field("doses", shortage.doses()).endObject();
            }
        }
        json.endArray();
        json.name("allotments").beginArray();
        for (DeliveryAllotment allotment : schedule.allotments()) {
            json.beginObject().field("deliveryId", allotment.deliveryId()).field("brand", allotment.brand())
                    .field("usableFrom", allotment.usableFrom()).field("rule", allotment.rule().name())
                    .name("dosesByRegion").beginObject();
            allotment.dosesByRegion().forEach((name, doses) -> {
                if (region == null || name.equals(region)) {
                    json.field(name, doses.longValue());
                }
            });
            json.endObject().endObject();
        }
        json.endArray();
        json.name("transfers").beginArray();
        for (PlannedTransfer transfer : schedule.transfers()) {
            if (region == null || transfer.fromRegion().equals(region) || transfer.toRegion().equals(region)) {
                json.beginObject().field("transferId", transfer.transferId()).field("brand", transfer.brand())
                        .field("fromRegion", transfer.fromRegion()).field("toRegion", transfer.toRegion())
                        .field("shipped", transfer.shipped()).field("usableFrom", transfer.usableFrom())
                        .field("dosesRecorded", transfer.dosesRecorded()).field("dosesSent", transfer.dosesSent())
                        .endObject();
            }
        }
        json.endArray();
    }

    private static void writeShortages(JsonText json, List<Shortage> shortages) {
        json.name("shortages").beginArray();
        for (Shortage shortage : shortages) {
            json.beginObject().field("day", shortage.day()).field("region", shortage.region())
                    .field("cohortId", shortage.cohortId()).field("brand", shortage.brand())
                    .field("dose", shortage.dose()).field("people", shortage.people())
                    .field("forWantOfDoses", shortage.forWantOfDoses())
                    .field("forWantOfCapacity", shortage.forWantOfCapacity()).field("doses", shortage.doses())
                    .endObject();
        }
        json.endArray();
    }

    private static void writeRows(JsonText json, List<ScheduleRow> rows) {
        json.name("rows").beginArray();
        for (ScheduleRow row : rows) {
            json.beginObject().field("day", row.day()).field("region", row.region())
                    .field("cohortId", row.cohortId()).field("brand", row.brand()).field("dose", row.dose())
                    .field("appointments", row.appointments()).field("capacity", row.capacity())
                    .field("stock", row.stock()).field("reserved", row.reserved())
                    .field("shortage", row.shortage()).endObject();
        }
        json.endArray();
    }

    /** One region's totals, shortages and rows, in the members of the whole schedule's layout. */
    private static void writeRegion(JsonText json, Schedule schedule, String region) {
        List<ScheduleRow> rows = schedule.rows().stream().filter(r -> r.region().equals(region)).toList();
        List<Shortage> shortages = schedule.shortages().stream().filter(s -> s.region().equals(region)).toList();
        json.name("totals").beginObject()
                .field("firstDoses", rows.stream().filter(r -> r.dose() == 1).mapToLong(ScheduleRow::appointments)
                        .sum())
                .field("secondDoses", rows.stream().filter(r -> r.dose() == 2).mapToLong(ScheduleRow::appointments)
                        .sum())
                .field("peopleShort", shortages.stream().mapToLong(Shortage::people).sum())
                .field("dosesShort", shortages.stream().mapToLong(Shortage::doses).sum())
                .endObject();
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
