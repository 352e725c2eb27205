package org.cohortplanner.planning.schedule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cohortplanner.domain.Allotment;
import org.cohortplanner.domain.AllotmentRule;
import org.cohortplanner.domain.Delivery;
import org.cohortplanner.domain.DeliveryStatus;
import org.cohortplanner.domain.Region;

/**
 * Allots each delivery of a {@link ScheduleEngine}'s plan to the regions, into the engine's {@code allotted} and
 * {@code arrivals}. By appointments: in proportion to each region's expected doses of the brand (first and second,
 * allocation rules included) up to the day the next lot of the brand is usable, less what the earlier lots brought it
 * (lots are allotted in the order they become usable); when no region lacks any, in proportion to its doses expected
 * from the day the lot is usable; then over the whole campaign; then by population; then by the capacity of the
 * sites that give the brand; else evenly.
 */
final class DeliveryAllotter {
    private final ScheduleEngine engine;
    private final int regionCount;
    private final int days;
    /** [region][brand][day]: see {@link #expectedDemand()}. */
    private final double[][][] demand;
    /** [region][brand][day]: {@link #demand} summed over the days before. */
    private final double[][][] demandUpTo;
    private final double[] population;
    /** [brand][region]: doses the lots allotted so far brought. */
    private final double[][] allottedSoFar;

    DeliveryAllotter(ScheduleEngine engine) {
        this.engine = engine;
        this.regionCount = engine.regions.size();
        this.days = engine.days;
        int brandCount = engine.brands.size();
        this.demand = expectedDemand();
        this.population = new double[regionCount];
        for (Region region : engine.plan.regions()) {
            population[engine.regions.indexOf(region.name())] = region.population();
        }
        this.allottedSoFar = new double[brandCount][regionCount];
        this.demandUpTo = new double[regionCount][brandCount][days + 1];
        for (int r = 0; r < regionCount; r++) {
            for (int b = 0; b < brandCount; b++) {
                for (int day = 0; day < days; day++) {
                    demandUpTo[r][b][day + 1] = demandUpTo[r][b][day] + demand[r][b][day];
                }
            }
        }
    }

    /** Allots every delivery that is not cancelled and returns what each region got of it. */
    List<DeliveryAllotment> allotAll() {
        List<DeliveryAllotment> result = new ArrayList<>();
        if (days == 0 || regionCount == 0) {
            return result;
        }
        // Lots in the order they become usable, so that each can make up what the earlier ones left short.
        List<Delivery> ordered = new ArrayList<>(engine.plan.deliveries().stream()
                .filter(d -> d.status() != DeliveryStatus.CANCELLED).toList());
        ordered.sort(Comparator.comparing((Delivery d) -> usableDay(d)));
        for (int i = 0; i < ordered.size(); i++) {
            Delivery delivery = ordered.get(i);
            // A lot can be given only after national lot release and distribution: its lead time after arrival.
            int d = Math.max(0, engine.index(usableDay(delivery)));
            if (d < days) {
                result.add(allot(delivery, d, nextLot(ordered, i)));
            }
        }
        return List.copyOf(result);
    }

    private LocalDate usableDay(Delivery delivery) {
        return delivery.usableFrom(engine.brands.get(engine.brandIndex(delivery.brand())));
    }

    /** The day the next lot of the same brand becomes usable, later than lot {@code i}; the end when none. */
    private int nextLot(List<Delivery> ordered, int i) {
        Delivery delivery = ordered.get(i);
        for (int j = i + 1; j < ordered.size(); j++) {
            if (ordered.get(j).brand().equals(delivery.brand())) {
                int usable = Math.max(0, engine.index(usableDay(ordered.get(j))));
                if (usable > Math.max(0, engine.index(usableDay(delivery)))) {
                    return Math.min(days, usable);
                }
            }
        }
        return days;
    }

    private DeliveryAllotment allot(Delivery delivery, int d, int horizon) {
        int b = engine.brandIndex(delivery.brand());
        Allotment allotment = delivery.allotment();
        double[] weight = allotment.isExplicit() ? explicitWeights(allotment) : ruleWeights(allotment, b, d, horizon);
        double total = sum(weight);
        // An explicit split lists doses; they are what reaches each region (the validator reports a split that
        // does not add up). A rule shares the delivery's doses out.
        double scale = allotment.isExplicit() ? 1 : total > 0 ? delivery.doses() / total : 0;
        double[] doses = new double[regionCount];
        for (int r = 0; r < regionCount; r++) {
            doses[r] = weight[r] * scale;
        }
        // Doses reach regions whole: the stock of each is what its allotment lists.
        Map<String, Long> whole = wholeDoses(doses,
                allotment.isExplicit() ? Math.round(sum(doses)) : delivery.doses());
        for (int r = 0; r < regionCount; r++) {
            long reached = whole.get(engine.regions.get(r));
            allottedSoFar[b][r] += reached;
            engine.allotted[r][b][d] += reached;
            engine.arrivals[b][d] += reached;
        }
        return new DeliveryAllotment(delivery.id(), delivery.brand(), engine.day(d), allotment.rule(), whole);
    }

