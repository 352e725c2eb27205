package org.cohortplanner.store.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;

import org.cohortplanner.domain.Delivery;
import org.cohortplanner.domain.DeliveryStatus;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.VaccineBrand;
import org.cohortplanner.planning.schedule.BrandDay;
import org.cohortplanner.planning.schedule.Schedule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Recomputes, apart from the schedule, what each sample's lots allow: no dose is given before its lot is usable. */
class SampleLeadTimesTest {

    @ParameterizedTest
    @ValueSource(strings = {"korea-2021-initial.json", "korea-2021-as-run.json"})
    void noSampleGivesMoreDosesByAnyDayThanItsLotsHaveMadeUsable(String sample) {
        Plan plan = PlanFiles.read(Path.of("sample-data", sample));
        Schedule schedule = Schedule.of(plan);
        for (VaccineBrand brand : plan.brands()) {
            // AstraZeneca's is the reported February 2021 figure, arrival to first shots; the others are estimates.
            assertEquals(brand.name().equals("AstraZeneca") ? 2 : 1, brand.leadTimeDays(),
                    sample + " " + brand.name());
            long givenSoFar = 0;
            int daysSoFar = 0;
            for (BrandDay day : schedule.brandDays(brand.name())) {
                givenSoFar += day.given();
                daysSoFar++;
                long usable = usableBy(plan, brand, day.day());
                // Each day's figure is rounded to whole doses: half a dose a day at most.
                assertTrue(givenSoFar <= usable + daysSoFar / 2 + 1, sample + ": " + givenSoFar + " doses of " + brand.name()
                        + " given by " + day.day() + ", but only " + usable + " usable");
            }
        }
    }

    private static long usableBy(Plan plan, VaccineBrand brand, LocalDate day) {
        long usable = 0;
        for (Delivery delivery : plan.deliveries()) {
            if (delivery.brand().equals(brand.name()) && delivery.status() != DeliveryStatus.CANCELLED
                    && !delivery.expectedArrival().plusDays(delivery.leadTimeDays(brand)).isAfter(day)) {
                usable += delivery.doses();
            }
        }
        return usable;
    }
}
