package org.cohortplanner.planning.schedule;

import java.util.Arrays;
import java.util.List;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.VaccineBrand;
import org.cohortplanner.planning.schedule.ScheduleEngine.Move;
import org.cohortplanner.planning.schedule.ScheduleEngine.Run;

/**
 * One walk of a {@link ScheduleEngine} over the days, for given numbers of bookers per cohort: each day stock and
 * transfers arrive, the sites open, second doses are served, first doses booked and served (a short brand handing
 * its people to the cohort's other brands), second doses fall due, and the day's stock is recorded in the
 * {@link Run}. It reads the arrays the engine laid out once and changes none of them.
 */
final class ScheduleWalk {
    private static final double EPSILON = ScheduleEngine.EPSILON;

    private final ScheduleEngine engine;
    private final List<Cohort> cohorts;
    private final List<String> regions;
    private final List<VaccineBrand> brands;
    private final int days;
    private final double[][][] brandCapacity;
    private final double[][] regionCapacity;
    private final double[][][] allotted;
    private final List<Move> moves;
    private final double[][][][] ruleShares;
    private final double[][][] firstDoseSpread;
    private final double[][] shares;
    private final int[] dosesPerFirstDose;
    private final double[][] partShare;

    ScheduleWalk(ScheduleEngine engine) {
        this.engine = engine;
        this.cohorts = engine.cohorts;
        this.regions = engine.regions;
        this.brands = engine.brands;
        this.days = engine.days;
        this.brandCapacity = engine.brandCapacity;
        this.regionCapacity = engine.regionCapacity;
        this.allotted = engine.allotted;
        this.moves = engine.moves;
        this.ruleShares = engine.ruleShares;
        this.firstDoseSpread = engine.firstDoseSpread;
        this.shares = engine.shares;
        this.dosesPerFirstDose = engine.dosesPerFirstDose;
        this.partShare = engine.partShare;
    }

    /** Walks days 0 to {@code walked} − 1 for the cohorts {@code members}, as {@link ScheduleEngine#run}. */
    Run walk(double[] bookers, int[] members, int walked) {
        Walk walk = new Walk(bookers, members, walked);
        for (int d = 0; d < walk.run.days; d++) {
            receiveStock(walk, d);
            shipTransfers(walk, d);
            openSites(walk, d);
            serveSecondDoses(walk, d);
            bookFirstDoses(walk, d);
            serveFirstDoses(walk, d);
            substitute(walk, d);
            dueSecondDoses(walk, d);
            closeDay(walk, d);
        }
        return walk.run;
    }

    private boolean ruled(int c, int r, int d) {
        return engine.ruled(c, r, d);
    }

    private double[] sharesIn(int c, int r, int d) {
        return engine.sharesIn(c, r, d);
    }

    private int secondDoseDay(int c, int p, int r, int b, int d) {
        return engine.secondDoseDay(c, p, r, b, d);
    }

    /** What one walk carries from day to day: the stock and what is left of each cohort's brand shares. */
    private final class Walk {
        final Run run;
        final double[] bookers;
        final int[] members;
        /** [cohort][brand], by the cohort's index in the schedule: people still to book the brand. */
        final double[][] quota;
        final double[][] free;
        final double[][] held;
        final double[][][] inTransit;
        /** The day's site capacity left per region, and per region and brand. */
        final double[] regionLeft;
        final double[][] brandLeft;
        final double[][] capacityFactor;
        final double[] demand;
        int nextMove;

        Walk(double[] bookers, int[] members, int walked) {
            int regionCount = regions.size();
            int brandCount = brands.size();
            this.run = new Run(cohorts.size(), members, regionCount, brandCount, walked, moves.size());
            this.bookers = bookers;
            this.members = members;
            quota = new double[cohorts.size()][brandCount];
            for (int c : members) {
                for (int b = 0; b < brandCount; b++) {
                    quota[c][b] = bookers[c] * shares[c][b];
                }
            }
            free = new double[regionCount][brandCount];
            held = new double[regionCount][brandCount];
            inTransit = new double[regionCount][brandCount][days];
            regionLeft = new double[regionCount];
            brandLeft = new double[regionCount][brandCount];
            capacityFactor = new double[regionCount][brandCount];
            demand = new double[brandCount];
        }
    }

