package org.cohortplanner.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.export.Dose2ChangeList;
import org.cohortplanner.export.Dose2ListHeaders;
import org.cohortplanner.export.PlanWorkbook;
import org.cohortplanner.export.PlanWorkbookContent;
import org.cohortplanner.export.WorkbookContentBuilder;
import org.cohortplanner.export.WorkbookExportException;
import org.cohortplanner.export.WorkbookSheet;
import org.cohortplanner.export.WorkbookWriteOptions;
import org.cohortplanner.planning.slip.SecondDoseMove;
import org.cohortplanner.store.json.PlanFiles;
import org.cohortplanner.work.Cancellation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code export PLAN.json --out FILE.xlsx [--sheets ...] [--per-region DIR]}: the plan's schedule as Excel. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes a plan's cohorts, daily schedule, demand against capacity, deliveries, booking "
                + "nights, second-dose changes and audit to an Excel workbook, or one workbook per region for "
                + "the provinces.",
            "A file is written completely or not at all; an existing file is replaced only with --force."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the workbook was written",
            "1:the export failed",
            "2:the plan cannot be read, the options are wrong, or the output cannot be written", InternalErrorLog.EXIT_CODE_LINE})
public final class ExportCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;
    static final String DEFAULT_SHEETS = "cohorts,schedule,capacity,deliveries,allocation-rules,regional-stock";

    @Spec
    CommandSpec spec;

    @Mixin
    PlanFileParameter planFile;

    @Option(names = "--out", paramLabel = "FILE.xlsx", description = "The workbook to write.")
    Path out;

    @Option(names = "--sheets", paramLabel = "LIST", description = "Comma-separated sheets to write, from: "
            + "cohorts, schedule, capacity, deliveries, allocation-rules, regional-stock, simulation, dose2-changes, audit "
            + "(default: cohorts,schedule,capacity,deliveries,allocation-rules,regional-stock, and dose2-changes with "
            + "--told). simulation runs one booking night per window "
            + "first; plan files carry no audit trail.")
    String sheets;

    @Option(names = "--told", paramLabel = "TOLD.json", description = "The plan people were given their dates "
            + "from: the dose2-changes sheet lists everyone whose second-dose day differs in PLAN.json.")
    Path toldFile;

    @Option(names = "--told-list", paramLabel = "FILE.csv|FILE.xlsx", description = "With --told: also write the "
            + "dose-2 change list for the notification text messages (one row per cohort, group and region whose "
            + "second-dose day moved) as CSV (UTF-8) or as a one-sheet workbook.")
    Path toldList;

    @Option(names = "--list-language", paramLabel = "en|ko", description = "Language of the change list's headers "
            + "(default: en).")
    String listLanguage = "en";

    @Option(names = "--per-region", paramLabel = "DIR",
            description = "Also write one workbook per region into DIR (created if missing), each with only that "
                    + "region's schedule.")
    Path perRegion;

    @Option(names = {"-f", "--force"}, description = "Replace workbooks that already exist.")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (this.out == null && perRegion == null && toldList == null) {
            throw new CommandRefusedException("give --out FILE.xlsx, --per-region DIR, or both");
        }
        if (toldList != null && toldFile == null) {
            throw new CommandRefusedException("--told-list needs --told TOLD.json, the plan people were given their "
                    + "dates from");
        }
        if (!Dose2ListHeaders.LANGUAGES.contains(listLanguage)) {
            throw new CommandRefusedException("--list-language: '" + listLanguage + "' is not one of "
                    + Dose2ListHeaders.LANGUAGES);
        }
        Set<WorkbookSheet> chosen;
        try {
            chosen = WorkbookSheet.parse(sheets != null ? sheets
                    : toldFile != null ? DEFAULT_SHEETS + ",dose2-changes" : DEFAULT_SHEETS);
        } catch (IllegalArgumentException e) {
            throw new CommandRefusedException("--sheets: " + e.getMessage());
        }
        if (chosen.contains(WorkbookSheet.DOSE2_CHANGES) && toldFile == null) {
            throw new CommandRefusedException("the dose2-changes sheet needs --told TOLD.json, the plan people were "
                    + "given their dates from");
        }
        Plan plan = planFile.read();
        Plan told = toldFile == null ? null : PlanFiles.read(toldFile);
        String[] step = {"build the schedule of"};
        PlanWorkbookContent content;
        try {
            content = WorkbookContentBuilder.build(plan, told, chosen, List::of, Cancellation.never(),
                    (fraction, building) -> {
                        if (building == WorkbookContentBuilder.Step.SIMULATING) {
                            step[0] = "simulate the booking nights of";
                        }
                    });
        } catch (RuntimeException e) {
            throw new CommandRefusedException("cannot " + step[0] + " " + planFile.file() + ": " + e.getMessage(),
                    FAILED);
        }
        long rows = content.scheduleRows();
        List<SecondDoseMove> moves = content.dose2Changes();
        WorkbookWriteOptions options = WorkbookWriteOptions.in(plan.zone()).replacingExisting(force);
        PlanWorkbook workbook = new PlanWorkbook();
        String sheetNames = chosen.stream().map(WorkbookSheet::title).collect(Collectors.joining(", "));
        try {
            if (perRegion != null) {
                PlanWorkbook.checkRegionFiles(plan, perRegion);
            }
            if (this.out != null) {
                Path written = workbook.export(content, chosen, this.out, options);
                out.println("Wrote " + written + " (" + sheetNames + "; " + rows + " schedule rows)");
            }
            if (toldList != null) {
                Path written = writeList(plan, moves, options);
                out.println("Wrote " + written + " (dose-2 change list: " + moves.size() + " rows, "
                        + moves.stream().mapToLong(SecondDoseMove::people).sum() + " people to tell)");
            }
            if (perRegion != null) {
                List<Path> written = workbook.exportPerRegion(content, chosen, perRegion, options);
                out.println("Wrote " + written.size() + " regional workbooks to " + perRegion + " (" + sheetNames
                        + ")");
            }
            return OK;
        } catch (WorkbookExportException e) {
            throw CommandFailures.notWritten(e, FAILED);
        }
    }

    private Path writeList(Plan plan, List<SecondDoseMove> moves, WorkbookWriteOptions options)
            throws WorkbookExportException {
        return Dose2ChangeList.write(plan, moves, listLanguage, toldList, options);
    }

    private static boolean needsSchedule(Set<WorkbookSheet> chosen) {
        return chosen.contains(WorkbookSheet.SCHEDULE) || chosen.contains(WorkbookSheet.CAPACITY);
    }
}
