package org.cohortplanner.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cohortplanner.domain.AuditEntry;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.export.BriefingPdf;
import org.cohortplanner.export.WorkbookExportException;
import org.cohortplanner.simulation.CampaignDashboard;
import org.cohortplanner.store.h2.H2PlanStore;
import org.cohortplanner.store.json.PlanFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code brief PLAN.json --out FILE.pdf [--compare OTHER.json] [--lang ko] [--since DATE] [--data-dir DIR]}. */
@Command(name = "brief",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Writes a briefing report of a plan as PDF: a cover with the plan's name and date, the "
                + "dashboard's figures, the timeline (windows, and doses needed against usable per brand and week), "
                + "the opening nights, shortages by province and the decisions since a date from the audit trail.",
            "With --compare, the plans side by side (figures as columns, timelines one above the other) and what "
                + "differs between them. In English, or in Korean with --lang ko (a Korean font is embedded)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the report was written",
            "2:a plan cannot be read, the output cannot be written or exists without --force, or the data folder "
                + "cannot be opened (the reason is printed on standard error)", InternalErrorLog.EXIT_CODE_LINE})
public final class BriefCommand implements Callable<Integer> {
    private static final int OK = 0;

    @Mixin
    PlanFileParameter planFile;

    @Option(names = "--out", required = true, paramLabel = "FILE.pdf", description = "Where to write the report.")
    Path out;

    @Option(names = "--compare", paramLabel = "OTHER.json",
            description = "A plan to compare with (may be given more than once).")
    List<Path> compare = new ArrayList<>();

    @Option(names = "--lang", paramLabel = "en|ko", defaultValue = "en",
            description = "The report's language: en or ko (default: ${DEFAULT-VALUE}).")
    String language;

    @Option(names = "--since", paramLabel = "DATE",
            description = "List the decisions from this day on (yyyy-mm-dd; default: every decision).")
    LocalDate since;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "The console's data folder whose audit trail lists the decisions (default: none, the "
                    + "report says that no audit trail was given).")
    Path dataDir;

    @Option(names = "--force", description = "Replace FILE.pdf if it exists.")
    boolean force;

    @Spec
    CommandSpec spec;

    private final Clock clock;

    public BriefCommand() {
        this(Clock.systemUTC());
    }

    BriefCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        Locale locale = switch (language) {
            case "en" -> Locale.ENGLISH;
            case "ko" -> Locale.KOREAN;
            default -> throw new CommandRefusedException("--lang must be en or ko, not '" + language + "'");
        };
        List<Plan> plans = new ArrayList<>();
        plans.add(planFile.read());
        for (Path other : compare) {
            plans.add(PlanFiles.read(other));
        }
        List<AuditEntry> audit = List.of();
        if (dataDir != null) {
            try (H2PlanStore store = H2PlanStore.open(dataDir)) {
                audit = store.audit();
            }
        }
        CampaignDashboard dashboard = CampaignDashboard.standard();
        List<Briefing.Briefed> briefed = new ArrayList<>();
        for (Plan plan : plans) {
            briefed.add(new Briefing.Briefed(plan, dashboard.figures(plan)));
        }
        LocalDate today = LocalDate.now(clock.withZone(plans.get(0).zone()));
        try {
            BriefingPdf.write(new Briefing(locale).document(briefed, audit, since, today), out, force);
        } catch (WorkbookExportException e) {
            throw CommandFailures.notWritten(e, 3);
        }
        spec.commandLine().getOut().println("Wrote " + out + " (" + plans.size() + (plans.size() == 1 ? " plan"
                : " plans") + ", " + (locale == Locale.KOREAN ? "Korean" : "English") + ")");
        return OK;
    }
}
