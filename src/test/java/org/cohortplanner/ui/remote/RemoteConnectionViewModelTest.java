package org.cohortplanner.ui.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.PlanChange;
import org.cohortplanner.store.remote.BackendConflictException;
import org.cohortplanner.ui.InMemoryPlanStore;
import org.cohortplanner.ui.ScriptedDialogs;
import org.cohortplanner.ui.common.DirectTaskRunner;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.common.WorkingPlan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's remote mode against the real booking backend on loopback: connecting, the connection test, two
 * planners saving the same plan, and a backend that goes away and comes back.
 */
class RemoteConnectionViewModelTest {
    @TempDir
    Path folder;

    private final Plan local = LoopbackBackend.sample();
    private final InMemoryPlanStore localStore = new InMemoryPlanStore(local);
    private final PlanStoreSwitch stores = new PlanStoreSwitch(localStore);
    private final DirectTaskRunner tasks = new DirectTaskRunner();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final BackendSettings settings = BackendSettings.inMemory();
    private final AtomicInteger savesToFile = new AtomicInteger();
    private final List<LoopbackBackend> backends = new ArrayList<>();
    private WorkingPlan working;
    private RemoteConnectionViewModel connection;

    @BeforeEach
    void console() {
        working = new WorkingPlan(stores, tasks, localStore.load().orElseThrow());
        connection = new RemoteConnectionViewModel(stores, working, tasks, dialogs, settings, LoopbackBackend::open,
                "kim", Texts.of(RemoteConnectionViewModel.class, Locale.ENGLISH), savesToFile::incrementAndGet);
    }

    @AfterEach
    void stopBackends() {
        backends.forEach(LoopbackBackend::close);
    }

    private LoopbackBackend backend(String databaseUrl, int port) {
        LoopbackBackend started = new LoopbackBackend(databaseUrl, port, LoopbackBackend.sample());
        backends.add(started);
        return started;
    }

    private LoopbackBackend backend() {
        return backend("jdbc:h2:mem:console-" + UUID.randomUUID(), 0);
    }

    private boolean connect(String url, String token, boolean rememberToken) {
        List<Boolean> done = new ArrayList<>();
        connection.connect(url, token, rememberToken, done::add);
        return done.get(0);
    }

    private static Plan renameFirstCohort(Plan plan, String name) {
        Cohort first = plan.cohorts().get(0);
        return plan.withCohort(first.withName(name));
    }

    @Test
    void connectingWorksOnTheBackendsPlanAndShowsItInTheStatusBar() {
        LoopbackBackend backend = backend();

        assertTrue(connect(backend.url(), LoopbackBackend.KIM, false));

        assertEquals(RemoteConnectionViewModel.State.CONNECTED, connection.getState());
        assertEquals(backend.url(), working.location());
        assertEquals(backend.url(), working.locationProperty().get());
        assertEquals("Backend: " + backend.url() + " · connected", connection.statusTextProperty().get());
        assertEquals(backend.server.plans().snapshot().version(), working.getStoredVersion());
    }

    @Test
    void theUrlIsRememberedButTheTokenOnlyWhenAskedFor() {
        LoopbackBackend backend = backend();

        connect(backend.url(), LoopbackBackend.KIM, false);
        assertEquals(backend.url(), settings.backendUrl().orElseThrow());
        assertTrue(settings.token().isEmpty());

        connect(backend.url(), LoopbackBackend.KIM, true);
        assertEquals(LoopbackBackend.KIM, settings.token().orElseThrow());
        ConnectDialogModel dialog = new ConnectDialogModel(connection, tasks);
        assertEquals(backend.url(), dialog.urlProperty().get());
        assertEquals(LoopbackBackend.KIM, dialog.tokenProperty().get());
        assertTrue(dialog.rememberTokenProperty().get());
    }

    @Test
    void editsReachTheBackendUnderTheConsolesToken() throws Exception {
        LoopbackBackend backend = backend();
        connect(backend.url(), LoopbackBackend.KIM, false);

        working.edit(renameFirstCohort(working.getPlan(), "55–59 (renamed by kim)"), PlanChange.of("kim", "Renamed"));

        assertEquals(WorkingPlan.StoreState.SAVED, working.getStoreState());
        assertEquals("55–59 (renamed by kim)", backend.stored(LoopbackBackend.CHOI).cohorts().get(0).name());
        assertEquals(local, localStore.load().orElseThrow(), "the local model is left as it was");
    }

