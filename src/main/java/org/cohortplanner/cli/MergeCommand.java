package org.cohortplanner.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.planning.CohortMerger;
import org.cohortplanner.planning.MergePreview;
import org.cohortplanner.store.json.PlanFileException;
import org.cohortplanner.store.json.PlanFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code merge PLAN.json --parent NAME --out NEW.json}. */
@Command(name = "merge",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Merges the parts of a split back into the cohort they were split from and writes the plan. "
                + "The cohort comes back exactly as it was before the split, with the status of its parts; parts "
                + "that were split again go too."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the merge is written to NEW.json", "1:NEW.json could not be written",
            "2:PLAN.json cannot be read, the cohort does not exist, or it has no parts", InternalErrorLog.EXIT_CODE_LINE})
public final class MergeCommand implements Callable<Integer> {

    @Mixin
    PlanFileParameter planFile;

    @Option(names = "--parent", required = true, paramLabel = "NAME",
            description = "Name of the cohort that was split, e.g. 50–54 (or its id).")
    String parentName;

    @Option(names = "--out", required = true, paramLabel = "NEW.json",
            description = "Where to write the plan with the parts merged (may be PLAN.json itself).")
    Path outFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Plan plan = planFile.read();
        Cohort parent = CohortLines.find(plan, parentName, "--parent");
        CohortMerger merger = new CohortMerger();
        MergePreview preview = merger.preview(plan, parent.id());
        Plan merged = merger.merge(plan, parent.id());
        try {
            PlanFiles.write(merged, outFile);
        } catch (PlanFileException e) {
            throw new CommandRefusedException(e.getMessage(), 1);
        }
        out.println("Merged " + preview.partsRemoved().size() + " parts back into " + preview.merged().name() + ":");
        CohortLines.printCohort(out, preview.merged());
        out.println("Parts removed:");
        CohortLines.printCohorts(out, preview.partsRemoved());
        out.println("Wrote " + outFile);
        out.flush();
        return 0;
    }
}
