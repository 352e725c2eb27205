package org.cohortplanner.planning.slip;

import java.util.ArrayList;
import java.util.List;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * Chooses brand swaps that leave as few people as possible without a first dose and, among those, use the fewest
 * (cohort, brand) changes: a mixed-integer program solved with ojAlgo.
 *
 * <pre>
 * minimise   W · Σ uncovered[c][d] + Σ used[o]            (W = options + 1, so one person outweighs every change)
 * subject to Σ_{o of c} moved[o][d] + uncovered[c][d] = short[c][d]           every cohort c, short day d
 *            Σ_{o of b} Σ_{d ≤ t} dosesTaken(b, d, t) · moved[o][d] ≤ headroom[b][t]   every brand b, day t
 *            Σ_{o of b} moved[o][d] ≤ capacity[b][d]                                   every brand b, day d
 *            Σ_d moved[o][d] ≤ (Σ_d short[c][d]) · used[o],  used[o] ∈ {0, 1}
 * </pre>
 */
public final class SwapOptimiser {
    static {
        // ojAlgo otherwise prints a note about hardware profiles to standard output, which would spoil --json output.
        if (System.getProperty("shut.up.ojAlgo") == null) {
            System.setProperty("shut.up.ojAlgo", "true");
        }
    }

    private SwapOptimiser() {
    }

    /**
     * @param wholePeople count people in whole numbers (small exact cases); otherwise amounts are continuous, which
     *                    is what millions of people come to
     */
    public static SwapPlan solve(SwapProblem problem, boolean wholePeople) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Variable[][] moved = addMoves(model, problem, wholePeople);
        Variable[][] uncovered = addCover(model, problem, moved);
        addStockAndSites(model, problem, moved);
        Optimisation.Result result = model.minimise();
        if (!result.getState().isFeasible()) {
            throw new IllegalStateException("the swap problem has no solution: " + result.getState());
        }
        return plan(problem, moved, uncovered);
    }

    /** moved[o][d] on each short day of the option's cohort, and used[o] that any is. */
    private static Variable[][] addMoves(ExpressionsBasedModel model, SwapProblem problem, boolean wholePeople) {
        int days = problem.days();
        List<SwapProblem.Option> options = problem.options();
        Variable[][] moved = new Variable[options.size()][days];
        for (int o = 0; o < options.size(); o++) {
            Variable used = model.addVariable("used" + o).binary().weight(1);
            SwapProblem.Option option = options.get(o);
            Expression link = model.addExpression("link" + o).upper(0);
            double most = 0;
            for (int d = 0; d < days; d++) {
                double cap = problem.shortPeople()[option.cohort()][d];
                if (cap <= 0) {
                    continue;
                }
                moved[o][d] = model.addVariable("moved" + o + "_" + d).lower(0).upper(cap);
                if (wholePeople) {
                    moved[o][d].integer(true);
                }
                link.set(moved[o][d], 1);
                most += cap;
            }
            link.set(used, -most);
        }
        return moved;
    }

    /** uncovered[c][d]: the short people of each cohort and day that no option covers. */
    private static Variable[][] addCover(ExpressionsBasedModel model, SwapProblem problem, Variable[][] moved) {
        int days = problem.days();
        List<SwapProblem.Option> options = problem.options();
        double weight = options.size() + 1.0;
        Variable[][] uncovered = new Variable[problem.cohorts()][days];
        for (int c = 0; c < problem.cohorts(); c++) {
            for (int d = 0; d < days; d++) {
                double people = problem.shortPeople()[c][d];
                if (people <= 0) {
                    continue;
                }
                uncovered[c][d] = model.addVariable("uncovered" + c + "_" + d).lower(0).upper(people).weight(weight);
                Expression cover = model.addExpression("cover" + c + "_" + d).level(people);
                cover.set(uncovered[c][d], 1);
                for (int o = 0; o < options.size(); o++) {
                    if (options.get(o).cohort() == c && moved[o][d] != null) {
                        cover.set(moved[o][d], 1);
                    }
                }
            }
        }
        return uncovered;
    }

    private static void addStockAndSites(ExpressionsBasedModel model, SwapProblem problem, Variable[][] moved) {
        List<SwapProblem.Option> options = problem.options();
        for (int b = 0; b < problem.brands(); b++) {
            for (int t = 0; t < problem.days(); t++) {
                Expression stock = null;
                Expression sites = null;
                for (int o = 0; o < options.size(); o++) {
                    if (options.get(o).brand() != b) {
                        continue;
                    }
                    for (int d = 0; d <= t; d++) {
                        if (moved[o][d] != null) {
                            if (stock == null) {
                                stock = model.addExpression("stock" + b + "_" + t)
                                        .upper(Math.max(0, problem.headroom()[b][t]));
                            }
                            stock.set(moved[o][d], problem.dosesTaken(b, d, t));
                        }
                    }
                    if (moved[o][t] != null) {
                        if (sites == null) {
                            sites = model.addExpression("sites" + b + "_" + t)
                                    .upper(Math.max(0, problem.capacity()[b][t]));
                        }
                        sites.set(moved[o][t], 1);
                    }
                }
            }
        }
    }

    private static SwapPlan plan(SwapProblem problem, Variable[][] moved, Variable[][] uncovered) {
        int days = problem.days();
        int optionCount = problem.options().size();
        double[][] people = new double[optionCount][days];
        int changes = 0;
        for (int o = 0; o < optionCount; o++) {
            double total = 0;
            for (int d = 0; d < days; d++) {
                if (moved[o][d] != null) {
                    people[o][d] = Math.max(0, moved[o][d].getValue().doubleValue());
                    total += people[o][d];
                }
            }
            if (total > 1e-6) {
                changes++;
            } else {
                people[o] = new double[days];
            }
        }
        double left = 0;
        for (Variable[] row : uncovered) {
            for (Variable variable : row) {
                if (variable != null) {
                    left += Math.max(0, variable.getValue().doubleValue());
                }
            }
        }
        return new SwapPlan(people, left, changes);
    }

    /** The options that are worth offering on their own: each alone, solved. */
    static List<SwapProblem> oneOptionEach(SwapProblem problem) {
        List<SwapProblem> single = new ArrayList<>();
        for (SwapProblem.Option option : problem.options()) {
            single.add(new SwapProblem(problem.shortPeople(), List.of(option), problem.headroom(),
                    problem.capacity(), problem.dosesAtFirst(), problem.laterDoseAfter()));
        }
        return single;
    }
}
