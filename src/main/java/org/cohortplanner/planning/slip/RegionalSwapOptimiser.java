package org.cohortplanner.planning.slip;

import java.util.List;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * Chooses regional brand swaps and transfers that leave nobody without a first dose if that can be done, then change
 * the brand in as few regions as possible, then for as few people as possible: a mixed-integer program solved with
 * ojAlgo.
 *
 * <pre>
 * moved[o][d] = share[o] · booked[k][d]: one share per option over its days, so that it is one allocation rule
 * minimise  W · Σ uncovered[k][d] + Σ used[r] + ε · Σ moved[o][d] + ε/10 · Σ sent[b][f][t]
 *           (W = regions + 1, so one person outweighs every region; ε · all people &lt; 1, so a region outweighs
 *           every person)
 * where     extra[k][d] = short[k][d] − Σ_{o of k} moved[o][d] − uncovered[k][d]: people of row k who now get its
 *           short brand on day d that did not before (negative when the swap frees doses of it)
 * subject to share[o] ≤ reach[o],  Σ_{o of k} moved[o][d] + uncovered[k][d] ≤ booked[k][d]
 *           for every region r, brand b, day t:
 *             Σ_{o of r, b} Σ_{d ≤ t} taken(b, d, t) · moved[o][d] + Σ_{k of r, short b} Σ_{d ≤ t} taken(b, d, t) ·
 *             extra[k][d] + [t ≥ ship] Σ_to sent[b][r][to] − [t ≥ ship + lead] Σ_from sent[b][from][r] ≤ headroom
 *           Σ_{o of r, b} moved[o][d] ≤ capacity[r][b][d]
 *           Σ_{o of r} Σ_d moved[o][d] ≤ (Σ booked of r) · used[r],  used[r] ∈ {0, 1}
 * </pre>
 * Past the last day a change can reach, the stock constraints of the remaining days are one, against their least
 * headroom.
 */
public final class RegionalSwapOptimiser {
    static {
        if (System.getProperty("shut.up.ojAlgo") == null) {
            System.setProperty("shut.up.ojAlgo", "true");
        }
    }

    private RegionalSwapOptimiser() {
    }

    /** @param wholePeople count people and doses in whole numbers (small exact cases) */
    public static RegionalSwapPlan solve(RegionalSwapProblem problem, boolean wholePeople) {
        Program program = new Program(problem, wholePeople);
        program.addRegionsUsed();
        program.addShares();
        program.addUncovered();
        program.addTransfers();
        if (program.lastDay < 0) {
            return new RegionalSwapPlan(new double[problem.options().size()][problem.days()],
                    new double[problem.brands()][problem.regions()][problem.regions()], 0, 0);
        }
        program.addStockAndSites();
        Optimisation.Result result = program.model.minimise();
        if (!result.getState().isFeasible()) {
            throw new IllegalStateException("the regional swap problem has no solution: " + result.getState());
        }
        return program.plan();
    }

    /** The program of one problem, its variables and constraints added in a fixed order (see the class). */
    private static final class Program {
        final ExpressionsBasedModel model = new ExpressionsBasedModel();
        private final RegionalSwapProblem problem;
        private final boolean wholePeople;
        private final int days;
        private final int regions;
        private final int brands;
        private final List<RegionalSwapProblem.Row> rows;
        private final List<RegionalSwapProblem.Option> options;
        private final double[] bookedIn;
        private final double weight;
        private final double epsilon;
        private final Variable[] used;
        private final Expression[] link;
        /** One share per option over all its days, so that the swap is one allocation rule with one share. */
        private final Variable[] share;
        private final double[][] moved;
        private final Variable[][] uncovered;
        private final Variable[][][] sent;
        int lastDay = -1;
        private boolean anyTransfer;

