package org.cohortplanner.export;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.planning.slip.SecondDoseMove;

/**
 * The dose-2 change list for the notification text messages: one row per cohort, named group and region of people
 * whose second-dose day moved, what they were told and what holds now. Written as a workbook sheet or as a CSV file
 * (UTF-8 with a byte-order mark, so that a spreadsheet opens Korean text right), with the headers the caller gives
 * in its language, keyed by {@link #COLUMNS}.
 */
public final class Dose2ChangeList {
    /** The columns, in order, by the keys of the headers. */
    public static final List<String> COLUMNS = List.of("cohort", "region", "people", "brandTold", "firstDoseTold",
            "secondDoseTold", "brandNow", "firstDoseNow", "secondDoseNow", "daysMoved", "group");

    /** The headers of the workbook's dose2-changes sheet, which is in English like the rest of the workbook. */
    static final Map<String, String> WORKBOOK_HEADERS = Map.ofEntries(Map.entry("cohort", "Cohort"),
            Map.entry("region", "Region"), Map.entry("people", "People"), Map.entry("brandTold", "Brand told"),
            Map.entry("firstDoseTold", "First dose told"), Map.entry("secondDoseTold", "Second dose told"),
            Map.entry("brandNow", "Brand now"), Map.entry("firstDoseNow", "First dose now"),
            Map.entry("secondDoseNow", "Second dose now"), Map.entry("daysMoved", "Days moved"),
            Map.entry("group", "Group"));

    /** Comma-separated, CRLF line ends, quoted only where a field needs it; an empty value for a missing one. */
    private static final CSVFormat CSV = CSVFormat.DEFAULT;

    private Dose2ChangeList() {
    }

    /** The list as a sheet; {@code headers} maps each of {@link #COLUMNS} to its header. */
    public static SheetTable<SecondDoseMove> table(Plan plan, List<SecondDoseMove> moves, Map<String, String> headers,
            String title) {
        Function<String, String> header = key -> Objects.requireNonNull(headers.get(key), "header of " + key);
        Map<String, String> names = plan.cohorts().stream().collect(Collectors.toMap(Cohort::id, Cohort::name));
        List<SheetColumn<SecondDoseMove>> columns = List.of(
                SheetColumn.text(header.apply("cohort"), move -> names.getOrDefault(move.cohortId(), move.cohortId())),
                SheetColumn.text(header.apply("region"), SecondDoseMove::region),
                SheetColumn.integer(header.apply("people"), SecondDoseMove::people),
                SheetColumn.text(header.apply("brandTold"), SecondDoseMove::brandBefore),
                SheetColumn.date(header.apply("firstDoseTold"), SecondDoseMove::firstDoseBefore),
                SheetColumn.date(header.apply("secondDoseTold"), SecondDoseMove::secondDoseBefore),
                SheetColumn.text(header.apply("brandNow"), SecondDoseMove::brandAfter),
                SheetColumn.date(header.apply("firstDoseNow"), SecondDoseMove::firstDoseAfter),
                SheetColumn.date(header.apply("secondDoseNow"), SecondDoseMove::secondDoseAfter),
                SheetColumn.integer(header.apply("daysMoved"), SecondDoseMove::daysMoved),
                SheetColumn.text(header.apply("group"), SecondDoseMove::group));
        return new SheetTable<>(title, columns, moves);
    }

    /**
     * Writes the list with the headers and sheet title of {@code language} ({@link Dose2ListHeaders}): as CSV when
     * the file's name ends in .csv, else as a one-sheet workbook. Both go through the workbook writer's hidden .part
     * file, so a failure leaves no part of a list behind and an existing file is replaced only when the options say
     * so.
     */
    public static Path write(Plan plan, List<SecondDoseMove> moves, String language, Path target,
            WorkbookWriteOptions options) throws WorkbookExportException {
        Map<String, String> headers = Dose2ListHeaders.of(language);
        if (target.getFileName() != null && target.getFileName().toString().toLowerCase(Locale.ROOT)
                .endsWith(".csv")) {
            return writeCsv(plan, moves, headers, target, options);
        }
        return writeXlsx(plan, moves, headers, Dose2ListHeaders.title(language), target, options);
    }

    /** Writes the list as one sheet of a workbook. */
    public static Path writeXlsx(Plan plan, List<SecondDoseMove> moves, Map<String, String> headers, String title,
            Path target, WorkbookWriteOptions options) throws WorkbookExportException {
        return new WorkbookWriter().write(target, List.of(table(plan, moves, headers, title)), options);
    }

    /** Writes the list as CSV (UTF-8 with a byte-order mark, CRLF line ends). */
    public static Path writeCsv(Plan plan, List<SecondDoseMove> moves, Map<String, String> headers, Path target,
            WorkbookWriteOptions options) throws WorkbookExportException {
        Map<String, String> names = plan.cohorts().stream().collect(Collectors.toMap(Cohort::id, Cohort::name));
        return WorkbookTarget.writeFile(target, options, stream -> {
            Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            out.write('\uFEFF');
            CSVPrinter csv = new CSVPrinter(out, CSV);
            for (String key : COLUMNS) {
                csv.print(SheetText.forCsv(Objects.requireNonNull(headers.get(key), key)));
            }
            csv.println();
            for (SecondDoseMove move : moves) {
                csv.printRecord(SheetText.forCsv(names.getOrDefault(move.cohortId(), move.cohortId())),
                        SheetText.forCsv(move.region()), move.people(), SheetText.forCsv(move.brandBefore()),
                        move.firstDoseBefore(), move.secondDoseBefore(), SheetText.forCsv(move.brandAfter()),
                        move.firstDoseAfter(), move.secondDoseAfter(), move.daysMoved(),
                        SheetText.forCsv(move.group()));
            }
            csv.flush();
        });
    }
}