    /** Allotted doses and transfers arriving today join the regions' free stock. */
    private void receiveStock(Walk walk, int d) {
        Run run = walk.run;
        for (int r = 0; r < regions.size(); r++) {
            for (int b = 0; b < brands.size(); b++) {
                walk.free[r][b] += allotted[r][b][d] + walk.inTransit[r][b][d];
                run.transferredIn[d][run.stockCell(r, b)] += walk.inTransit[r][b][d];
            }
        }
    }

    /** Transfers leave the sending region's free stock: never more than it has. */
    private void shipTransfers(Walk walk, int d) {
        Run run = walk.run;
        while (walk.nextMove < moves.size() && moves.get(walk.nextMove).shipped() == d) {
            Move move = moves.get(walk.nextMove);
            double sent = Math.min(move.transfer().doses(), Math.max(0, walk.free[move.from()][move.brand()]));
            walk.free[move.from()][move.brand()] -= sent;
            run.transferredOut[d][run.stockCell(move.from(), move.brand())] += sent;
            run.sent[walk.nextMove] = sent;
            if (move.usable() < days) {
                if (move.usable() == d) {
                    walk.free[move.to()][move.brand()] += sent;
                    run.transferredIn[d][run.stockCell(move.to(), move.brand())] += sent;
                } else {
                    walk.inTransit[move.to()][move.brand()][move.usable()] += sent;
                }
            }
            walk.nextMove++;
        }
    }

    /** The day's site capacity, per region and per region and brand. */
    private void openSites(Walk walk, int d) {
        for (int r = 0; r < regions.size(); r++) {
            walk.regionLeft[r] = regionCapacity[r][d];
            for (int b = 0; b < brands.size(); b++) {
                walk.brandLeft[r][b] = brandCapacity[r][b][d];
            }
        }
    }

    /** Second doses due today: capacity, then the region's stock (held doses first). */
    private void serveSecondDoses(Walk walk, int d) {
        Run run = walk.run;
        int brandCount = brands.size();
        double[] due = run.secondDue[d];
        for (int r = 0; r < regions.size(); r++) {
            double[] demand = walk.demand;
            Arrays.fill(demand, 0);
            for (int m = 0; m < walk.members.length; m++) {
                for (int b = 0; b < brandCount; b++) {
                    demand[b] += due[run.slotCell(m, r, b)];
                }
            }
            double[] factor = walk.capacityFactor[r];
            fitCapacity(demand, walk.brandLeft[r], r, walk.regionLeft, factor);
            for (int b = 0; b < brandCount; b++) {
                double wanted = demand[b] * factor[b];
                if (wanted <= 0) {
                    continue;
                }
                double available = walk.free[r][b] + walk.held[r][b];
                double stockFactor = wanted <= available ? 1 : Math.max(0, available) / wanted;
                double given = wanted * stockFactor;
                double fromHeld = Math.min(walk.held[r][b], given);
                walk.held[r][b] -= fromHeld;
                walk.free[r][b] -= given - fromHeld;
                for (int m = 0; m < walk.members.length; m++) {
                    int cell = run.slotCell(m, r, b);
                    if (due[cell] <= 0) {
                        continue;
                    }
                    double servedByCapacity = due[cell] * factor[b];
                    double served = servedByCapacity * stockFactor;
                    run.secondGiven[d][cell] = served;
                    run.secondShortOfDoses[d][cell] = servedByCapacity - served;
                }
                run.given[b][d] += given;
                run.regionGiven[d][run.stockCell(r, b)] += given;
            }
        }
    }

