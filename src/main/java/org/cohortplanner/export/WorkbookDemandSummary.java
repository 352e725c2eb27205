package org.cohortplanner.export;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.cohortplanner.planning.schedule.ScheduleRow;

/**
 * Appointments against site capacity per brand and day, summed over regions, built while the schedule streams past.
 * A schedule row repeats its region's capacity on every cohort and dose of that day and brand, so capacity is
 * counted once per day, region and brand, not once per row.
 */
final class WorkbookDemandSummary {
    /**
     * One day: per brand, appointments, capacity and shortage. Schedule rows exist only where people have
     * appointments, so a brand without rows on a day has no appointments and no shortage, but its capacity that day
     * is unknown (null: the chart spans it rather than showing a fall to zero).
     */
    record Day(LocalDate day, Map<String, long[]> byBrand) {
        long appointments(String brand) {
            long[] figures = byBrand.get(brand);
            return figures == null ? 0 : figures[0];
        }

        Long capacity(String brand) {
            long[] figures = byBrand.get(brand);
            return figures == null ? null : figures[1];
        }

        long shortage(String brand) {
            long[] figures = byBrand.get(brand);
            return figures == null ? 0 : figures[2];
        }
    }

    private final Set<String> brands = new LinkedHashSet<>();
    private final TreeMap<LocalDate, Map<String, long[]>> days = new TreeMap<>();
    private final Map<LocalDate, Map<String, Set<String>>> capacityCounted = new TreeMap<>();

    WorkbookDemandSummary(List<String> planBrands) {
        brands.addAll(planBrands);
    }

    void add(ScheduleRow row) {
        brands.add(row.brand());
        long[] figures = days.computeIfAbsent(row.day(), day -> new TreeMap<>())
                .computeIfAbsent(row.brand(), brand -> new long[3]);
        figures[0] += row.appointments();
        figures[2] += row.shortage();
        Set<String> regions = capacityCounted.computeIfAbsent(row.day(), day -> new TreeMap<>())
                .computeIfAbsent(row.brand(), brand -> new LinkedHashSet<>());
        if (regions.add(row.region())) {
            figures[1] += row.capacity();
        }
    }

    List<String> brands() {
        return List.copyOf(brands);
    }

    /** Every day from the first to the last with appointments, so that a chart's axis keeps time to scale. */
    List<Day> days() {
        List<Day> result = new ArrayList<>();
        if (days.isEmpty()) {
            return result;
        }
        for (LocalDate day = days.firstKey(); !day.isAfter(days.lastKey()); day = day.plusDays(1)) {
            result.add(new Day(day, days.getOrDefault(day, Map.of())));
        }
        return result;
    }
}