    private double[] explicitWeights(Allotment allotment) {
        double[] weight = new double[regionCount];
        allotment.dosesByRegion().forEach((name, doses) -> {
            int r = engine.regions.indexOf(name);
            if (r >= 0) {
                weight[r] += doses;
            }
        });
        return weight;
    }

    /** The rule's weights, falling back step by step (see the class) while they add up to nothing. */
    private double[] ruleWeights(Allotment allotment, int b, int d, int horizon) {
        double[] weight = new double[regionCount];
        if (allotment.rule() == AllotmentRule.POPULATION) {
            System.arraycopy(population, 0, weight, 0, weight.length);
        }
        if (sum(weight) <= 0) {
            // What each region's appointments of the brand up to the next lot still lack after the earlier
            // lots: doses on hand count.
            for (int r = 0; r < regionCount; r++) {
                weight[r] = Math.max(0, demandUpTo[r][b][horizon] - allottedSoFar[b][r]);
            }
        }
        if (sum(weight) <= 0) {
            for (int r = 0; r < regionCount; r++) {
                for (int day = d; day < days; day++) {
                    weight[r] += demand[r][b][day];
                }
            }
        }
        if (sum(weight) <= 0) {
            for (int r = 0; r < regionCount; r++) {
                weight[r] = sum(demand[r][b]);
            }
        }
        if (sum(weight) <= 0) {
            System.arraycopy(population, 0, weight, 0, weight.length);
        }
        if (sum(weight) <= 0) {
            for (int r = 0; r < regionCount; r++) {
                weight[r] = sum(engine.brandCapacity[r][b]);
            }
        }
        if (sum(weight) <= 0) {
            Arrays.fill(weight, 1);
        }
        return weight;
    }

    /** Whole doses per region adding up to {@code total}, by largest remainder. */
    private Map<String, Long> wholeDoses(double[] doses, long total) {
        long[] whole = new long[doses.length];
        long given = 0;
        for (int r = 0; r < doses.length; r++) {
            whole[r] = (long) Math.floor(doses[r]);
            given += whole[r];
        }
        Integer[] order = new Integer[doses.length];
        for (int r = 0; r < order.length; r++) {
            order[r] = r;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer r) -> whole[r] - doses[r]));
        for (int i = 0; given < total && i < order.length; i++) {
            whole[order[i]]++;
            given++;
        }
        Map<String, Long> byRegion = new LinkedHashMap<>();
        for (int r = 0; r < doses.length; r++) {
            byRegion.put(engine.regions.get(r), whole[r]);
        }
        return byRegion;
    }

    /**
     * [region][brand][day]: doses the expected bookers would take, first doses and their second doses, on the days a
     * site of the region gives the brand.
     */
    private double[][][] expectedDemand() {
        double[][][] demand = new double[regionCount][engine.brands.size()][days];
        for (int c = 0; c < engine.cohorts.size(); c++) {
            double bookers = engine.cohorts.get(c).expectedBookers();
            for (int r = 0; r < regionCount; r++) {
                for (int d = 0; d < days; d++) {
                    double people = bookers * engine.firstDoseSpread[c][r][d];
                    if (people <= 0) {
                        continue;
                    }
                    double[] in = engine.sharesIn(c, r, d);
                    for (int b = 0; b < engine.brands.size(); b++) {
                        // Appointments exist only where a site of the region gives the brand that day: people
                        // of a region without one are short whatever it is allotted, so it is allotted none.
                        if (engine.brandCapacity[r][b][d] <= 0) {
                            continue;
                        }
                        double part = people * in[b];
                        demand[r][b][d] += part;
                        for (int p = 0; p < engine.partShare[c].length; p++) {
                            int second = engine.secondDoseDay(c, p, r, b, d);
                            if (second >= 0 && engine.brandCapacity[r][b][second] > 0) {
                                demand[r][b][second] += part * engine.partShare[c][p];
                            }
                        }
                    }
                }
            }
        }
        return demand;
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double value : values) {
            total += value;
        }
        return total;
    }
}
