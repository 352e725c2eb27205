package org.cohortplanner.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.planning.CohortSplitter;
import org.cohortplanner.planning.SplitPreview;
import org.cohortplanner.store.json.PlanFileException;
import org.cohortplanner.store.json.PlanFiles;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code split PLAN.json --cohort NAME (--at-birth-year Y | --by-birth-day-digit K | --equal K) --out NEW.json}. */
@Command(name = "split",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Splits a cohort into parts that book on consecutive nights (passing over holidays) and writes "
                + "the plan with the split made. The cohort stays in the plan, closed, so that 'merge' can give it "
                + "back; its parts follow it.",
            "People per part come from the plan's population table and the real calendar, and add up exactly to "
                + "the cohort's eligible people."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the split is written to NEW.json", "1:NEW.json could not be written",
            "2:PLAN.json cannot be read, the cohort does not exist, or the split makes no sense", InternalErrorLog.EXIT_CODE_LINE})
public final class SplitCommand implements Callable<Integer> {

    @Mixin
    PlanFileParameter planFile;

    @Option(names = "--cohort", required = true, paramLabel = "NAME",
            description = "Name of the cohort to split, e.g. 50–54 (or its id).")
    String cohortName;

    @ArgGroup(exclusive = true, multiplicity = "1")
    How how;

    @Option(names = "--out", required = true, paramLabel = "NEW.json",
            description = "Where to write the plan with the split made (may be PLAN.json itself).")
    Path outFile;

    @Spec
    CommandSpec spec;

    /** The kind of split; exactly one is given. */
    static final class How {
        @Option(names = "--at-birth-year", paramLabel = "Y",
                description = {"Two parts: born before Y, and born in Y or later.",
                    "Y is the first birth year of the younger part:",
                    "50–54 (born 1967–1971) at 1969 gives",
                    "53–54 (born 1967–1968) and 50–52 (born 1969–1971)."})
        Integer atBirthYear;

        @Option(names = "--by-birth-day-digit", paramLabel = "K",
                description = "K parts by the last digit of the birth day, each a run of digits (K = 10: the daily "
                        + "rotation, one digit a night).")
        Integer byBirthDayDigit;

        @Option(names = "--equal", paramLabel = "K",
                description = "K parts of consecutive birth years with nearly equal people.")
        Integer equal;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Plan plan = planFile.read();
        Cohort cohort = CohortLines.find(plan, cohortName, "--cohort");
        CohortSplitter splitter = new CohortSplitter();
        SplitPreview preview;
        if (how.atBirthYear != null) {
            preview = splitter.atBirthYear(plan, cohort.id(), how.atBirthYear);
        } else if (how.byBirthDayDigit != null) {
            preview = splitter.byBirthDayDigit(plan, cohort.id(), how.byBirthDayDigit);
        } else {
            preview = splitter.intoEqualParts(plan, cohort.id(), how.equal);
        }
        Plan split = splitter.apply(plan, preview);
        try {
            PlanFiles.write(split, outFile);
        } catch (PlanFileException e) {
            throw new CommandRefusedException(e.getMessage(), 1);
        }
        Cohort parent = preview.parent();
        out.println("Split " + parent.name() + " (born " + parent.birthYears() + ", " + parent.eligible()
                + " people) into " + preview.parts().size() + " parts:");
        CohortLines.printParts(out, preview.parts());
        preview.notes().forEach(note -> out.println("Note: " + note + "."));
        out.println("Wrote " + outFile);
        out.flush();
        return 0;
    }
}