        Program(RegionalSwapProblem problem, boolean wholePeople) {
            this.problem = problem;
            this.wholePeople = wholePeople;
            this.days = problem.days();
            this.regions = problem.regions();
            this.brands = problem.brands();
            this.rows = problem.rows();
            this.options = problem.options();
            double totalBooked = 0;
            bookedIn = new double[regions];
            for (int k = 0; k < rows.size(); k++) {
                for (int d = 0; d < days; d++) {
                    totalBooked += problem.booked()[k][d];
                    bookedIn[rows.get(k).region()] += problem.booked()[k][d];
                }
            }
            weight = regions + 1.0;
            epsilon = 1.0 / (totalBooked + 1.0);
            used = new Variable[regions];
            link = new Expression[regions];
            share = new Variable[options.size()];
            moved = new double[options.size()][];
            uncovered = new Variable[rows.size()][days];
            sent = new Variable[brands][regions][regions];
        }

        void addRegionsUsed() {
            for (int r = 0; r < regions; r++) {
                if (bookedIn[r] > 0) {
                    used[r] = model.addVariable("used" + r).binary().weight(1);
                    link[r] = model.addExpression("link" + r).upper(0);
                    link[r].set(used[r], -bookedIn[r]);
                }
            }
        }

        void addShares() {
            for (int o = 0; o < options.size(); o++) {
                RegionalSwapProblem.Option option = options.get(o);
                int r = rows.get(option.row()).region();
                double people = 0;
                for (int d = 0; d < days; d++) {
                    people += problem.booked()[option.row()][d];
                    if (problem.booked()[option.row()][d] > 0) {
                        lastDay = Math.max(lastDay, d);
                    }
                }
                if (people <= 0 || option.reach() <= 0) {
                    continue;
                }
                moved[o] = problem.booked()[option.row()];
                share[o] = model.addVariable("share" + o).lower(0).upper(Math.min(1, option.reach()))
                        .weight(epsilon * people);
                link[r].set(share[o], people);
            }
        }

        void addUncovered() {
            for (int k = 0; k < rows.size(); k++) {
                for (int d = 0; d < days; d++) {
                    double booked = problem.booked()[k][d];
                    if (booked <= 0) {
                        continue;
                    }
                    uncovered[k][d] = model.addVariable("uncovered" + k + "_" + d).lower(0)
                            .upper(Math.max(0, problem.shortPeople()[k][d])).weight(weight);
                    if (wholePeople) {
                        uncovered[k][d].integer(true);
                    }
                    Expression seats = model.addExpression("booked" + k + "_" + d).upper(booked);
                    seats.set(uncovered[k][d], 1);
                    for (int o = 0; o < options.size(); o++) {
                        if (options.get(o).row() == k && share[o] != null) {
                            seats.set(share[o], booked);
                        }
                    }
                    lastDay = Math.max(lastDay, d);
                }
            }
        }

        void addTransfers() {
            for (int b = 0; b < brands; b++) {
                if (!problem.transferable()[b] || problem.shipDay() >= days) {
                    continue;
                }
                for (int from = 0; from < regions; from++) {
                    for (int to = 0; to < regions; to++) {
                        if (from != to) {
                            sent[b][from][to] = model.addVariable("sent" + b + "_" + from + "_" + to).lower(0)
                                    .weight(epsilon / 10);
                            if (wholePeople) {
                                sent[b][from][to].integer(true);
                            }
                            anyTransfer = true;
                        }
                    }
                }
            }
        }

        /** Per region and brand: the stock of each day a change can reach (then one for the rest), the sites. */
        void addStockAndSites() {
            int longest = 0;
            for (int later : problem.laterDoseAfter()) {
                longest = Math.max(longest, later);
            }
            int reach = lastDay + longest + (anyTransfer ? Math.max(0, problem.shipDay() - lastDay)
                    + problem.transferDays() : 0);
            int lastSingle = Math.min(days - 1, reach);
            for (int r = 0; r < regions; r++) {
                for (int b = 0; b < brands; b++) {
                    for (int t = 0; t <= lastSingle + 1 && t < days; t++) {
                        addStock(r, b, t, t == lastSingle + 1);
                    }
                    addSites(r, b);
                }
            }
        }

