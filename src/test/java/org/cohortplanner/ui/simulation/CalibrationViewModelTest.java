package org.cohortplanner.ui.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.PlanChange;
import org.cohortplanner.planning.CohortSplitter;
import org.cohortplanner.simulation.BookingNightSimulator;
import org.cohortplanner.simulation.BookingNights;
import org.cohortplanner.simulation.NightCalibration;
import org.cohortplanner.simulation.NightCalibration.Kind;
import org.cohortplanner.simulation.NightCalibration.Parameter;
import org.cohortplanner.domain.AuditEntry;
import org.cohortplanner.store.json.ObservedNightFiles;
import org.cohortplanner.store.json.PlanFiles;
import org.cohortplanner.ui.InMemoryPlanStore;
import org.cohortplanner.ui.ScriptedDialogs;
import org.cohortplanner.ui.common.CohortSelection;
import org.cohortplanner.ui.common.DirectTaskRunner;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.common.WorkingPlan;
import org.junit.jupiter.api.Test;

/** The Simulation screen's calibration dialog without the toolkit, on the initial sample and its 12 July figures. */
class CalibrationViewModelTest {
    private static final Path SAMPLE = Path.of("sample-data", "korea-2021-initial.json");
    private static final Path OBSERVED = Path.of("sample-data", "observed", "korea-2021-initial.12-july.json");
    private static final String WINDOW = "c55-59";

    private final Plan sample = PlanFiles.read(SAMPLE);
    /** The sample with its fitted burst decay moved away, as a planner's plan before calibrating would be. */
    private final Plan moved = sample.withBookingSystem(sample.bookingSystem().withNight(
            sample.bookingSystem().night().withBurst(sample.bookingSystem().night().burstShare(), 60)));
    private final InMemoryPlanStore store = new InMemoryPlanStore(moved);
    private final WorkingPlan working = new WorkingPlan(store, new DirectTaskRunner(), moved);
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final List<Path> read = new java.util.ArrayList<>();

    private CalibrationViewModel viewModel(Locale locale) {
        return new CalibrationViewModel(working, new DirectTaskRunner(), dialogs, file -> {
            read.add(file);
            return ObservedNightFiles.read(file).observations();
        }, new BookingNightSimulator(), BookingNights.standard(), "kim", Texts.of(SimulationView.class, locale));
    }

    @Test
    void fitsTheFiguresOfAFileAndAppliesTheFitAsOneUndoableAuditedEdit() {
        CalibrationViewModel calibration = viewModel(Locale.ENGLISH);
        List<Boolean> applied = new java.util.ArrayList<>();
        calibration.setOnApplied(() -> applied.add(true));
        calibration.open(WINDOW, 1);
        dialogs.choose(OBSERVED);
        calibration.loadFile();
        assertEquals(List.of(OBSERVED), read);
        assertEquals(ObservedNightFiles.read(OBSERVED).observations(), calibration.observations());

        calibration.fit();

        assertTrue(calibration.canApplyProperty().get(), calibration.statusProperty().get());
        assertEquals(1, calibration.parameterLines().size());
        CalibrationViewModel.ParameterLine decay = calibration.parameterLines().get(0);
        assertEquals(Parameter.BURST_DECAY, decay.parameter());
        assertEquals("60", decay.before());
        assertEquals("553.2", decay.fitted(), "the same fit as the calibrate command gives");
        assertEquals(calibration.observations().size(), calibration.residualLines().size());
        assertEquals(moved, working.getPlan(), "nothing changes before Apply");
        int writes = store.writes();

        assertTrue(calibration.apply());

        assertEquals(sample.bookingSystem(), working.getPlan().bookingSystem(), "the fit gives back the sample's");
        assertEquals(moved.cohorts(), working.getPlan().cohorts());
        assertEquals(writes + 1, store.writes(), "one edit");
        assertEquals(List.of(true), applied);
        AuditEntry last = store.audit().get(store.audit().size() - 1);
        assertEquals("Calibrate night parameters to 55–59", last.action());
        assertEquals("burstDecay 60", last.before());
        assertEquals("burstDecay 553.2", last.after());
        assertTrue(last.reason().contains("seed 1") && last.reason().contains("Reuters"), last.reason());
        assertFalse(calibration.canApplyProperty().get(), "a fit is applied once");

        working.undo();
        assertEquals(moved.bookingSystem(), working.getPlan().bookingSystem(), "Undo takes the whole fit back");
    }

    @Test
    void theFittedValuesReachTheSimulationForm() {
        CalibrationViewModel calibration = viewModel(Locale.ENGLISH);
        SimulationViewModel simulation = new SimulationViewModel(working, new DirectTaskRunner(),
                new CohortSelection(), new BookingNightSimulator(), BookingNights.standard(), new CohortSplitter(),
                "kim", Texts.of(SimulationView.class, Locale.ENGLISH));
        simulation.chooseWindow(WINDOW);
        simulation.form().burstDecayMinutesProperty().set(90);
        calibration.setOnApplied(simulation::resetToPlan);
        calibration.open(WINDOW, 1);
        calibration.load(OBSERVED);
        calibration.fit();
        calibration.apply();
        assertEquals(553.2, simulation.form().burstDecayMinutesProperty().get(), 1e-9);
    }

