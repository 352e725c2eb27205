package org.cohortplanner.planning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ApportionmentTest {

    @Test
    void givesTheLeftOverPeopleToTheLargestFractions() {
        assertArrayEquals(new long[] {4, 3, 3}, Apportionment.largestRemainder(10, new double[] {1, 1, 1}));
        assertArrayEquals(new long[] {1, 3, 3}, Apportionment.largestRemainder(7, new double[] {1.2, 2.7, 3.1}));
    }

    @Test
    void sharesEquallyWhenNoPartWeighsAnything() {
        assertArrayEquals(new long[] {2, 2, 1}, Apportionment.largestRemainder(5, new double[] {0, 0, 0}));
    }

    @Test
    void sharesAlwaysAddUpAndStayWithinOneOfTheQuota() {
        Random random = new Random(20210719);
        for (int round = 0; round < 5_000; round++) {
            int parts = 1 + random.nextInt(12);
            double[] weights = new double[parts];
            double sum = 0;
            for (int i = 0; i < parts; i++) {
                weights[i] = random.nextInt(4) == 0 ? 0 : random.nextDouble() * 1_000_000;
                sum += weights[i];
            }
            long total = random.nextInt(3) == 0 ? random.nextInt(20) : random.nextInt(20_000_000);
            long[] shares = Apportionment.largestRemainder(total, weights);
            long given = 0;
            for (int i = 0; i < parts; i++) {
                double quota = sum == 0 ? (double) total / parts : total * weights[i] / sum;
                assertTrue(shares[i] >= Math.floor(quota) - 1e-6 && shares[i] <= Math.ceil(quota) + 1e-6,
                        "share " + shares[i] + " for quota " + quota);
                given += shares[i];
            }
            assertEquals(total, given);
        }
    }

    @Test
    void refusesNegativePeopleAndNoParts() {
        assertThrows(IllegalArgumentException.class, () -> Apportionment.largestRemainder(-1, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Apportionment.largestRemainder(1, new double[0]));
    }
}
