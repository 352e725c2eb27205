package org.cohortplanner.cli;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.Set;
import org.cohortplanner.domain.AuditEntry;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.planning.CohortFamilies;
import org.cohortplanner.planning.PhraseFormat;
import org.cohortplanner.planning.PlanDiff;
import org.cohortplanner.export.BriefingDocument;
import org.cohortplanner.export.BriefingDocument.Block;
import org.cohortplanner.simulation.CampaignFigures;
import org.cohortplanner.texts.FigureTexts;

/**
 * The briefing report's content in English or Korean: the cover (plan name and date), the dashboard's figures (one
 * column per plan when plans are compared), the timeline (windows and weekly doses needed against usable, one plan
 * above the other), the opening nights, shortages by province, the decisions taken since a date (from the audit
 * trail) and, when comparing, what differs. Used by the {@code brief} command and the console's File menu.
 */
public final class Briefing {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** One plan of the report with its figures. */
    public record Briefed(Plan plan, CampaignFigures figures) {
        public Briefed {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(figures, "figures");
        }
    }

    private final ResourceBundle texts;
    private final FigureTexts figureTexts;
    private final Locale locale;

    /** @param locale English, or Korean ({@code ko}) */
    public Briefing(Locale locale) {
        this.locale = Objects.requireNonNull(locale, "locale");
        this.texts = ResourceBundle.getBundle("org.cohortplanner.cli.brief", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.figureTexts = FigureTexts.of(locale);
    }

    /**
     * @param plans  the plan first, then any it is compared with
     * @param audit  the audit trail of the first plan, oldest first (may be empty)
     * @param since  decisions from this day on are listed (null: the whole trail)
     * @param today  the report's date
     */
    public BriefingDocument document(List<Briefed> plans, List<AuditEntry> audit, LocalDate since, LocalDate today) {
        if (plans.isEmpty()) {
            throw new IllegalArgumentException("a briefing needs a plan");
        }
        Briefed first = plans.get(0);
        String title = plans.size() == 1 ? first.plan().name()
                : String.join(" · ", plans.stream().map(p -> p.plan().name()).toList());
        List<Block> blocks = new ArrayList<>();
        List<String> cover = new ArrayList<>();
        cover.add(text("cover.kind" + (plans.size() == 1 ? "" : ".compare")));
        cover.add(text("cover.date", DAY.format(today)));
        cover.add(text("cover.zone", first.plan().zone().getId()));
        cover.add(text("cover.seed", first.figures().seed()));
        blocks.add(new BriefingDocument.Cover(title, cover));

        blocks.add(new BriefingDocument.Heading(text("dashboard.title")));
        blocks.add(dashboard(plans));

        blocks.add(new BriefingDocument.Heading(text("timeline.title")));
        for (Briefed briefed : plans) {
            if (plans.size() > 1) {
                blocks.add(new BriefingDocument.Paragraph(briefed.plan().name()));
            }
            blocks.add(windows(briefed.plan()));
            blocks.addAll(charts(briefed.figures()));
        }

        blocks.add(new BriefingDocument.Heading(text("nights.title")));
        for (Briefed briefed : plans) {
            if (plans.size() > 1) {
                blocks.add(new BriefingDocument.Paragraph(briefed.plan().name()));
            }
            blocks.add(nights(briefed.figures()));
        }

        blocks.add(new BriefingDocument.Heading(text("provinces.title")));
        blocks.add(provinces(plans));

        for (int i = 1; i < plans.size(); i++) {
            blocks.add(new BriefingDocument.Heading(text("diff.title", first.plan().name(), plans.get(i).plan()
                    .name())));
            List<PlanDiff.Difference> differences = PlanDiff.between(first.plan(), plans.get(i).plan());
            if (differences.isEmpty()) {
                blocks.add(new BriefingDocument.Paragraph(text("diff.none")));
            } else {
                List<List<String>> rows = new ArrayList<>();
                for (PlanDiff.Difference difference : differences) {
                    rows.add(List.of(text("diff.part." + difference.part().name()), difference.name(),
                            difference.change() == PlanDiff.Change.CHANGED ? difference.field()
                                    : text("diff.change." + difference.change().name()),
                            difference.before(), difference.after()));
                }
                blocks.add(new BriefingDocument.Table(List.of(text("diff.part"), text("diff.item"),
                        text("diff.field"), text("diff.before"), text("diff.after")), rows, Set.of()));
            }
        }

        blocks.add(new BriefingDocument.Heading(since == null ? text("decisions.title.all")
                : text("decisions.title", DAY.format(since))));
        ZoneId zone = first.plan().zone();
        List<List<String>> decisions = new ArrayList<>();
        // Actions kept as phrases are written in the briefing's language, whatever the console's was.
        PhraseFormat phrases = PhraseFormat.of(locale, PhraseFormat.PLAIN);
        for (AuditEntry entry : audit) {
            LocalDate day = entry.at().atZone(zone).toLocalDate();
            if (since == null || !day.isBefore(since)) {
                String action = entry.what() != null && phrases.knows(entry.what().code())
                        ? phrases.format(entry.what()) : entry.action();
                decisions.add(List.of(MINUTE.format(entry.at().atZone(zone)), entry.user(), action,
                        entry.reason()));
            }
        }
        if (decisions.isEmpty()) {
            blocks.add(new BriefingDocument.Paragraph(text(audit.isEmpty() ? "decisions.noTrail" : "decisions.none")));
        } else {
            blocks.add(new BriefingDocument.Table(List.of(text("decisions.at"), text("decisions.user"),
                    text("decisions.action"), text("decisions.reason")), decisions, Set.of()));
        }
        return new BriefingDocument(title, blocks);
    }

    private BriefingDocument.Table dashboard(List<Briefed> plans) {
        List<String> header = new ArrayList<>();
        header.add(text("dashboard.figure"));
        plans.forEach(p -> header.add(p.plan().name()));
        List<List<String>> rows = new ArrayList<>();
        for (FigureTexts.Row row : figureTexts.rows(plans.stream().map(Briefed::figures).toList())) {
            List<String> cells = new ArrayList<>();
            cells.add(row.label());
            cells.addAll(row.values());
            rows.add(cells);
        }
        Set<Integer> numeric = new LinkedHashSet<>();
        for (int i = 1; i <= plans.size(); i++) {
            numeric.add(i);
        }
        return new BriefingDocument.Table(header, rows, numeric);
    }

    private BriefingDocument.Table windows(Plan plan) {
        List<List<String>> rows = new ArrayList<>();
        for (Cohort cohort : CohortFamilies.bookingCohorts(plan)) {
            rows.add(List.of(cohort.name(), MINUTE.format(cohort.window().opens()) + " – "
                    + MINUTE.format(cohort.window().closes()), DAY.format(cohort.vaccinationPeriod().firstDay())
                    + " – " + DAY.format(cohort.vaccinationPeriod().lastDay()), count(cohort.expectedBookers())));
        }
        return new BriefingDocument.Table(List.of(text("timeline.cohort"), text("timeline.window"),
                text("timeline.period"), text("timeline.bookers")), rows, Set.of(3));
    }

    private List<Block> charts(CampaignFigures figures) {
        List<Block> charts = new ArrayList<>();
        for (String brand : new LinkedHashSet<>(figures.brandWeeks().stream().map(CampaignFigures.BrandWeek::brand)
                .toList())) {
            List<CampaignFigures.BrandWeek> weeks = figures.brandWeeks().stream()
                    .filter(w -> w.brand().equals(brand)).toList();
            if (weeks.stream().mapToLong(CampaignFigures.BrandWeek::needed).sum() == 0) {
                continue;
            }
            charts.add(new BriefingDocument.BarChart(text("chart.title", brand),
                    weeks.stream().map(w -> w.weekStart().format(DateTimeFormatter.ofPattern("MM-dd"))).toList(),
                    List.of(new BriefingDocument.Series(text("chart.first"),
                                    weeks.stream().map(CampaignFigures.BrandWeek::firstDoses).toList()),
                            new BriefingDocument.Series(text("chart.second"),
                                    weeks.stream().map(CampaignFigures.BrandWeek::secondDoses).toList()),
                            new BriefingDocument.Series(text("chart.usable"),
                                    weeks.stream().map(CampaignFigures.BrandWeek::usable).toList()))));
        }
        return charts;
    }

    private BriefingDocument.Block nights(CampaignFigures figures) {
        if (figures.nights().isEmpty()) {
            return new BriefingDocument.Paragraph(text("nights.none"));
        }
        List<List<String>> rows = new ArrayList<>();
        for (CampaignFigures.NightWait night : figures.nights()) {
            rows.add(List.of(DAY.format(night.date()), night.cohortName(), figureTexts.minutes(night.p95Minutes()), count(night.booked()), count(night.neverGotThrough())));
        }
        return new BriefingDocument.Table(List.of(text("nights.date"), text("nights.window"), text("nights.p95"),
                text("nights.booked"), text("nights.never")), rows, Set.of(2, 3, 4));
    }

    private BriefingDocument.Table provinces(List<Briefed> plans) {
        List<String> header = new ArrayList<>();
        header.add(text("provinces.region"));
        plans.forEach(p -> header.add(p.plan().name()));
        List<List<String>> rows = new ArrayList<>();
        for (CampaignFigures.RegionFigures region : plans.get(0).figures().regions()) {
            List<String> row = new ArrayList<>();
            row.add(region.region());
            for (Briefed briefed : plans) {
                row.add(figureTexts.regionValue(region.region(), briefed.figures()));
            }
            rows.add(row);
        }
        Set<Integer> numeric = new LinkedHashSet<>();
        for (int i = 1; i <= plans.size(); i++) {
            numeric.add(i);
        }
        return new BriefingDocument.Table(header, rows, numeric);
    }

    private String count(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    private String text(String key, Object... arguments) {
        String pattern = texts.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }
}
