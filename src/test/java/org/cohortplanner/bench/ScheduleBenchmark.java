package org.cohortplanner.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.cohortplanner.domain.BrandAllocation;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Delivery;
import org.cohortplanner.domain.DeliveryStatus;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.Region;
import org.cohortplanner.domain.SiteGroup;
import org.cohortplanner.domain.VaccineBrand;
import org.cohortplanner.planning.schedule.Schedule;
import org.cohortplanner.planning.slip.SlipImpact;
import org.cohortplanner.planning.slip.SlipSuggestions;
import org.cohortplanner.planning.slip.Suggestion;
import org.cohortplanner.cli.LargestPlanTest;
import org.cohortplanner.store.json.PlanFiles;

/**
 * Wall time of the daily schedule of the whole as-run sample and of the slip suggestions for one delivery, each
 * against a plain baseline measured in the same run. Not a test: it prints, it never fails on time.
 *
 * <pre>
 * mvn -B -q test-compile
 * java -cp target/classes:target/test-classes:$(mvn -B -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout) \
 *      org.cohortplanner.bench.ScheduleBenchmark [sample-data]
 * </pre>
 *
 * Baselines: for the schedule, the same day-by-day rules written the obvious way (maps keyed by day, region,
 * cohort and brand, site capacity looked up by scanning the site groups); for the suggestions, a grid search that
 * tries every other brand for every short cohort at 5 % steps of share and every shift and stretch, judging each by
 * building the full schedule.
 */
public final class ScheduleBenchmark {
    private static final int WARM_UP = 5;
    private static final int RUNS = 15;

    private ScheduleBenchmark() {
    }

    public static void main(String[] args) {
        Path folder = Path.of(args.length > 0 ? args[0] : "sample-data");
        Plan asRun = PlanFiles.read(folder.resolve("korea-2021-as-run.json"));
        Plan initial = PlanFiles.read(folder.resolve("korea-2021-initial.json"));
        System.out.printf("as-run sample: %d cohorts, %d regions, %d brands, %d site groups%n",
                asRun.cohorts().size(), asRun.regions().size(), asRun.brands().size(), asRun.sites().size());

        double[] people = new double[2];
        double schedule = time(() -> Schedule.of(asRun).rows().size());
        double plain = time(() -> {
            people[1] = naiveFirstDoseSchedule(asRun);
            return 0;
        });
        people[0] = Schedule.of(asRun).rows().stream().filter(r -> r.dose() == 1).mapToLong(r -> r.served()).sum();
        System.out.printf("schedule (as-run, %d rows): %.1f ms; plain baseline %.1f ms; ratio %.1fx "
                        + "(first doses given: %.0f vs baseline %.0f)%n", Schedule.of(asRun).rows().size(), schedule,
                plain, plain / schedule, people[0], people[1]);

        largestPlans(asRun, schedule);

        SlipImpact impact = SlipImpact.of(initial, "MOD-2021-W28", LocalDate.of(2021, 7, 30));
        double suggest = time(() -> SlipSuggestions.of(SlipImpact.of(initial, "MOD-2021-W28",
                LocalDate.of(2021, 7, 30))).size());
        List<Suggestion> suggestions = SlipSuggestions.of(impact);
        long[] gridBest = new long[1];
        double grid = time(() -> {
            gridBest[0] = gridSearch(impact);
            return 0;
        });
        System.out.printf("slip MOD-2021-W28 → 2021-07-30 (initial), impact and %d suggestions: %.1f ms; grid search "
                        + "%.1f ms; ratio %.1fx (fewest people moved by a swap that removes the shortage: %d vs grid "
                        + "%d)%n", suggestions.size(), suggest, grid, grid / suggest,
                suggestions.stream().filter(s -> s.kind() == Suggestion.Kind.BRAND_SWAP && s.removesShortage())
                        .mapToLong(s -> s.effect().peopleMoved()).min().orElse(-1), gridBest[0]);
    }

