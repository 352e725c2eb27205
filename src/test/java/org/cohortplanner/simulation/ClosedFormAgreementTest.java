package org.cohortplanner.simulation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import org.cohortplanner.domain.QueueOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fast model against the closed forms on stationary nights.
 *
 * <p>Tolerances: each figure is averaged over 6 independent nights (seeds 1–6) whose spread gives a standard error;
 * the model passes when it lies within 4.03 standard errors — the two-sided 99 % quantile of Student's t with 5
 * degrees of freedom — plus an allowance for what the time step itself changes. That allowance is derived, not
 * tuned: with a step of 1/50 of the mean time between session ends at full load, an arrival that the continuous
 * model would make wait for a slot freed later in the same step is counted as not waiting, which happens to about
 * half of the 1/50 of waiting arrivals whose step sees a session end: at most 1 % of the waiting probability, and the
 * same relative share of the mean wait. The nights start empty; at 2,000 minutes they run hundreds of times longer
 * than these queues take to settle, so the start-up bias is far below the standard error.
 */
class ClosedFormAgreementTest {
    private static final double STANDARD_ERRORS = 4.03;
    private static final int NIGHTS = 6;
    private final BookingNightModel model = new BookingNightSimulator();

    @ParameterizedTest(name = "M/M/{0}, {1} a minute, sessions of {2} min")
    @CsvSource({"10, 8, 1, 2000", "4, 3.4, 2, 3000", "40, 36, 1, 800"})
    void waitingProbabilityAndMeanWaitMatchErlangC(int slots, double perMinute, double meanService, double minutes) {
        BookingNightParameters night = Nights.stationary(slots, perMinute, meanService, Patience.unlimited(),
                minutes);
        QueueingFormulas.QueueFigures exact = QueueingFormulas.mmc(slots, perMinute, meanService);
        List<BookingNightResult> runs = Nights.nights(model, night, NIGHTS);

        Nights.Replicated waiting = Nights.replicate(runs, r -> r.waits().shareWaited());
        Nights.Replicated meanWait = Nights.replicate(runs, r -> r.waits().meanMinutes());

        assertTrue(waiting.agreesWith(exact.waitingProbability(), STANDARD_ERRORS,
                0.01 * exact.waitingProbability()), "waiting probability " + waiting + " vs Erlang C "
                + exact.waitingProbability());
        assertTrue(meanWait.agreesWith(exact.meanWaitMinutes(), STANDARD_ERRORS, 0.01 * exact.meanWaitMinutes()),
                "mean wait " + meanWait + " vs Erlang C " + exact.meanWaitMinutes());
    }

    @ParameterizedTest(name = "M/M/{0}+M, {1} a minute, sessions of {2} min, patience {3} min")
    @CsvSource({"10, 10, 1, 2, 2000", "20, 25, 1, 5, 1000", "5, 4, 1, 0.5, 3000"})
    void abandonmentMatchesErlangA(int slots, double perMinute, double meanService, double patience,
                                   double minutes) {
        BookingNightParameters night = Nights.stationary(slots, perMinute, meanService,
                Patience.exponential(patience), minutes);
        QueueingFormulas.QueueFigures exact = QueueingFormulas.erlangA(slots, perMinute, meanService, patience);
        List<BookingNightResult> runs = Nights.nights(model, night, NIGHTS);

        Nights.Replicated abandonment = Nights.replicate(runs,
                r -> Nights.abandonments(r) / (double) r.people());
        Nights.Replicated waiting = Nights.replicate(runs, Nights::waitingShare);

        assertTrue(abandonment.agreesWith(exact.abandonmentShare(), STANDARD_ERRORS,
                0.01 * exact.abandonmentShare()), "abandonment " + abandonment + " vs Erlang A "
                + exact.abandonmentShare());
        assertTrue(waiting.agreesWith(exact.waitingProbability(), STANDARD_ERRORS,
                0.01 * exact.waitingProbability()), "waiting probability " + waiting + " vs Erlang A "
                + exact.waitingProbability());
    }

    @ParameterizedTest(name = "{0} slots, {1} a minute, no waiting room")
    @CsvSource({"10, 8, 1, 2000", "30, 35, 1, 800"})
    void sessionsRefusedWithoutAWaitingRoomMatchErlangB(int slots, double perMinute, double meanService,
                                                       double minutes) {
        double step = meanService * 60 / slots / 50;
        BookingNightParameters night = new BookingNightParameters("loss", LocalDateTime.of(2021, 7, 19, 20, 0),
                minutes, Math.round(perMinute * minutes), 1, ArrivalProfile.uniform(),
                ServiceTime.exponential(meanService), slots, List.of(), false, 0, QueueOrder.FIFO,
                Patience.unlimited(), 0, 0, BookingLimit.UNLIMITED, step);
        double exact = QueueingFormulas.erlangB(slots, perMinute * meanService);
        List<BookingNightResult> runs = Nights.nights(model, night, NIGHTS);

        Nights.Replicated refused = Nights.replicate(runs,
                r -> Nights.failures(r) / (double) r.sessions());

        assertTrue(refused.agreesWith(exact, STANDARD_ERRORS, 0.01 * exact),
                "refused " + refused + " vs Erlang B " + exact);
    }
}
