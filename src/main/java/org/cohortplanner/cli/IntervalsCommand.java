package org.cohortplanner.cli;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.CohortGroup;
import org.cohortplanner.domain.IntervalPolicy;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.planning.slip.IntervalPreview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code intervals PLAN.json}: the plan's interval policies and named groups, and whose second doses they move. */
@Command(name = "intervals",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Lists the plan's dose-interval policies (brands, from which date, for second doses due or "
                + "first doses given from it, the interval and each group's exception) and the cohorts' named "
                + "groups, then the people whose second dose the policies move from the label interval, by group, "
                + "cohort, region and day (see docs/plan-format.md)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the policies and groups were listed",
            "2:the file cannot be read or parsed (the reason is printed on standard error)",
            InternalErrorLog.EXIT_CODE_LINE})
public final class IntervalsCommand implements Callable<Integer> {

    @Mixin
    PlanFileParameter planFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Plan plan = planFile.read();
        PrintWriter out = spec.commandLine().getOut();
        out.println("Dose intervals of " + plan.name());
        out.println();
        out.println("Label intervals:");
        plan.brands().stream().filter(b -> b.needsSecondDose()).forEach(b -> out.println("  " + b.name() + ": "
                + b.interval().days() + " days (allowed " + b.interval().minimumDays() + "–"
                + b.interval().maximumDays() + ")"));
        List<IntervalPolicy> policies = plan.intervalPolicies();
        out.println(policies.isEmpty() ? "No interval policies: every brand keeps its label interval."
                : "Interval policies, in the order they take effect:");
        policies.stream().sorted(Comparator.comparing(IntervalPolicy::from))
                .forEach(p -> out.println("  " + IntervalLines.policy(p)));
        boolean anyGroup = plan.cohorts().stream().anyMatch(c -> !c.groups().isEmpty());
        out.println(anyGroup ? "Named groups:" : "No named groups.");
        for (Cohort cohort : plan.cohorts()) {
            for (CohortGroup group : cohort.groups()) {
                out.println("  " + cohort.name() + ", " + IntervalLines.group(cohort, group));
            }
        }
        if (!policies.isEmpty()) {
            out.println();
            out.println("Second doses the policies move from the label interval:");
            IntervalPreview preview = IntervalPreview.between(plan.withIntervalPolicies(List.of()), plan);
            IntervalLines.printMoves(out, plan, preview, "  ");
        }
        out.flush();
        return 0;
    }
}
