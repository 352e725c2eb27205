package org.cohortplanner.planning.slip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The regional optimiser against trying every whole-people answer on small cases: three regions, one day, a short
 * brand A that may be moved between regions and a spare brand B that may be given instead. The best answer leaves the
 * fewest people without a dose, then changes brands in the fewest regions, then moves the fewest people.
 */
class RegionalSwapOptimiserTest {
    private static final int REGIONS = 3;
    private static final int A = 0;
    private static final int B = 1;

    /** One small case: per region people booked for A, of them short, free A and B doses, room for B. */
    private record Case(int[] booked, int[] shortPeople, int[] freeA, int[] freeB, int[] roomB) {
        RegionalSwapProblem problem() {
            List<RegionalSwapProblem.Row> rows = new ArrayList<>();
            List<RegionalSwapProblem.Option> options = new ArrayList<>();
            double[][] bookedByDay = new double[REGIONS][1];
            double[][] shortByDay = new double[REGIONS][1];
            double[][][] headroom = new double[REGIONS][2][1];
            double[][][] capacity = new double[REGIONS][2][1];
            for (int r = 0; r < REGIONS; r++) {
                rows.add(new RegionalSwapProblem.Row(0, r, A));
                options.add(new RegionalSwapProblem.Option(r, B));
                bookedByDay[r][0] = booked[r];
                shortByDay[r][0] = shortPeople[r];
                headroom[r][A][0] = freeA[r];
                headroom[r][B][0] = freeB[r];
                capacity[r][A][0] = booked[r];
                capacity[r][B][0] = roomB[r];
            }
            return new RegionalSwapProblem(rows, bookedByDay, shortByDay, options, headroom, capacity,
                    new int[] {1, 1}, new int[] {-1, -1}, new boolean[] {true, false}, 0, 0);
        }

        /** {uncovered, regions changed, people moved} of the best whole-people answer. */
        long[] bruteForce() {
            long[] best = null;
            int[] moved = new int[REGIONS];
            int[][] sent = new int[REGIONS][REGIONS];
            return search(0, moved, sent, best);
        }

        private long[] search(int cell, int[] moved, int[][] sent, long[] best) {
            int movedCells = REGIONS;
            int pairs = REGIONS * REGIONS;
            if (cell < movedCells) {
                int most = Math.min(booked[cell], Math.min(freeB[cell], roomB[cell]));
                for (int people = 0; people <= most; people++) {
                    moved[cell] = people;
                    best = better(best, search(cell + 1, moved, sent, best));
                }
                return best;
            }
            if (cell < movedCells + pairs) {
                int from = (cell - movedCells) / REGIONS;
                int to = (cell - movedCells) % REGIONS;
                if (from == to) {
                    return search(cell + 1, moved, sent, best);
                }
                // A region can send at most the doses of A it has free or frees by a swap.
                for (int doses = 0; doses <= freeA[from] + moved[from]; doses++) {
                    sent[from][to] = doses;
                    best = better(best, search(cell + 1, moved, sent, best));
                }
                sent[from][to] = 0;
                return best;
            }
            long uncovered = 0;
            long regions = 0;
            long people = 0;
            for (int r = 0; r < REGIONS; r++) {
                long in = 0;
                long out = 0;
                for (int other = 0; other < REGIONS; other++) {
                    in += sent[other][r];
                    out += sent[r][other];
                }
                // Doses of A the region lacks after the swap and the transfers; what it has left must cover what
                // it sends.
                long lacking = shortPeople[r] - moved[r] - freeA[r] - in + out;
                if (lacking > shortPeople[r]) {
                    return best;
                }
                uncovered += Math.max(0, lacking);
                regions += moved[r] > 0 ? 1 : 0;
                people += moved[r];
            }
            return better(best, new long[] {uncovered, regions, people});
        }

