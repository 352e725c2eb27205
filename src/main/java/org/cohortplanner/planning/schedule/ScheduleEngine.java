package org.cohortplanner.planning.schedule;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cohortplanner.domain.AllocationRule;
import org.cohortplanner.domain.Allotment;
import org.cohortplanner.domain.AllotmentRule;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Delivery;
import org.cohortplanner.domain.DeliveryStatus;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.Region;
import org.cohortplanner.domain.SiteGroup;
import org.cohortplanner.domain.Transfer;
import org.cohortplanner.domain.VaccineBrand;

/**
 * The day-by-day supply model behind {@link Schedule} and {@link DoseBudget}. Everything a plan fixes (days,
 * regions, capacity, arrivals, where each cohort's first doses fall) is laid out once in arrays; {@link #run}
 * then walks the days for given numbers of bookers per cohort, so that a budget search can run it many times.
 *
 * <p>Stock is kept per region × brand × day. Each delivery is allotted to the regions by its rule (in proportion to
 * the region's expected appointments for the brand from the day the lot is usable, to its population, or as the
 * officer split it) and becomes usable there its lead time after arrival; a transfer takes doses from the sending
 * region's free stock on its shipping day (never more than the region has) and adds them to the receiving region's
 * its lead time later. Each day: second doses are served first (people who had a first dose come before new
 * ones), then first doses; each is limited by the region's site capacity (per brand and in total), then by the
 * brand's stock in that region. An allocation rule replaces the cohort's brand shares in its regions and days,
 * except at the site groups it names, which keep the cohort's own shares (blended by their capacity). A cohort with several brands gets them in proportion to what is left of each brand's
 * share, and a brand short on a day hands its people to the cohort's other brands that have stock, capacity and
 * share left. Second doses follow the brand actually given. When the plan reserves second doses, a first dose of
 * a two-dose brand takes two doses from stock and holds one.
 */
final class ScheduleEngine {
    static final double EPSILON = 1e-6;

    final Plan plan;
    final List<Cohort> cohorts;
    final List<String> regions;
    final List<VaccineBrand> brands;
    final LocalDate start;
    final int days;
    final boolean reserve;

    /** [region][brand][day]: doses the open site groups that can give the brand could give. */
    final double[][][] brandCapacity;
    /** [region][day]: doses all open site groups of the region could give. */
    final double[][] regionCapacity;
    /**
     * [brand][day]: doses becoming usable at sites nationwide (arrival plus the delivery's lead time); deliveries
     * usable before the first day are counted on it.
     */
    final double[][] arrivals;
    /** [region][brand][day]: the part of {@link #arrivals} allotted to the region. */
    final double[][][] allotted;
    /** Each delivery the schedule counts, with its doses per region. */
    final List<DeliveryAllotment> allotments;
    /** The plan's transfers the schedule can place, in shipping order. */
    final List<Move> moves;
    /**
     * [cohort][region]: null when no allocation rule covers the cohort in the region, else [day] → null or the
     * brand shares in force there on that day (the rule's, blended with the cohort's at the site groups it excepts).
     */
    final double[][][][] ruleShares;
    /** [cohort][region][day]: share of the cohort's bookers with a first-dose appointment there and then. */
    final double[][][] firstDoseSpread;
    /** [cohort][brand]: the cohort's brand shares. */
    final double[][] shares;
    /** [region][brand][day]: day index of the second dose after a first dose on that day, -1 when none. */
    final int[][][] secondDoseDay;
    /** [brand]: doses each first dose takes from stock (2 when the second is held). */
    final int[] dosesPerFirstDose;

