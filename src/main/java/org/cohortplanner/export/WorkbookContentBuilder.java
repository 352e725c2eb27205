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
import org.cohortplanner.simulation.CancellationToken;
import org.cohortplanner.simulation.SimulationCancelledException;

/**
 * Gathers what a plan's workbook is made from, the same for the Export screen and the {@code export} command: the
 * schedule when a chosen sheet shows it or the second-dose moves are wanted, the moves against the plan people were
 * told when one is given, the booking nights when the Simulation sheet is chosen, the audit trail when its sheet is.
 */
public final class WorkbookContentBuilder {
    /** The sheets that are made from the schedule. */
    private static final Set<WorkbookSheet> FROM_SCHEDULE = Set.of(WorkbookSheet.SCHEDULE, WorkbookSheet.CAPACITY,
            WorkbookSheet.DOSE2_CHANGES, WorkbookSheet.REGIONAL_STOCK);

    /** Told before each long step, and asked between them whether to stop. */
    public interface Steps {
        Steps NONE = new Steps() {
        };

        /** The schedule (and the moves against the told plan) is about to be built. */
        default void scheduling() {
        }

        /** The booking nights are about to be simulated. */
        default void simulating() {
        }

        /** Between steps: throws when the export was cancelled. */
        default void checkCancelled() throws WorkbookExportCancelledException {
        }
    }

    private WorkbookContentBuilder() {
    }

    /**
     * @param told         the plan people were given their dates from, for the dose-2 moves; null for none
     * @param audit        the plan's audit trail, asked for only when the audit sheet is chosen
     * @param nightsCancel stops the simulation of the booking nights
     * @throws WorkbookExportCancelledException when cancelled between steps or during the simulation
     */
    public static PlanWorkbookContent build(Plan plan, Plan told, Set<WorkbookSheet> sheets,
            Supplier<List<AuditEntry>> audit, CancellationToken nightsCancel, Steps steps)
            throws WorkbookExportCancelledException {
        List<ScheduleRow> rows = List.of();
        List<RegionStockDay> regionStock = List.of();
        List<SecondDoseMove> moves = List.of();
        if (told != null || sheets.stream().anyMatch(FROM_SCHEDULE::contains)) {
            steps.scheduling();
            Schedule schedule = Schedule.of(plan);
            rows = schedule.rows();
            regionStock = schedule.regionStock();
            steps.checkCancelled();
            if (told != null) {
                moves = SlipSuggestions.secondDoseMoves(Schedule.of(told), schedule);
                steps.checkCancelled();
            }
        }
        List<BookingNightResult> nights = List.of();
        if (sheets.contains(WorkbookSheet.SIMULATION)) {
            steps.simulating();
            try {
                nights = WorkbookNights.simulate(plan, nightsCancel);
            } catch (SimulationCancelledException cancelled) {
                throw new WorkbookExportCancelledException(cancelled.getMessage());
            }
        }
        List<AuditEntry> trail = sheets.contains(WorkbookSheet.AUDIT) ? audit.get() : List.of();
        steps.checkCancelled();
        List<ScheduleRow> scheduleRows = rows;
        return new PlanWorkbookContent(plan, scheduleRows::stream, scheduleRows.size(), trail, nights, moves,
                regionStock);
    }
}
