package org.cohortplanner.planning.slip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SwapOptimiserTest {

    /** The least W · uncovered + changes over every whole-people assignment. */
    private static double bruteForce(SwapProblem problem) {
        List<int[]> cells = new ArrayList<>();
        for (int o = 0; o < problem.options().size(); o++) {
            for (int d = 0; d < problem.days(); d++) {
                if (problem.shortPeople()[problem.options().get(o).cohort()][d] > 0) {
                    cells.add(new int[] {o, d});
                }
            }
        }
        return search(problem, cells, 0, new double[problem.options().size()][problem.days()]);
    }

    private static double search(SwapProblem problem, List<int[]> cells, int next, double[][] moved) {
        if (next == cells.size()) {
            return objective(problem, moved);
        }
        int[] cell = cells.get(next);
        int most = (int) problem.shortPeople()[problem.options().get(cell[0]).cohort()][cell[1]];
        double best = Double.POSITIVE_INFINITY;
        for (int people = 0; people <= most; people++) {
            moved[cell[0]][cell[1]] = people;
            best = Math.min(best, search(problem, cells, next + 1, moved));
        }
        moved[cell[0]][cell[1]] = 0;
        return best;
    }

    private static double objective(SwapProblem problem, double[][] moved) {
        int days = problem.days();
        double uncovered = 0;
        for (int c = 0; c < problem.cohorts(); c++) {
            for (int d = 0; d < days; d++) {
                double covered = 0;
                for (int o = 0; o < problem.options().size(); o++) {
                    if (problem.options().get(o).cohort() == c) {
                        covered += moved[o][d];
                    }
                }
                if (covered > problem.shortPeople()[c][d]) {
                    return Double.POSITIVE_INFINITY;
                }
                uncovered += problem.shortPeople()[c][d] - covered;
            }
        }
        for (int b = 0; b < problem.brands(); b++) {
            for (int t = 0; t < days; t++) {
                double doses = 0;
                double people = 0;
                for (int o = 0; o < problem.options().size(); o++) {
                    if (problem.options().get(o).brand() != b) {
                        continue;
                    }
                    for (int d = 0; d <= t; d++) {
                        doses += problem.dosesTaken(b, d, t) * moved[o][d];
                    }
                    people += moved[o][t];
                }
                if (doses > problem.headroom()[b][t] || people > problem.capacity()[b][t]) {
                    return Double.POSITIVE_INFINITY;
                }
            }
        }
        int changes = 0;
        for (double[] option : moved) {
            double total = 0;
            for (double day : option) {
                total += day;
            }
            changes += total > 0 ? 1 : 0;
        }
        return (problem.options().size() + 1.0) * uncovered + changes;
    }

    private static SwapProblem randomProblem(Random random) {
        int cohorts = 2;
        int brands = 3;
        int days = 3;
        double[][] shortPeople = new double[cohorts][days];
        for (int c = 0; c < cohorts; c++) {
            for (int d = 0; d < days; d++) {
                shortPeople[c][d] = random.nextInt(3);
            }
        }
        List<SwapProblem.Option> options = new ArrayList<>();
        for (int c = 0; c < cohorts; c++) {
            for (int b = 1; b < brands; b++) {
                if (random.nextDouble() < 0.7) {
                    options.add(new SwapProblem.Option(c, b));
                }
            }
        }
        double[][] headroom = new double[brands][days];
        double[][] capacity = new double[brands][days];
        int[] dosesAtFirst = new int[brands];
        int[] laterDoseAfter = new int[brands];
        for (int b = 0; b < brands; b++) {
            for (int d = 0; d < days; d++) {
                headroom[b][d] = random.nextInt(7);
                capacity[b][d] = random.nextInt(4);
            }
            dosesAtFirst[b] = 1 + random.nextInt(2);
            laterDoseAfter[b] = dosesAtFirst[b] == 2 ? -1 : random.nextInt(2) - 1 + random.nextInt(2);
        }
        return new SwapProblem(shortPeople, options, headroom, capacity, dosesAtFirst, laterDoseAfter);
    }

    @Test
    void solverFindsTheSameOptimumAsTryingEveryAssignment() {
        Random random = new Random(20210726);
        for (int round = 0; round < 60; round++) {
            SwapProblem problem = randomProblem(random);
            SwapPlan plan = SwapOptimiser.solve(problem, true);
            double solved = (problem.options().size() + 1.0) * plan.uncovered() + plan.changes();
            assertEquals(bruteForce(problem), solved, 1e-6, "round " + round);
        }
    }

    @Test
    void oneBrandThatCoversEveryoneBeatsTwoThatShareTheWork() {
        double[][] shortPeople = {{2, 2}};
        List<SwapProblem.Option> options = List.of(new SwapProblem.Option(0, 1), new SwapProblem.Option(0, 2));
        double[][] headroom = {{0, 0}, {4, 4}, {4, 4}};
        double[][] capacity = {{0, 0}, {5, 5}, {5, 5}};
        SwapPlan plan = SwapOptimiser.solve(new SwapProblem(shortPeople, options, headroom, capacity,
                new int[] {1, 1, 1}, new int[] {-1, -1, -1}), false);

        assertEquals(0, plan.uncovered(), 1e-6);
        assertEquals(1, plan.changes());
        assertEquals(4, plan.peopleMoved(), 1e-6);
    }

    @Test
    void heldSecondDosesHalveWhatASpareStockCanCover() {
        double[][] shortPeople = {{10}};
        List<SwapProblem.Option> options = List.of(new SwapProblem.Option(0, 1));
        SwapPlan plan = SwapOptimiser.solve(new SwapProblem(shortPeople, options, new double[][] {{0}, {8}},
                new double[][] {{0}, {100}}, new int[] {2, 2}, new int[] {-1, -1}), false);

        assertEquals(4, plan.peopleMoved(), 1e-6);
        assertEquals(6, plan.uncovered(), 1e-6);
    }
}