    /**
     * Today's first-dose appointments of each cohort per region and brand: the allocation rule's shares where one
     * holds, else in proportion to what is left of each brand's share.
     */
    private void bookFirstDoses(Walk walk, int d) {
        Run run = walk.run;
        int brandCount = brands.size();
        double[] wanted = run.firstBooked[d];
        for (int m = 0; m < walk.members.length; m++) {
            int c = walk.members[m];
            if (walk.bookers[c] <= 0) {
                continue;
            }
            double[] quota = walk.quota[c];
            double remaining = 0;
            for (int b = 0; b < brandCount; b++) {
                remaining += Math.max(0, quota[b]);
            }
            for (int r = 0; r < regions.size(); r++) {
                double people = walk.bookers[c] * firstDoseSpread[c][r][d];
                if (people <= 0) {
                    continue;
                }
                if (ruled(c, r, d)) {
                    double[] in = ruleShares[c][r][d];
                    for (int b = 0; b < brandCount; b++) {
                        wanted[run.slotCell(m, r, b)] = people * in[b];
                    }
                    continue;
                }
                for (int b = 0; b < brandCount; b++) {
                    double part = remaining > EPSILON ? Math.max(0, quota[b]) / remaining : shares[c][b];
                    wanted[run.slotCell(m, r, b)] = people * part;
                }
            }
        }
    }

    /** First doses: split by brand, capacity, then the region's stock. */
    private void serveFirstDoses(Walk walk, int d) {
        Run run = walk.run;
        int brandCount = brands.size();
        double[] wanted = run.firstBooked[d];
        for (int r = 0; r < regions.size(); r++) {
            double[] demand = walk.demand;
            Arrays.fill(demand, 0);
            for (int m = 0; m < walk.members.length; m++) {
                for (int b = 0; b < brandCount; b++) {
                    demand[b] += wanted[run.slotCell(m, r, b)];
                }
            }
            double[] factor = walk.capacityFactor[r];
            fitCapacity(demand, walk.brandLeft[r], r, walk.regionLeft, factor);
            for (int b = 0; b < brandCount; b++) {
                double served = demand[b] * factor[b];
                double dosesWanted = served * dosesPerFirstDose[b];
                double stockFactor = dosesWanted <= walk.free[r][b] || dosesWanted <= 0 ? 1
                        : Math.max(0, walk.free[r][b]) / dosesWanted;
                double given = served * stockFactor;
                walk.free[r][b] -= given * dosesPerFirstDose[b];
                walk.held[r][b] += given * (dosesPerFirstDose[b] - 1);
                run.given[b][d] += given;
                run.regionGiven[d][run.stockCell(r, b)] += given;
                for (int m = 0; m < walk.members.length; m++) {
                    int cell = run.slotCell(m, r, b);
                    double people = wanted[cell];
                    if (people <= 0) {
                        continue;
                    }
                    int c = walk.members[m];
                    double byCapacity = people * factor[b];
                    double taken = byCapacity * stockFactor;
                    run.firstGiven[d][cell] = taken;
                    run.firstShortOfCapacity[d][cell] = people - byCapacity;
                    run.firstShortOfDoses[d][cell] = byCapacity - taken;
                    if (!ruled(c, r, d)) {
                        walk.quota[c][b] -= taken;
                    }
                }
            }
        }
    }

    /** Second doses of today's first doses, on each part's day. */
    private void dueSecondDoses(Walk walk, int d) {
        Run run = walk.run;
        double[] given = run.firstGiven[d];
        for (int m = 0; m < walk.members.length; m++) {
            int c = walk.members[m];
            for (int r = 0; r < regions.size(); r++) {
                for (int b = 0; b < brands.size(); b++) {
                    int cell = run.slotCell(m, r, b);
                    double served = given[cell];
                    if (served <= 0) {
                        continue;
                    }
                    for (int p = 0; p < partShare[c].length; p++) {
                        int second = secondDoseDay(c, p, r, b, d);
                        if (second >= 0 && second < run.days && partShare[c][p] > 0) {
                            run.secondDue[second][cell] += served * partShare[c][p];
                        }
                    }
                }
            }
        }
    }

    /** The regions' stock at the end of the day. */
    private void closeDay(Walk walk, int d) {
        Run run = walk.run;
        for (int r = 0; r < regions.size(); r++) {
            for (int b = 0; b < brands.size(); b++) {
                run.regionFree[d][run.stockCell(r, b)] = Math.max(0, walk.free[r][b]);
                run.regionHeld[d][run.stockCell(r, b)] = Math.max(0, walk.held[r][b]);
                run.free[b][d] += Math.max(0, walk.free[r][b]);
                run.held[b][d] += Math.max(0, walk.held[r][b]);
            }
        }
    }