    @Test
    void aTypedFigureIsCheckedAndNamedWhenItCannotBeUsed() {
        CalibrationViewModel calibration = viewModel(Locale.ENGLISH);
        calibration.open(WINDOW, 1);
        Cohort window = moved.cohorts().stream().filter(c -> c.id().equals(WINDOW)).findFirst().orElseThrow();
        assertEquals(window.window().opens().toLocalDate(), calibration.newDateProperty().get(),
                "the day of the opening is offered");

        calibration.newKindProperty().set(Kind.BOOKED_BY);
        calibration.newTimeProperty().set("3pm");
        calibration.newValueProperty().set("1,850,000");
        assertFalse(calibration.addObservation());
        assertEquals("Type the time of day as 15:30 (typed: '3pm').", calibration.problemProperty().get());

        calibration.newTimeProperty().set("15:30");
        calibration.newValueProperty().set("-3");
        assertFalse(calibration.addObservation());
        assertEquals("Type a figure above 0 (typed: '-3').", calibration.problemProperty().get());

        calibration.newValueProperty().set("1,850,000");
        calibration.newDateProperty().set(LocalDate.of(2021, 8, 1));
        assertFalse(calibration.addObservation());
        assertTrue(calibration.problemProperty().get().contains("outside the booking window"),
                calibration.problemProperty().get());
        assertTrue(calibration.observations().isEmpty(), "nothing is added while a value is wrong");

        calibration.newDateProperty().set(window.window().opens().toLocalDate());
        assertFalse(calibration.addObservation());
        assertEquals("Say where the figure was reported.", calibration.problemProperty().get());
        calibration.newSourceProperty().set("Yonhap, 12 July 2021");
        assertTrue(calibration.addObservation());
        assertEquals("", calibration.problemProperty().get());
        NightCalibration.Observation typed = calibration.observations().get(0);
        assertEquals(Kind.BOOKED_BY, typed.kind());
        assertEquals(1_850_000, typed.value());
        assertEquals("15:30", typed.at().toLocalTime().toString());
        assertEquals("Yonhap, 12 July 2021", typed.source());

        calibration.newKindProperty().set(Kind.SUSPENDED_AT);
        calibration.newValueProperty().set("");
        calibration.newSourceProperty().set("Reuters, 13 July 2021");
        assertTrue(calibration.addObservation(), "a suspension has a time and no figure");
        assertEquals(2, calibration.observations().size());

        calibration.open("c50-54", 1);
        assertTrue(calibration.observations().isEmpty(), "figures belong to their window");
        calibration.open(WINDOW, 1);
        assertEquals(2, calibration.observations().size(), "figures typed for a window stay with it");
        calibration.removeObservation(1);
        assertEquals(List.of(typed), calibration.observations());
    }

    @Test
    void aFileThatCannotBeUsedChangesNothing() {
        CalibrationViewModel calibration = viewModel(Locale.ENGLISH);
        calibration.open(WINDOW, 1);
        calibration.load(OBSERVED);
        calibration.load(Path.of("sample-data", "no-such-file.json"));
        assertTrue(calibration.problemProperty().get().startsWith("The file cannot be used: "),
                calibration.problemProperty().get());
        assertTrue(calibration.problemProperty().get().contains("no-such-file.json"),
                calibration.problemProperty().get());
        assertEquals(ObservedNightFiles.read(OBSERVED).observations(), calibration.observations());
    }

    @Test
    void fittingNeedsFiguresAndAParameter() {
        CalibrationViewModel calibration = viewModel(Locale.ENGLISH);
        calibration.open(WINDOW, 1);
        calibration.fit();
        assertEquals("Add at least one observed figure to fit to.", calibration.problemProperty().get());
        calibration.load(OBSERVED);
        calibration.chosenProperty(Parameter.BURST_DECAY).set(false);
        calibration.fit();
        assertEquals("Choose at least one parameter to fit.", calibration.problemProperty().get());
        assertFalse(calibration.canApplyProperty().get());
        assertEquals(moved, working.getPlan());
    }

    @Test
    void aFitMadeBeforeThePlanChangedIsNotApplied() {
        CalibrationViewModel calibration = viewModel(Locale.ENGLISH);
        calibration.open(WINDOW, 1);
        calibration.load(OBSERVED);
        calibration.fit();
        assertTrue(calibration.canApplyProperty().get());
        Plan edited = working.getPlan().withBookingSystem(working.getPlan().bookingSystem().withNight(
                working.getPlan().bookingSystem().night().withBurst(0.5, 60)));
        working.edit(edited, PlanChange.of("lee", "Change the burst share"));

        assertFalse(calibration.canApplyProperty().get());
        assertEquals("The plan changed since this fit; fit again before applying.",
                calibration.statusProperty().get());
        assertFalse(calibration.apply());
        assertEquals(edited, working.getPlan(), "the other planner's edit stands");
    }

    @Test
    void speaksKorean() {
        CalibrationViewModel calibration = viewModel(Locale.KOREAN);
        calibration.open(WINDOW, 1);
        calibration.fit();
        assertEquals("맞출 관측 수치를 하나 이상 추가하십시오.", calibration.problemProperty().get());
        calibration.load(OBSERVED);
        calibration.fit();
        assertEquals("몰림 감쇠 시간", calibration.parameterLines().get(0).name());
        for (CalibrationViewModel.ResidualLine line : calibration.residualLines()) {
            assertFalse(line.figure().matches(".*[A-Za-z].*"), line.figure());
            assertFalse(line.observed().matches(".*[A-Za-z].*"), line.observed());
        }
    }
}