        private void addStock(int r, int b, int t, boolean tail) {
            double headroom = problem.headroom()[r][b][t];
            if (tail) {
                for (int later = t; later < days; later++) {
                    headroom = Math.min(headroom, problem.headroom()[r][b][later]);
                }
            }
            int until = tail ? Integer.MAX_VALUE / 2 : t;
            Stock stock = new Stock("stock" + r + "_" + b + "_" + t);
            for (int o = 0; o < options.size(); o++) {
                RegionalSwapProblem.Option option = options.get(o);
                if (option.brand() != b || rows.get(option.row()).region() != r || share[o] == null) {
                    continue;
                }
                double taken = 0;
                for (int d = 0; d <= Math.min(t, days - 1); d++) {
                    taken += moved[o][d] * problem.dosesTaken(b, d, until);
                }
                if (taken > 0) {
                    stock.expression().add(share[o], taken);
                }
            }
            double fixed = addShortBrand(stock, r, b, t, until);
            if (problem.transferable()[b] && problem.shipDay() < days) {
                for (int other = 0; other < regions; other++) {
                    if (other == r) {
                        continue;
                    }
                    if (t >= problem.shipDay()) {
                        stock.expression().add(sent[b][r][other], 1);
                    }
                    if (t >= problem.shipDay() + problem.transferDays()) {
                        stock.expression().add(sent[b][other][r], -1);
                    }
                }
            }
            if (stock.expression != null) {
                stock.expression.upper(Math.max(0, headroom) - fixed);
            }
        }

        /** The short brand's doses that people of the region's rows now get, or free; returns the fixed part. */
        private double addShortBrand(Stock stock, int r, int b, int t, int until) {
            double fixed = 0;
            for (int k = 0; k < rows.size(); k++) {
                RegionalSwapProblem.Row row = rows.get(k);
                if (row.brand() != b || row.region() != r) {
                    continue;
                }
                for (int d = 0; d <= Math.min(t, days - 1); d++) {
                    if (uncovered[k][d] == null) {
                        continue;
                    }
                    double taken = problem.dosesTaken(b, d, until);
                    Expression expression = stock.expression();
                    fixed += taken * problem.shortPeople()[k][d];
                    expression.add(uncovered[k][d], -taken);
                    for (int o = 0; o < options.size(); o++) {
                        if (options.get(o).row() == k && share[o] != null) {
                            expression.add(share[o], -taken * moved[o][d]);
                        }
                    }
                }
            }
            return fixed;
        }

        private void addSites(int r, int b) {
            for (int d = 0; d < days; d++) {
                Expression sites = null;
                for (int o = 0; o < options.size(); o++) {
                    RegionalSwapProblem.Option option = options.get(o);
                    if (option.brand() == b && rows.get(option.row()).region() == r && share[o] != null
                            && moved[o][d] > 0) {
                        sites = sites == null ? model.addExpression("sites" + r + "_" + b + "_" + d)
                                .upper(Math.max(0, problem.capacity()[r][b][d])) : sites;
                        sites.set(share[o], moved[o][d]);
                    }
                }
            }
        }

        /** A stock constraint, added to the model when it is first given a term. */
        private final class Stock {
            private final String name;
            Expression expression;

            Stock(String name) {
                this.name = name;
            }

            Expression expression() {
                if (expression == null) {
                    expression = model.addExpression(name);
                }
                return expression;
            }
        }

        RegionalSwapPlan plan() {
            double[][] people = new double[options.size()][days];
            boolean[] changed = new boolean[regions];
            for (int o = 0; o < options.size(); o++) {
                if (share[o] == null) {
                    continue;
                }
                double value = Math.max(0, share[o].getValue().doubleValue());
                for (int d = 0; d < days; d++) {
                    people[o][d] = value * moved[o][d];
                    if (people[o][d] > 1e-6) {
                        changed[rows.get(options.get(o).row()).region()] = true;
                    }
                }
            }
            double[][][] doses = new double[brands][regions][regions];
            for (int b = 0; b < brands; b++) {
                for (int from = 0; from < regions; from++) {
                    for (int to = 0; to < regions; to++) {
                        if (sent[b][from][to] != null) {
                            doses[b][from][to] = Math.max(0, sent[b][from][to].getValue().doubleValue());
                        }
                    }
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
            int count = 0;
            for (boolean region : changed) {
                count += region ? 1 : 0;
            }
            return new RegionalSwapPlan(people, doses, left, count);
        }
    }
}
