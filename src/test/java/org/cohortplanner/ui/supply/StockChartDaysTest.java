package org.cohortplanner.ui.supply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.planning.schedule.BrandDay;
import org.cohortplanner.planning.schedule.Schedule;
import org.cohortplanner.store.json.PlanFiles;
import org.junit.jupiter.api.Test;

/** The stock chart shows the campaign's days: it ends a week after the last dose due, not months later. */
class StockChartDaysTest {
    @Test
    void theChartEndsAWeekAfterTheLastDoseDue() {
        Plan plan = PlanFiles.read(Path.of("sample-data", "korea-2021-initial.json"));
        List<BrandDay> all = Schedule.of(plan).brandDays("Pfizer");
        LocalDate lastDue = all.stream().filter(d -> d.due() > 0).map(BrandDay::day).max(LocalDate::compareTo)
                .orElseThrow();

        List<BrandDay> shown = StockChartPane.campaignDays(all);

        assertTrue(all.get(all.size() - 1).day().isAfter(lastDue.plusDays(30)), "the schedule runs on for months");
        assertEquals(all.get(0), shown.get(0));
        assertTrue(!shown.get(shown.size() - 1).day().isAfter(lastDue.plusDays(7)));
        assertTrue(shown.get(shown.size() - 1).day().isAfter(lastDue));
        assertEquals(List.of(), StockChartPane.campaignDays(List.of()));
    }
}
