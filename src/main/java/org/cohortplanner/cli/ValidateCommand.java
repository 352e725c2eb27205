package org.cohortplanner.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.planning.PlanValidator;
import org.cohortplanner.planning.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code validate PLAN.json}: the console's plan validator, for scripts and for checking a file before opening it. */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Checks a plan file and prints each problem on a line, then a summary.",
            "Warnings (such as birth years no cohort includes) are printed but do not fail the check."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no errors (there may be warnings)", "1:the plan has errors",
            "2:the file cannot be read or parsed (the reason is printed on standard error)", InternalErrorLog.EXIT_CODE_LINE})
public final class ValidateCommand implements Callable<Integer> {
    static final int NO_ERRORS = 0;
    static final int PLAN_HAS_ERRORS = 1;
    static final int UNREADABLE = 2;

    @Mixin
    PlanFileParameter planFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Plan plan = planFile.read();
        List<Problem> problems = new PlanValidator().validate(plan);
        for (Problem problem : problems) {
            out.println(line(problem));
        }
        out.println(summary(plan, problems));
        out.flush();
        return PlanValidator.hasErrors(problems) ? PLAN_HAS_ERRORS : NO_ERRORS;
    }

    /** {@code ERROR   cohort 55–59 (window): closes 2021-07-12 00:00 before it opens 2021-07-14 20:00}. */
    static String line(Problem problem) {
        return String.format("%-8s%s", problem.severity(), problem.message());
    }

    private String summary(Plan plan, List<Problem> problems) {
        long errors = problems.stream().filter(Problem::isError).count();
        long warnings = problems.size() - errors;
        return planFile.file() + ": " + count(plan.cohorts().size(), "cohort") + " checked, " + count(errors, "error") + ", "
                + count(warnings, "warning");
    }

    private static String count(long number, String noun) {
        return number + " " + noun + (number == 1 ? "" : "s");
    }
}
