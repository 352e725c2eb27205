package org.cohortplanner.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cohortplanner.domain.AllocationRule;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Delivery;
import org.cohortplanner.domain.Phrase;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.Region;
import org.cohortplanner.domain.VaccineBrand;
import org.cohortplanner.planning.schedule.RegionStockDay;
import org.cohortplanner.planning.schedule.ScheduleRow;
import org.cohortplanner.planning.slip.SecondDoseMove;
import org.cohortplanner.simulation.BookingLimit;
import org.cohortplanner.simulation.BookingNightResult;
import org.cohortplanner.domain.AuditEntry;

/**
 * A plan's workbook: which sheets it has and what is in their columns. Writes one workbook for the minister or a
 * folder with one workbook per region for the provinces, each holding that region's schedule.
 */
public final class PlanWorkbook {
    private final WorkbookWriter writer;

    public PlanWorkbook() {
        this(new WorkbookWriter());
    }

    public PlanWorkbook(WorkbookWriter writer) {
        this.writer = writer;
    }

    /** Writes the chosen sheets of the whole plan to {@code target}. */
    public Path export(PlanWorkbookContent content, Set<WorkbookSheet> sheets, Path target,
                       WorkbookWriteOptions options) throws WorkbookExportException {
        return writer.write(target, sheets(content, sheets, region -> true, content.scheduleRows()), options);
    }

    /**
     * Writes one workbook per region of the plan into {@code folder} (created when its parent exists), named after
     * the region; schedule and capacity sheets hold only that region's rows. No file is moved into the folder until
     * every region's workbook is complete.
     */
    public List<Path> exportPerRegion(PlanWorkbookContent content, Set<WorkbookSheet> sheets, Path folder,
                                      WorkbookWriteOptions options) throws WorkbookExportException {
        List<Region> regions = content.plan().regions();
        checkRegionFiles(content.plan(), folder);
        createFolder(folder);
        long rowsPerRegion = content.scheduleRows() / regions.size();
        List<WorkbookFile> files = new ArrayList<>();
        List<Path> targets = regionFiles(content.plan(), folder);
        for (int i = 0; i < regions.size(); i++) {
            String region = regions.get(i).name();
            files.add(new WorkbookFile(targets.get(i), sheets(content, sheets, region::equals, rowsPerRegion)));
        }
        return writer.writeAll(files, options);
    }

    /**
     * The files {@link #exportPerRegion} would write into {@code folder}, so that a screen can ask once before
     * replacing those that exist.
     */
    public static List<Path> regionFiles(Plan plan, Path folder) {
        return plan.regions().stream().map(region -> folder.resolve(fileNameFor(region.name()))).toList();
    }

    /**
     * Checks, before anything is written, that the plan has regions and that no two of them would be written to the
     * same file (names that differ only in path characters or in case, which some file systems do not tell apart).
     */
    public static void checkRegionFiles(Plan plan, Path folder) throws WorkbookExportException {
        if (plan.regions().isEmpty()) {
            throw new WorkbookExportException(Phrase.of("export.noRegions", plan.name()), null);
        }
        Map<String, String> regionOfFile = new HashMap<>();
        for (Region region : plan.regions()) {
            String file = fileNameFor(region.name());
            String earlier = regionOfFile.putIfAbsent(file.toLowerCase(Locale.ROOT), region.name());
            if (earlier != null) {
                throw new WorkbookTargetException("regions " + earlier + " and " + region.name() + " would both be "
                        + "written to " + folder.resolve(file) + "; rename one of them");
            }
        }
    }

    /**
     * A workbook file name that every file system accepts: a region's (or a plan's) name without path characters.
     */
    public static String fileNameFor(String region) {
        String safe = region.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        if (safe.startsWith(".")) {
            safe = "_" + safe.substring(1);
        }
        return safe + ".xlsx";
    }

