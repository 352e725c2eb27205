package org.cohortplanner.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cohortplanner.work.Cancellation;
import org.cohortplanner.work.CancelledException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkbookWriterTest {
    record Item(String name, long people, double share, double ratio, LocalDate day, Object time) {
    }

    private static final List<SheetColumn<Item>> COLUMNS = List.of(
            SheetColumn.text("Name", Item::name),
            SheetColumn.integer("People", Item::people),
            SheetColumn.decimal("Ratio", Item::ratio),
            SheetColumn.percent("Uptake", Item::share),
            SheetColumn.date("Day", Item::day),
            SheetColumn.dateTime("Time", Item::time));

    @TempDir
    static Path poiFolder;

    @TempDir
    Path folder;

    private final WorkbookWriter writer = new WorkbookWriter();

    private static Item item(String name) {
        return new Item(name, 3_524_000, 0.86, 1.5, LocalDate.of(2021, 7, 26), LocalDateTime.of(2021, 7, 14, 20, 0));
    }

    private static SheetTable<Item> table(List<Item> items) {
        return new SheetTable<>("Items", COLUMNS, items);
    }

    private Path write(Path target, SheetTable<?>... tables) throws WorkbookExportException {
        return writer.write(target, List.of(tables), WorkbookWriteOptions.in(ExportFixtures.SEOUL));
    }

    @Test
    void writesNumbersDatesAndPercentagesAsRealExcelTypesWithTheirFormats() throws Exception {
        Path file = write(folder.resolve("items.xlsx"), table(List.of(item("55–59세"))));

        try (XSSFWorkbook workbook = new XSSFWorkbook(file.toFile())) {
            Row row = workbook.getSheet("Items").getRow(1);
            assertEquals(CellType.STRING, row.getCell(0).getCellType());
            assertEquals("55–59세", row.getCell(0).getStringCellValue());
            assertNumber(row.getCell(1), 3_524_000, "#,##0");
            assertNumber(row.getCell(2), 1.5, "#,##0.00");
            assertNumber(row.getCell(3), 0.86, "0.0%");
            assertEquals(CellType.NUMERIC, row.getCell(4).getCellType());
            assertTrue(DateUtil.isCellDateFormatted(row.getCell(4)));
            assertEquals(LocalDate.of(2021, 7, 26), row.getCell(4).getLocalDateTimeCellValue().toLocalDate());
            assertEquals("yyyy-mm-dd", row.getCell(4).getCellStyle().getDataFormatString());
            assertTrue(DateUtil.isCellDateFormatted(row.getCell(5)));
            assertEquals(LocalDateTime.of(2021, 7, 14, 20, 0), row.getCell(5).getLocalDateTimeCellValue());
            assertEquals("yyyy-mm-dd hh:mm", row.getCell(5).getCellStyle().getDataFormatString());
        }
    }

    private static void assertNumber(Cell cell, double value, String format) {
        assertEquals(CellType.NUMERIC, cell.getCellType());
        assertEquals(value, cell.getNumericCellValue(), 1e-9);
        assertEquals(format, cell.getCellStyle().getDataFormatString());
    }

    @Test
    void showsInstantsAsWallClockTimeInThePlansZone() throws Exception {
        Item atNineUtc = new Item("x", 1, 0, 0, LocalDate.of(2021, 7, 12), Instant.parse("2021-07-12T15:00:00Z"));
        Path file = write(folder.resolve("zone.xlsx"), table(List.of(atNineUtc)));

        try (XSSFWorkbook workbook = new XSSFWorkbook(file.toFile())) {
            assertEquals(LocalDateTime.of(2021, 7, 13, 0, 0),
                    workbook.getSheet("Items").getRow(1).getCell(5).getLocalDateTimeCellValue());
        }
    }

    @Test
    void headerRowIsBoldFrozenAndFilteredOverAllRows() throws Exception {
        Path file = write(folder.resolve("header.xlsx"), table(List.of(item("a"), item("b"), item("c"))));

        try (XSSFWorkbook workbook = new XSSFWorkbook(file.toFile())) {
            XSSFSheet sheet = workbook.getSheet("Items");
            PaneInformation pane = sheet.getPaneInformation();
            assertTrue(pane != null && pane.isFreezePane(), "header row is frozen");
            assertEquals(1, pane.getHorizontalSplitTopRow());
            assertEquals(0, pane.getVerticalSplitLeftColumn());
            assertEquals("A1:F4", sheet.getCTWorksheet().getAutoFilter().getRef());
            Cell header = sheet.getRow(0).getCell(1);
            assertEquals("People", header.getStringCellValue());
            assertTrue(workbook.getFontAt(header.getCellStyle().getFontIndex()).getBold());
        }
    }

    @Test
    void columnWidthsFollowTheWrittenTextCountingHangulDouble() throws Exception {
        String longKorean = "제주특별자치도 서귀포시 예방접종센터";
        Path file = write(folder.resolve("widths.xlsx"), table(List.of(item("a"), item(longKorean))));

        try (XSSFWorkbook workbook = new XSSFWorkbook(file.toFile())) {
            XSSFSheet sheet = workbook.getSheet("Items");
            int nameWidth = sheet.getColumnWidth(0) / 256;
            assertTrue(nameWidth >= SheetTextWidth.of(longKorean), "name column fits: " + nameWidth);
            assertTrue(nameWidth > longKorean.length() + 10, "hangul counts double: " + nameWidth);
            int peopleWidth = sheet.getColumnWidth(1) / 256;
            assertTrue(peopleWidth >= "3,524,000".length() && peopleWidth < 20, "people column: " + peopleWidth);
        }
    }

    @Test
    void textThatLooksLikeAFormulaStaysText() throws Exception {
        List<Item> items = Stream.of(ExportFixtures.INJECTED_NAME, "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1",
                "plain").map(WorkbookWriterTest::item).toList();
        Path file = write(folder.resolve("injection.xlsx"), table(items));

        try (XSSFWorkbook workbook = new XSSFWorkbook(file.toFile())) {
            XSSFSheet sheet = workbook.getSheet("Items");
            for (int i = 0; i < items.size(); i++) {
                Cell cell = sheet.getRow(i + 1).getCell(0);
                assertEquals(CellType.STRING, cell.getCellType(), "row " + (i + 1));
                assertEquals(items.get(i).name(), cell.getStringCellValue());
                assertEquals(i < items.size() - 1, cell.getCellStyle().getQuotePrefixed(),
                        "quote prefix on " + cell.getStringCellValue());
            }
        }
        assertFalse(sheetXml(file).contains("<f>"), "no formula element anywhere in the sheet");
    }

    private static String sheetXml(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(),
                    StandardCharsets.UTF_8);
        }
    }

    @Test
    void aRowSourceThatFailsMidwayLeavesNoFileAndNoTemporaryFiles() throws Exception {
        Set<String> poiFilesBefore = poiTemporaryFiles();
        Path target = folder.resolve("failing.xlsx");
        SheetTable<Item> failing = new SheetTable<>("Items", COLUMNS, () -> failingAfter(5_000), 10_000);

        WorkbookExportException failure = assertThrows(WorkbookExportException.class, () -> write(target, failing));

        assertTrue(failure.getMessage().contains("sheet Items at row 5001"), failure.getMessage());
        assertTrue(failure.getMessage().contains("source broke"), failure.getMessage());
        assertFalse(Files.exists(target));
        assertEquals(List.of(), filesIn(folder));
        assertEquals(Set.of(), newFiles(poiFilesBefore, poiTemporaryFiles()));
    }

    @Test
    void aFailedExportLeavesTheOldFileUntouched() throws Exception {
        Path target = folder.resolve("old.xlsx");
        Files.writeString(target, "the previous export");
        SheetTable<Item> failing = new SheetTable<>("Items", COLUMNS, () -> failingAfter(300), 0);

        assertThrows(WorkbookExportException.class, () -> writer.write(target, List.of(failing),
                WorkbookWriteOptions.in(ExportFixtures.SEOUL).replacingExisting(true)));

        assertEquals("the previous export", Files.readString(target));
        assertEquals(List.of("old.xlsx"), filesIn(folder));
    }

    private static Iterator<Item> failingAfter(int rows) {
        return new Iterator<>() {
            private int given;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Item next() {
                if (given++ == rows) {
                    throw new IllegalStateException("source broke");
                }
                return item("row " + given);
            }
        };
    }

    @Test
    void aCancelledExportLeavesTheOldFileUntouchedAndNoTemporaryFiles() throws Exception {
        Set<String> poiFilesBefore = poiTemporaryFiles();
        Path target = folder.resolve("cancelled.xlsx");
        Files.writeString(target, "the previous export");
        Cancellation cancel = new Cancellation();
        List<WorkbookProgress> seen = new ArrayList<>();
        WorkbookWriteOptions options = WorkbookWriteOptions.in(ExportFixtures.SEOUL).replacingExisting(true)
                .cancelledBy(cancel).reportingTo((fraction, progress) -> {
                    seen.add(progress);
                    if (progress.rowsWritten() >= 8_192) {
                        cancel.cancel();
                    }
                });
        SheetTable<Item> endless = new SheetTable<>("Items", COLUMNS,
                () -> Stream.generate(() -> item("x")).iterator(), 100_000);

        assertThrows(CancelledException.class,
                () -> writer.write(target, List.of(endless), options));

        assertEquals("the previous export", Files.readString(target));
        assertEquals(List.of("cancelled.xlsx"), filesIn(folder));
        assertEquals(Set.of(), newFiles(poiFilesBefore, poiTemporaryFiles()));
        assertTrue(seen.stream().anyMatch(p -> p.fraction() > 0 && p.fraction() < 1), "progress was reported");
    }

    @Test
    void anExistingFileIsReplacedOnlyWhenConfirmed() throws Exception {
        Path target = folder.resolve("existing.xlsx");
        Files.writeString(target, "keep me");

        WorkbookTargetExistsException refused = assertThrows(WorkbookTargetExistsException.class,
                () -> write(target, table(List.of(item("a")))));
        assertEquals(target, refused.target());
        assertEquals("keep me", Files.readString(target));

        writer.write(target, List.of(table(List.of(item("a")))),
                WorkbookWriteOptions.in(ExportFixtures.SEOUL).replacingExisting(true));
        try (XSSFWorkbook workbook = new XSSFWorkbook(target.toFile())) {
            assertEquals("a", workbook.getSheet("Items").getRow(1).getCell(0).getStringCellValue());
        }
        assertEquals(List.of("existing.xlsx"), filesIn(folder));
    }

    @Test
    void aNewWorkbookGetsTheFoldersUsualPermissionsAndAReplacedOneKeepsItsOwn() throws Exception {
        assumeTrue(folder.getFileSystem().supportedFileAttributeViews().contains("posix"), "not a POSIX file system");
        Path usual = Files.createFile(folder.resolve("usual"));
        Path fresh = write(folder.resolve("fresh.xlsx"), table(List.of(item("a"))));
        assertEquals(Files.getPosixFilePermissions(usual), Files.getPosixFilePermissions(fresh));

        Path shared = Files.writeString(folder.resolve("shared.xlsx"), "old");
        Set<PosixFilePermission> groupWritable = PosixFilePermissions.fromString("rw-rw----");
        Files.setPosixFilePermissions(shared, groupWritable);
        writer.write(shared, List.of(table(List.of(item("a")))),
                WorkbookWriteOptions.in(ExportFixtures.SEOUL).replacingExisting(true));
        assertEquals(groupWritable, Files.getPosixFilePermissions(shared));
    }

    @Test
    void refusesTargetsThatCannotBeWrittenWithAMessageNamingThem() throws IOException {
        Path missing = folder.resolve("no-such-folder").resolve("x.xlsx");
        Path aFolder = Files.createDirectory(folder.resolve("a-folder.xlsx"));
        Path aFile = Files.writeString(folder.resolve("a-file"), "");

        assertTrue(message(missing).contains("does not exist"), message(missing));
        assertTrue(message(aFolder).contains("is a folder"), message(aFolder));
        assertTrue(message(aFile.resolve("x.xlsx")).contains("is not a folder"), message(aFile.resolve("x.xlsx")));
    }

    @Test
    void refusesAFolderItCannotCreateFilesIn() throws IOException {
        Path readOnly = Files.createDirectory(folder.resolve("read-only"));
        assertTrue(readOnly.toFile().setWritable(false, false));
        try {
            // Root may write anywhere; /proc refuses new files even to root.
            Path target = Files.isWritable(readOnly) ? Path.of("/proc/export.xlsx") : readOnly.resolve("x.xlsx");
            assumeTrue(Files.isDirectory(target.getParent()),
                    "no read-only folder available on this system");
            String message = message(target);
            assertTrue(message.startsWith("cannot write " + target), message);
            assertFalse(Files.exists(target));
        } finally {
            readOnly.toFile().setWritable(true, false);
        }
    }

    private String message(Path target) {
        return assertThrows(WorkbookExportException.class, () -> write(target, table(List.of(item("a")))))
                .getMessage();
    }

    @Test
    void refusesAnExportThatWouldWriteTwoWorkbooksToOneFile() {
        Path target = folder.resolve("same.xlsx");
        List<WorkbookFile> files = List.of(new WorkbookFile(target, List.of(table(List.of(item("a"))))),
                new WorkbookFile(folder.resolve(".").resolve("same.xlsx"), List.of(table(List.of(item("b"))))));

        WorkbookTargetException failure = assertThrows(WorkbookTargetException.class,
                () -> writer.writeAll(files, WorkbookWriteOptions.in(ExportFixtures.SEOUL)));

        assertTrue(failure.getMessage().contains("both be written to"), failure.getMessage());
        assertFalse(Files.exists(target));
    }

    @Test
    void anEmptyTableStillHasItsHeaderAndFilter() throws Exception {
        Path file = write(folder.resolve("empty.xlsx"), table(List.of()));

        try (XSSFWorkbook workbook = new XSSFWorkbook(file.toFile())) {
            XSSFSheet sheet = workbook.getSheet("Items");
            assertEquals(0, sheet.getLastRowNum());
            assertEquals("Name", sheet.getRow(0).getCell(0).getStringCellValue());
        }
    }

    @Test
    void aValueOfTheWrongTypeIsReportedWithColumnAndSheet() {
        SheetColumn<Item> wrong = SheetColumn.date("Day", Item::name);
        SheetTable<Item> table = new SheetTable<>("Items", List.of(wrong), List.of(item("not a day")));

        WorkbookExportException failure = assertThrows(WorkbookExportException.class,
                () -> write(folder.resolve("wrong.xlsx"), table));

        assertTrue(failure.getMessage().contains("column Day of sheet Items expects a date"), failure.getMessage());
        assertFalse(Files.exists(folder.resolve("wrong.xlsx")));
    }

    @Test
    void inMemoryEngineWritesTheSameCells() throws Exception {
        Path streamed = write(folder.resolve("streamed.xlsx"), table(List.of(item("a"), item("b"))));
        Path inMemory = new WorkbookWriter(WorkbookWriter.Engine.IN_MEMORY).write(folder.resolve("memory.xlsx"),
                List.of(table(List.of(item("a"), item("b")))), WorkbookWriteOptions.in(ExportFixtures.SEOUL));

        assertArrayEquals(cellTexts(streamed), cellTexts(inMemory));
    }

    private static String[] cellTexts(Path file) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(file.toFile())) {
            List<String> texts = new ArrayList<>();
            for (Row row : workbook.getSheetAt(0)) {
                for (Cell cell : row) {
                    texts.add(cell.getCellType() + ":" + cell + ":" + cell.getCellStyle().getDataFormatString());
                }
            }
            return texts.toArray(String[]::new);
        }
    }

    static List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    /**
     * POI's sheet files go to a folder of this test's own while it runs: java.io.tmpdir/poifiles is shared by every
     * build on the machine, whose files would look like ones this test left behind.
     */
    @BeforeAll
    static void keepPoiTemporaryFilesApart() {
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(poiFolder.toFile()));
    }

    @AfterAll
    static void restorePoiTemporaryFiles() {
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy());
    }

    static Set<String> poiTemporaryFiles() throws IOException {
        if (!Files.isDirectory(poiFolder)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(poiFolder)) {
            return files.map(path -> path.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    static Set<String> newFiles(Set<String> before, Set<String> after) {
        return after.stream().filter(name -> !before.contains(name)).collect(Collectors.toSet());
    }

    @Test
    void progressNeverReportsMoreRowsWrittenThanExpected() throws Exception {
        List<WorkbookProgress> seen = new ArrayList<>();
        WorkbookWriteOptions options = WorkbookWriteOptions.in(ExportFixtures.SEOUL).reportingTo((fraction, progress) -> seen.add(progress));
        SheetTable<Item> underestimated = new SheetTable<>("Items", COLUMNS,
                () -> Stream.generate(() -> item("x")).limit(10_000).iterator(), 5_000);

        writer.write(folder.resolve("estimate.xlsx"), List.of(underestimated), options);

        assertTrue(seen.stream().allMatch(p -> p.rowsWritten() <= p.rowsExpected()), seen.toString());
        WorkbookProgress last = seen.get(seen.size() - 1);
        assertEquals(10_000, last.rowsWritten());
        assertEquals(10_000, last.rowsExpected());
    }

    @Test
    void progressFractionIsUnknownWithoutAnExpectedCount() {
        assertEquals(-1, new WorkbookProgress("a.xlsx", 0, 1, "Items", 10, 0).fraction());
        assertEquals(0.5, new WorkbookProgress("a.xlsx", 0, 1, "Items", 10, 20).fraction());
        assertEquals(1.0, new WorkbookProgress("a.xlsx", 0, 1, "Items", 30, 20).fraction());
    }
}
