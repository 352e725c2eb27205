package org.cohortplanner.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.cohortplanner.app.JsonPlanFileAccess;
import org.cohortplanner.domain.BookingWindow;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.store.json.PlanFiles;
import org.cohortplanner.ui.InMemoryPlanStore;
import org.cohortplanner.ui.ScriptedDialogs;
import org.cohortplanner.ui.common.CohortSelection;
import org.cohortplanner.ui.common.DirectTaskRunner;
import org.cohortplanner.ui.common.WorkingPlan;
import org.cohortplanner.ui.shell.Screen;
import org.cohortplanner.ui.shell.ShellView;
import org.cohortplanner.ui.shell.ShellViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Timeline screen in the console's shell, headless, on the as-run sample plan. */
@DisabledIfSystemProperty(named = "skipUiTests", matches = "true")
class TimelineViewUiTest {
    private static final Plan AS_RUN = PlanFiles.read(Path.of("sample-data", "korea-2021-as-run.json"));

    private final FxRobot robot = new FxRobot();
    private final InMemoryPlanStore store = new InMemoryPlanStore(AS_RUN);
    private final WorkingPlan working = new WorkingPlan(store, new DirectTaskRunner(), AS_RUN);
    private final CohortSelection selection = new CohortSelection();
    private TimelineViewModel timeline;

    @BeforeEach
    void showConsole() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            timeline = new TimelineViewModel(working, selection, "kim", Locale.ENGLISH,
                    Clock.fixed(Instant.parse("2026-11-25T04:00:00Z"), ZoneOffset.UTC));
            ShellViewModel shell = new ShellViewModel(working, new JsonPlanFileAccess(), new DirectTaskRunner(),
                    new ScriptedDialogs(), "kim", "Cohort Planner test");
            Map<Screen, Supplier<Node>> screens = new EnumMap<>(Screen.class);
            for (Screen screen : Screen.values()) {
                screens.put(screen, () -> new Label(screen.title()));
            }
            screens.put(Screen.TIMELINE, () -> new TimelineView(timeline).root());
            new ShellView(shell, screens).showIn(stage, () -> { });
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void closeConsole() throws TimeoutException {
        FxToolkit.cleanupStages();
    }

    @Test
    void ctrlTwoOpensTheTimelineAndClickingABarSelectsItsCohort() {
        Canvas canvas = canvas();
        assertNotNull(canvas.getScene(), "the timeline is shown");
        assertTrue(canvas.getWidth() > TimelineView.NAME_WIDTH, "the timeline has room for bars");

        robot.clickOn(centreOf("c53-54", true));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("c53-54", selection.getCohortId());

        robot.clickOn(centreOf("c18-49-d3", false));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("c18-49-d3", selection.getCohortId());
    }

    @Test
    void openingNightZoomsToTheSelectedCohortsFirstNight() {
        robot.clickOn(centreOf("c53-54", true));
        robot.clickOn("#" + TimelineView.OPENING_NIGHT_ID);
        WaitForAsyncUtils.waitForFxEvents();

        String range = robot.lookup("#" + TimelineView.RANGE_ID).queryAs(Label.class).getText();
        assertTrue(range.startsWith("Mon 19 Jul 2021 18:00 – "), range);
        assertTrue(range.endsWith("times in Asia/Seoul"), range);
    }

    @Test
    void draggingAWindowMovesItAndEscapeCancelsTheDrag() {
        robot.clickOn(centreOf("c53-54", true));
        robot.clickOn("#" + TimelineView.OPENING_NIGHT_ID);
        WaitForAsyncUtils.waitForFxEvents();
        double hour = timeline.viewport().getAxis().hourWidth();
        BookingWindow before = AS_RUN.cohort("c53-54").orElseThrow().window();

        robot.drag(centreOf("c53-54", true)).moveBy(hour / 2, 0).moveBy(hour / 2, 0);
        robot.type(KeyCode.ESCAPE);
        robot.drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, working.getPlan().cohort("c53-54").orElseThrow().window());

        robot.drag(centreOf("c53-54", true)).moveBy(hour / 2, 0).moveBy(hour / 2, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(new BookingWindow(LocalDateTime.of(2021, 7, 19, 21, 0), LocalDateTime.of(2021, 7, 20, 19, 0)),
                working.getPlan().cohort("c53-54").orElseThrow().window());
    }

    private Canvas canvas() {
        return robot.lookup("#" + TimelineView.CANVAS_ID).queryAs(Canvas.class);
    }

    /** The screen point in the middle of the shown part of a cohort's window bar (or vaccination bar). */
    private Point2D centreOf(String cohortId, boolean window) {
        TimelineRow row = timeline.row(cohortId).orElseThrow();
        TimelineBar bar = window ? row.window() : row.vaccination();
        TimelineViewport.Box box = timeline.viewport().box(timeline.rows().indexOf(row), bar);
        double left = Math.max(box.x(), 0);
        double right = Math.min(box.x() + box.width(), timeline.viewport().viewportWidth());
        return canvas().localToScreen(TimelineView.NAME_WIDTH + (left + right) / 2,
                TimelineView.HEADER_HEIGHT + box.y() + box.height() / 2);
    }
}
