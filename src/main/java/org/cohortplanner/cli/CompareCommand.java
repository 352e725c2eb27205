package org.cohortplanner.cli;

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
        JsonText text = new JsonText().beginObject();
        text.name("plans").beginArray();
        for (Compared plan : compared) {
            text.beginObject().field("file", plan.file().toString()).field("name", plan.plan().name());
            writeFigures(text, plan.figures());
            text.endObject();
        }
        text.endArray();
        text.name("differences").beginArray();
        for (int i = 1; i < compared.size(); i++) {
            text.beginObject().field("from", compared.get(0).file().toString())
                    .field("to", compared.get(i).file().toString());
            text.name("changes").beginArray();
            for (PlanDiff.Difference difference : PlanDiff.between(compared.get(0).plan(), compared.get(i).plan())) {
                text.beginObject().field("part", difference.part().name().toLowerCase(Locale.ROOT))
                        .field("change", difference.change().name().toLowerCase(Locale.ROOT))
                        .field("item", difference.item()).field("name", difference.name())
                        .field("field", difference.field()).field("before", difference.before())
                        .field("after", difference.after()).endObject();
            }
            text.endArray().endObject();
        }
        text.endArray();
        return text.endObject().toString();
    }

    /** The figures' members of the documented JSON layout. */
    static void writeFigures(JsonText text, CampaignFigures figures) {
        text.field("eligible", figures.eligible()).field("expectedBookings", figures.expectedBookings())
                .field("dosesNeeded", figures.neededDoses()).field("dosesUsable", figures.usableDoses())
                .field("peopleShort", figures.peopleShort()).field("dosesShort", figures.dosesShort())
                .field("shortageDays", figures.shortageDays())
                .field("errors", figures.errors()).field("warnings", figures.warnings())
                .field("seed", figures.seed());
        text.name("brandWeeks").beginArray();
        for (CampaignFigures.BrandWeek week : figures.brandWeeks()) {
            text.beginObject().field("brand", week.brand()).field("week", week.weekStart().toString())
                    .field("firstDoses", week.firstDoses()).field("secondDoses", week.secondDoses())
                    .field("usable", week.usable()).field("peopleShort", week.peopleShort()).endObject();
        }
        text.endArray().name("regions").beginArray();
        for (CampaignFigures.RegionFigures region : figures.regions()) {
            text.beginObject().field("region", region.region()).field("shortageDays", region.shortageDays())
                    .field("peopleShort", region.peopleShort()).field("dosesShort", region.dosesShort()).endObject();
        }
        text.endArray().name("nights").beginArray();
        for (CampaignFigures.NightWait night : figures.nights()) {
            text.beginObject().field("date", night.date().toString()).field("cohort", night.cohortId())
                    .field("cohortName", night.cohortName()).field("opens", night.opens().toString())
                    .put("p95Minutes", night.p95Minutes()).field("booked", night.booked())
                    .field("neverGotThrough", night.neverGotThrough()).endObject();
        }
        text.endArray().name("suspended").beginArray();
        for (CampaignFigures.SuspendedWindow window : figures.suspended()) {
            text.beginObject().field("cohort", window.cohortId()).field("cohortName", window.cohortName())
                    .field("at", window.at().toString()).endObject();
        }
        text.endArray().name("problems").beginArray();
        figures.problems().forEach(problem -> text.beginObject().field("severity", problem.severity().name())
                .field("cohort", problem.cohortId()).field("message", problem.message()).endObject());
        text.endArray();
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
