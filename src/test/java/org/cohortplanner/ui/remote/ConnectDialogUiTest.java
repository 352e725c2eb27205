package org.cohortplanner.ui.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.PlanChange;
import org.cohortplanner.ui.InMemoryPlanStore;
import org.cohortplanner.ui.ScriptedDialogs;
import org.cohortplanner.ui.common.DirectTaskRunner;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.common.WorkingPlan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The connect dialog as a planner uses it, headless, against the real backend on loopback. */
@DisabledIfSystemProperty(named = "skipUiTests", matches = "true")
class ConnectDialogUiTest {
    private final FxRobot robot = new FxRobot();
    private LoopbackBackend backend;
    private RemoteConnectionViewModel connection;
    private WorkingPlan working;

    @BeforeEach
    void show() throws TimeoutException {
        backend = new LoopbackBackend("jdbc:h2:mem:dialog-" + UUID.randomUUID(), 0, LoopbackBackend.sample());
        Plan local = LoopbackBackend.sample();
        InMemoryPlanStore localStore = new InMemoryPlanStore(local);
        PlanStoreSwitch stores = new PlanStoreSwitch(localStore);
        DirectTaskRunner tasks = new DirectTaskRunner();
        working = new WorkingPlan(stores, tasks, local);
        connection = new RemoteConnectionViewModel(stores, working, tasks, new ScriptedDialogs(),
                BackendSettings.inMemory(), LoopbackBackend::open, "kim",
                Texts.of(RemoteConnectionViewModel.class, Locale.ENGLISH), () -> { });
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            RemoteModeView mode = new RemoteModeView(connection, working, tasks, () -> null);
            ConnectDialog dialog = new ConnectDialog(new ConnectDialogModel(connection, tasks));
            VBox root = new VBox(dialog.root(), mode.statusNode());
            Scene scene = new Scene(root);
            RemoteStyles.apply(scene);
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.cleanupStages();
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void testingThenConnectingShowsTheRoleThenTheBackendInTheStatusBar() {
        robot.clickOn("#" + ConnectDialog.URL_ID).write(backend.url());
        robot.clickOn("#" + ConnectDialog.TOKEN_ID).write(LoopbackBackend.KIM);
        PasswordField token = robot.lookup("#" + ConnectDialog.TOKEN_ID).queryAs(PasswordField.class);
        assertEquals(LoopbackBackend.KIM, token.getText());

        robot.clickOn("#" + ConnectDialog.TEST_ID);
        WaitForAsyncUtils.waitForFxEvents();
        Label result = robot.lookup("#" + ConnectDialog.RESULT_ID).queryAs(Label.class);
        assertTrue(result.getText().contains("kim (planner)"), result.getText());
        assertTrue(result.getStyleClass().contains("remote-good"));
        assertEquals(RemoteConnectionViewModel.State.LOCAL, connection.getState());

        robot.clickOn("#" + ConnectDialog.CONNECT_ID);
        WaitForAsyncUtils.waitForFxEvents();
        Label status = robot.lookup("#" + RemoteModeView.STATUS_ID).queryAs(Label.class);
        assertEquals("Backend: " + backend.url() + " · connected", status.getText());
        assertTrue(status.getStyleClass().contains("connected"));
        assertFalse(robot.lookup("#" + RemoteModeView.RETRY_ID).query().isVisible());
    }

    @Test
    void aBackendThatStopsAnsweringTurnsTheStatusRedWithRetryAndSaveToFile() {
        robot.clickOn("#" + ConnectDialog.URL_ID).write(backend.url());
        robot.clickOn("#" + ConnectDialog.TOKEN_ID).write(LoopbackBackend.KIM);
        robot.clickOn("#" + ConnectDialog.CONNECT_ID);
        WaitForAsyncUtils.waitForFxEvents();
        backend.close();
        backend = null;

        robot.interact(() -> working.edit(working.getPlan().withDescription("edited while the backend is down"),
                PlanChange.of("kim", "Described the plan")));
        WaitForAsyncUtils.waitForFxEvents();

        Label status = robot.lookup("#" + RemoteModeView.STATUS_ID).queryAs(Label.class);
        assertTrue(status.getText().contains("offline"), status.getText());
        assertTrue(status.getStyleClass().contains("offline"));
        assertTrue(robot.lookup("#" + RemoteModeView.RETRY_ID).query().isVisible());
        assertTrue(robot.lookup("#" + RemoteModeView.SAVE_ID).query().isVisible());
        assertEquals("edited while the backend is down", working.getPlan().description());
    }

    @Test
    void aWrongTokenIsShownInRed() {
        robot.clickOn("#" + ConnectDialog.URL_ID).write(backend.url());
        robot.clickOn("#" + ConnectDialog.TOKEN_ID).write("guess");

        robot.clickOn("#" + ConnectDialog.TEST_ID);
        WaitForAsyncUtils.waitForFxEvents();

        Label result = robot.lookup("#" + ConnectDialog.RESULT_ID).queryAs(Label.class);
        assertTrue(result.getText().contains("401"), result.getText());
        assertTrue(result.getStyleClass().contains("remote-bad"));
    }
}