    /**
     * The schedule of the largest plans the format allows (those of {@code LargestPlanTest}) against the as-run
     * sample's, measured above in the same run: the ratio of times beside the ratio of schedule cells (cohorts ×
     * regions × brands × days) shows whether the time grows with the schedule's size or faster.
     */
    private static void largestPlans(Plan sample, double sampleMillis) {
        long sampleCells = cells(sample);
        Map<String, String> plans = new LinkedHashMap<>();
        plans.put("every birth year × every province", LargestPlanTest.largestPlan());
        plans.put("2,000 cohorts", LargestPlanTest.mostCohorts());
        for (Map.Entry<String, String> entry : plans.entrySet()) {
            Plan plan = PlanFiles.read(new java.io.ByteArrayInputStream(
                    entry.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8)), entry.getKey());
            double millis = time(() -> Schedule.of(plan).rows().size(), 2, 5);
            long cells = cells(plan);
            System.out.printf("schedule (largest plan, %s: %d cohorts, %,d cells, %,d rows): %.1f ms; as-run "
                            + "sample baseline %.1f ms (%,d cells); time ratio %.1fx for %.1fx the cells%n",
                    entry.getKey(), plan.cohorts().size(), cells, Schedule.of(plan).rows().size(), millis,
                    sampleMillis, sampleCells, millis / sampleMillis, cells / (double) sampleCells);
        }
    }

    /** Cohorts × regions × brands × days of the schedule, as the plan format's limit counts them. */
    private static long cells(Plan plan) {
        LocalDate first = plan.cohorts().stream().map(c -> c.vaccinationPeriod().firstDay()).min(LocalDate::compareTo)
                .orElseThrow();
        LocalDate last = plan.cohorts().stream().map(c -> c.vaccinationPeriod().lastDay()).max(LocalDate::compareTo)
                .orElseThrow();
        int interval = plan.brands().stream().filter(VaccineBrand::needsSecondDose)
                .mapToInt(b -> b.interval().maximumDays()).max().orElse(0);
        long days = java.time.temporal.ChronoUnit.DAYS.between(first, last) + 1 + interval;
        return plan.cohorts().size() * (long) Math.max(1, plan.regions().size()) * plan.brands().size() * days;
    }

    /** Median milliseconds of {@link #RUNS} runs after {@link #WARM_UP}. */
    private static double time(Supplier<Integer> work) {
        return time(work, WARM_UP, RUNS);
    }

    /** Median milliseconds of {@code runs} runs after {@code warmUp}. */
    private static double time(Supplier<Integer> work, int warmUp, int runs) {
        long sink = 0;
        for (int i = 0; i < warmUp; i++) {
            sink += work.get();
        }
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            sink += work.get();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        java.util.Arrays.sort(times);
        if (sink == Long.MIN_VALUE) {
            System.out.println();
        }
        return times[runs / 2];
    }

    /**
     * First doses spread by population and capacity, given day by day against capacity and stock, second doses
     * reserved or drawn when due — the obvious way, with maps and scans.
     */
    static double naiveFirstDoseSchedule(Plan plan) {
        Map<String, Double> stock = new HashMap<>();
        Map<String, Double> secondDue = new HashMap<>();
        double given = 0;
        long population = plan.regions().stream().mapToLong(Region::population).sum();
        LocalDate first = plan.cohorts().stream().map(c -> c.vaccinationPeriod().firstDay()).min(LocalDate::compareTo)
                .orElseThrow();
        LocalDate last = plan.cohorts().stream().map(c -> c.vaccinationPeriod().lastDay()).max(LocalDate::compareTo)
                .orElseThrow().plusDays(84);
        java.util.Set<String> parents = new java.util.HashSet<>();
        plan.cohorts().forEach(c -> {
            if (c.parentId() != null) {
                parents.add(c.parentId());
            }
        });
        for (LocalDate day = first.minusDays(60); !day.isAfter(last); day = day.plusDays(1)) {
            for (Delivery delivery : plan.deliveries()) {
                LocalDate usable = delivery.usableFrom(plan.brand(delivery.brand()).orElseThrow());
                LocalDate arrives = usable.isBefore(first) ? first : usable;
                if (arrives.equals(day) && delivery.status() != DeliveryStatus.CANCELLED) {
                    stock.merge(delivery.brand(), (double) delivery.doses(), Double::sum);
                }
            }
            if (day.isBefore(first)) {
                continue;
            }
            Map<String, Double> wanted = new LinkedHashMap<>();
            for (Cohort cohort : plan.cohorts()) {
                if (parents.contains(cohort.id()) || !cohort.vaccinationPeriod().contains(day)) {
                    continue;
                }
                for (Region region : plan.regions()) {
                    double inPeriod = 0;
                    for (LocalDate d = cohort.vaccinationPeriod().firstDay();
                            !d.isAfter(cohort.vaccinationPeriod().lastDay()); d = d.plusDays(1)) {
                        inPeriod += capacity(plan, region.name(), cohort.brands(), d);
                    }
                    double today = capacity(plan, region.name(), cohort.brands(), day);
                    if (inPeriod <= 0) {
                        continue;
                    }
                    double people = cohort.expectedBookers() * (double) region.population() / population * today
                            / inPeriod;
                    for (Map.Entry<String, Double> share : cohort.brands().shares().entrySet()) {
                        wanted.merge(share.getKey(), people * share.getValue(), Double::sum);
                    }
                }
            }
            for (VaccineBrand brand : plan.brands()) {
                double due = secondDue.getOrDefault(brand.name() + day, 0.0);
                double on = stock.getOrDefault(brand.name(), 0.0);
                stock.put(brand.name(), on - Math.min(on, due));
                double want = wanted.getOrDefault(brand.name(), 0.0);
                int per = plan.settings().reserveSecondDose() && brand.needsSecondDose() ? 2 : 1;
                double can = Math.min(want, stock.getOrDefault(brand.name(), 0.0) / per);
                stock.merge(brand.name(), -can * per, Double::sum);
                given += can;
                if (brand.needsSecondDose()) {
                    secondDue.merge(brand.name() + day.plusDays(brand.interval().days()), can, Double::sum);
                }
            }
        }
        return given;
    }

    private static double capacity(Plan plan, String region, BrandAllocation brands, LocalDate day) {
        if (plan.isHoliday(day)) {
            return 0;
        }
        double capacity = 0;
        for (SiteGroup site : plan.sites()) {
            if (site.region().equals(region) && site.isOpenOn(day)
                    && brands.shares().keySet().stream().anyMatch(site::gives)) {
                capacity += site.dosesPerDay();
            }
        }
        return capacity;
    }

    /** The fewest people moved by a single brand swap (5 % steps) that removes the shortage, by full schedules. */
    static long gridSearch(SlipImpact impact) {
        Plan plan = impact.planAfter();
        long before = impact.scheduleBefore().peopleShort();
        long best = Long.MAX_VALUE;
        for (String cohortId : impact.cohortsLosing()) {
            Cohort cohort = plan.cohort(cohortId).orElseThrow();
            for (VaccineBrand brand : plan.brands()) {
                if (cohort.brands().shareOf(brand.name()) >= 1) {
                    continue;
                }
                for (int step = 1; step <= 20; step++) {
                    double share = step * 0.05;
                    Map<String, Double> shares = new LinkedHashMap<>();
                    cohort.brands().shares().forEach((name, value) -> shares.put(name, value * (1 - share)));
                    shares.merge(brand.name(), share, Double::sum);
                    Plan candidate = plan.withCohort(cohort.withBrands(new BrandAllocation(shares)));
                    if (Schedule.of(candidate).peopleShort() <= before) {
                        best = Math.min(best, Math.round(share * cohort.expectedBookers()));
                        break;
                    }
                }
            }
            for (int weeks = 1; weeks <= 4; weeks++) {
                Schedule.of(plan.withCohort(cohort.withVaccinationPeriod(
                        cohort.vaccinationPeriod().shiftedBy(weeks * 7L))));
            }
        }
        for (VaccineBrand brand : plan.brands()) {
            for (int days = brand.interval().days() + 7; days <= brand.interval().maximumDays(); days += 7) {
                VaccineBrand longer = brand.withInterval(brand.interval().withDays(days));
                Schedule.of(plan.withBrands(plan.brands().stream().map(b -> b.name().equals(brand.name()) ? longer
                        : b).toList()));
            }
        }
        return best == Long.MAX_VALUE ? -1 : best;
    }
}
