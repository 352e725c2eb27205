package org.cohortplanner.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cohortplanner.domain.Overload;
import org.cohortplanner.domain.QueueOrder;
import org.cohortplanner.work.Cancellation;
import org.cohortplanner.work.CancelledException;
import org.cohortplanner.work.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BookingNightSimulatorTest {
    private final BookingNightModel fast = new BookingNightSimulator();

    static Stream<Arguments> models() {
        return Stream.of(Arguments.of(new BookingNightSimulator()), Arguments.of(new EventListBookingNightSimulator()));
    }

    static Stream<Arguments> nightsAndModels() {
        BookingNightParameters busy = Nights.busyNight();
        List<BookingNightParameters> nights = List.of(busy, busy.withWaitingRoom(false, 0, QueueOrder.FIFO),
                busy.withBookingLimit(5_000), busy.withPatience(Patience.fixed(30)),
                busy.withServiceTime(ServiceTime.logNormal(4, 1.2)).withWaitingRoom(true, 50, QueueOrder.RANDOM));
        List<Arguments> all = new ArrayList<>();
        for (BookingNightParameters night : nights) {
            all.add(Arguments.of(new BookingNightSimulator(), night));
            all.add(Arguments.of(new EventListBookingNightSimulator(), night));
        }
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("nightsAndModels")
    void everyPersonEndsBookedGaveUpStillTryingOrTurnedAway(BookingNightModel model, BookingNightParameters night) {
        BookingNightResult result = model.run(night, 11);
        assertEquals(result.people(),
                result.booked() + result.gaveUp() + result.stillTryingAtClose() + result.turnedAway());
        assertTrue(result.booked() <= result.gotThrough());
        assertEquals(result.booked(), result.perMinute().stream().mapToLong(BookingNightResult.MinuteFigures::bookings)
                .sum());
        assertEquals(result.gotThrough(),
                result.perMinute().stream().mapToLong(BookingNightResult.MinuteFigures::admitted).sum());
    }

    @ParameterizedTest
    @MethodSource("models")
    void theSameSeedGivesTheSameNight(BookingNightModel model) {
        BookingNightResult first = model.run(Nights.busyNight(), 42);
        BookingNightResult again = model.run(Nights.busyNight(), 42);
        assertEquals(first, again);
        assertFalse(first.equals(model.run(Nights.busyNight(), 43)), "another seed, another night");
    }

    @ParameterizedTest
    @MethodSource("models")
    void bookingIsSuspendedWhenTheWindowsAppointmentsAreBooked(BookingNightModel model) {
        BookingNightResult result = model.run(Nights.busyNight().withBookingLimit(5_000), 3);
        assertTrue(result.suspended());
        assertEquals(5_000, result.booked());
        assertEquals(result.people() - 5_000 - result.gaveUp(), result.turnedAway());
        assertEquals(0, result.stillTryingAtClose());
        assertTrue(result.suspendedAtMinute() > 0 && result.suspendedAtMinute() < 240);
        assertEquals(Nights.OPENS.plusSeconds(Math.round(result.suspendedAtMinute() * 60)),
                result.suspendedAt().orElseThrow());
        int after = (int) Math.ceil(result.suspendedAtMinute()) + 1;
        assertTrue(result.perMinute().subList(after, 240).stream().allMatch(m -> m.bookings() == 0 && m.arrivals() == 0),
                "nothing happens after the suspension");
    }

    @Test
    void aLimitAboveTheDemandNeverSuspends() {
        BookingNightResult result = fast.run(Nights.busyNight().withBookingLimit(20_000), 3);
        assertFalse(result.suspended());
        assertTrue(result.suspendedAt().isEmpty());
        assertEquals(0, result.turnedAway());
    }

    @Test
    void aWindowWithNoAppointmentsTurnsEveryoneAway() {
        BookingNightResult result = fast.run(Nights.busyNight().withBookingLimit(0), 3);
        assertTrue(result.suspended());
        assertEquals(0, result.suspendedAtMinute());
        assertEquals(result.people(), result.turnedAway());
    }

    @Test
    void moreCapacityShortensWaits() {
        BookingNightResult base = fast.run(Nights.busyNight(), 5);
        BookingNightResult doubled = fast.run(Nights.busyNight().withCapacityScaled(2), 5);
        assertTrue(doubled.waits().p95Minutes() < base.waits().p95Minutes() / 1.5,
                base.waits() + " vs " + doubled.waits());
        assertTrue(doubled.minutesTo90() < base.minutesTo90());
    }

    @Test
    void theCapacityChangeTakesEffectAtItsMinute() {
        BookingNightParameters night = Nights.busyNight().withPatience(Patience.unlimited()).withRetries(0, 0);
        BookingNightResult result = fast.run(night, 5);
        long before = result.perMinute().get(85).active();
        long after = result.perMinute().get(95).active();
        assertTrue(before <= 200 && after > 200, "active " + before + " then " + after);
    }

    @Test
    void withoutAWaitingRoomDuplicateSessionsFailAndFewerGetThrough() {
        BookingNightParameters withRoom = Nights.busyNight();
        BookingNightParameters without = withRoom.withWaitingRoom(false, 0, QueueOrder.FIFO);
        BookingNightResult room = fast.run(withRoom, 9);
        BookingNightResult crash = fast.run(without, 9);
        assertEquals(0, Nights.failures(room));
        assertTrue(Nights.failures(crash) > crash.people(), "failed sessions " + Nights.failures(crash));
        assertTrue(crash.booked() < room.booked(), crash.booked() + " vs " + room.booked());
        assertTrue(crash.sessions() > room.sessions(), "retries add load");
    }

    @Test
    void moreDevicesPerPersonDoNotMakePeoplePersistLongerOnlyAddLoad() {
        BookingNightParameters oneDevice = Nights.busyNight().withWaitingRoom(false, 0, QueueOrder.FIFO)
                .withRetries(0.8, 5).withAccessMultiplier(1);
        BookingNightParameters manyDevices = oneDevice.withAccessMultiplier(6.7);
        for (BookingNightModel model : List.of(fast, new EventListBookingNightSimulator())) {
            BookingNightResult one = model.run(oneDevice, 4);
            BookingNightResult many = model.run(manyDevices, 4);
            assertTrue(one.gaveUp() > 0.05 * one.people(), "an overloaded night without a room: " + one.gaveUp());
            assertTrue(many.gaveUp() >= one.gaveUp(), "gave up " + many.gaveUp() + " vs " + one.gaveUp());
            assertTrue(many.booked() <= one.booked(), "booked " + many.booked() + " vs " + one.booked());
            assertTrue(many.sessions() > 4 * one.sessions(), many.sessions() + " vs " + one.sessions());
            double attemptsAtMost = 1 / (1 - oneDevice.retryProbability());
            assertTrue(many.sessions() < many.people() * 6.7 * attemptsAtMost,
                    "a person tires after 1 / (1 − r) attempts on average: " + many.sessions());
        }
    }

    private static BookingNightParameters overloadedNight(double devices) {
        return Nights.busyNight().withWaitingRoom(false, 0, QueueOrder.FIFO).withRetries(0.8, 5)
                .withAccessMultiplier(devices).withOverload(new Overload(600, 30, 10));
    }

    @Test
    void pastItsConnectionsTheSystemCrashesAndServesNobodyUntilItHasRestarted() {
        for (BookingNightModel model : List.of(fast, new EventListBookingNightSimulator())) {
            BookingNightResult result = model.run(overloadedNight(2.5), 3);
            assertFalse(result.outages().isEmpty(), model.getClass().getSimpleName());
            for (BookingNightResult.Outage outage : result.outages()) {
                assertEquals(Math.min(240, outage.fromMinute() + 10), outage.toMinute(), 1e-9);
                for (int minute = (int) outage.fromMinute() + 1; minute < (int) outage.toMinute(); minute++) {
                    BookingNightResult.MinuteFigures figures = result.perMinute().get(minute);
                    assertEquals(0, figures.admitted(), "minute " + minute);
                    assertEquals(0, figures.active(), "minute " + minute);
                    assertEquals(figures.arrivals(), figures.failures(), "every request fails, minute " + minute);
                }
            }
            assertEquals(result.people(), result.booked() + result.gaveUp() + result.stillTryingAtClose());
            assertTrue(model.run(overloadedNight(2.5).withOverload(Overload.NONE), 3).outages().isEmpty());
        }
    }

    @Test
    void onAnOverloadedSystemMoreDevicesPerPersonMakeTheNightWorseForEveryone() {
        for (BookingNightModel model : List.of(fast, new EventListBookingNightSimulator())) {
            BookingNightResult one = model.run(overloadedNight(1), 3);
            BookingNightResult many = model.run(overloadedNight(6.7), 3);
            assertTrue(many.booked() < 0.8 * one.booked(), many.booked() + " vs " + one.booked());
            assertTrue(many.gaveUp() > one.gaveUp(), many.gaveUp() + " vs " + one.gaveUp());
            assertTrue(many.outages().size() > one.outages().size());
        }
    }

    @Test
    void extraServersAtTheirMinuteEndTheCrashesThatOtherwiseGoOnAllNight() {
        BookingNightParameters withServers = overloadedNight(6.7);
        BookingNightParameters without = withServers.withCapacity(200, List.of());
        for (BookingNightModel model : List.of(fast, new EventListBookingNightSimulator())) {
            BookingNightResult served = model.run(withServers, 3);
            BookingNightResult crashing = model.run(without, 3);
            assertTrue(served.outages().stream().allMatch(o -> o.fromMinute() < 150), served.outages().toString());
            assertTrue(crashing.outages().stream().anyMatch(o -> o.fromMinute() > 200));
            assertTrue(served.booked() > 10 * crashing.booked(), served.booked() + " vs " + crashing.booked());
        }
    }

    @Test
    void theWaitingRoomLetsInAtMostItsQuotaAMinute() {
        BookingNightParameters night = Nights.busyNight().withWaitingRoom(true, 40, QueueOrder.FIFO);
        for (BookingNightModel model : List.of(fast, new EventListBookingNightSimulator())) {
            BookingNightResult result = model.run(night, 2);
            assertTrue(result.perMinute().stream().allMatch(m -> m.admitted() <= 40));
            assertTrue(result.perMinute().stream().anyMatch(m -> m.admitted() == 40));
        }
    }

    @Test
    void theBurstBringsMostFirstAttemptsEarly() {
        BookingNightResult burst = fast.run(Nights.busyNight(), 1);
        BookingNightResult flat = fast.run(Nights.busyNight().withArrivals(ArrivalProfile.uniform()), 1);
        long burstFirstHour = burst.perMinute().subList(0, 60).stream()
                .mapToLong(BookingNightResult.MinuteFigures::arrivals).sum();
        long flatFirstHour = flat.perMinute().subList(0, 60).stream()
                .mapToLong(BookingNightResult.MinuteFigures::arrivals).sum();
        assertTrue(burstFirstHour > 2 * flatFirstHour, burstFirstHour + " vs " + flatFirstHour);
    }

    @Test
    void positionEstimatesAreShownAtTheLongestQueue() {
        BookingNightResult result = fast.run(Nights.busyNight().withPatience(Patience.unlimited()), 1);
        assertFalse(result.positionEstimates().isEmpty());
        BookingNightResult.PositionEstimate last =
                result.positionEstimates().get(result.positionEstimates().size() - 1);
        assertEquals(result.peakQueue(), last.position());
        assertEquals(result.shownWaitMinutes(last.atMinute(), last.position()), last.shownMinutes(), 1e-9);
        assertTrue(last.actualMinutes() > 0);
    }

    @Test
    void bookingMilestonesComeInOrder() {
        BookingNightResult result = fast.run(Nights.busyNight(), 1);
        assertTrue(result.minutesTo50() <= result.minutesTo90());
        assertTrue(result.minutesTo90() <= result.minutesTo99());
        assertTrue(result.waits().p50Minutes() <= result.waits().p95Minutes());
        assertTrue(result.waits().p95Minutes() <= result.waits().maxMinutes());
    }

    @ParameterizedTest
    @MethodSource("models")
    void aCancelledRunStopsWithoutAResult(BookingNightModel model) {
        Cancellation token = new Cancellation();
        List<Double> seen = new ArrayList<>();
        Progress<Void> cancelHalfway = (done, step) -> {
            seen.add(done);
            if (done > 0.3) {
                token.cancel();
            }
        };
        assertThrows(CancelledException.class,
                () -> model.run(Nights.busyNight().withArrivals(ArrivalProfile.uniform()), 1, cancelHalfway, token));
        assertTrue(seen.get(seen.size() - 1) < 1);
    }

    @Test
    void progressRisesToOne() {
        List<Double> seen = new ArrayList<>();
        fast.run(Nights.busyNight(), 1, (done, step) -> seen.add(done), Cancellation.never());
        assertEquals(1.0, seen.get(seen.size() - 1));
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) >= seen.get(i - 1));
        }
    }

    @Test
    void parametersRefuseWhatCannotBeSimulated() {
        BookingNightParameters night = Nights.busyNight();
        assertThrows(IllegalArgumentException.class, () -> night.withPeople(-1));
        assertThrows(IllegalArgumentException.class, () -> night.withAccessMultiplier(0.5));
        assertThrows(IllegalArgumentException.class, () -> night.withStepSeconds(120));
        assertThrows(IllegalArgumentException.class, () -> night.withWaitingRoom(true, 0, QueueOrder.FIFO));
        assertThrows(IllegalArgumentException.class, () -> night.withRetries(1.5, 1));
        assertThrows(IllegalArgumentException.class, () -> new SlotChange(-1, 10));
    }
}
