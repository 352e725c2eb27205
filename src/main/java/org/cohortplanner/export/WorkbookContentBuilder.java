package org.cohortplanner.export;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.cohortplanner.domain.AuditEntry;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.planning.schedule.RegionStockDay;
import org.cohortplanner.planning.schedule.Schedule;
import org.cohortplanner.planning.schedule.ScheduleRow;
import org.cohortplanner.planning.slip.SecondDoseMove;
import org.cohortplanner.planning.slip.SlipSuggestions;
import org.cohortplanner.simulation.BookingNightResult;
import org.cohortplanner.work.Cancellation;
import org.cohortplanner.work.CancelledException;
import org.cohortplanner.work.Progress;

/**
 * Gathers what a plan's workbook is made from, the same for the Export screen and the {@code export} command: the
 * schedule when a chosen sheet shows it or the second-dose moves are wanted, the moves against the plan people were
 * told when one is given, the booking nights when the Simulation sheet is chosen, the audit trail when its sheet is.
 */
public final class WorkbookContentBuilder {
    /** The sheets that are made from the schedule. */
    private static final Set<WorkbookSheet> FROM_SCHEDULE = Set.of(WorkbookSheet.SCHEDULE, WorkbookSheet.CAPACITY,
            WorkbookSheet.DOSE2_CHANGES, WorkbookSheet.REGIONAL_STOCK);

    /** The long steps of a build, reported (with an unknown fraction) before each starts. */
    public enum Step {
        /** The schedule (and the moves against the told plan) is being built. */
        SCHEDULING,
        /** The booking nights are being simulated. */
        SIMULATING
    }

    private WorkbookContentBuilder() {
    }

    /**
     * @param told         the plan people were given their dates from, for the dose-2 moves; null for none
     * @param audit        the plan's audit trail, asked for only when the audit sheet is chosen
     * @param cancel       asked between steps, and stops the simulation of the booking nights
     * @param progress     told before each long step
     * @throws CancelledException when cancelled between steps or during the simulation
     */
    public static PlanWorkbookContent build(Plan plan, Plan told, Set<WorkbookSheet> sheets,
            Supplier<List<AuditEntry>> audit, Cancellation cancel, Progress<? super Step> progress) {
        List<ScheduleRow> rows = List.of();
        List<RegionStockDay> regionStock = List.of();
        List<SecondDoseMove> moves = List.of();
        if (told != null || sheets.stream().anyMatch(FROM_SCHEDULE::contains)) {
            progress.report(-1, Step.SCHEDULING);
            Schedule schedule = Schedule.of(plan);
            rows = schedule.rows();
            regionStock = schedule.regionStock();
            stopIfCancelled(cancel);
            if (told != null) {
                moves = SlipSuggestions.secondDoseMoves(Schedule.of(told), schedule);
                stopIfCancelled(cancel);
            }
        }
        List<BookingNightResult> nights = List.of();
        if (sheets.contains(WorkbookSheet.SIMULATION)) {
            progress.report(-1, Step.SIMULATING);
            nights = WorkbookNights.simulate(plan, cancel);
        }
        List<AuditEntry> trail = sheets.contains(WorkbookSheet.AUDIT) ? audit.get() : List.of();
        stopIfCancelled(cancel);
        List<ScheduleRow> scheduleRows = rows;
        return new PlanWorkbookContent(plan, scheduleRows::stream, scheduleRows.size(), trail, nights, moves,
                regionStock);
    }

    private static void stopIfCancelled(Cancellation cancel) {
        if (cancel.isCancelled()) {
            throw new CancelledException("export cancelled before writing; no file was written");
        }
    }
}
