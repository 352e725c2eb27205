package org.cohortplanner.planning.schedule;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.cohortplanner.domain.AllocationRule;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.CohortGroup;
import org.cohortplanner.domain.DoseInterval;
import org.cohortplanner.domain.IntervalPolicy;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.Region;
import org.cohortplanner.domain.SiteGroup;
import org.cohortplanner.domain.Transfer;
import org.cohortplanner.domain.VaccineBrand;

/**
 * The day-by-day supply model behind {@link Schedule} and {@link DoseBudget}. Everything a plan fixes (days,
 * regions, capacity, arrivals, where each cohort's first doses fall) is laid out once in arrays (the deliveries'
 * allotment to regions by {@link DeliveryAllotter}); {@link #run} then walks the days for given numbers of bookers
 * per cohort ({@link ScheduleWalk}), so that a budget search can run it many times.
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
    /**
     * [cohort][part]: the share of the cohort's people in each part: part 0 the people in no named group, then one
     * part per named group, in the cohort's order.
     */
    final double[][] partShare;
    /** [cohort][part]: the named group of the part, null for part 0. */
    final String[][] partGroup;
    /** [cohort][part]: the interval class of the part ({@link #classSecondDay}). */
    final int[][] partClass;
    /**
     * [class][region][brand][day]: like {@link #secondDoseDay}, under the plan's interval policies for people of one
     * group name that a policy treats apart (class 0: everyone else). Arrays the policies leave alone are shared.
     */
    final int[][][][] classSecondDay;

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
        partShare = new double[cohorts.size()][];
        partGroup = new String[cohorts.size()][];
        partClass = new int[cohorts.size()][];
        classSecondDay = layOutGroups();
        arrivals = new double[brandCount][days];
        allotted = new double[regionCount][brandCount][days];
        allotments = new DeliveryAllotter(this).allotAll();
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
                for (int d = 0; d < days; d++) {
                    secondDoseDay[r][b][d] = brand.needsSecondDose() ? secondDay(r, b, d, brand.interval().days())
                            : -1;
                }
            }
        }
    }

    /** The day index of the second dose after a first dose on day {@code d}, {@code interval} days later by rule. */
    private int secondDay(int r, int b, int d, int interval) {
        VaccineBrand brand = brands.get(b);
        double[] capacity = brandCapacity[r][b];
        DoseInterval allowed = brand.interval().withDays(interval);
        int offset = SecondDoseDay.offset(allowed, after -> d + after < days && capacity[d + after] > 0);
        int target = d + (offset < 0 ? interval : offset);
        return target < days ? target : -1;
    }

    /**
     * Lays out each cohort's parts (its people in no named group, then each named group) and the second-dose days of
     * each interval class: one class for the people no policy treats apart, one per group name that a policy
     * exempts or gives its own interval. Without policies everyone is in class 0, the label interval.
     */
    private int[][][][] layOutGroups() {
        Set<String> treatedApart = new HashSet<>();
        for (IntervalPolicy policy : plan.intervalPolicies()) {
            policy.exceptions().forEach(e -> treatedApart.add(e.group()));
        }
        List<String> classes = new ArrayList<>();
        classes.add(null);
        for (int c = 0; c < cohorts.size(); c++) {
            Cohort cohort = cohorts.get(c);
            int parts = cohort.groups().size() + 1;
            partShare[c] = new double[parts];
            partGroup[c] = new String[parts];
            partClass[c] = new int[parts];
            double grouped = 0;
            for (int p = 1; p < parts; p++) {
                CohortGroup group = cohort.groups().get(p - 1);
                double share = Math.min(group.shareOf(cohort.eligible()), Math.max(0, 1 - grouped));
                partShare[c][p] = share;
                grouped += share;
                partGroup[c][p] = group.name();
                if (treatedApart.contains(group.name())) {
                    int k = classes.indexOf(group.name());
                    if (k < 0) {
                        classes.add(group.name());
                        k = classes.size() - 1;
                    }
                    partClass[c][p] = k;
                }
            }
            partShare[c][0] = Math.max(0, 1 - grouped);
        }
        int[][][][] result = new int[classes.size()][regions.size()][brands.size()][];
        for (int b = 0; b < brands.size(); b++) {
            VaccineBrand brand = brands.get(b);
            boolean covered = brand.needsSecondDose() && !plan.intervalPoliciesOf(brand.name()).isEmpty();
            for (int k = 0; k < classes.size(); k++) {
                int[] interval = null;
                if (covered) {
                    interval = new int[days];
                    boolean changed = false;
                    for (int d = 0; d < days; d++) {
                        interval[d] = plan.intervalDays(brand, day(d), classes.get(k));
                        changed |= interval[d] != brand.interval().days();
                    }
                    interval = changed ? interval : null;
                }
                for (int r = 0; r < regions.size(); r++) {
                    if (interval == null) {
                        result[k][r][b] = secondDoseDay[r][b];
                        continue;
                    }
                    int[] second = new int[days];
                    for (int d = 0; d < days; d++) {
                        second[d] = secondDay(r, b, d, interval[d]);
                    }
                    result[k][r][b] = second;
                }
            }
        }
        return result;
    }

    /** The second-dose day index of part {@code p} of cohort {@code c} after a first dose in region r on day d. */
    int secondDoseDay(int c, int p, int r, int b, int d) {
        return classSecondDay[partClass[c][p]][r][b][d];
    }

    /** Bookers each cohort brings when everyone expected books. */
    double[] expectedBookers() {
        double[] bookers = new double[cohorts.size()];
        for (int c = 0; c < bookers.length; c++) {
            bookers[c] = cohorts.get(c).expectedBookers();
        }
        return bookers;
    }

    /** One walk over the days, every cohort, the whole schedule. */
    Run run(double[] bookers) {
        int[] everyone = new int[cohorts.size()];
        for (int c = 0; c < everyone.length; c++) {
            everyone[c] = c;
        }
        return run(bookers, everyone, days - 1);
    }

    /**
     * One walk over days 0 to {@code through} for the cohorts {@code members} (ascending indices) alone. A cohort left
     * out must book nobody: it then takes no capacity, stock or second doses, so the members' figures are exactly
     * those of the walk with every cohort; and nothing on a day depends on a later one, so those of the days walked
     * are too.
     */
    Run run(double[] bookers, int[] members, int through) {
        return new ScheduleWalk(this).walk(bookers, members, Math.min(through, days - 1) + 1);
    }

    /**
     * The figures of one walk. Per-person figures are indexed [day][cell], a cell being one cohort, region and brand
     * ({@link #cell}), so that a day's figures lie together in memory; per-brand figures are [brand][day].
     */
    static final class Run {
        final int regions;
        final int brands;
        /** Days walked: from the first day of the schedule. */
        final int days;
        /** The cohorts walked, by their index in the schedule, ascending. */
        final int[] members;
        /** [cohort]: its place among {@link #members}, -1 for a cohort not walked. */
        private final int[] slot;
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

        Run(int cohorts, int[] members, int regions, int brands, int days, int transfers) {
            this.regions = regions;
            this.brands = brands;
            this.days = days;
            this.members = members;
            this.slot = new int[cohorts];
            Arrays.fill(slot, -1);
            for (int m = 0; m < members.length; m++) {
                slot[members[m]] = m;
            }
            int cells = members.length * regions * brands;
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

        /** The cell of cohort {@code c} (its index in the schedule), which must be one of the members walked. */
        int cell(int c, int r, int b) {
            return slotCell(slot[c], r, b);
        }

        /** The cell of the {@code m}-th member walked. */
        int slotCell(int m, int r, int b) {
            return (m * regions + r) * brands + b;
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