        private static long[] better(long[] best, long[] candidate) {
            if (candidate == null) {
                return best;
            }
            if (best == null) {
                return candidate;
            }
            for (int i = 0; i < best.length; i++) {
                if (candidate[i] != best[i]) {
                    return candidate[i] < best[i] ? candidate : best;
                }
            }
            return best;
        }
    }

    private static Case randomCase(Random random) {
        int[] booked = new int[REGIONS];
        int[] shortPeople = new int[REGIONS];
        int[] freeA = new int[REGIONS];
        int[] freeB = new int[REGIONS];
        int[] roomB = new int[REGIONS];
        for (int r = 0; r < REGIONS; r++) {
            booked[r] = 1 + random.nextInt(2);
            shortPeople[r] = random.nextInt(booked[r] + 1);
            freeA[r] = shortPeople[r] > 0 ? 0 : random.nextInt(3);
            freeB[r] = random.nextInt(3);
            roomB[r] = random.nextInt(3);
        }
        return new Case(booked, shortPeople, freeA, freeB, roomB);
    }

    @Test
    void optimiserFindsTheSameBestAnswerAsTryingEveryOne() {
        Random random = new Random(20210726);
        int withSwap = 0;
        int withTransfer = 0;
        for (int trial = 0; trial < 120; trial++) {
            Case small = randomCase(random);
            long[] best = small.bruteForce();
            RegionalSwapPlan plan = RegionalSwapOptimiser.solve(small.problem(), true);

            String what = "case " + trial + " " + java.util.Arrays.toString(small.booked()) + " short "
                    + java.util.Arrays.toString(small.shortPeople()) + " free A "
                    + java.util.Arrays.toString(small.freeA()) + " free B " + java.util.Arrays.toString(small.freeB())
                    + " room B " + java.util.Arrays.toString(small.roomB());
            assertEquals(best[0], plan.uncovered(), 1e-6, what + ": people left without a dose");
            assertEquals(best[1], plan.regions(), what + ": regions whose brands change");
            assertEquals(best[2], plan.peopleMoved(), 1e-6, what + ": people given another brand");
            withSwap += plan.peopleMoved() > 0 ? 1 : 0;
            double sent = 0;
            for (double[] from : plan.sent()[A]) {
                for (double doses : from) {
                    sent += doses;
                }
            }
            withTransfer += sent > 0 ? 1 : 0;
        }
        // The cases are not all trivial: some need a swap, some a transfer.
        assertTrue(withSwap > 10, withSwap + " cases with a swap");
        assertTrue(withTransfer > 10, withTransfer + " cases with a transfer");
    }

    @Test
    void aRegionWithSpareStockSendsItInsteadOfSwappingBrands() {
        // Region 0 is short of 2 and could swap to B; region 1 has 2 spare doses of A: sending them changes no one.
        Case small = new Case(new int[] {2, 1, 1}, new int[] {2, 0, 0}, new int[] {0, 2, 0}, new int[] {3, 0, 0},
                new int[] {3, 0, 0});
        RegionalSwapPlan plan = RegionalSwapOptimiser.solve(small.problem(), true);
        assertEquals(0, plan.uncovered(), 1e-6);
        assertEquals(0, plan.regions());
        assertEquals(2, plan.sent()[A][1][0], 1e-6);
    }

    @Test
    void swappingInOneRegionFreesDosesForAnother() {
        // Region 0 is short of 2 and has no B; region 1 has 2 people booked for A (not short) and spare B: they get
        // B, and their 2 doses of A go to region 0 (the July 2021 Seoul-area swap in small).
        Case small = new Case(new int[] {2, 2, 1}, new int[] {2, 0, 0}, new int[] {0, 0, 0}, new int[] {0, 2, 0},
                new int[] {0, 2, 0});
        long[] best = small.bruteForce();
        assertEquals(0, best[0]);
        RegionalSwapPlan plan = RegionalSwapOptimiser.solve(small.problem(), true);
        assertEquals(0, plan.uncovered(), 1e-6);
        assertEquals(1, plan.regions());
        assertEquals(2, plan.sent()[A][1][0], 1e-6);
    }
}
