package org.cohortplanner.simulation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.Region;
import org.cohortplanner.domain.SiteGroup;
import org.cohortplanner.planning.CohortFamilies;
import org.cohortplanner.planning.PlanValidator;
import org.cohortplanner.planning.Problem;
import org.cohortplanner.planning.schedule.BrandDay;
import org.cohortplanner.planning.schedule.RegionStockDay;
import org.cohortplanner.planning.schedule.Schedule;
import org.cohortplanner.planning.schedule.ScheduleRow;
import org.cohortplanner.work.Cancellation;
import org.cohortplanner.work.CancelledException;
import org.cohortplanner.work.Progress;

/**
 * Works out a plan's {@link CampaignFigures}: the schedule (doses, stock and shortages per region), every booking
 * night simulated with one seed (waits and suspensions), and the validator's problems. The same figures feed the
 * dashboard, the comparison of scenarios and the briefing report, so the three never disagree.
 */
public final class CampaignDashboard {
    /** The seed of the nights, the same as the {@code simulate} command's default. */
    public static final long DEFAULT_SEED = 1;

    private final BookingNightModel model;
    private final BookingNights nights;
    private final PlanValidator validator;

    public CampaignDashboard(BookingNightModel model, BookingNights nights) {
        this.model = Objects.requireNonNull(model, "model");
        this.nights = Objects.requireNonNull(nights, "nights");
        this.validator = new PlanValidator();
    }

    /** With the booking-night simulator and the plan's supply as each night's limit. */
    public static CampaignDashboard standard() {
        return new CampaignDashboard(new BookingNightSimulator(), BookingNights.standard());
    }

    public CampaignFigures figures(Plan plan) {
        return figures(plan, DEFAULT_SEED, Progress.none(), Cancellation.never());
    }

    /**
     * @param cancellation checked between the steps and inside every night; a cancelled run ends with
     *                     {@link CancelledException}
     * @param progress     the share of the nights simulated so far (0–1), called from the threads that run them
     */
    public CampaignFigures figures(Plan plan, long seed, Progress<?> progress, Cancellation cancellation) {
        List<Cohort> booking = CohortFamilies.bookingCohorts(plan);
        long eligible = booking.stream().mapToLong(Cohort::eligible).sum();
        long expected = booking.stream().mapToLong(Cohort::expectedBookers).sum();
        List<Problem> problems = new ArrayList<>(validator.validate(plan));
        problems.sort(Comparator.comparing((Problem p) -> !p.isError()));
        cancellation.throwIfCancelled();

        Schedule schedule = Schedule.of(plan);
        cancellation.throwIfCancelled();
        List<CampaignFigures.BrandWeek> weeks = brandWeeks(schedule);
        List<CampaignFigures.RegionDay> days = regionDays(plan, schedule);
        List<CampaignFigures.RegionFigures> regions = regionFigures(plan, schedule, days);

        // The nights do not depend on each other: they run side by side, each with the same seed as alone.
        List<Cohort> windows = nights.windows(plan);
        AtomicInteger done = new AtomicInteger();
        List<BookingNightResult> results = windows.parallelStream().map(cohort -> {
            cancellation.throwIfCancelled();
            BookingNightResult result = model.run(nights.parameters(plan, cohort), seed, Progress.none(),
                    cancellation);
            progress.report((double) done.incrementAndGet() / windows.size());
            return result;
        }).toList();
        List<CampaignFigures.NightWait> waits = new ArrayList<>();
        List<CampaignFigures.SuspendedWindow> suspended = new ArrayList<>();
        Map<LocalDate, List<Integer>> byNight = new TreeMap<>();
        for (int i = 0; i < windows.size(); i++) {
            byNight.computeIfAbsent(windows.get(i).window().opens().toLocalDate(), day -> new ArrayList<>()).add(i);
        }
        for (Map.Entry<LocalDate, List<Integer>> night : byNight.entrySet()) {
            CampaignFigures.NightWait worst = null;
            List<String> ids = night.getValue().stream().map(i -> windows.get(i).id()).toList();
            for (int i : night.getValue()) {
                Cohort cohort = windows.get(i);
                BookingNightResult result = results.get(i);
                result.suspendedAt().ifPresent(at -> suspended.add(new CampaignFigures.SuspendedWindow(cohort.id(),
                        cohort.name(), at)));
                double p95 = result.waits().p95Minutes();
                if (worst == null || p95 > worst.p95Minutes()) {
                    worst = new CampaignFigures.NightWait(night.getKey(), cohort.id(), cohort.name(),
                            cohort.window().opens(), p95, result.booked(), result.neverGotThrough(), ids);
                }
            }
            waits.add(worst);
        }
        return new CampaignFigures(plan.name(), eligible, expected, weeks, regions, days, waits, suspended,
                problems, seed);
    }