    private static void createFolder(Path folder) throws WorkbookExportException {
        if (Files.isDirectory(folder)) {
            return;
        }
        if (Files.exists(folder)) {
            throw new WorkbookTargetException("cannot write into " + folder + ": it is a file, not a folder");
        }
        Path parent = folder.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new WorkbookTargetException("cannot create folder " + folder + ": folder " + parent
                    + " does not exist");
        }
        try {
            Files.createDirectory(folder);
        } catch (IOException e) {
            throw new WorkbookTargetException("cannot create folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The sheets of a workbook, in tab order, reading the schedule rows that pass {@code inScope}. */
    List<SheetTable<?>> sheets(PlanWorkbookContent content, Set<WorkbookSheet> chosen, Predicate<String> inRegion,
                               long expectedScheduleRows) {
        Predicate<ScheduleRow> inScope = row -> inRegion.test(row.region());
        Plan plan = content.plan();
        DemandTracker demand = new DemandTracker(content, inScope);
        List<SheetTable<?>> tables = new ArrayList<>();
        for (WorkbookSheet sheet : WorkbookSheet.values()) {
            if (!chosen.contains(sheet)) {
                continue;
            }
            switch (sheet) {
                case COHORTS -> tables.add(cohorts(plan));
                case SCHEDULE -> tables.add(schedule(plan, demand, expectedScheduleRows));
                case CAPACITY -> tables.add(capacity(plan, demand));
                case DELIVERIES -> tables.add(deliveries(plan));
                case ALLOCATION_RULES -> tables.add(allocationRules(plan));
                case REGIONAL_STOCK -> tables.add(regionalStock(content.regionStock().stream()
                        .filter(day -> inRegion.test(day.region())).toList()));
                case SIMULATION -> tables.add(simulation(content.simulation()));
                case DOSE2_CHANGES -> tables.add(dose2Changes(plan, content.dose2Changes().stream()
                        .filter(move -> inRegion.test(move.region())).toList()));
                case AUDIT -> tables.add(audit(content.audit()));
                default -> throw new IllegalStateException("no sheet for " + sheet);
            }
        }
        return tables;
    }

    static SheetTable<Cohort> cohorts(Plan plan) {
        Map<String, String> names = cohortNames(plan);
        List<SheetColumn<Cohort>> columns = List.of(
                SheetColumn.text("Cohort", Cohort::name),
                SheetColumn.text("Birth years", cohort -> cohort.birthYears().toString()),
                SheetColumn.text("Ages", PlanWorkbook::ages),
                SheetColumn.text("Birth-day digits", cohort -> cohort.allBirthDays() ? "all"
                        : cohort.birthDayDigits().stream().map(String::valueOf).collect(Collectors.joining(", "))),
                SheetColumn.integer("People", Cohort::eligible),
                SheetColumn.percent("Uptake", Cohort::uptake),
                SheetColumn.integer("Expected bookings", Cohort::expectedBookers),
                SheetColumn.dateTime("Booking opens", cohort -> cohort.window().opens()),
                SheetColumn.dateTime("Booking closes", cohort -> cohort.window().closes()),
                SheetColumn.date("Vaccination from", cohort -> cohort.vaccinationPeriod().firstDay()),
                SheetColumn.date("Vaccination to", cohort -> cohort.vaccinationPeriod().lastDay()),
                SheetColumn.text("Brand", cohort -> cohort.brands().shares().isEmpty() ? ""
                        : cohort.brands().toString()),
                SheetColumn.text("Status", cohort -> cohort.status().name().toLowerCase(Locale.ROOT)),
                SheetColumn.text("Split from", cohort -> cohort.parent().map(id -> names.getOrDefault(id, id))
                        .orElse(null)));
        return new SheetTable<>(WorkbookSheet.COHORTS.title(), columns, plan.cohorts());
    }

    /** Ages reached in the year the cohort books, as 2021's announcements gave them ("55–59"). */
    private static String ages(Cohort cohort) {
        int year = cohort.window().opens().getYear();
        int youngest = cohort.birthYears().youngestAgeIn(year);
        int oldest = cohort.birthYears().oldestAgeIn(year);
        return youngest == oldest ? Integer.toString(youngest) : youngest + "–" + oldest;
    }

    static SheetTable<Delivery> deliveries(Plan plan) {
        List<SheetColumn<Delivery>> columns = List.of(
                SheetColumn.text("Delivery", Delivery::id),
                SheetColumn.text("Brand", Delivery::brand),
                SheetColumn.integer("Doses", Delivery::doses),
                SheetColumn.date("Planned arrival", Delivery::plannedArrival),
                SheetColumn.date("Expected arrival", Delivery::expectedArrival),
                SheetColumn.integer("Delay days", Delivery::delayDays),
                SheetColumn.text("Status", delivery -> delivery.status().name().toLowerCase(Locale.ROOT)),
                SheetColumn.text("Reason / note", Delivery::note));
        return new SheetTable<>(WorkbookSheet.DELIVERIES.title(), columns, plan.deliveries());
    }

    /**
     * One row per allocation rule: which cohort's brands it sets, in which regions and on which days, and the site
     * groups that keep the cohort's own shares.
     */
    static SheetTable<AllocationRule> allocationRules(Plan plan) {
        Map<String, String> names = cohortNames(plan);
        List<SheetColumn<AllocationRule>> columns = List.of(
                SheetColumn.text("Rule", AllocationRule::id),
                SheetColumn.text("Cohort", rule -> names.getOrDefault(rule.cohortId(), rule.cohortId())),
                SheetColumn.text("Regions", rule -> String.join(", ", rule.regions())),
                SheetColumn.date("From", AllocationRule::firstDay),
                SheetColumn.date("To", AllocationRule::lastDay),
                SheetColumn.text("Brands", rule -> rule.brands().shares().isEmpty() ? ""
                        : rule.brands().toString()),
                SheetColumn.text("Except site groups", rule -> String.join(", ", rule.exceptSiteGroups())),
                SheetColumn.text("Note", AllocationRule::note));
        return new SheetTable<>(WorkbookSheet.ALLOCATION_RULES.title(), columns, plan.allocationRules());
    }

    /**
     * One row per region, brand and day on which the region has, receives, sends or gives doses of the brand: the
     * stock the schedule keeps per region, so that a province that runs out while another has doses left shows.
     */
    static SheetTable<RegionStockDay> regionalStock(List<RegionStockDay> days) {
        List<RegionStockDay> used = days.stream().filter(day -> day.allotted() > 0 || day.transferredIn() > 0
                || day.transferredOut() > 0 || day.due() > 0 || day.given() > 0 || day.stock() > 0
                || day.reserved() > 0).toList();
        List<SheetColumn<RegionStockDay>> columns = List.of(
                SheetColumn.date("Day", RegionStockDay::day),
                SheetColumn.text("Region", RegionStockDay::region),
                SheetColumn.text("Brand", RegionStockDay::brand),
                SheetColumn.integer("Allotted", RegionStockDay::allotted),
                SheetColumn.integer("Transferred in", RegionStockDay::transferredIn),
                SheetColumn.integer("Transferred out", RegionStockDay::transferredOut),
                SheetColumn.integer("Due", RegionStockDay::due),
                SheetColumn.integer("Given", RegionStockDay::given),
                SheetColumn.integer("Stock", RegionStockDay::stock),
                SheetColumn.integer("Held for dose 2", RegionStockDay::reserved),
                SheetColumn.integer("Capacity", RegionStockDay::capacity),
                SheetColumn.integer("People short", RegionStockDay::peopleShort),
                SheetColumn.integer("Doses short", RegionStockDay::dosesShort));
        return new SheetTable<>(WorkbookSheet.REGIONAL_STOCK.title(), columns, used);
    }

    /** One row per booking window: the last simulated night's figures, as the simulation screen shows them. */
    static SheetTable<BookingNightResult> simulation(List<BookingNightResult> results) {
        List<SheetColumn<BookingNightResult>> columns = List.of(
                SheetColumn.text("Window", result -> result.parameters().windowName()),
                SheetColumn.dateTime("Opens", result -> result.parameters().opens()),
                SheetColumn.decimal("Hours open", result -> result.parameters().windowMinutes() / 60),
                SheetColumn.integer("People trying", BookingNightResult::people),
                SheetColumn.integer("Sessions", BookingNightResult::sessions),
                SheetColumn.integer("Got through", BookingNightResult::gotThrough),
                SheetColumn.integer("Booked", BookingNightResult::booked),
                SheetColumn.percent("Booked share", result -> result.people() == 0 ? null
                        : (double) result.booked() / result.people()),
                SheetColumn.integer("Gave up", BookingNightResult::gaveUp),
                SheetColumn.integer("Still trying at close", BookingNightResult::stillTryingAtClose),
                SheetColumn.integer("Turned away", BookingNightResult::turnedAway),
                SheetColumn.integer("Longest queue", BookingNightResult::peakQueue),
                SheetColumn.integer("Most sessions at once", BookingNightResult::peakActive),
                SheetColumn.decimal("Mean wait (min)", result -> result.waits().meanMinutes()),
                SheetColumn.decimal("95% waited at most (min)", result -> result.waits().p95Minutes()),
                SheetColumn.decimal("Minutes to half booked", BookingNightResult::minutesTo50),
                SheetColumn.dateTime("Suspended at", result -> result.suspendedAt().orElse(null)),
                SheetColumn.integer("Appointment limit", result -> result.parameters().bookingLimit()
                        == BookingLimit.UNLIMITED ? null : result.parameters().bookingLimit()),
                SheetColumn.text("Seed", result -> Long.toString(result.seed())));
        return new SheetTable<>(WorkbookSheet.SIMULATION.title(), columns, results);
    }

    /**
     * People whose second-dose day moved, per cohort and region, for telling them: 2021's complaint was that the
     * dates moved and nobody said so.
     */
    static SheetTable<SecondDoseMove> dose2Changes(Plan plan, List<SecondDoseMove> moves) {
        return Dose2ChangeList.table(plan, moves, Dose2ChangeList.WORKBOOK_HEADERS,
                WorkbookSheet.DOSE2_CHANGES.title());
    }

    static SheetTable<AuditEntry> audit(List<AuditEntry> entries) {
        List<SheetColumn<AuditEntry>> columns = List.of(
                SheetColumn.integer("No.", AuditEntry::sequence),
                SheetColumn.dateTime("When", AuditEntry::at),
                SheetColumn.text("Who", AuditEntry::user),
                SheetColumn.text("Change", AuditEntry::action),
                SheetColumn.text("Before", AuditEntry::before),
                SheetColumn.text("After", AuditEntry::after),
                SheetColumn.text("Reason", AuditEntry::reason),
                SheetColumn.integer("Plan version", AuditEntry::planVersion));
        return new SheetTable<>(WorkbookSheet.AUDIT.title(), columns, entries);
    }

    private static SheetTable<ScheduleRow> schedule(Plan plan, DemandTracker demand, long expectedRows) {
        Map<String, String> names = cohortNames(plan);
        List<SheetColumn<ScheduleRow>> columns = List.of(
                SheetColumn.date("Day", ScheduleRow::day),
                SheetColumn.text("Region", ScheduleRow::region),
                SheetColumn.text("Cohort", row -> names.getOrDefault(row.cohortId(), row.cohortId())),
                SheetColumn.text("Brand", ScheduleRow::brand),
                SheetColumn.integer("Dose", ScheduleRow::dose),
                SheetColumn.integer("Appointments", ScheduleRow::appointments),
                SheetColumn.integer("Capacity", ScheduleRow::capacity),
                SheetColumn.integer("Stock", ScheduleRow::stock),
                SheetColumn.integer("Shortage", ScheduleRow::shortage),
                SheetColumn.integer("Held for dose 2", ScheduleRow::reserved));
        return new SheetTable<>(WorkbookSheet.SCHEDULE.title(), columns, demand::scheduleRows, expectedRows);
    }

    private static SheetTable<WorkbookDemandSummary.Day> capacity(Plan plan, DemandTracker demand) {
        List<String> brands = givenBrands(plan);
        List<SheetColumn<WorkbookDemandSummary.Day>> columns = new ArrayList<>();
        columns.add(SheetColumn.date("Day", WorkbookDemandSummary.Day::day));
        List<SheetChart> charts = new ArrayList<>();
        for (String brand : brands) {
            int first = columns.size();
            columns.add(SheetColumn.integer(brand + " appointments", day -> day.appointments(brand)));
            columns.add(SheetColumn.integer(brand + " capacity", day -> day.capacity(brand)));
            columns.add(SheetColumn.integer(brand + " shortage", day -> day.shortage(brand)));
            charts.add(new SheetChart(brand + ": appointments against capacity", 0, List.of(first, first + 1)));
        }
        Iterable<WorkbookDemandSummary.Day> days = () -> demand.summary().days().iterator();
        return new SheetTable<>(WorkbookSheet.CAPACITY.title(), columns, days, 0, charts);
    }

    /**
     * The brands some cohort is given, in the plan's order: a brand no cohort gets has no appointments, and its
     * columns and chart would only be empty. All brands when no cohort has any yet.
     */
    static List<String> givenBrands(Plan plan) {
        Set<String> given = plan.cohorts().stream()
                .flatMap(cohort -> cohort.brands().shares().entrySet().stream())
                .filter(share -> share.getValue() > 0).map(Map.Entry::getKey).collect(Collectors.toSet());
        List<String> brands = plan.brands().stream().map(VaccineBrand::name).filter(given::contains).toList();
        return brands.isEmpty() ? plan.brands().stream().map(VaccineBrand::name).toList() : brands;
    }

    private static Map<String, String> cohortNames(Plan plan) {
        return plan.cohorts().stream().collect(Collectors.toMap(Cohort::id, Cohort::name));
    }

    /**
     * Fills the demand summary while the schedule sheet streams its rows, so the schedule is read once; reads it
     * by itself when the workbook has no schedule sheet.
     */
    private static final class DemandTracker {
        private final PlanWorkbookContent content;
        private final Predicate<ScheduleRow> inScope;
        private WorkbookDemandSummary summary;
        private boolean complete;

        DemandTracker(PlanWorkbookContent content, Predicate<ScheduleRow> inScope) {
            this.content = content;
            this.inScope = inScope;
        }

        Iterator<ScheduleRow> scheduleRows() {
            WorkbookDemandSummary filling = newSummary();
            summary = filling;
            complete = false;
            Iterator<ScheduleRow> rows = open().iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    boolean more = rows.hasNext();
                    if (!more && summary == filling) {
                        complete = true;
                    }
                    return more;
                }

                @Override
                public ScheduleRow next() {
                    ScheduleRow row = rows.next();
                    filling.add(row);
                    return row;
                }
            };
        }

        WorkbookDemandSummary summary() {
            if (!complete) {
                WorkbookDemandSummary fresh = newSummary();
                try (Stream<ScheduleRow> rows = open()) {
                    rows.forEach(fresh::add);
                }
                summary = fresh;
                complete = true;
            }
            return summary;
        }

        private WorkbookDemandSummary newSummary() {
            return new WorkbookDemandSummary(content.plan().brands().stream().map(VaccineBrand::name).toList());
        }

        private Stream<ScheduleRow> open() {
            return content.schedule().get().filter(inScope);
        }
    }
}
