package org.cohortplanner.planning;

/**
 * Shares a whole number of people out in proportion to weights so that the shares add up exactly to the total
 * (largest remainder: everyone gets the whole part of their quota, the people left over go one each to the largest
 * fractions, earlier shares first on a tie).
 */
public final class Apportionment {
    private Apportionment() {
    }

    /**
     * People per share, in the order of {@code weights}; the sum is {@code total}. When every weight is zero the
     * people are shared as if all weights were equal.
     */
    public static long[] largestRemainder(long total, double[] weights) {
        if (total < 0) {
            throw new IllegalArgumentException("people to share must not be negative, got " + total);
        }
        if (weights.length == 0) {
            throw new IllegalArgumentException("people must be shared among at least one part");
        }
        double weightSum = 0;
        for (double weight : weights) {
            if (!Double.isFinite(weight) || weight < 0) {
                throw new IllegalArgumentException("a weight must be a number not below 0, got " + weight);
            }
            weightSum += weight;
        }
        int count = weights.length;
        long[] shares = new long[count];
        double[] fractions = new double[count];
        long given = 0;
        for (int i = 0; i < count; i++) {
            double quota = weightSum == 0 ? (double) total / count : total * (weights[i] / weightSum);
            shares[i] = Math.min((long) Math.floor(quota), total - given);
            fractions[i] = quota - shares[i];
            given += shares[i];
        }
        long left = total - given;
        while (left > 0) {
            int largest = 0;
            for (int i = 1; i < count; i++) {
                if (fractions[i] > fractions[largest]) {
                    largest = i;
                }
            }
            shares[largest]++;
            fractions[largest] = -1;
            left--;
            if (left > 0 && allTaken(fractions)) {
                for (int i = 0; i < count; i++) {
                    fractions[i] = weights[i];
                }
            }
        }
        return shares;
    }

    private static boolean allTaken(double[] fractions) {
        for (double fraction : fractions) {
            if (fraction >= 0) {
                return false;
            }
        }
        return true;
    }
}