    ScheduleEngine(Plan plan) {
        this.plan = plan;
        this.cohorts = booking(plan);
        this.brands = plan.brands();
        this.regions = regionNames(plan);
        this.reserve = plan.settings().reserveSecondDose();
        LocalDate first = cohorts.stream().map(c -> c.vaccinationPeriod().firstDay()).min(Comparator.naturalOrder())
                .orElse(null);
        LocalDate last = cohorts.stream().map(c -> c.vaccinationPeriod().lastDay()).max(Comparator.naturalOrder())
                .orElse(null);
        int longestInterval = brands.stream().filter(VaccineBrand::needsSecondDose)
                .mapToInt(b -> b.interval().maximumDays()).max().orElse(0);
        this.start = first;
        this.days = first == null ? 0 : (int) ChronoUnit.DAYS.between(first, last) + longestInterval + 1;
        int regionCount = regions.size();
        int brandCount = brands.size();
        brandCapacity = new double[regionCount][brandCount][days];
        regionCapacity = new double[regionCount][days];
        layOutCapacity();
        shares = new double[cohorts.size()][brandCount];
        for (int c = 0; c < cohorts.size(); c++) {
            for (int b = 0; b < brandCount; b++) {
                shares[c][b] = cohorts.get(c).brands().shareOf(brands.get(b).name());
            }
        }
        ruleShares = new double[cohorts.size()][regionCount][][];
        layOutRules();
        firstDoseSpread = new double[cohorts.size()][regionCount][days];
        layOutFirstDoses();
        secondDoseDay = new int[regionCount][brandCount][days];
        layOutSecondDoseDays();
        arrivals = new double[brandCount][days];
        allotted = new double[regionCount][brandCount][days];
        allotments = layOutArrivals();
        moves = layOutTransfers();
        dosesPerFirstDose = new int[brandCount];
        for (int b = 0; b < brandCount; b++) {
            dosesPerFirstDose[b] = reserve && brands.get(b).needsSecondDose() ? 2 : 1;
        }
    }

    /**
     * The cohorts that book: a cohort another one names as its parent has been replaced by its parts and books
     * nobody (the split keeps it in the plan so that merging gives it back); a period that ends before it starts
     * holds no appointments.
     */
    static List<Cohort> booking(Plan plan) {
        Set<String> parents = new HashSet<>();
        for (Cohort cohort : plan.cohorts()) {
            if (cohort.parentId() != null && !cohort.parentId().equals(cohort.id())) {
                parents.add(cohort.parentId());
            }
        }
        return plan.cohorts().stream()
                .filter(c -> !parents.contains(c.id()) && c.vaccinationPeriod().isOrdered())
                .toList();
    }

    private static List<String> regionNames(Plan plan) {
        Set<String> names = new LinkedHashSet<>();
        plan.regions().forEach(r -> names.add(r.name()));
        plan.sites().forEach(s -> names.add(s.region()));
        return List.copyOf(names);
    }

    LocalDate day(int index) {
        return start.plusDays(index);
    }

    int index(LocalDate day) {
        return (int) ChronoUnit.DAYS.between(start, day);
    }

    static boolean canGive(SiteGroup site, VaccineBrand brand) {
        return site.gives(brand.name()) && (brand.siteKinds().isEmpty() || brand.siteKinds().contains(site.kind()));
    }

    private void layOutCapacity() {
        for (SiteGroup site : plan.sites()) {
            int r = regions.indexOf(site.region());
            for (int d = 0; d < days; d++) {
                LocalDate day = day(d);
                if (!site.isOpenOn(day) || plan.isHoliday(day)) {
                    continue;
                }
                boolean givesAny = false;
                for (int b = 0; b < brands.size(); b++) {
                    if (canGive(site, brands.get(b))) {
                        brandCapacity[r][b][d] += site.dosesPerDay();
                        givesAny = true;
                    }
                }
                if (givesAny) {
                    regionCapacity[r][d] += site.dosesPerDay();
                }
            }
        }
    }