    /**
     * A cohort with several brands: people a brand left without a dose get another of the cohort's brands that
     * still has share, stock in their region and capacity; their appointment moves to that brand. Where an
     * allocation rule holds, the other brands are the rule's.
     */
    private void substitute(Walk walk, int d) {
        for (int m = 0; m < walk.members.length; m++) {
            int c = walk.members[m];
            boolean anyRule = false;
            for (int r = 0; r < regions.size() && !anyRule; r++) {
                anyRule = ruled(c, r, d);
            }
            if (cohorts.get(c).brands().shares().size() < 2 && !anyRule) {
                continue;
            }
            for (int r = 0; r < regions.size(); r++) {
                for (int b = 0; b < brands.size(); b++) {
                    substitute(walk, d, m, r, b);
                }
            }
        }
    }

    /** Moves the people of member {@code m} that brand {@code b} left without a dose in region r to other brands. */
    private void substitute(Walk walk, int d, int m, int r, int b) {
        Run run = walk.run;
        int c = walk.members[m];
        int cell = run.slotCell(m, r, b);
        double unserved = run.firstShortOfDoses[d][cell] + run.firstShortOfCapacity[d][cell];
        if (unserved <= EPSILON) {
            return;
        }
        boolean ruled = ruled(c, r, d);
        double[] in = sharesIn(c, r, d);
        double[][] quota = walk.quota;
        double[][] free = walk.free;
        double[][] brandLeft = walk.brandLeft;
        double[] regionLeft = walk.regionLeft;
        for (int other = 0; other < brands.size() && unserved > EPSILON; other++) {
            if (other == b || in[other] <= 0 || (!ruled && quota[c][other] <= EPSILON)) {
                continue;
            }
            // People short of doses already hold a place at a site, which the other brand can use.
            double placed = run.firstShortOfDoses[d][cell];
            double room = Math.min(brandLeft[r][other], regionLeft[r]) + placed;
            double allowed = ruled ? unserved : Math.min(unserved, quota[c][other]);
            double moved = Math.min(allowed,
                    Math.min(room, Math.max(0, free[r][other]) / dosesPerFirstDose[other]));
            if (moved <= EPSILON) {
                continue;
            }
            unserved -= moved;
            int to = run.slotCell(m, r, other);
            double fromDoses = Math.min(placed, moved);
            run.firstShortOfDoses[d][cell] -= fromDoses;
            run.firstShortOfCapacity[d][cell] -= moved - fromDoses;
            run.firstBooked[d][cell] -= moved;
            run.firstBooked[d][to] += moved;
            run.firstGiven[d][to] += moved;
            if (!ruled) {
                quota[c][other] -= moved;
            }
            free[r][other] -= moved * dosesPerFirstDose[other];
            walk.held[r][other] += moved * (dosesPerFirstDose[other] - 1);
            run.given[other][d] += moved;
            run.regionGiven[d][run.stockCell(r, other)] += moved;
            brandLeft[r][other] -= moved - fromDoses;
            regionLeft[r] -= moved - fromDoses;
            for (int any = 0; any < brands.size(); any++) {
                brandLeft[r][any] = Math.min(brandLeft[r][any], regionLeft[r]);
            }
        }
    }
    /**
     * Serves as much of the demand per brand as the region's capacity allows: each brand up to the capacity of the
     * sites that give it, then all together up to the region's total. Fills {@code factor} with the share of each
     * brand's demand served and takes the capacity used.
     */
    private static void fitCapacity(double[] demand, double[] brandLeft, int r, double[] regionLeft,
            double[] factor) {
        double total = 0;
        for (int b = 0; b < demand.length; b++) {
            factor[b] = demand[b] <= brandLeft[b] || demand[b] <= 0 ? 1 : Math.max(0, brandLeft[b]) / demand[b];
            total += demand[b] * factor[b];
        }
        double overall = total <= regionLeft[r] || total <= 0 ? 1 : Math.max(0, regionLeft[r]) / total;
        double used = 0;
        for (int b = 0; b < demand.length; b++) {
            factor[b] *= overall;
            double taken = demand[b] * factor[b];
            brandLeft[b] -= taken;
            used += taken;
        }
        regionLeft[r] -= used;
        for (int b = 0; b < demand.length; b++) {
            brandLeft[b] = Math.min(brandLeft[b], regionLeft[r]);
        }
    }
}
