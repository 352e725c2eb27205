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
    /** One day: per brand, appointments, capacity and shortage. */
    record Day(LocalDate day, Map<String, long[]> byBrand) {
        long appointments(String brand) {
            return figures(brand)[0];
        }

        long capacity(String brand) {
            return figures(brand)[1];
        }

        long shortage(String brand) {
            return figures(brand)[2];
        }

        private long[] figures(String brand) {
            long[] figures = byBrand.get(brand);
            return figures == null ? new long[3] : figures;
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

    List<Day> days() {
        List<Day> result = new ArrayList<>();
        days.forEach((day, byBrand) -> result.add(new Day(day, byBrand)));
        return result;
    }
}
