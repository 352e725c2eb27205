package org.cohortplanner.cli;

import java.io.IOException;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.planning.PlanDiff;
import org.cohortplanner.simulation.CampaignDashboard;
import org.cohortplanner.simulation.CampaignFigures;
import org.cohortplanner.texts.FigureTexts;
import org.cohortplanner.store.json.PlanFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code compare A.json B.json [MORE.json ...] [--json]}: plans' dashboard figures side by side, and what differs. */
@Command(name = "compare",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Compares two or more plans: their dashboard figures side by side (eligible people, expected "
                + "bookings, doses needed and usable, people short and shortage days per region, the worst p95 wait "
                + "of each opening night, suspended windows, problems), then what differs from the first plan "
                + "(cohorts, windows, deliveries, allocation rules, transfers, dose intervals).",
            "Every booking night is simulated with seed 1, as 'simulate' does by default.",
            "--json prints the same as JSON (docs/compare-output.md)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:compared (differences are reported, not an error)",
            "2:a file cannot be read or parsed (the reason is printed on standard error)",
            InternalErrorLog.EXIT_CODE_LINE})
public final class CompareCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "A.json", description = "The first plan file (docs/plan-format.md).")
    Path first;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "B.json",
            description = "The plan file(s) to compare with it.")
    List<Path> others;

    @Option(names = "--json", description = "Print the comparison as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    /** A plan read from its file, with its figures. */
    record Compared(Path file, Plan plan, CampaignFigures figures) {
    }

    @Override
    public Integer call() {
        List<Path> files = new ArrayList<>();
        files.add(first);
        files.addAll(others);
        List<Plan> plans = new ArrayList<>();
        for (Path file : files) {
            plans.add(PlanFiles.read(file));
        }
        CampaignDashboard dashboard = CampaignDashboard.standard();
        List<Compared> compared = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            compared.add(new Compared(files.get(i), plans.get(i), dashboard.figures(plans.get(i))));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(json(compared));
        } else {
            printText(out, compared);
        }
        out.flush();
        return 0;
    }

    static String json(List<Compared> compared) {
        return CommandJson.text(text -> writeJson(text, compared));
    }

    private static void writeJson(JsonGenerator text, List<Compared> compared) throws IOException {
        text.writeStartObject();
        CommandJson.objectsField(text, "plans", compared, plan -> {
            text.writeStringField("file", plan.file().toString());
            text.writeStringField("name", plan.plan().name());
            writeFigures(text, plan.figures());
        });
        text.writeFieldName("differences");
        text.writeStartArray();
        for (int i = 1; i < compared.size(); i++) {
            text.writeStartObject();
            text.writeStringField("from", compared.get(0).file().toString());
            text.writeStringField("to", compared.get(i).file().toString());
            List<PlanDiff.Difference> changes = PlanDiff.between(compared.get(0).plan(), compared.get(i).plan());
            CommandJson.objectsField(text, "changes", changes, difference -> {
                text.writeStringField("part", difference.part().name().toLowerCase(Locale.ROOT));
                text.writeStringField("change", difference.change().name().toLowerCase(Locale.ROOT));
                text.writeStringField("item", difference.item());
                text.writeStringField("name", difference.name());
                text.writeStringField("field", difference.field());
                text.writeStringField("before", difference.before());
                text.writeStringField("after", difference.after());
            });
            text.writeEndObject();
        }
        text.writeEndArray();
        text.writeEndObject();
    }

    /** The figures' members of the documented JSON layout. */
    static void writeFigures(JsonGenerator text, CampaignFigures figures) throws IOException {
        text.writeNumberField("eligible", figures.eligible());
        text.writeNumberField("expectedBookings", figures.expectedBookings());
        text.writeNumberField("dosesNeeded", figures.neededDoses());
        text.writeNumberField("dosesUsable", figures.usableDoses());
        text.writeNumberField("peopleShort", figures.peopleShort());
        text.writeNumberField("dosesShort", figures.dosesShort());
        text.writeNumberField("shortageDays", figures.shortageDays());
        text.writeNumberField("errors", figures.errors());
        text.writeNumberField("warnings", figures.warnings());
        text.writeNumberField("seed", figures.seed());
        CommandJson.objectsField(text, "brandWeeks", figures.brandWeeks(), week -> {
            text.writeStringField("brand", week.brand());
            text.writeStringField("week", week.weekStart().toString());
            text.writeNumberField("firstDoses", week.firstDoses());
            text.writeNumberField("secondDoses", week.secondDoses());
            text.writeNumberField("usable", week.usable());
            text.writeNumberField("peopleShort", week.peopleShort());
        });
        CommandJson.objectsField(text, "regions", figures.regions(), region -> {
            text.writeStringField("region", region.region());
            text.writeNumberField("shortageDays", region.shortageDays());
            text.writeNumberField("peopleShort", region.peopleShort());
            text.writeNumberField("dosesShort", region.dosesShort());
        });
        CommandJson.objectsField(text, "nights", figures.nights(), night -> {
            text.writeStringField("date", night.date().toString());
            text.writeStringField("cohort", night.cohortId());
            text.writeStringField("cohortName", night.cohortName());
            text.writeStringField("opens", night.opens().toString());
            CommandJson.roundedField(text, "p95Minutes", night.p95Minutes());
            text.writeNumberField("booked", night.booked());
            text.writeNumberField("neverGotThrough", night.neverGotThrough());
        });
        CommandJson.objectsField(text, "suspended", figures.suspended(), window -> {
            text.writeStringField("cohort", window.cohortId());
            text.writeStringField("cohortName", window.cohortName());
            text.writeStringField("at", window.at().toString());
        });
        CommandJson.objectsField(text, "problems", figures.problems(), problem -> {
            text.writeStringField("severity", problem.severity().name());
            text.writeStringField("cohort", problem.cohortId());
            text.writeStringField("message", problem.message());
        });
    }

    private static void printText(PrintWriter out, List<Compared> compared) {
        List<String> heads = new ArrayList<>();
        heads.add("");
        compared.forEach(plan -> heads.add(plan.plan().name()));
        List<List<String>> rows = new ArrayList<>();
        rows.add(heads);
        rows.add(row("File", compared, plan -> plan.file().getFileName().toString()));
        FigureTexts figureTexts = FigureTexts.of(Locale.ENGLISH, CompareCommand::number, LocalDate::toString);
        for (FigureTexts.Row row : figureTexts.rowsWithRegions(compared.stream().map(Compared::figures).toList())) {
            List<String> cells = new ArrayList<>();
            cells.add(row.label());
            cells.addAll(row.values());
            rows.add(cells);
        }
        printTable(out, rows);
        for (Compared plan : compared) {
            out.println();
            out.println("Opening nights of " + plan.plan().name() + ":");
            for (CampaignFigures.NightWait night : plan.figures().nights()) {
                out.printf("  %s  %-22s p95 wait %s, %s booked, %s never got through%n", night.date(),
                        night.cohortName(), figureTexts.minutes(night.p95Minutes()), number(night.booked()),
                        number(night.neverGotThrough()));
            }
        }
        for (int i = 1; i < compared.size(); i++) {
            List<PlanDiff.Difference> differences = PlanDiff.between(compared.get(0).plan(),
                    compared.get(i).plan());
            out.println();
            out.println("From " + compared.get(0).plan().name() + " to " + compared.get(i).plan().name() + ": "
                    + (differences.isEmpty() ? "no differences" : differences.size() + " differences"));
            for (PlanDiff.Difference difference : differences) {
                out.println("  " + describe(difference));
            }
        }
    }

    /** One difference on one line. */
    static String describe(PlanDiff.Difference difference) {
        String part = switch (difference.part()) {
            case COHORT -> "cohort";
            case WINDOW -> "window of";
            case DELIVERY -> "delivery";
            case ALLOCATION -> "allocation rule";
            case TRANSFER -> "transfer";
            case INTERVAL -> "dose interval of";
        };
        String name = difference.name().equals(difference.item()) ? difference.item()
                : difference.name() + " (" + difference.item() + ")";
        return switch (difference.change()) {
            case ADDED -> "added " + part + " " + name + ": " + difference.after();
            case REMOVED -> "removed " + part + " " + name + ": " + difference.before();
            case CHANGED -> part + " " + name + ", " + difference.field() + ": " + blank(difference.before()) + " → "
                    + blank(difference.after());
        };
    }

    private static String blank(String value) {
        return value.isEmpty() ? "(none)" : value;
    }

    private static List<String> row(String label, List<Compared> compared, Function<Compared, String> value) {
        List<String> row = new ArrayList<>();
        row.add(label);
        compared.forEach(plan -> row.add(value.apply(plan)));
        return row;
    }

    private static void printTable(PrintWriter out, List<List<String>> rows) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                String cell = row.get(c);
                line.append(c == 0 ? cell + " ".repeat(widths[c] - cell.length())
                        : " ".repeat(widths[c] - cell.length() + 2) + cell);
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
