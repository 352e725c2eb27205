package org.cohortplanner.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QueueingFormulasTest {

    /** (a^c / c!) / Σ a^k / k!, summed directly: fine for the small c of these checks. */
    private static double erlangBBySum(int c, double a) {
        double term = 1;
        double sum = 1;
        for (int k = 1; k <= c; k++) {
            term *= a / k;
            sum += term;
        }
        return term / sum;
    }

    /** Erlang C from its textbook definition with the sum. */
    private static double erlangCBySum(int c, double a) {
        double term = 1;
        double sum = 1;
        for (int k = 1; k < c; k++) {
            term *= a / k;
            sum += term;
        }
        double top = term * a / c * c / (c - a);
        return top / (sum + top);
    }

    @Test
    void erlangBMatchesTheDirectSumAndTheTableValue() {
        assertEquals(0.018385, QueueingFormulas.erlangB(10, 5), 1e-6);
        for (int c = 1; c <= 30; c += 7) {
            for (double a : new double[] {0.5, 3, 12, 40}) {
                assertEquals(erlangBBySum(c, a), QueueingFormulas.erlangB(c, a), 1e-12, "c=" + c + " a=" + a);
            }
        }
    }

    @Test
    void erlangCMatchesItsDefinition() {
        for (int c = 1; c <= 40; c += 3) {
            for (double rho : new double[] {0.2, 0.7, 0.95}) {
                double a = rho * c;
                assertEquals(erlangCBySum(c, a), QueueingFormulas.erlangC(c, a), 1e-12, "c=" + c + " a=" + a);
            }
        }
    }

    @Test
    void mmcMeanWaitIsWaitingProbabilityOverSpareCapacity() {
        QueueingFormulas.QueueFigures figures = QueueingFormulas.mmc(10, 8, 1);
        assertEquals(figures.waitingProbability() / (10 - 8), figures.meanWaitMinutes(), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, QueueingFormulas.mmc(10, 12, 1).meanWaitMinutes());
        assertEquals(1, QueueingFormulas.mmc(10, 12, 1).waitingProbability());
    }

    @Test
    void formulasStayFiniteForANationalBookingSystem() {
        double c = QueueingFormulas.erlangC(25_000, 24_900);
        assertTrue(c > 0 && c < 1, "Erlang C " + c);
        QueueingFormulas.QueueFigures a = QueueingFormulas.erlangA(25_000, 10_000, 5, 60);
        assertTrue(a.abandonmentShare() > 0.5 && a.abandonmentShare() < 0.6, "abandonment " + a.abandonmentShare());
        assertTrue(Double.isFinite(a.meanWaitMinutes()));
    }

    @Test
    void erlangAOfOneServerWithEqualRatesIsAPoissonChain() {
        // With c = 1 and λ = μ = θ = 1 the death rate in state n is n, so the states are Poisson(1):
        // P(wait) = P(N ≥ 1) = 1 − 1/e and E[queue] = E[(N − 1)+] = 1/e, which is also the abandonment share.
        QueueingFormulas.QueueFigures figures = QueueingFormulas.erlangA(1, 1, 1, 1);
        assertEquals(1 - Math.exp(-1), figures.waitingProbability(), 1e-12);
        assertEquals(Math.exp(-1), figures.abandonmentShare(), 1e-12);
        assertEquals(Math.exp(-1), figures.meanWaitMinutes(), 1e-12);
    }

    @Test
    void erlangAWithVeryPatientPeopleApproachesErlangC() {
        QueueingFormulas.QueueFigures patient = QueueingFormulas.erlangA(10, 8, 1, 1e7);
        QueueingFormulas.QueueFigures c = QueueingFormulas.mmc(10, 8, 1);
        assertEquals(c.waitingProbability(), patient.waitingProbability(), 1e-5);
        assertEquals(c.meanWaitMinutes(), patient.meanWaitMinutes(), 1e-5);
        assertEquals(0, patient.abandonmentShare(), 1e-6);
    }

    @Test
    void erlangAOverloadedAbandonsAboutTheExcess() {
        // 150 a minute on 100 slots of 1 minute: in the many-server limit the excess third gives up.
        QueueingFormulas.QueueFigures figures = QueueingFormulas.erlangA(100, 150, 1, 10);
        assertEquals(1.0 / 3, figures.abandonmentShare(), 0.01);
        assertEquals(1, figures.waitingProbability(), 1e-3);
    }

    @Test
    void shownWaitIsPositionOverAdmissionRate() {
        assertEquals(401_032 / 60.0, QueueingFormulas.shownWaitMinutes(401_032, 60), 1e-9);
        assertEquals(0, QueueingFormulas.shownWaitMinutes(0, 60));
        assertEquals(Double.POSITIVE_INFINITY, QueueingFormulas.shownWaitMinutes(5, 0));
    }

    @Test
    void impossibleInputsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> QueueingFormulas.erlangB(0, 1));
        assertThrows(IllegalArgumentException.class, () -> QueueingFormulas.erlangC(3, -1));
        assertThrows(IllegalArgumentException.class, () -> QueueingFormulas.erlangA(3, 1, 1, 0));
    }
}