    /**
     * Allots each delivery to the regions. By appointments: in proportion to each region's expected doses of the
     * brand (first and second, allocation rules included) up to the day the next lot of the brand is usable, less what
     * the earlier lots brought it (lots are allotted in the order they become usable); when no region lacks any,
     * in proportion to its doses expected from the day the lot is usable; then over the whole campaign; then by population; then by the capacity of the sites that give the brand; else
     * evenly.
     */
    private List<DeliveryAllotment> layOutArrivals() {
        List<DeliveryAllotment> result = new ArrayList<>();
        if (days == 0 || regions.isEmpty()) {
            return result;
        }
        double[][][] demand = expectedDemand();
        double[] population = new double[regions.size()];
        for (Region region : plan.regions()) {
            population[regions.indexOf(region.name())] = region.population();
        }
        // Lots in the order they become usable, so that each can make up what the earlier ones left short.
        List<Delivery> ordered = new ArrayList<>(plan.deliveries().stream()
                .filter(d -> d.status() != DeliveryStatus.CANCELLED).toList());
        ordered.sort(Comparator.comparing((Delivery d) -> d.usableFrom(brands.get(brandIndex(d.brand())))));
        double[][] allottedSoFar = new double[brands.size()][regions.size()];
        double[][][] demandUpTo = new double[regions.size()][brands.size()][days + 1];
        for (int r = 0; r < regions.size(); r++) {
            for (int b = 0; b < brands.size(); b++) {
                for (int day = 0; day < days; day++) {
                    demandUpTo[r][b][day + 1] = demandUpTo[r][b][day] + demand[r][b][day];
                }
            }
        }
        for (int i = 0; i < ordered.size(); i++) {
            Delivery delivery = ordered.get(i);
            int b = brandIndex(delivery.brand());
            int next = days;
            for (int j = i + 1; j < ordered.size(); j++) {
                if (ordered.get(j).brand().equals(delivery.brand())) {
                    int usable = Math.max(0, index(ordered.get(j).usableFrom(brands.get(b))));
                    if (usable > Math.max(0, index(delivery.usableFrom(brands.get(b))))) {
                        next = Math.min(days, usable);
                        break;
                    }
                }
            }
            int horizon = next;
            // A lot can be given only after national lot release and distribution: its lead time after arrival.
            int d = Math.max(0, index(delivery.usableFrom(brands.get(b))));
            if (d >= days) {
                continue;
            }
            double[] weight = new double[regions.size()];
            Allotment allotment = delivery.allotment();
            if (allotment.isExplicit()) {
                allotment.dosesByRegion().forEach((name, doses) -> {
                    int r = regions.indexOf(name);
                    if (r >= 0) {
                        weight[r] += doses;
                    }
                });
            } else {
                if (allotment.rule() == AllotmentRule.POPULATION) {
                    System.arraycopy(population, 0, weight, 0, weight.length);
                }
                if (sum(weight) <= 0) {
                    // What each region's appointments of the brand up to the next lot still lack after the earlier
                    // lots: doses on hand count.
                    for (int r = 0; r < regions.size(); r++) {
                        weight[r] = Math.max(0, demandUpTo[r][b][horizon] - allottedSoFar[b][r]);
                    }
                }
                if (sum(weight) <= 0) {
                    for (int r = 0; r < regions.size(); r++) {
                        for (int day = d; day < days; day++) {
                            weight[r] += demand[r][b][day];
                        }
                    }
                }
                if (sum(weight) <= 0) {
                    for (int r = 0; r < regions.size(); r++) {
                        weight[r] = sum(demand[r][b]);
                    }
                }
                if (sum(weight) <= 0) {
                    System.arraycopy(population, 0, weight, 0, weight.length);
                }
                if (sum(weight) <= 0) {
                    for (int r = 0; r < regions.size(); r++) {
                        weight[r] = sum(brandCapacity[r][b]);
                    }
                }
                if (sum(weight) <= 0) {
                    Arrays.fill(weight, 1);
                }
            }
            double total = sum(weight);
            // An explicit split lists doses; they are what reaches each region (the validator reports a split that
            // does not add up). A rule shares the delivery's doses out.
            double scale = allotment.isExplicit() ? 1 : total > 0 ? delivery.doses() / total : 0;
            double[] doses = new double[regions.size()];
            for (int r = 0; r < regions.size(); r++) {
                doses[r] = weight[r] * scale;
            }
            // Doses reach regions whole: the stock of each is what its allotment lists.
            Map<String, Long> whole = wholeDoses(doses,
                    allotment.isExplicit() ? Math.round(sum(doses)) : delivery.doses());
            for (int r = 0; r < regions.size(); r++) {
                long reached = whole.get(regions.get(r));
                allottedSoFar[b][r] += reached;
                allotted[r][b][d] += reached;
                arrivals[b][d] += reached;
            }
            result.add(new DeliveryAllotment(delivery.id(), delivery.brand(), day(d), allotment.rule(), whole));
        }
        return List.copyOf(result);
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
            byRegion.put(regions.get(r), whole[r]);
        }
        return byRegion;
    }

    /**
     * [region][brand][day]: doses the expected bookers would take, first doses and their second doses, on the days a
     * site of the region gives the brand.
     */
    private double[][][] expectedDemand() {
        double[][][] demand = new double[regions.size()][brands.size()][days];
        for (int c = 0; c < cohorts.size(); c++) {
            double bookers = cohorts.get(c).expectedBookers();
            for (int r = 0; r < regions.size(); r++) {
                for (int d = 0; d < days; d++) {
                    double people = bookers * firstDoseSpread[c][r][d];
                    if (people <= 0) {
                        continue;
                    }
                    double[] in = sharesIn(c, r, d);
                    for (int b = 0; b < brands.size(); b++) {
                        // Appointments exist only where a site of the region gives the brand that day: people
                        // of a region without one are short whatever it is allotted, so it is allotted none.
                        if (brandCapacity[r][b][d] <= 0) {
                            continue;
                        }
                        double part = people * in[b];
                        demand[r][b][d] += part;
                        int second = secondDoseDay[r][b][d];
                        if (second >= 0 && brandCapacity[r][b][second] > 0) {
                            demand[r][b][second] += part;
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

    private List<Move> layOutTransfers() {
        List<Move> result = new ArrayList<>();
        if (days == 0) {
            return result;
        }
        for (Transfer transfer : plan.transfers()) {
            int from = regions.indexOf(transfer.fromRegion());
            int to = regions.indexOf(transfer.toRegion());
            int b = brands.stream().map(VaccineBrand::name).toList().indexOf(transfer.brand());
            int shipped = Math.max(0, index(transfer.shipped()));
            if (from < 0 || to < 0 || b < 0 || shipped >= days) {
                continue;
            }
            int usable = Math.max(shipped, index(transfer.usableFrom()));
            result.add(new Move(transfer, b, from, to, shipped, usable));
        }
        result.sort(Comparator.comparingInt(Move::shipped));
        return List.copyOf(result);
    }

    /** A transfer laid out on the schedule's days. */
    record Move(Transfer transfer, int brand, int from, int to, int shipped, int usable) {
    }

    /**
     * Lays out the allocation rules: in a covered region and day, the rule's shares apply at every site group but
     * the excepted ones, which keep the cohort's shares; the two are blended by the day's capacity of each.
     */
    private void layOutRules() {
        for (AllocationRule rule : plan.allocationRules()) {
            int c = cohortIndex(rule.cohortId());
            if (c < 0 || days == 0) {
                continue;
            }
            double[] own = new double[brands.size()];
            for (int b = 0; b < brands.size(); b++) {
                own[b] = rule.brands().shareOf(brands.get(b).name());
            }
            for (String name : rule.regions()) {
                int r = regions.indexOf(name);
                if (r < 0) {
                    continue;
                }
                int from = Math.max(0, index(rule.firstDay()));
                int to = Math.min(days - 1, index(rule.lastDay()));
                for (int d = from; d <= to; d++) {
                    double excepted = 0;
                    LocalDate day = day(d);
                    for (SiteGroup site : plan.sites()) {
                        if (site.region().equals(name) && rule.exceptSiteGroups().contains(site.name())
                                && site.isOpenOn(day) && !plan.isHoliday(day)) {
                            excepted += site.dosesPerDay();
                        }
                    }
                    double kept = regionCapacity[r][d] > 0 ? Math.min(1, excepted / regionCapacity[r][d]) : 0;
                    double[] in = new double[brands.size()];
                    for (int b = 0; b < brands.size(); b++) {
                        in[b] = kept * shares[c][b] + (1 - kept) * own[b];
                    }
                    if (ruleShares[c][r] == null) {
                        ruleShares[c][r] = new double[days][];
                    }
                    ruleShares[c][r][d] = in;
                }
            }
        }
    }

    /** The brand shares in force for cohort {@code c} in region {@code r} on day {@code d}. */
    double[] sharesIn(int c, int r, int d) {
        double[][] byDay = ruleShares[c][r];
        return byDay != null && byDay[d] != null ? byDay[d] : shares[c];
    }

    boolean ruled(int c, int r, int d) {
        return ruleShares[c][r] != null && ruleShares[c][r][d] != null;
    }

    int brandIndex(String name) {
        for (int b = 0; b < brands.size(); b++) {
            if (brands.get(b).name().equals(name)) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown brand " + name);
    }

    int cohortIndex(String id) {
        for (int c = 0; c < cohorts.size(); c++) {
            if (cohorts.get(c).id().equals(id)) {
                return c;
            }
        }
        return -1;
    }

    /**
     * Spreads each cohort over regions by population (by capacity when the plan gives no population), and within a
     * region over the days of its period by the capacity of the sites that give its brands. A region with no such
     * capacity in the period still gets its people, evenly, so that the shortfall shows.
     */
    private void layOutFirstDoses() {
        double[] population = new double[regions.size()];
        for (Region region : plan.regions()) {
            population[regions.indexOf(region.name())] = region.population();
        }
        for (int c = 0; c < cohorts.size(); c++) {
            Cohort cohort = cohorts.get(c);
            int from = Math.max(0, index(cohort.vaccinationPeriod().firstDay()));
            int to = Math.min(days - 1, index(cohort.vaccinationPeriod().lastDay()));
            double[][] capacityByDay = new double[regions.size()][days];
            double[] regionWeight = new double[regions.size()];
            for (int r = 0; r < regions.size(); r++) {
                for (int d = from; d <= to; d++) {
                    double capacity = 0;
                    double[] in = sharesIn(c, r, d);
                    for (int b = 0; b < brands.size(); b++) {
                        if (in[b] > 0) {
                            capacity = Math.max(capacity, brandCapacity[r][b][d]);
                        }
                    }
                    capacityByDay[r][d] = Math.min(capacity, regionCapacity[r][d]);
                    regionWeight[r] += capacityByDay[r][d];
                }
            }
            double totalPopulation = 0;
            for (double p : population) {
                totalPopulation += p;
            }
            if (totalPopulation > 0) {
                regionWeight = population.clone();
            }
            double totalWeight = 0;
            for (double w : regionWeight) {
                totalWeight += w;
            }
            if (totalWeight <= 0) {
                continue;
            }
            for (int r = 0; r < regions.size(); r++) {
                double regionShare = regionWeight[r] / totalWeight;
                double capacityInPeriod = 0;
                for (int d = from; d <= to; d++) {
                    capacityInPeriod += capacityByDay[r][d];
                }
                for (int d = from; d <= to; d++) {
                    double dayShare = capacityInPeriod > 0 ? capacityByDay[r][d] / capacityInPeriod
                            : 1.0 / (to - from + 1);
                    firstDoseSpread[c][r][d] = regionShare * dayShare;
                }
            }
        }
    }

    private void layOutSecondDoseDays() {
        for (int r = 0; r < regions.size(); r++) {
            for (int b = 0; b < brands.size(); b++) {
                VaccineBrand brand = brands.get(b);
                double[] capacity = brandCapacity[r][b];
                for (int d = 0; d < days; d++) {
                    if (!brand.needsSecondDose()) {
                        secondDoseDay[r][b][d] = -1;
                        continue;
                    }
                    final int firstDay = d;
                    int offset = SecondDoseDay.offset(brand.interval(),
                            after -> firstDay + after < days && capacity[firstDay + after] > 0);
                    int target = firstDay + (offset < 0 ? brand.interval().days() : offset);
                    secondDoseDay[r][b][d] = target < days ? target : -1;
                }
            }
        }
    }

    /** Bookers each cohort brings when everyone expected books. */
    double[] expectedBookers() {
        double[] bookers = new double[cohorts.size()];
        for (int c = 0; c < bookers.length; c++) {
            bookers[c] = cohorts.get(c).expectedBookers();
        }
        return bookers;
    }

    /** One walk over the days. */
    Run run(double[] bookers) {
        Run run = new Run(cohorts.size(), regions.size(), brands.size(), days, moves.size());
        int cohortCount = cohorts.size();
        int regionCount = regions.size();
        int brandCount = brands.size();
        double[][] quota = new double[cohortCount][brandCount];
        for (int c = 0; c < cohortCount; c++) {
            for (int b = 0; b < brandCount; b++) {
                quota[c][b] = bookers[c] * shares[c][b];
            }
        }
        double[][] free = new double[regionCount][brandCount];
        double[][] held = new double[regionCount][brandCount];
        double[][][] inTransit = new double[regionCount][brandCount][days];
        double[] regionLeft = new double[regionCount];
        double[][] capacityFactor = new double[regionCount][brandCount];
        double[] demand = new double[brandCount];
        int nextMove = 0;
        for (int d = 0; d < days; d++) {
            for (int r = 0; r < regionCount; r++) {
                for (int b = 0; b < brandCount; b++) {
                    free[r][b] += allotted[r][b][d] + inTransit[r][b][d];
                    run.transferredIn[d][run.stockCell(r, b)] += inTransit[r][b][d];
                }
            }
            // Transfers leave the sending region's free stock: never more than it has.
            while (nextMove < moves.size() && moves.get(nextMove).shipped() == d) {
                Move move = moves.get(nextMove);
                double sent = Math.min(move.transfer().doses(), Math.max(0, free[move.from()][move.brand()]));
                free[move.from()][move.brand()] -= sent;
                run.transferredOut[d][run.stockCell(move.from(), move.brand())] += sent;
                run.sent[nextMove] = sent;
                if (move.usable() < days) {
                    if (move.usable() == d) {
                        free[move.to()][move.brand()] += sent;
                        run.transferredIn[d][run.stockCell(move.to(), move.brand())] += sent;
                    } else {
                        inTransit[move.to()][move.brand()][move.usable()] += sent;
                    }
                }
                nextMove++;
            }
            for (int r = 0; r < regionCount; r++) {
                regionLeft[r] = regionCapacity[r][d];
            }
            double[][] brandLeft = new double[regionCount][brandCount];
            for (int r = 0; r < regionCount; r++) {
                for (int b = 0; b < brandCount; b++) {
                    brandLeft[r][b] = brandCapacity[r][b][d];
                }
            }

            // Second doses: capacity, then the region's stock (held doses first).
            for (int r = 0; r < regionCount; r++) {
                Arrays.fill(demand, 0);
                for (int c = 0; c < cohortCount; c++) {
                    for (int b = 0; b < brandCount; b++) {
                        demand[b] += run.secondDue[d][run.cell(c, r, b)];
                    }
                }
                fitCapacity(demand, brandLeft[r], r, regionLeft, capacityFactor[r]);
                for (int b = 0; b < brandCount; b++) {
                    double wanted = demand[b] * capacityFactor[r][b];
                    if (wanted <= 0) {
                        continue;
                    }
                    double available = free[r][b] + held[r][b];
                    double stockFactor = wanted <= available ? 1 : Math.max(0, available) / wanted;
                    double given = wanted * stockFactor;
                    double fromHeld = Math.min(held[r][b], given);
                    held[r][b] -= fromHeld;
                    free[r][b] -= given - fromHeld;
                    for (int c = 0; c < cohortCount; c++) {
                        double due = run.secondDue[d][run.cell(c, r, b)];
                        if (due <= 0) {
                            continue;
                        }
                        double servedByCapacity = due * capacityFactor[r][b];
                        double served = servedByCapacity * stockFactor;
                        run.secondGiven[d][run.cell(c, r, b)] = served;
                        run.secondShortOfDoses[d][run.cell(c, r, b)] = servedByCapacity - served;
                    }
                    run.given[b][d] += given;
                    run.regionGiven[d][run.stockCell(r, b)] += given;
                }
            }

            // First doses: split by brand, capacity, then the region's stock.
            double[][] firstWanted = run.firstBooked;
            for (int c = 0; c < cohortCount; c++) {
                if (bookers[c] <= 0) {
                    continue;
                }
                double remaining = 0;
                for (int b = 0; b < brandCount; b++) {
                    remaining += Math.max(0, quota[c][b]);
                }
                for (int r = 0; r < regionCount; r++) {
                    double people = bookers[c] * firstDoseSpread[c][r][d];
                    if (people <= 0) {
                        continue;
                    }
                    if (ruled(c, r, d)) {
                        double[] in = ruleShares[c][r][d];
                        for (int b = 0; b < brandCount; b++) {
                            firstWanted[d][run.cell(c, r, b)] = people * in[b];
                        }
                        continue;
                    }
                    for (int b = 0; b < brandCount; b++) {
                        double part = remaining > EPSILON ? Math.max(0, quota[c][b]) / remaining : shares[c][b];
                        firstWanted[d][run.cell(c, r, b)] = people * part;
                    }
                }
            }
            for (int r = 0; r < regionCount; r++) {
                Arrays.fill(demand, 0);
                for (int c = 0; c < cohortCount; c++) {
                    for (int b = 0; b < brandCount; b++) {
                        demand[b] += firstWanted[d][run.cell(c, r, b)];
                    }
                }
                fitCapacity(demand, brandLeft[r], r, regionLeft, capacityFactor[r]);
                for (int b = 0; b < brandCount; b++) {
                    double wanted = demand[b] * capacityFactor[r][b];
                    double dosesWanted = wanted * dosesPerFirstDose[b];
                    double stockFactor = dosesWanted <= free[r][b] || dosesWanted <= 0 ? 1
                            : Math.max(0, free[r][b]) / dosesWanted;
                    double given = wanted * stockFactor;
                    free[r][b] -= given * dosesPerFirstDose[b];
                    held[r][b] += given * (dosesPerFirstDose[b] - 1);
                    run.given[b][d] += given;
                    run.regionGiven[d][run.stockCell(r, b)] += given;
                    for (int c = 0; c < cohortCount; c++) {
                        double people = firstWanted[d][run.cell(c, r, b)];
                        if (people <= 0) {
                            continue;
                        }
                        double byCapacity = people * capacityFactor[r][b];
                        double served = byCapacity * stockFactor;
                        run.firstGiven[d][run.cell(c, r, b)] = served;
                        run.firstShortOfCapacity[d][run.cell(c, r, b)] = people - byCapacity;
                        run.firstShortOfDoses[d][run.cell(c, r, b)] = byCapacity - served;
                        if (!ruled(c, r, d)) {
                            quota[c][b] -= served;
                        }
                    }
                }
            }
            substitute(run, d, quota, free, held, brandLeft, regionLeft);

            // Second doses of today's first doses.
            for (int c = 0; c < cohortCount; c++) {
                for (int r = 0; r < regionCount; r++) {
                    for (int b = 0; b < brandCount; b++) {
                        double served = run.firstGiven[d][run.cell(c, r, b)];
                        int second = secondDoseDay[r][b][d];
                        if (served > 0 && second >= 0) {
                            run.secondDue[second][run.cell(c, r, b)] += served;
                        }
                    }
                }
            }
            for (int r = 0; r < regionCount; r++) {
                for (int b = 0; b < brandCount; b++) {
                    run.regionFree[d][run.stockCell(r, b)] = Math.max(0, free[r][b]);
                    run.regionHeld[d][run.stockCell(r, b)] = Math.max(0, held[r][b]);
                    run.free[b][d] += Math.max(0, free[r][b]);
                    run.held[b][d] += Math.max(0, held[r][b]);
                }
            }
        }
        return run;
    }

    /**
     * A cohort with several brands: people a brand left without a dose get another of the cohort's brands that
     * still has share, stock in their region and capacity; their appointment moves to that brand. Where an
     * allocation rule holds, the other brands are the rule's.
     */
    private void substitute(Run run, int d, double[][] quota, double[][] free, double[][] held, double[][] brandLeft,
            double[] regionLeft) {
        for (int c = 0; c < cohorts.size(); c++) {
            boolean anyRule = false;
            for (int r = 0; r < regions.size() && !anyRule; r++) {
                anyRule = ruled(c, r, d);
            }
            if (cohorts.get(c).brands().shares().size() < 2 && !anyRule) {
                continue;
            }
            for (int r = 0; r < regions.size(); r++) {
                boolean ruled = ruled(c, r, d);
                double[] in = sharesIn(c, r, d);
                for (int b = 0; b < brands.size(); b++) {
                    double unserved = run.firstShortOfDoses[d][run.cell(c, r, b)]
                            + run.firstShortOfCapacity[d][run.cell(c, r, b)];
                    if (unserved <= EPSILON) {
                        continue;
                    }
                    for (int other = 0; other < brands.size() && unserved > EPSILON; other++) {
                        if (other == b || in[other] <= 0 || (!ruled && quota[c][other] <= EPSILON)) {
                            continue;
                        }
                        // People short of doses already hold a place at a site, which the other brand can use.
                        double placed = run.firstShortOfDoses[d][run.cell(c, r, b)];
                        double room = Math.min(brandLeft[r][other], regionLeft[r]) + placed;
                        double allowed = ruled ? unserved : Math.min(unserved, quota[c][other]);
                        double moved = Math.min(allowed,
                                Math.min(room, Math.max(0, free[r][other]) / dosesPerFirstDose[other]));
                        if (moved <= EPSILON) {
                            continue;
                        }
                        unserved -= moved;
                        double fromDoses = Math.min(placed, moved);
                        run.firstShortOfDoses[d][run.cell(c, r, b)] -= fromDoses;
                        run.firstShortOfCapacity[d][run.cell(c, r, b)] -= moved - fromDoses;
                        run.firstBooked[d][run.cell(c, r, b)] -= moved;
                        run.firstBooked[d][run.cell(c, r, other)] += moved;
                        run.firstGiven[d][run.cell(c, r, other)] += moved;
                        if (!ruled) {
                            quota[c][other] -= moved;
                        }
                        free[r][other] -= moved * dosesPerFirstDose[other];
                        held[r][other] += moved * (dosesPerFirstDose[other] - 1);
                        run.given[other][d] += moved;
                        run.regionGiven[d][run.stockCell(r, other)] += moved;
                        brandLeft[r][other] -= moved - fromDoses;
                        regionLeft[r] -= moved - fromDoses;
                        for (int any = 0; any < brands.size(); any++) {
                            brandLeft[r][any] = Math.min(brandLeft[r][any], regionLeft[r]);
                        }
                    }
                }
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

    /**
     * The figures of one walk. Per-person figures are indexed [day][cell], a cell being one cohort, region and brand
     * ({@link #cell}), so that a day's figures lie together in memory; per-brand figures are [brand][day].
     */
    static final class Run {
        final int cohorts;
        final int regions;
        final int brands;
        /** First-dose appointments, after moves between brands. */
        final double[][] firstBooked;
        final double[][] firstGiven;
        final double[][] firstShortOfDoses;
        final double[][] firstShortOfCapacity;
        final double[][] secondDue;
        final double[][] secondGiven;
        final double[][] secondShortOfDoses;
        /** [brand][day], nationwide. */
        final double[][] free;
        final double[][] held;
        final double[][] given;
        /** [day][region × brand] ({@link #stockCell}): the region's stock of the brand at the end of the day. */
        final double[][] regionFree;
        final double[][] regionHeld;
        final double[][] regionGiven;
        final double[][] transferredIn;
        final double[][] transferredOut;
        /** [transfer]: doses actually sent (no more than the sending region had). */
        final double[] sent;

        Run(int cohorts, int regions, int brands, int days, int transfers) {
            this.cohorts = cohorts;
            this.regions = regions;
            this.brands = brands;
            int cells = cohorts * regions * brands;
            firstBooked = new double[days][cells];
            firstGiven = new double[days][cells];
            firstShortOfDoses = new double[days][cells];
            firstShortOfCapacity = new double[days][cells];
            secondDue = new double[days][cells];
            secondGiven = new double[days][cells];
            secondShortOfDoses = new double[days][cells];
            free = new double[brands][days];
            held = new double[brands][days];
            given = new double[brands][days];
            regionFree = new double[days][regions * brands];
            regionHeld = new double[days][regions * brands];
            regionGiven = new double[days][regions * brands];
            transferredIn = new double[days][regions * brands];
            transferredOut = new double[days][regions * brands];
            sent = new double[transfers];
        }

        int stockCell(int r, int b) {
            return r * brands + b;
        }

        int cell(int c, int r, int b) {
            return (c * regions + r) * brands + b;
        }

        /** Doses given in a region on a day, every cohort, brand and dose. */
        double givenIn(int r, int d) {
            double total = 0;
            for (int c = 0; c < cohorts; c++) {
                for (int b = 0; b < brands; b++) {
                    total += firstGiven[d][cell(c, r, b)] + secondGiven[d][cell(c, r, b)];
                }
            }
            return total;
        }

        double secondShort(int c, int r, int b, int d) {
            return secondDue[d][cell(c, r, b)] - secondGiven[d][cell(c, r, b)];
        }

        double firstShort(int c, int r, int b, int d) {
            return firstShortOfDoses[d][cell(c, r, b)] + firstShortOfCapacity[d][cell(c, r, b)];
        }

        /** People (every cohort, region, brand, day and dose) who get no dose on their day. */
        double peopleShort() {
            double total = 0;
            for (int d = 0; d < secondDue.length; d++) {
                for (int cell = 0; cell < secondDue[d].length; cell++) {
                    total += firstShortOfDoses[d][cell] + firstShortOfCapacity[d][cell] + secondDue[d][cell]
                            - secondGiven[d][cell];
                }
            }
            return total;
        }
    }

    List<Integer> cohortsInBookingOrder() {
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < cohorts.size(); c++) {
            order.add(c);
        }
        order.sort(Comparator.comparing((Integer c) -> cohorts.get(c).window().opens())
                .thenComparing(c -> cohorts.get(c).id()));
        return order;
    }
}
