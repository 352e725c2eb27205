package org.cohortplanner.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cohortplanner.domain.AllocationRule;
import org.cohortplanner.domain.BrandAllocation;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.DoseInterval;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.Platform;
import org.cohortplanner.domain.VaccineBrand;
import org.cohortplanner.planning.schedule.RegionStockDay;
import org.cohortplanner.planning.schedule.Schedule;
import org.cohortplanner.planning.schedule.ScheduleRow;
import org.cohortplanner.planning.slip.SecondDoseMove;
import org.cohortplanner.simulation.BookingNightResult;
import org.cohortplanner.simulation.BookingNightSimulator;
import org.cohortplanner.simulation.BookingNights;
import org.cohortplanner.store.json.PlanFiles;
import org.cohortplanner.work.Cancellation;
import org.cohortplanner.work.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanWorkbookTest {
    @TempDir
    Path folder;

    private final PlanWorkbook workbook = new PlanWorkbook();
    private final WorkbookWriteOptions options = WorkbookWriteOptions.in(ExportFixtures.SEOUL);

    @Test
    void workbookHasTheChosenSheetsInTabOrder() throws Exception {
        Path file = workbook.export(ExportFixtures.content(100), WorkbookSheet.all(), folder.resolve("plan.xlsx"),
                options);

        try (XSSFWorkbook read = new XSSFWorkbook(file.toFile())) {
            List<String> names = new ArrayList<>();
            read.forEach(sheet -> names.add(sheet.getSheetName()));
            assertEquals(List.of("Cohorts", "Schedule", "Demand vs capacity", "Deliveries", "Allocation rules",
                    "Regional stock", "Simulation", "Dose-2 changes", "Audit"), names);
        }
        Path only = workbook.export(ExportFixtures.content(100), EnumSet.of(WorkbookSheet.DELIVERIES),
                folder.resolve("deliveries.xlsx"), options);
        try (XSSFWorkbook read = new XSSFWorkbook(only.toFile())) {
            assertEquals(1, read.getNumberOfSheets());
            assertEquals("Deliveries", read.getSheetAt(0).getSheetName());
        }
    }

    @Test
    void cohortsSheetShowsBirthYearsAgesPeopleUptakeWindowPeriodAndBrand() throws Exception {
        Path file = workbook.export(PlanWorkbookContent.of(ExportFixtures.plan()), EnumSet.of(WorkbookSheet.COHORTS),
                folder.resolve("cohorts.xlsx"), options);

        try (XSSFWorkbook read = new XSSFWorkbook(file.toFile())) {
            XSSFSheet sheet = read.getSheet("Cohorts");
            assertEquals(List.of("Cohort", "Birth years", "Ages", "Birth-day digits", "People", "Uptake",
                    "Expected bookings", "Booking opens", "Booking closes", "Vaccination from", "Vaccination to",
                    "Brand", "Status", "Split from"), texts(sheet.getRow(0)));
            Row older = sheet.getRow(1);
            assertEquals("55–59세", older.getCell(0).getStringCellValue());
            assertEquals("1962–1966", older.getCell(1).getStringCellValue());
            assertEquals("55–59", older.getCell(2).getStringCellValue());
            assertEquals("all", older.getCell(3).getStringCellValue());
            assertEquals(3_524_000, older.getCell(4).getNumericCellValue());
            assertEquals("#,##0", older.getCell(4).getCellStyle().getDataFormatString());
            assertEquals(0.86, older.getCell(5).getNumericCellValue(), 1e-9);
            assertEquals("0.0%", older.getCell(5).getCellStyle().getDataFormatString());
            assertEquals(3_030_640, older.getCell(6).getNumericCellValue());
            assertEquals(LocalDateTime.of(2021, 7, 14, 20, 0), older.getCell(7).getLocalDateTimeCellValue());
            assertTrue(DateUtil.isCellDateFormatted(older.getCell(8)));
            assertEquals(LocalDate.of(2021, 7, 26), older.getCell(9).getLocalDateTimeCellValue().toLocalDate());
            assertEquals(LocalDate.of(2021, 8, 7), older.getCell(10).getLocalDateTimeCellValue().toLocalDate());
            assertEquals("Pfizer 40.0%, Moderna 60.0%", older.getCell(11).getStringCellValue());
            assertEquals("open", older.getCell(12).getStringCellValue());
            assertEquals(null, older.getCell(13));
            Row split = sheet.getRow(2);
            assertEquals("Moderna", split.getCell(11).getStringCellValue());
            assertEquals("55–59세", split.getCell(13).getStringCellValue());
            Row injected = sheet.getRow(3);
            assertEquals(CellType.STRING, injected.getCell(0).getCellType());
            assertEquals(ExportFixtures.INJECTED_NAME, injected.getCell(0).getStringCellValue());
            assertEquals("3, 8", injected.getCell(3).getStringCellValue());
        }
    }

    @Test
    void deliveriesSheetShowsPlannedAgainstExpectedArrivalAndTheDelay() throws Exception {
        Path file = workbook.export(PlanWorkbookContent.of(ExportFixtures.plan()),
                EnumSet.of(WorkbookSheet.DELIVERIES), folder.resolve("deliveries.xlsx"), options);

        try (XSSFWorkbook read = new XSSFWorkbook(file.toFile())) {
            XSSFSheet sheet = read.getSheet("Deliveries");
            assertEquals(List.of("Delivery", "Brand", "Doses", "Planned arrival", "Expected arrival", "Delay days",
                    "Status", "Reason / note"), texts(sheet.getRow(0)));
            Row slipped = sheet.getRow(2);
            assertEquals("M-0721", slipped.getCell(0).getStringCellValue());
            assertEquals(2_000_000, slipped.getCell(2).getNumericCellValue());
            assertEquals(LocalDate.of(2021, 7, 19), slipped.getCell(3).getLocalDateTimeCellValue().toLocalDate());
            assertEquals(LocalDate.of(2021, 7, 26), slipped.getCell(4).getLocalDateTimeCellValue().toLocalDate());
            assertEquals(7, slipped.getCell(5).getNumericCellValue());
            assertEquals("delayed", slipped.getCell(6).getStringCellValue());
            assertEquals("품질 검사 지연 (quality inspection)", slipped.getCell(7).getStringCellValue());
            Cell extraLot = sheet.getRow(3).getCell(7);
            assertEquals("+ extra lot", extraLot.getStringCellValue());
            assertTrue(extraLot.getCellStyle().getQuotePrefixed());
        }
    }

    @Test
    void auditSheetShowsEachChangeAtSeoulTime() throws Exception {
        Path file = workbook.export(ExportFixtures.content(0), EnumSet.of(WorkbookSheet.AUDIT),
                folder.resolve("audit.xlsx"), options);

        try (XSSFWorkbook read = new XSSFWorkbook(file.toFile())) {
            Row first = read.getSheet("Audit").getRow(1);
            assertEquals(1, first.getCell(0).getNumericCellValue());
            assertEquals(LocalDateTime.of(2021, 7, 12, 12, 0), first.getCell(1).getLocalDateTimeCellValue());
            assertEquals("Suspend 55–59 window", first.getCell(3).getStringCellValue());
            assertEquals("Moderna allotment used up", first.getCell(6).getStringCellValue());
        }
    }

    @Test
    void simulationSheetHasTheLastNightOfEachWindow() throws Exception {
        Plan plan = ExportFixtures.plan();
        BookingNights nights = BookingNights.standard();
        List<BookingNightResult> results = new ArrayList<>();
        for (Cohort window : nights.windows(plan)) {
            results.add(new BookingNightSimulator().run(nights.parameters(plan, window), 7, Progress.none(),
                    Cancellation.never()));
        }
        PlanWorkbookContent content = PlanWorkbookContent.of(plan).withSimulation(results);

        Path file = workbook.export(content, EnumSet.of(WorkbookSheet.SIMULATION), folder.resolve("nights.xlsx"),
                options);

        try (XSSFWorkbook read = new XSSFWorkbook(file.toFile())) {
            XSSFSheet sheet = read.getSheet("Simulation");
            assertEquals(results.size(), sheet.getLastRowNum());
            BookingNightResult first = results.get(0);
            Row row = sheet.getRow(1);
            assertEquals(first.parameters().windowName(), row.getCell(0).getStringCellValue());
            assertEquals(first.parameters().opens(), row.getCell(1).getLocalDateTimeCellValue());
            assertEquals(first.people(), row.getCell(3).getNumericCellValue());
            assertEquals(first.booked(), row.getCell(6).getNumericCellValue());
            assertEquals((double) first.booked() / first.people(), row.getCell(7).getNumericCellValue(), 1e-12);
            assertEquals("0.0%", row.getCell(7).getCellStyle().getDataFormatString());
            assertEquals(first.peakQueue(), row.getCell(11).getNumericCellValue());
            assertEquals("7", row.getCell(18).getStringCellValue());
        }
    }

    @Test
    void dose2ChangesSheetListsWhoToTellAndHowFarTheirDayMoved() throws Exception {
        LocalDate first = LocalDate.of(2021, 7, 26);
        List<SecondDoseMove> moves = List.of(
                new SecondDoseMove("c55", "서울특별시", 12_000, "Moderna", first, first.plusDays(28), "Moderna", first,
                        first.plusDays(42)),
                new SecondDoseMove("c55", "부산광역시", 800, "Moderna", first, first.plusDays(28), "Pfizer", null,
                        null));
        PlanWorkbookContent content = PlanWorkbookContent.of(ExportFixtures.plan()).withDose2Changes(moves);

        Path file = workbook.export(content, EnumSet.of(WorkbookSheet.DOSE2_CHANGES), folder.resolve("dose2.xlsx"),
                options);

        try (XSSFWorkbook read = new XSSFWorkbook(file.toFile())) {
            XSSFSheet sheet = read.getSheet("Dose-2 changes");
            assertEquals(List.of("Cohort", "Region", "People", "Brand told", "First dose told", "Second dose told",
                    "Brand now", "First dose now", "Second dose now", "Days moved", "Group"), texts(sheet.getRow(0)));
            Row seoul = sheet.getRow(1);
            assertEquals("55–59세", seoul.getCell(0).getStringCellValue());
            assertEquals(12_000, seoul.getCell(2).getNumericCellValue());
            assertEquals(first.plusDays(42), seoul.getCell(8).getLocalDateTimeCellValue().toLocalDate());
            assertEquals(14, seoul.getCell(9).getNumericCellValue());
            Row busan = sheet.getRow(2);
            assertEquals("Pfizer", busan.getCell(6).getStringCellValue());
            assertEquals(null, busan.getCell(8), "no second-dose day yet");
            assertEquals(null, busan.getCell(9));
        }
        List<Path> perRegion = workbook.exportPerRegion(content, EnumSet.of(WorkbookSheet.DOSE2_CHANGES),
                folder.resolve("provinces"), options);
        try (XSSFWorkbook read = new XSSFWorkbook(folder.resolve("provinces").resolve("부산광역시.xlsx").toFile())) {
            assertEquals(17, perRegion.size());
            assertEquals(1, read.getSheet("Dose-2 changes").getLastRowNum());
        }
    }

    @Test
    void scheduleSheetHasOneRowPerScheduleRowWithCohortNames() throws Exception {
        Path file = workbook.export(ExportFixtures.content(5_000), EnumSet.of(WorkbookSheet.SCHEDULE),
                folder.resolve("schedule.xlsx"), options);
        ScheduleRow first = ExportFixtures.schedule(1).findFirst().orElseThrow();

        try (XSSFWorkbook read = new XSSFWorkbook(file.toFile())) {
            XSSFSheet sheet = read.getSheet("Schedule");
            assertEquals(5_000, sheet.getLastRowNum());
            assertEquals(List.of("Day", "Region", "Cohort", "Brand", "Dose", "Appointments", "Capacity", "Stock",
                    "Shortage", "Held for dose 2"), texts(sheet.getRow(0)));
            Row row = sheet.getRow(1);
            assertEquals(first.day(), row.getCell(0).getLocalDateTimeCellValue().toLocalDate());
            assertEquals("서울특별시", row.getCell(1).getStringCellValue());
            assertEquals("55–59세", row.getCell(2).getStringCellValue());
            assertEquals(first.brand(), row.getCell(3).getStringCellValue());
            assertEquals(first.dose(), row.getCell(4).getNumericCellValue());
            assertEquals(first.appointments(), row.getCell(5).getNumericCellValue());
            assertEquals(first.capacity(), row.getCell(6).getNumericCellValue());
            assertEquals(first.stock(), row.getCell(7).getNumericCellValue());
            assertEquals(first.shortage(), row.getCell(8).getNumericCellValue());
            assertEquals("A1:J5001", sheet.getCTWorksheet().getAutoFilter().getRef());
        }
    }

    @Test
    void capacitySheetCountsEachRegionsCapacityOncePerDayAndDrawsAChartPerBrand() throws Exception {
        LocalDate day = LocalDate.of(2021, 7, 26);
        List<ScheduleRow> rows = List.of(
                new ScheduleRow(day, "서울특별시", "c55", "Pfizer", 1, 900, 1_000, 50_000, 0),
                new ScheduleRow(day, "서울특별시", "c53", "Pfizer", 2, 300, 1_000, 50_000, 200),
                new ScheduleRow(day, "부산광역시", "c55", "Pfizer", 1, 400, 500, 50_000, 0),
                new ScheduleRow(day.plusDays(1), "서울특별시", "c55", "Moderna", 1, 700, 800, 10_000, 0));
        PlanWorkbookContent content = new PlanWorkbookContent(ExportFixtures.plan(), rows::stream, rows.size(),
                List.of());
        Path file = workbook.export(content, EnumSet.of(WorkbookSheet.CAPACITY), folder.resolve("capacity.xlsx"),
                options);

        try (XSSFWorkbook read = new XSSFWorkbook(file.toFile())) {
            XSSFSheet sheet = read.getSheet("Demand vs capacity");
            assertEquals(List.of("Day", "Pfizer appointments", "Pfizer capacity", "Pfizer shortage",
                    "Moderna appointments", "Moderna capacity", "Moderna shortage"), texts(sheet.getRow(0)));
            Row first = sheet.getRow(1);
            assertEquals(day, first.getCell(0).getLocalDateTimeCellValue().toLocalDate());
            assertEquals(1_600, first.getCell(1).getNumericCellValue());
            assertEquals(1_500, first.getCell(2).getNumericCellValue());
            assertEquals(200, first.getCell(3).getNumericCellValue());
            assertEquals(0, first.getCell(4).getNumericCellValue(), "no Moderna appointments that day");
            assertEquals(null, first.getCell(5), "Moderna capacity that day is unknown: no cell, not a zero");
            assertEquals(700, sheet.getRow(2).getCell(4).getNumericCellValue());
            XSSFDrawing drawing = sheet.getDrawingPatriarch();
            List<XSSFChart> charts = drawing.getCharts();
            assertEquals(2, charts.size());
            assertEquals("Pfizer: appointments against capacity", charts.get(0).getTitleText().getString());
            assertEquals(2, charts.get(0).getChartSeries().get(0).getSeriesCount());
            assertEquals("'Demand vs capacity'!$B$2:$B$3",
                    charts.get(0).getChartSeries().get(0).getSeries(0).getValuesData().getDataRangeReference());
        }
    }

    @Test
    void capacitySheetKeepsDaysWithoutAppointmentsSoTheChartsTimeAxisIsToScale() throws Exception {
        LocalDate day = LocalDate.of(2021, 8, 7);
        List<ScheduleRow> rows = List.of(
                new ScheduleRow(day, "서울특별시", "c55", "Pfizer", 1, 900, 1_000, 50_000, 0),
                new ScheduleRow(day.plusDays(9), "서울특별시", "c53", "Pfizer", 1, 300, 1_000, 50_000, 0));
        PlanWorkbookContent content = new PlanWorkbookContent(ExportFixtures.plan(), rows::stream, rows.size(),
                List.of());
        Path file = workbook.export(content, EnumSet.of(WorkbookSheet.CAPACITY), folder.resolve("gap.xlsx"),
                options);

        try (XSSFWorkbook read = new XSSFWorkbook(file.toFile())) {
            XSSFSheet sheet = read.getSheet("Demand vs capacity");
            assertEquals(10, sheet.getLastRowNum());
            assertEquals(day.plusDays(1), sheet.getRow(2).getCell(0).getLocalDateTimeCellValue().toLocalDate());
            assertEquals(0, sheet.getRow(2).getCell(1).getNumericCellValue());
            assertEquals(null, sheet.getRow(2).getCell(2));
            assertEquals(300, sheet.getRow(10).getCell(1).getNumericCellValue());
        }
    }

    @Test
    void capacitySheetLeavesOutBrandsNoCohortIsGiven() {
        Plan plan = ExportFixtures.plan();
        List<VaccineBrand> brands = new ArrayList<>(plan.brands());
        brands.add(0, new VaccineBrand("Janssen", 1, DoseInterval.NONE, 18, Platform.VECTOR, Set.of()));

        assertEquals(List.of("Pfizer", "Moderna"), PlanWorkbook.givenBrands(plan.withBrands(brands)));
    }

    @Test
    void capacitySheetIsFilledWhileTheScheduleStreamsSoTheScheduleIsReadOnce() throws Exception {
        int[] opened = new int[1];
        PlanWorkbookContent content = new PlanWorkbookContent(ExportFixtures.plan(), () -> {
            opened[0]++;
            return ExportFixtures.schedule(2_000);
        }, 2_000, List.of());

        Path file = workbook.export(content, EnumSet.of(WorkbookSheet.SCHEDULE, WorkbookSheet.CAPACITY),
                folder.resolve("once.xlsx"), options);

        assertEquals(1, opened[0]);
        long appointments = ExportFixtures.schedule(2_000).filter(row -> row.brand().equals("Pfizer"))
                .mapToLong(ScheduleRow::appointments).sum();
        try (XSSFWorkbook read = new XSSFWorkbook(file.toFile())) {
            XSSFSheet sheet = read.getSheet("Demand vs capacity");
            double written = 0;
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                written += sheet.getRow(i).getCell(1).getNumericCellValue();
            }
            assertEquals(appointments, written);
        }
    }

    @Test
    void perRegionExportWritesOneWorkbookPerRegionWithOnlyThatRegionsRows() throws Exception {
        Path provinces = folder.resolve("provinces");
        List<Path> files = workbook.exportPerRegion(ExportFixtures.content(20_000),
                EnumSet.of(WorkbookSheet.COHORTS, WorkbookSheet.SCHEDULE), provinces, options);

        assertEquals(17, files.size());
        assertEquals(ExportFixtures.regionFileNames().stream().sorted().toList(),
                WorkbookWriterTest.filesIn(provinces));
        long busanRows = ExportFixtures.schedule(20_000).filter(row -> row.region().equals("부산광역시")).count();
        try (XSSFWorkbook read = new XSSFWorkbook(provinces.resolve("부산광역시.xlsx").toFile())) {
            XSSFSheet sheet = read.getSheet("Schedule");
            assertEquals(busanRows, sheet.getLastRowNum());
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                assertEquals("부산광역시", sheet.getRow(i).getCell(1).getStringCellValue());
            }
            assertEquals(3, read.getSheet("Cohorts").getLastRowNum());
        }
    }

    @Test
    void aPerRegionExportThatFailsLeavesNoWorkbookInTheFolder() throws Exception {
        Path provinces = Files.createDirectory(folder.resolve("provinces"));
        PlanWorkbookContent failing = new PlanWorkbookContent(ExportFixtures.plan(),
                () -> Stream.concat(ExportFixtures.schedule(20_000), Stream.<ScheduleRow>generate(() -> {
                    throw new IllegalStateException("schedule broke");
                })), 0, List.of());

        assertThrows(WorkbookExportException.class, () -> workbook.exportPerRegion(failing,
                EnumSet.of(WorkbookSheet.SCHEDULE), provinces, options));

        assertEquals(List.of(), WorkbookWriterTest.filesIn(provinces));
    }

    @Test
    void perRegionExportNeedsAnExistingParentFolder() {
        WorkbookExportException failure = assertThrows(WorkbookExportException.class,
                () -> workbook.exportPerRegion(ExportFixtures.content(10), Set.of(WorkbookSheet.SCHEDULE),
                        folder.resolve("missing").resolve("provinces"), options));

        assertTrue(failure.getMessage().contains("does not exist"), failure.getMessage());
        assertFalse(Files.exists(folder.resolve("missing")));
    }

    @Test
    void regionFileNamesLoseOnlyCharactersFileSystemsRefuse() {
        assertEquals("서울특별시.xlsx", PlanWorkbook.fileNameFor("서울특별시"));
        assertEquals("a_b_c.xlsx", PlanWorkbook.fileNameFor("a/b:c"));
        assertEquals("_hidden.xlsx", PlanWorkbook.fileNameFor(".hidden"));
    }

    @Test
    void sheetNamesOnTheCommandLineAreCheckedAgainstTheKnownOnes() {
        assertEquals(EnumSet.of(WorkbookSheet.COHORTS, WorkbookSheet.SCHEDULE),
                WorkbookSheet.parse("cohorts, Schedule"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> WorkbookSheet.parse("cohorts,chart"));
        assertTrue(unknown.getMessage().contains("unknown sheet 'chart'"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("deliveries"), unknown.getMessage());
    }

    @Test
    void allocationRulesAndRegionalStockSheetsShowTheRulesAndEachRegionsStockOfTheSchedule() throws Exception {
        Plan sample = PlanFiles.read(Path.of("sample-data", "korea-2021-initial.json"));
        Cohort older = sample.cohortNamed("55–59").orElseThrow();
        AllocationRule seoulArea = new AllocationRule("55-59-SEOUL-AREA", older.id(),
                new LinkedHashSet<>(List.of("Seoul", "Incheon", "Gyeonggi")), LocalDate.of(2021, 7, 26),
                LocalDate.of(2021, 7, 31), BrandAllocation.single("Pfizer"), Set.of(), "Seoul-area swap");
        Plan plan = sample.withAllocationRules(List.of(seoulArea));
        Schedule schedule = Schedule.of(plan);
        PlanWorkbookContent content = PlanWorkbookContent.of(plan).withRegionStock(schedule.regionStock());

        Path file = workbook.export(content, EnumSet.of(WorkbookSheet.ALLOCATION_RULES, WorkbookSheet.REGIONAL_STOCK),
                folder.resolve("regional.xlsx"), options);

        try (XSSFWorkbook read = new XSSFWorkbook(file.toFile())) {
            XSSFSheet rules = read.getSheet("Allocation rules");
            assertEquals(List.of("Rule", "Cohort", "Regions", "From", "To", "Brands", "Except site groups", "Note"),
                    texts(rules.getRow(0)));
            assertEquals("55-59-SEOUL-AREA", rules.getRow(1).getCell(0).getStringCellValue());
            assertEquals("55–59", rules.getRow(1).getCell(1).getStringCellValue());
            assertEquals("Seoul, Incheon, Gyeonggi", rules.getRow(1).getCell(2).getStringCellValue());
            assertEquals(LocalDate.of(2021, 7, 26), rules.getRow(1).getCell(3).getLocalDateTimeCellValue()
                    .toLocalDate());
            assertEquals("Pfizer", rules.getRow(1).getCell(5).getStringCellValue());
            assertEquals(2, rules.getPhysicalNumberOfRows());

            XSSFSheet stock = read.getSheet("Regional stock");
            assertEquals(List.of("Day", "Region", "Brand", "Allotted", "Transferred in", "Transferred out", "Due",
                    "Given", "Stock", "Held for dose 2", "Capacity", "People short", "Doses short"),
                    texts(stock.getRow(0)));
            // Every row is a day of the schedule's regional stock, in its order; summed, the given doses are the
            // schedule's.
            long given = 0;
            Set<String> regions = new HashSet<>();
            for (int r = 1; r <= stock.getLastRowNum(); r++) {
                Row row = stock.getRow(r);
                regions.add(row.getCell(1).getStringCellValue());
                given += (long) row.getCell(7).getNumericCellValue();
            }
            assertEquals(schedule.regionStock().stream().mapToLong(
                    RegionStockDay::given).sum(), given);
            assertEquals(17, regions.size(), "every region of the plan has stock: " + regions);
            assertTrue(stock.getLastRowNum() < schedule.regionStock().size(), "days without stock or doses are left out");
        }
    }

    static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        row.forEach(cell -> texts.add(cell.getStringCellValue()));
        return texts;
    }
}
