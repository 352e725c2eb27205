package org.cohortplanner.ui.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.cohortplanner.backend.BackendConfig;
import org.cohortplanner.backend.BackendServer;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.ui.InMemoryPlanStore;
import org.cohortplanner.ui.ScriptedDialogs;
import org.cohortplanner.ui.common.DirectTaskRunner;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.common.WorkingPlan;
import org.junit.jupiter.api.Test;

/** The live booking night: the backend's minutes of the open window beside the simulation of the same window. */
class LiveNightViewModelTest {
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final LocalDateTime FIVE_PAST_OPENING = LocalDateTime.of(2021, 7, 19, 20, 5);

    private final Plan sample = LoopbackBackend.sample();
    private final DirectTaskRunner tasks = new DirectTaskRunner();
    private final Texts texts = Texts.of(LiveNightViewModel.class, Locale.ENGLISH);
    private final InMemoryPlanStore localStore = new InMemoryPlanStore(sample);
    private final PlanStoreSwitch stores = new PlanStoreSwitch(localStore);
    private final WorkingPlan working = new WorkingPlan(stores, tasks, sample);
    private final RemoteConnectionViewModel connection = new RemoteConnectionViewModel(stores, working, tasks,
            new ScriptedDialogs(), BackendSettings.inMemory(), LoopbackBackend::open, "kim",
            Texts.of(RemoteConnectionViewModel.class, Locale.ENGLISH), () -> { });
    private final LiveNightViewModel live = new LiveNightViewModel(connection, working, tasks, texts);

    @Test
    void withoutABackendItSaysHowToConnect() {
        live.poll();

        assertTrue(live.problemProperty().get().startsWith("Not connected"), live.problemProperty().get());
        assertEquals(List.of(), live.liveProperty().get());
    }

    @Test
    void showsTheOpenWindowsBookingsBesideTheSimulationOfTheSameWindow() throws Exception {
        Clock nightClock = Clock.fixed(FIVE_PAST_OPENING.atZone(SEOUL).toInstant(), SEOUL);
        try (BackendServer server = BackendServer.start(BackendConfig.loopback(
                "jdbc:h2:mem:live-" + UUID.randomUUID(), LoopbackBackend.TOKENS, sample).withClock(nightClock))) {
            for (String birthDate : List.of("1968-03-15", "1969-11-02", "1970-06-30")) {
                book(server.url(), birthDate);
            }
            connection.connect(server.url(), LoopbackBackend.CHOI, false, worked -> assertTrue(worked));

            live.poll();

            assertEquals("", live.problemProperty().get());
            assertEquals("c50-54", live.windowProperty().get().id(), "the window open now is chosen");
            LiveNightViewModel.Point fifthMinute = live.liveProperty().get().stream()
                    .filter(point -> point.minute() == 5).findFirst().orElseThrow();
            assertEquals(3, fifthMinute.booked());
            assertTrue(live.summaryProperty().get().startsWith("Booked 3 of "), live.summaryProperty().get());
            List<LiveNightViewModel.Point> predicted = live.predictedProperty().get();
            assertFalse(predicted.isEmpty());
            assertEquals(0, predicted.get(0).minute());
            assertTrue(predicted.stream().mapToLong(LiveNightViewModel.Point::booked).sum() > 0);
            assertTrue(live.predictionSummaryProperty().get().startsWith("Simulation for the same window"),
                    live.predictionSummaryProperty().get());
        }
    }

    private static void book(String url, String birthDate) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url + "/api/v1/bookings")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"personId\": \"P-" + java.util.UUID.randomUUID()
                        + "\", \"birthDate\": \"" + birthDate
                        + "\", \"region\": \"Seoul\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, answer.statusCode(), answer.body());
    }
}
