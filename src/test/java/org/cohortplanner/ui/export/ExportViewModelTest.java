package org.cohortplanner.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.export.ExportFixtures;
import org.cohortplanner.export.PlanWorkbook;
import org.cohortplanner.export.WorkbookSheet;
import org.cohortplanner.domain.PlanChange;
import org.cohortplanner.ui.InMemoryPlanStore;
import org.cohortplanner.ui.ScriptedDialogs;
import org.cohortplanner.ui.common.DirectTaskRunner;
import org.cohortplanner.ui.common.PlanFileAccess;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.common.WorkingPlan;
import org.cohortplanner.ui.export.ExportViewModel.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportViewModelTest {
    private static final Plan PLAN = ExportFixtures.plan();

    @TempDir
    Path folder;

    private final InMemoryPlanStore store = new InMemoryPlanStore(PLAN);
    private final DirectTaskRunner tasks = new DirectTaskRunner();
    private final WorkingPlan working = new WorkingPlan(store, tasks, PLAN);
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final ScriptedChoosers choosers = new ScriptedChoosers();
    private final List<Path> opened = new ArrayList<>();
    private String openFailure;
    private Plan toldPlan = PLAN;
    private final PlanFileAccess planFiles = new PlanFileAccess() {
        @Override
        public Plan read(Path file) {
            if (toldPlan == null) {
                throw new IllegalArgumentException(file + ": line 3: expected a plan");
            }
            return toldPlan;
        }

        @Override
        public void write(Plan plan, Path file) {
            throw new AssertionError("the export screen writes no plan files");
        }
    };
    private final DesktopOpener opener = path -> {
        if (openFailure != null) {
            throw new IOException(openFailure);
        }
        opened.add(path);
    };
    private final ExportViewModel viewModel = new ExportViewModel(working, store, planFiles, tasks, dialogs, choosers,
            opener, Texts.of(ExportView.class, Locale.ENGLISH));

    @Test
    void theTickedSheetsAreTheWorkbooksTabsInOrder() throws IOException {
        Path target = folder.resolve("plan.xlsx");
        viewModel.workbookFileProperty().set(target.toString());
        viewModel.selectedProperty(WorkbookSheet.SCHEDULE).set(false);
        viewModel.selectedProperty(WorkbookSheet.SIMULATION).set(true);

        assertEquals(EnumSet.of(WorkbookSheet.COHORTS, WorkbookSheet.CAPACITY, WorkbookSheet.DELIVERIES,
                WorkbookSheet.ALLOCATION_RULES, WorkbookSheet.REGIONAL_STOCK, WorkbookSheet.SIMULATION,
                WorkbookSheet.AUDIT), viewModel.chosenSheets());
        viewModel.export();

        assertEquals(State.DONE, viewModel.getState(), viewModel.getMessage());
        assertEquals(List.of("Cohorts", "Demand vs capacity", "Deliveries", "Allocation rules", "Regional stock",
                "Simulation", "Audit"), tabs(target));
    }

    @Test
    void theAuditSheetHoldsTheStoresEntries() throws IOException {
        working.edit(PLAN.withName("renamed"), new PlanChange("kim", "Renamed the plan", PLAN.name(), "renamed",
                "minister's request"));
        Path target = folder.resolve("audit.xlsx");
        viewModel.workbookFileProperty().set(target.toString());

        viewModel.export();

        try (Workbook workbook = read(target)) {
            Sheet audit = workbook.getSheet(WorkbookSheet.AUDIT.title());
            assertEquals(store.audit().size(), audit.getLastRowNum(), "one row per entry below the header");
            assertEquals("Renamed the plan", audit.getRow(audit.getLastRowNum()).getCell(3).getStringCellValue());
        }
    }

    @Test
    void noSheetTickedMeansNothingToExport() {
        viewModel.workbookFileProperty().set(folder.resolve("none.xlsx").toString());
        for (WorkbookSheet sheet : WorkbookSheet.values()) {
            viewModel.selectedProperty(sheet).set(false);
        }

        assertFalse(viewModel.canExportBinding().get());
        viewModel.export();
        assertEquals("Tick at least one sheet to export.", viewModel.getMessage());
        assertFalse(Files.exists(folder.resolve("none.xlsx")));
    }

    @Test
    void doseTwoChangesAreUnavailableUntilThePlanPeopleWereToldFromIsChosen() throws IOException {
        assertFalse(viewModel.availableProperty(WorkbookSheet.DOSE2_CHANGES).get());
        assertTrue(viewModel.noteProperty(WorkbookSheet.DOSE2_CHANGES).get().contains("told their dates from"));
        viewModel.selectedProperty(WorkbookSheet.DOSE2_CHANGES).set(true);
        assertFalse(viewModel.chosenSheets().contains(WorkbookSheet.DOSE2_CHANGES), "an unavailable sheet is skipped");

        dialogs.choose(folder.resolve("told.json"));
        viewModel.compareWithPlanFile();

        assertTrue(viewModel.availableProperty(WorkbookSheet.DOSE2_CHANGES).get());
        assertTrue(viewModel.chosenSheets().contains(WorkbookSheet.DOSE2_CHANGES), "chosen once available");
        assertEquals("Compared with told.json (" + PLAN.name() + ").",
                viewModel.noteProperty(WorkbookSheet.DOSE2_CHANGES).get());
        Path target = folder.resolve("dose2.xlsx");
        viewModel.workbookFileProperty().set(target.toString());
        viewModel.export();
        assertTrue(tabs(target).contains(WorkbookSheet.DOSE2_CHANGES.title()));
    }

    @Test
    void anUnreadableToldPlanIsReportedAndTheSheetStaysUnavailable() {
        toldPlan = null;
        dialogs.choose(folder.resolve("broken.json"));

        viewModel.compareWithPlanFile();

        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).contains("broken.json: line 3"), dialogs.errors.get(0));
        assertFalse(viewModel.availableProperty(WorkbookSheet.DOSE2_CHANGES).get());
    }

    @Test
    void anExistingWorkbookIsKeptWhenTheUserDeclinesReplacingIt() throws IOException {
        Path target = exportOverLastWeeksWorkbook(false);

        assertEquals(List.of(target + " already exists. Replace it with the new export?"), dialogs.confirmations);
        assertEquals("last week's workbook", Files.readString(target));
        assertEquals(State.READY, viewModel.getState());
        assertEquals("Nothing was written: the existing workbook was kept.", viewModel.getMessage());
        assertNull(viewModel.writtenWorkbookProperty().get());
        assertEquals(List.of(target), files(folder), "no other file was left behind");
    }

    @Test
    void anExistingWorkbookIsReplacedOnceTheUserConfirms() throws IOException {
        Path target = exportOverLastWeeksWorkbook(true);

        assertEquals(State.DONE, viewModel.getState(), viewModel.getMessage());
        assertEquals(List.of("Cohorts", "Schedule", "Demand vs capacity", "Deliveries", "Allocation rules",
                "Regional stock", "Audit"), tabs(target));
    }

    @Test
    void aWorkbookPerRegionAsksOnceForAllExistingFiles() throws IOException {
        Path regions = folder.resolve("provinces");
        Files.createDirectory(regions);
        List<Path> expected = PlanWorkbook.regionFiles(PLAN, regions);
        Files.writeString(expected.get(0), "old");
        Files.writeString(expected.get(5), "old");
        viewModel.workbookFileProperty().set("");
        viewModel.regionFolderProperty().set(regions.toString());
        viewModel.perRegionProperty().set(true);
        dialogs.answer(true);
        List<String> progress = new ArrayList<>();
        viewModel.progressTextProperty().addListener((observable, before, after) -> progress.add(after));

        viewModel.export();

        assertEquals(1, dialogs.confirmations.size());
        assertTrue(dialogs.confirmations.get(0).startsWith("2 workbooks of this export already exist"),
                dialogs.confirmations.get(0));
        assertEquals(State.DONE, viewModel.getState(), viewModel.getMessage());
        assertEquals(expected.stream().sorted().toList(), files(regions));
        assertEquals("Wrote 17 regional workbooks to " + regions + "\nSheets: Cohorts, Schedule, Demand vs capacity, "
                + "Deliveries, Allocation rules, Regional stock, Audit", viewModel.getMessage());
        assertEquals(regions, viewModel.writtenFolderProperty().get());
        assertTrue(progress.stream().anyMatch(text -> text.matches("Schedule · [0-9,]+ of [0-9,]+ rows · "
                + "서울특별시.xlsx \\(1 of 17\\)")), progress.toString());
        assertNull(viewModel.writtenWorkbookProperty().get(), "no single workbook to open");
    }

    @Test
    void aCancelledExportLeavesNoFile() throws IOException {
        Path target = folder.resolve("cancelled.xlsx");
        viewModel.workbookFileProperty().set(target.toString());
        List<String> progress = new ArrayList<>();
        viewModel.progressTextProperty().addListener((observable, before, after) -> {
            progress.add(after);
            if (after.contains("Schedule")) {
                viewModel.cancel();
            }
        });

        viewModel.export();

        assertTrue(progress.stream().anyMatch(text -> text.matches("Schedule · [0-9,]+ of [0-9,]+ rows · "
                + "cancelled.xlsx")), progress.toString());
        assertEquals(State.CANCELLED, viewModel.getState());
        assertEquals("Export cancelled. No file was written, and any existing workbook is unchanged.",
                viewModel.getMessage());
        assertEquals(List.of(), files(folder));
        assertTrue(viewModel.canExportBinding().get(), "another export can start");
    }

    @Test
    void aFailedExportSaysWhyAndWritesNothing() throws IOException {
        Path target = folder.resolve("no such folder").resolve("plan.xlsx");
        viewModel.workbookFileProperty().set(target.toString());

        viewModel.export();

        assertEquals(State.FAILED, viewModel.getState());
        assertTrue(viewModel.getMessage().startsWith("The export failed and no file was written: cannot write "
                + target), viewModel.getMessage());
        assertTrue(viewModel.getMessage().contains("does not exist"), viewModel.getMessage());
        assertEquals(List.of(), files(folder));
    }

    @Test
    void aSuccessfulExportSaysWhereAndOpensTheFolderAndTheWorkbook() {
        Path target = folder.resolve("plan.xlsx");
        viewModel.workbookFileProperty().set(target.toString());

        viewModel.export();

        assertEquals(State.DONE, viewModel.getState());
        assertEquals("Wrote " + target + "\nSheets: Cohorts, Schedule, Demand vs capacity, Deliveries, "
                + "Allocation rules, Regional stock, Audit",
                viewModel.getMessage());
        assertEquals(target, viewModel.writtenWorkbookProperty().get());
        assertEquals(folder, viewModel.writtenFolderProperty().get());
        assertEquals(1.0, viewModel.progressProperty().get());
        viewModel.openFolder();
        viewModel.openWorkbook();
        assertEquals(List.of(folder, target), opened);
    }

    @Test
    void aFolderThatCannotBeOpenedIsExplained() {
        Path target = folder.resolve("plan.xlsx");
        viewModel.workbookFileProperty().set(target.toString());
        viewModel.export();
        openFailure = "this system offers no desktop to open files with, and xdg-open was not found on PATH";

        viewModel.openFolder();

        assertEquals(List.of("Cannot open it from here: " + folder + " could not be opened: " + openFailure
                + ". Open it from your file manager instead."), dialogs.errors);
    }

    @Test
    void theSuggestedWorkbookIsNamedAfterThePlanAndAChosenNameGetsItsSuffix() {
        assertTrue(viewModel.workbookFileProperty().get().endsWith(PLAN.name() + ".xlsx"),
                viewModel.workbookFileProperty().get());
        working.edit(PLAN.withName("July plan"), new PlanChange("kim", "Renamed", "", "", ""));
        assertTrue(viewModel.workbookFileProperty().get().endsWith("July plan.xlsx"), "follows the plan's name");

        choosers.files.add(folder.resolve("for the minister"));
        viewModel.chooseWorkbookFile();
        assertEquals(folder.resolve("for the minister.xlsx").toString(), viewModel.workbookFileProperty().get());
        working.edit(PLAN.withName("August plan"), new PlanChange("kim", "Renamed", "", "", ""));
        assertEquals(folder.resolve("for the minister.xlsx").toString(), viewModel.workbookFileProperty().get(),
                "a chosen file is kept");
    }

    @Test
    void choosingAFolderTicksAWorkbookPerRegion() {
        choosers.folders.add(folder);

        viewModel.chooseRegionFolder();

        assertTrue(viewModel.perRegionProperty().get());
        assertEquals(folder.toString(), viewModel.regionFolderProperty().get());
        assertEquals("one workbook for each of the plan's 17 regions, named after the region",
                viewModel.perRegionNoteProperty().get());
    }

    /** Exports onto a workbook that exists, answering {@code replace} when asked. */
    private Path exportOverLastWeeksWorkbook(boolean replace) throws IOException {
        Path target = folder.resolve("schedule.xlsx");
        Files.writeString(target, "last week's workbook");
        viewModel.workbookFileProperty().set(target.toString());
        dialogs.answer(replace);
        viewModel.export();
        return target;
    }

    private static List<String> tabs(Path workbook) throws IOException {
        try (Workbook read = read(workbook)) {
            return IntStream.range(0, read.getNumberOfSheets()).mapToObj(read::getSheetName).toList();
        }
    }

    private static Workbook read(Path workbook) throws IOException {
        try (InputStream in = Files.newInputStream(workbook)) {
            return new XSSFWorkbook(in);
        }
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> listed = Files.list(folder)) {
            return listed.sorted().toList();
        }
    }

    private static final class ScriptedChoosers implements ExportChoosers {
        final List<Path> files = new ArrayList<>();
        final List<Path> folders = new ArrayList<>();

        @Override
        public Optional<Path> chooseWorkbook(String title, Path startingFolder, String suggestedName) {
            return files.isEmpty() ? Optional.empty() : Optional.of(files.remove(0));
        }

        @Override
        public Optional<Path> chooseFolder(String title, Path startingFolder) {
            return folders.isEmpty() ? Optional.empty() : Optional.of(folders.remove(0));
        }
    }
}
