package org.cohortplanner.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.export.WorkbookSheet;
import org.cohortplanner.store.json.PlanFiles;
import org.cohortplanner.ui.export.ExportView;
import org.cohortplanner.ui.shell.Screen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** Exports the sample plan from the real console, headless, as a planner would with Ctrl+5 and Export. */
class ExportScreenUiTest extends RunningConsole {
    /** Generous: the machine may be busy; the export itself takes a second or two. */
    private static final long EXPORT_WAIT_SECONDS = 120;

    @TempDir
    static Path out;

    @Test
    void ctrlFiveExportsTheSampleToAWorkbookThatReadsBack() throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#" + ExportView.EXPORT_ID).queryAll().isEmpty(), "the Export screen is shown");
        CheckBox dose2 = robot.lookup("#" + ExportView.sheetId(WorkbookSheet.DOSE2_CHANGES)).queryAs(CheckBox.class);
        assertTrue(dose2.isDisabled(), "no plan to compare with yet");

        Path target = out.resolve("sample.xlsx");
        TextField file = robot.lookup("#" + ExportView.FILE_ID).queryAs(TextField.class);
        robot.interact(() -> file.setText(target.toString()));
        robot.clickOn("#" + ExportView.EXPORT_ID);
        Label message = robot.lookup("#" + ExportView.MESSAGE_ID).queryAs(Label.class);
        WaitForAsyncUtils.waitFor(EXPORT_WAIT_SECONDS, TimeUnit.SECONDS,
                () -> message.getText().startsWith("Wrote ") || message.getText().contains("failed"));

        assertTrue(message.getText().startsWith("Wrote " + target), message.getText());
        Button openFolder = robot.lookup("#" + ExportView.OPEN_FOLDER_ID).queryButton();
        assertTrue(openFolder.isVisible() && !openFolder.isDisabled());
        Plan sample = PlanFiles.read(Path.of("sample-data", "korea-2021-initial.json"));
        try (InputStream in = Files.newInputStream(target); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            assertEquals(List.of("Cohorts", "Schedule", "Demand vs capacity", "Deliveries", "Allocation rules",
                    "Regional stock", "Audit"),
                    Stream.iterate(0, i -> i + 1).limit(workbook.getNumberOfSheets()).map(workbook::getSheetName)
                            .toList());
            Sheet cohorts = workbook.getSheet("Cohorts");
            assertEquals(sample.cohorts().size(), cohorts.getLastRowNum());
            assertEquals(sample.cohorts().get(0).name(), cohorts.getRow(1).getCell(0).getStringCellValue());
            assertTrue(DateUtil.isCellDateFormatted(cohorts.getRow(1).getCell(7)), "booking opens is a date");
            Sheet audit = workbook.getSheet("Audit");
            assertTrue(audit.getRow(1).getCell(3).getStringCellValue().contains("sample plan"),
                    "the console's audit trail is exported");
        }
    }

    @Test
    void ctrlEOpensTheExportScreen() {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#" + ExportView.EXPORT_ID).tryQuery().map(Node::getScene).isEmpty());

        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        Node export = robot.lookup("#" + Screen.EXPORT.contentId()).query();
        assertTrue(export.getScene() != null, "the Export screen is shown");
    }
}