    @Test
    void disconnectingGoesBackToTheLocalModel() {
        LoopbackBackend backend = backend();
        connect(backend.url(), LoopbackBackend.KIM, false);
        working.edit(renameFirstCohort(working.getPlan(), "remote only"), PlanChange.of("kim", "Renamed"));

        connection.disconnect();

        assertEquals(RemoteConnectionViewModel.State.LOCAL, connection.getState());
        assertEquals("memory:test", working.location());
        assertEquals("", connection.statusTextProperty().get());
        assertEquals(local.cohorts().get(0).name(), working.getPlan().cohorts().get(0).name());
    }

    @Test
    void aBadTokenDoesNotConnectAndSaysWhy() {
        LoopbackBackend backend = backend();

        assertFalse(connect(backend.url(), "not-a-token", false));

        assertEquals(RemoteConnectionViewModel.State.LOCAL, connection.getState());
        assertTrue(connection.connectProblemProperty().get().contains("did not accept the token"),
                connection.connectProblemProperty().get());
        assertEquals("memory:test", working.location());
    }

    @Test
    void theConnectionTestTellsWhoTheTokenBelongsToAndItsRole() {
        LoopbackBackend backend = backend();
        ConnectDialogModel dialog = new ConnectDialogModel(connection, tasks);
        dialog.urlProperty().set(backend.url());
        dialog.tokenProperty().set(LoopbackBackend.CHOI);

        dialog.test();

        assertEquals(ConnectDialogModel.Outcome.GOOD, dialog.outcomeProperty().get());
        assertTrue(dialog.resultProperty().get().startsWith("Reachable"), dialog.resultProperty().get());
        assertTrue(dialog.resultProperty().get().contains("choi (viewer)"), dialog.resultProperty().get());
        assertEquals(RemoteConnectionViewModel.State.LOCAL, connection.getState(), "a test does not connect");
    }

    @Test
    void theConnectionTestSaysWhenTheTokenIsRefused() {
        LoopbackBackend backend = backend();
        ConnectDialogModel dialog = new ConnectDialogModel(connection, tasks);
        dialog.urlProperty().set(backend.url());
        dialog.tokenProperty().set("wrong");

        dialog.test();

        assertEquals(ConnectDialogModel.Outcome.BAD, dialog.outcomeProperty().get());
        assertTrue(dialog.resultProperty().get().contains("401"), dialog.resultProperty().get());
    }

