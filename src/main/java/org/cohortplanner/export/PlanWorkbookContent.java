package org.cohortplanner.export;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.planning.schedule.RegionStockDay;
import org.cohortplanner.planning.schedule.ScheduleRow;
import org.cohortplanner.planning.slip.SecondDoseMove;
import org.cohortplanner.simulation.BookingNightResult;
import org.cohortplanner.domain.AuditEntry;

/**
 * What a plan's workbook is made from.
 *
 * @param schedule     opens the schedule rows afresh each time it is called (the per-region export reads them once
 *                     per region); rows are streamed, never collected
 * @param scheduleRows how many schedule rows to expect, for progress; 0 when unknown
 * @param audit        the plan's audit trail, oldest first
 * @param simulation   the last booking-night result of each window, if any were run
 * @param dose2Changes people whose second-dose day moved since they were told, per cohort and region
 * @param regionStock  the schedule's stock per region, brand and day
 */
public record PlanWorkbookContent(Plan plan, Supplier<? extends Stream<ScheduleRow>> schedule, long scheduleRows,
                                  List<AuditEntry> audit, List<BookingNightResult> simulation,
                                  List<SecondDoseMove> dose2Changes, List<RegionStockDay> regionStock) {
    public PlanWorkbookContent {
        Objects.requireNonNull(plan, "plan");
        schedule = schedule == null ? Stream::empty : schedule;
        audit = audit == null ? List.of() : List.copyOf(audit);
        simulation = simulation == null ? List.of() : List.copyOf(simulation);
        dose2Changes = dose2Changes == null ? List.of() : List.copyOf(dose2Changes);
        regionStock = regionStock == null ? List.of() : List.copyOf(regionStock);
    }

    /** Content without regional stock. */
    public PlanWorkbookContent(Plan plan, Supplier<? extends Stream<ScheduleRow>> schedule, long scheduleRows,
                               List<AuditEntry> audit, List<BookingNightResult> simulation,
                               List<SecondDoseMove> dose2Changes) {
        this(plan, schedule, scheduleRows, audit, simulation, dose2Changes, List.of());
    }

    /** Content without simulation results, dose-2 changes or regional stock. */
    public PlanWorkbookContent(Plan plan, Supplier<? extends Stream<ScheduleRow>> schedule, long scheduleRows,
                               List<AuditEntry> audit) {
        this(plan, schedule, scheduleRows, audit, List.of(), List.of(), List.of());
    }

    public PlanWorkbookContent withSimulation(List<BookingNightResult> results) {
        return new PlanWorkbookContent(plan, schedule, scheduleRows, audit, results, dose2Changes, regionStock);
    }

    public PlanWorkbookContent withDose2Changes(List<SecondDoseMove> moves) {
        return new PlanWorkbookContent(plan, schedule, scheduleRows, audit, simulation, moves, regionStock);
    }

    public PlanWorkbookContent withRegionStock(List<RegionStockDay> stock) {
        return new PlanWorkbookContent(plan, schedule, scheduleRows, audit, simulation, dose2Changes, stock);
    }

    /** A plan without schedule or audit: cohorts and deliveries only. */
    public static PlanWorkbookContent of(Plan plan) {
        return new PlanWorkbookContent(plan, Stream::empty, 0, List.of(), List.of(), List.of(), List.of());
    }
}