    /**
     * The figures that come from the schedule alone (people, doses, shortages and stock by region), without the
     * nights: for views that do not show waits, in a fraction of the time.
     */
    public CampaignFigures supplyFigures(Plan plan) {
        List<Cohort> booking = CohortFamilies.bookingCohorts(plan);
        Schedule schedule = Schedule.of(plan);
        List<CampaignFigures.RegionDay> days = regionDays(plan, schedule);
        return new CampaignFigures(plan.name(), booking.stream().mapToLong(Cohort::eligible).sum(),
                booking.stream().mapToLong(Cohort::expectedBookers).sum(), brandWeeks(schedule),
                regionFigures(plan, schedule, days), days, List.of(), List.of(), List.of(), DEFAULT_SEED);
    }

    private static LocalDate weekOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static List<CampaignFigures.BrandWeek> brandWeeks(Schedule schedule) {
        record Key(String brand, LocalDate week) {
        }
        Map<Key, long[]> sums = new LinkedHashMap<>();
        for (BrandDay day : schedule.brandDays()) {
            LocalDate week = weekOf(day.day());
            long[] sum = sums.computeIfAbsent(new Key(day.brand(), week), key -> new long[4]);
            sum[2] += day.arrived();
            sum[3] += day.peopleShort();
        }
        for (ScheduleRow row : schedule.rows()) {
            LocalDate week = weekOf(row.day());
            long[] sum = sums.computeIfAbsent(new Key(row.brand(), week), key -> new long[4]);
            sum[row.dose() == 1 ? 0 : 1] += row.appointments();
        }
        List<CampaignFigures.BrandWeek> weeks = new ArrayList<>();
        for (Map.Entry<Key, long[]> entry : sums.entrySet()) {
            long[] sum = entry.getValue();
            if (sum[0] + sum[1] + sum[2] + sum[3] > 0) {
                weeks.add(new CampaignFigures.BrandWeek(entry.getKey().brand(), entry.getKey().week(), sum[0],
                        sum[1], sum[2], sum[3]));
            }
        }
        List<String> brandOrder = schedule.plan().brands().stream().map(brand -> brand.name()).toList();
        weeks.sort(Comparator.comparing((CampaignFigures.BrandWeek week) -> brandOrder.indexOf(week.brand()))
                .thenComparing(CampaignFigures.BrandWeek::weekStart));
        return weeks;
    }

    private static List<CampaignFigures.RegionDay> regionDays(Plan plan, Schedule schedule) {
        record Key(String region, LocalDate day) {
        }
        Map<Key, long[]> sums = new HashMap<>();
        TreeSet<LocalDate> allDays = new TreeSet<>();
        for (RegionStockDay day : schedule.regionStock()) {
            long[] sum = sums.computeIfAbsent(new Key(day.region(), day.day()), key -> new long[4]);
            sum[1] += day.given();
            sum[2] += day.stock();
            sum[3] += day.peopleShort();
            allDays.add(day.day());
        }
        for (ScheduleRow row : schedule.rows()) {
            if (row.dose() == 1) {
                sums.computeIfAbsent(new Key(row.region(), row.day()), key -> new long[4])[0] +=
                        row.appointments() - row.shortage();
                allDays.add(row.day());
            }
        }
        List<CampaignFigures.RegionDay> days = new ArrayList<>();
        for (String region : schedule.regions()) {
            long firstDoses = 0;
            for (LocalDate day : allDays) {
                long[] sum = sums.getOrDefault(new Key(region, day), new long[4]);
                firstDoses += sum[0];
                days.add(new CampaignFigures.RegionDay(region, day, firstDoses, sum[1], capacity(plan, region, day),
                        sum[2], sum[3]));
            }
        }
        return days;
    }

    private static long capacity(Plan plan, String region, LocalDate day) {
        if (plan.isHoliday(day)) {
            return 0;
        }
        long capacity = 0;
        for (SiteGroup site : plan.sites()) {
            if (site.region().equals(region) && site.isOpenOn(day)) {
                capacity += site.dosesPerDay();
            }
        }
        return capacity;
    }

    private static List<CampaignFigures.RegionFigures> regionFigures(Plan plan, Schedule schedule,
                                                                     List<CampaignFigures.RegionDay> days) {
        Map<String, Long> dosesShort = new HashMap<>();
        for (RegionStockDay day : schedule.regionStock()) {
            dosesShort.merge(day.region(), day.dosesShort(), Long::sum);
        }
        Map<String, Long> population = new HashMap<>();
        for (Region region : plan.regions()) {
            population.put(region.name(), region.population());
        }
        List<CampaignFigures.RegionFigures> regions = new ArrayList<>();
        for (String region : schedule.regions()) {
            int shortDays = 0;
            long people = 0;
            for (CampaignFigures.RegionDay day : days) {
                if (day.region().equals(region) && day.peopleShort() > 0) {
                    shortDays++;
                    people += day.peopleShort();
                }
            }
            regions.add(new CampaignFigures.RegionFigures(region, shortDays, people, dosesShort.getOrDefault(region, 0L),
                    population.getOrDefault(region, 0L)));
        }
        return regions;
    }
}