    @Test
    void theConnectionTestSaysTimeoutWhenNothingAnswers() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread accepting = new Thread(() -> {
                List<Socket> held = new ArrayList<>();
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    held.forEach(socket -> {
                        try {
                            socket.close();
                        } catch (IOException ignored) {
                            // Closing anyway.
                        }
                    });
                }
            });
            accepting.setDaemon(true);
            accepting.start();
            ConnectDialogModel dialog = new ConnectDialogModel(connection, tasks);
            dialog.urlProperty().set("http://127.0.0.1:" + silent.getLocalPort());
            dialog.tokenProperty().set(LoopbackBackend.KIM);

            dialog.test();

            assertEquals(ConnectDialogModel.Outcome.BAD, dialog.outcomeProperty().get());
            assertTrue(dialog.resultProperty().get().startsWith("Timeout"), dialog.resultProperty().get());
        }
    }

    @Test
    void theConnectionTestSaysWhenSomethingElseAnswers() throws IOException {
        com.sun.net.httpserver.HttpServer other = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        other.createContext("/", exchange -> {
            byte[] page = "<html>a shop</html>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        other.start();
        try {
            ConnectDialogModel dialog = new ConnectDialogModel(connection, tasks);
            dialog.urlProperty().set("http://127.0.0.1:" + other.getAddress().getPort());
            dialog.test();

            assertEquals(ConnectDialogModel.Outcome.BAD, dialog.outcomeProperty().get());
            assertTrue(dialog.resultProperty().get().startsWith("Not a Cohort Planner backend"),
                    dialog.resultProperty().get());
        } finally {
            other.stop(0);
        }
    }

    @Test
    void aSaveAfterAnotherPlannersChangeIsAConflictShowingTheirChange() throws Exception {
        LoopbackBackend backend = backend();
        connect(backend.url(), LoopbackBackend.KIM, false);
        Plan theirs = backend.editAs(LoopbackBackend.PARK, "Moved window",
                plan -> renameFirstCohort(plan, "55–59 (park)"));

        working.edit(renameFirstCohort(working.getPlan(), "55–59 (kim)"), PlanChange.of("kim", "Renamed cohort"));

        assertEquals(RemoteConnectionViewModel.State.CONFLICT, connection.getState());
        WorkingPlan.StoreConflict conflict = connection.conflictProperty().get();
        assertTrue(conflict.failure() instanceof BackendConflictException);
        ConflictSummary summary = connection.summary(conflict);
        assertEquals("park", summary.otherUser());
        assertEquals("Moved window", summary.otherAction());
        assertEquals(theirs.version(), summary.storedVersion());
        assertEquals(List.of("Renamed cohort"), summary.myActions());
        assertEquals("55–59 (kim)", working.getPlan().cohorts().get(0).name(), "my edit is kept on screen");
        assertEquals("55–59 (park)", backend.stored(LoopbackBackend.CHOI).cohorts().get(0).name(),
                "nothing was overwritten");
    }

    @Test
    void reloadingTheirsDropsMyEditAndShowsTheirPlan() throws Exception {
        LoopbackBackend backend = backend();
        connect(backend.url(), LoopbackBackend.KIM, false);
        Plan theirs = backend.editAs(LoopbackBackend.PARK, "Renamed", plan -> renameFirstCohort(plan, "park's"));
        working.edit(renameFirstCohort(working.getPlan(), "kim's"), PlanChange.of("kim", "Renamed"));

        connection.reloadTheirs();

        assertEquals(RemoteConnectionViewModel.State.CONNECTED, connection.getState());
        assertNull(connection.conflictProperty().get());
        assertEquals(theirs, working.getPlan());
        assertEquals(theirs, backend.stored(LoopbackBackend.CHOI));
    }

    @Test
    void reapplyingMineKeepsTheirChangeAndSavesMineOnTop() throws Exception {
        LoopbackBackend backend = backend();
        connect(backend.url(), LoopbackBackend.KIM, false);
        Plan theirs = backend.editAs(LoopbackBackend.PARK, "Renamed second cohort",
                plan -> plan.withCohort(plan.cohorts().get(1).withName("second (park)")));
        working.edit(renameFirstCohort(working.getPlan(), "first (kim)"), PlanChange.of("kim", "Renamed first"));

        connection.reapplyMine();

        assertEquals(RemoteConnectionViewModel.State.CONNECTED, connection.getState());
        Plan stored = backend.stored(LoopbackBackend.CHOI);
        assertEquals("first (kim)", stored.cohorts().get(0).name());
        assertEquals("second (park)", stored.cohorts().get(1).name());
        assertEquals(theirs.version() + 1, stored.version());
        // The stored version is published apart from the shown plan, so that a save does not notify every screen again.
        assertTrue(WorkingPlan.sameContent(stored, working.getPlan()));
        assertEquals(stored.version(), working.getStoredVersion());
        assertTrue(backend.server.plans().snapshot().version() > theirs.version());
    }

    @Test
    void aBackendThatGoesAwayKeepsTheEditsAndRetryingSavesThemWhenItIsBack() throws Exception {
        String database = "jdbc:h2:" + folder.resolve("backend").toAbsolutePath() + ";WRITE_DELAY=0";
        LoopbackBackend first = backend(database, 0);
        int port = first.server.port();
        connect(first.url(), LoopbackBackend.KIM, false);
        first.close();
        backends.remove(first);

        working.edit(renameFirstCohort(working.getPlan(), "kept while offline"), PlanChange.of("kim", "Renamed"));

        assertEquals(RemoteConnectionViewModel.State.OFFLINE, connection.getState());
        assertTrue(connection.statusTextProperty().get().contains("offline"), connection.statusTextProperty().get());
        assertEquals("kept while offline", working.getPlan().cohorts().get(0).name());
        connection.saveToFile();
        assertEquals(1, savesToFile.get());

        LoopbackBackend again = backend(database, port);
        connection.retry();

        assertEquals(RemoteConnectionViewModel.State.CONNECTED, connection.getState());
        assertEquals("kept while offline", again.stored(LoopbackBackend.CHOI).cohorts().get(0).name());
    }

    @Test
    void disconnectingWithEditsTheBackendHasNotTakenAsksFirst() {
        LoopbackBackend backend = backend();
        connect(backend.url(), LoopbackBackend.KIM, false);
        backend.close();
        backends.remove(backend);
        working.edit(renameFirstCohort(working.getPlan(), "not on the backend"), PlanChange.of("kim", "Renamed"));
        dialogs.answer(false);

        connection.disconnect();

        assertEquals(1, dialogs.confirmations.size());
        assertNotEquals(RemoteConnectionViewModel.State.LOCAL, connection.getState());
        assertEquals("not on the backend", working.getPlan().cohorts().get(0).name());
    }
}
