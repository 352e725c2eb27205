package org.cohortplanner.planning.slip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.cohortplanner.domain.Delivery;
import org.cohortplanner.domain.DeliveryStatus;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.VaccineBrand;
import org.cohortplanner.planning.schedule.DeliveryAllotment;
import org.cohortplanner.planning.schedule.PlannedTransfer;
import org.cohortplanner.planning.schedule.RegionStockDay;
import org.cohortplanner.planning.schedule.Schedule;
import org.cohortplanner.planning.schedule.ScheduleRow;
import org.cohortplanner.store.json.PlanFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The regional stock recomputed from the plan and the schedule's rows alone, without the schedule's own stock
 * figures: no region gives doses it has not received, no dose is given before a lot that reached the region is
 * usable, a lot reaches the regions whole and on its arrival day plus its lead time, and the regional figures add up
 * to the national ones. Then each suggestion for the July 2021 Moderna slip is applied and the schedule of the plan it
 * writes is made afresh: it leaves short no more people than the suggestion says.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegionalStockRecomputedTest {
    private static final Plan INITIAL = PlanFiles.read(Path.of("sample-data", "korea-2021-initial.json"));
    private static final Plan AS_RUN = PlanFiles.read(Path.of("sample-data", "korea-2021-as-run.json"));
    private static final LocalDate LAST_WEEK_OF_JULY = LocalDate.of(2021, 7, 30);

    private SlipImpact slip;
    private List<Suggestion> suggestions;

    @BeforeAll
    void slipTheModernaLot() {
        slip = SlipImpact.of(INITIAL, "MOD-2021-W28", LAST_WEEK_OF_JULY);
        suggestions = SlipSuggestions.of(slip);
    }

    Stream<Plan> plans() {
        Plan slipped = slip.planAfter();
        Plan remedied = SlipSuggestions.apply(slip, suggestions.get(0)).plan();
        return Stream.of(INITIAL, AS_RUN, slipped, remedied);
    }

    @ParameterizedTest
    @MethodSource("plans")
    void noRegionGivesDosesItHasNotReceivedNorBeforeItsLotIsUsable(Plan plan) {
        Schedule schedule = Schedule.of(plan);
        Map<String, TreeMap<LocalDate, Long>> received = new HashMap<>();
        Map<String, LocalDate> firstUsable = new HashMap<>();
        LocalDate firstDay = schedule.regionStock().stream().map(RegionStockDay::day).min(LocalDate::compareTo)
                .orElseThrow();
        for (DeliveryAllotment allotment : schedule.allotments()) {
            Delivery delivery = plan.delivery(allotment.deliveryId()).orElseThrow();
            VaccineBrand brand = plan.brand(delivery.brand()).orElseThrow();
            LocalDate usable = delivery.expectedArrival().plusDays(delivery.leadTimeDays(brand));
            // A lot usable before the schedule's first day is in stock on that day.
            assertEquals(usable.isBefore(firstDay) ? firstDay : usable, allotment.usableFrom(),
                    delivery.id() + " is usable after its lead time");
            long whole = allotment.dosesByRegion().values().stream().mapToLong(Long::longValue).sum();
            if (delivery.allotment().isExplicit()) {
                assertEquals(delivery.allotment().dosesByRegion().values().stream().mapToLong(Long::longValue).sum(),
                        whole, delivery.id() + " reaches the regions as the officer split it");
            } else {
                assertEquals(delivery.doses(), whole, delivery.id() + " reaches the regions whole");
            }
            allotment.dosesByRegion().forEach((region, doses) -> {
                if (doses > 0) {
                    add(received, region + "/" + delivery.brand(), allotment.usableFrom(), doses);
                    firstUsable.merge(region + "/" + delivery.brand(), allotment.usableFrom(),
                            (a, b) -> a.isBefore(b) ? a : b);
                }
            });
        }
        for (PlannedTransfer transfer : schedule.transfers()) {
            add(received, transfer.fromRegion() + "/" + transfer.brand(), transfer.shipped(), -transfer.dosesSent());
            add(received, transfer.toRegion() + "/" + transfer.brand(), transfer.usableFrom(), transfer.dosesSent());
            if (transfer.dosesSent() > 0) {
                firstUsable.merge(transfer.toRegion() + "/" + transfer.brand(), transfer.usableFrom(),
                        (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        Map<String, TreeMap<LocalDate, Long>> given = new HashMap<>();
        for (ScheduleRow row : schedule.rows()) {
            long doses = row.appointments() - row.shortage();
            assertTrue(doses >= 0, row.toString());
            if (doses > 0) {
                add(given, row.region() + "/" + row.brand(), row.day(), doses);
                LocalDate usable = firstUsable.get(row.region() + "/" + row.brand());
                assertTrue(usable != null && !row.day().isBefore(usable),
                        row + " is given before any lot of the brand is usable in the region (" + usable + ")");
            }
        }
        // Rows are whole people made from fractional flows: allow a dose per row of the region and brand.
        Map<String, Long> rowsOf = new HashMap<>();
        schedule.rows().forEach(row -> rowsOf.merge(row.region() + "/" + row.brand(), 1L, Long::sum));
        given.forEach((key, byDay) -> {
            TreeMap<LocalDate, Long> in = received.getOrDefault(key, new TreeMap<>());
            long onHand = 0;
            long slack = rowsOf.get(key);
            TreeMap<LocalDate, Long> days = new TreeMap<>(in);
            byDay.keySet().forEach(day -> days.putIfAbsent(day, 0L));
            for (Map.Entry<LocalDate, Long> day : days.entrySet()) {
                onHand += day.getValue() - byDay.getOrDefault(day.getKey(), 0L);
                assertTrue(onHand >= -slack, key + " gives " + -onHand + " doses more than it received by "
                        + day.getKey());
            }
        });
    }

    @ParameterizedTest
    @MethodSource("plans")
    void regionalStockAddsUpToTheNationalStock(Plan plan) {
        Schedule schedule = Schedule.of(plan);
        Map<String, long[]> national = new HashMap<>();
        for (RegionStockDay day : schedule.regionStock()) {
            long[] sum = national.computeIfAbsent(day.brand() + "/" + day.day(), k -> new long[3]);
            sum[0] += day.given();
            sum[1] += day.peopleShort();
            sum[2] += day.allotted();
        }
        schedule.brandDays().forEach(day -> {
            long[] sum = national.getOrDefault(day.brand() + "/" + day.day(), new long[3]);
            long regions = schedule.regions().size();
            assertTrue(Math.abs(sum[0] - day.given()) <= regions, day + " gives " + sum[0] + " over the regions");
            assertTrue(Math.abs(sum[1] - day.peopleShort()) <= regions, day + " leaves " + sum[1]
                    + " short over the regions");
        });
        long delivered = plan.deliveries().stream().filter(d -> d.status() != DeliveryStatus.CANCELLED)
                .filter(d -> !d.expectedArrival().plusDays(d.leadTimeDays(plan.brand(d.brand()).orElseThrow()))
                        .isAfter(schedule.rows().stream().map(ScheduleRow::day).max(LocalDate::compareTo)
                                .orElseThrow()))
                .mapToLong(Delivery::doses).sum();
        long allotted = national.values().stream().mapToLong(sum -> sum[2]).sum();
        assertTrue(allotted <= delivered, allotted + " allotted of " + delivered + " delivered");
    }

    @Test
    void theSlipIsShortInTheLastWeekOfJulyAndARegionalSwapIsTheFirstSuggestion() {
        assertTrue(slip.peopleWithoutDose() > 0);
        assertTrue(slip.daysLosing().stream().allMatch(day -> !day.isBefore(LocalDate.of(2021, 7, 26))
                && !day.isAfter(LocalDate.of(2021, 7, 31))), slip.daysLosing().toString());
        Suggestion first = suggestions.get(0);
        assertEquals(Suggestion.Kind.BRAND_SWAP, first.kind());
        List<String> swapped = first.regions().stream().filter(change -> change.cohortId() != null)
                .map(RegionChange::region).distinct().toList();
        assertFalse(swapped.isEmpty());
        assertTrue(swapped.size() < Schedule.of(INITIAL).regions().size(), "limited to some regions: " + swapped);
        assertTrue(swapped.contains("Seoul") && swapped.contains("Gyeonggi"), swapped.toString());
    }

    @Test
    void everySuggestionLeavesShortNoMoreThanItSays() {
        long before = slip.scheduleBefore().peopleShort();
        assertTrue(suggestions.size() >= 3, suggestions.toString());
        for (Suggestion suggestion : suggestions) {
            AppliedSuggestion applied = SlipSuggestions.apply(slip, suggestion);
            long after = Schedule.of(applied.plan()).peopleShort() - before;
            long claimed = suggestion.effect().peopleStillShort();
            // Suggestions are ranked on the flows; the rows are whole people.
            long rounding = Schedule.of(applied.plan()).regions().size() * 2L;
            assertTrue(after <= claimed + rounding, suggestion.summary() + " claims " + claimed
                    + " still short, its plan leaves " + after);
            assertTrue(after < slip.peopleWithoutDose(), suggestion.summary() + " removes some of the shortage");
        }
    }

    private static void add(Map<String, TreeMap<LocalDate, Long>> flows, String key, LocalDate day, long doses) {
        flows.computeIfAbsent(key, k -> new TreeMap<>()).merge(day, doses, Long::sum);
    }
}
