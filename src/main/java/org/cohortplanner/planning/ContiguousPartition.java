package org.cohortplanner.planning;

import java.util.Arrays;

/**
 * Cuts a row of weights (people per birth year, or per birth-day digit) into k contiguous runs that are as even as
 * possible: first the largest run is made as small as it can be (the busiest booking night is what overloads the
 * system), then, among the cuts that achieve that, the sum of squared run sizes is made smallest. On a tie the
 * earlier cut wins, so older birth years and lower digits get the smaller run.
 */
final class ContiguousPartition {
    private ContiguousPartition() {
    }

    /** The number of weights in each run, in order; {@code runs} must lie between 1 and the number of weights. */
    static int[] evenRuns(double[] weights, int runs) {
        int count = weights.length;
        if (runs < 1 || runs > count) {
            throw new IllegalArgumentException("cannot cut " + count + " groups into " + runs + " runs");
        }
        double[] prefix = new double[count + 1];
        for (int i = 0; i < count; i++) {
            prefix[i + 1] = prefix[i] + weights[i];
        }
        double tolerance = Math.max(prefix[count], 1) * 1e-9;
        double largest = smallestLargestRun(prefix, runs);
        double[][] squares = new double[runs + 1][count + 1];
        int[][] cut = new int[runs + 1][count + 1];
        for (double[] row : squares) {
            Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        squares[0][0] = 0;
        for (int run = 1; run <= runs; run++) {
            for (int end = run; end <= count - (runs - run); end++) {
                for (int start = run - 1; start < end; start++) {
                    double size = prefix[end] - prefix[start];
                    if (squares[run - 1][start] == Double.POSITIVE_INFINITY || size > largest + tolerance) {
                        continue;
                    }
                    double candidate = squares[run - 1][start] + size * size;
                    if (candidate < squares[run][end] - 1e-12 * candidate) {
                        squares[run][end] = candidate;
                        cut[run][end] = start;
                    }
                }
            }
        }
        int[] sizes = new int[runs];
        int end = count;
        for (int run = runs; run >= 1; run--) {
            int start = cut[run][end];
            sizes[run - 1] = end - start;
            end = start;
        }
        return sizes;
    }

    private static double smallestLargestRun(double[] prefix, int runs) {
        int count = prefix.length - 1;
        double[][] best = new double[runs + 1][count + 1];
        for (double[] row : best) {
            Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        best[0][0] = 0;
        for (int run = 1; run <= runs; run++) {
            for (int end = run; end <= count; end++) {
                for (int start = run - 1; start < end; start++) {
                    double candidate = Math.max(best[run - 1][start], prefix[end] - prefix[start]);
                    if (candidate < best[run][end]) {
                        best[run][end] = candidate;
                    }
                }
            }
        }
        return best[runs][count];
    }
}
