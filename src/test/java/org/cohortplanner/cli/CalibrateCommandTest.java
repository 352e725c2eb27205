package org.cohortplanner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.store.json.PlanFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CalibrateCommandTest {
    private static final String INITIAL = "sample-data/korea-2021-initial.json";
    private static final String INITIAL_OBSERVED = "sample-data/observed/korea-2021-initial.12-july.json";

    @TempDir
    Path folder;

    /**
     * Each sample's night parameters are its fit to the 12 July night: calibrating the sample against its observed
     * file, from a plan whose fitted parameter has been moved away, gives back exactly the sample's booking system.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"initial, 55–59", "as-run, 55–59 12 July"})
    void calibratingASampleOnItsObservedNightGivesBackItsStoredParameters(String sample, String window)
            throws IOException {
        Path samplePath = Path.of("sample-data", "korea-2021-" + sample + ".json");
        Plan stored = PlanFiles.read(samplePath);
        Path moved = folder.resolve("moved.json");
        PlanFiles.write(stored.withBookingSystem(stored.bookingSystem().withNight(
                stored.bookingSystem().night().withBurst(stored.bookingSystem().night().burstShare(), 60))), moved);
        Path fitted = folder.resolve("fitted.json");

        CommandLineRun run = CommandLineRun.of("calibrate", moved.toString(), "--window", window, "--observed",
                "sample-data/observed/korea-2021-" + sample + ".12-july.json", "--fit", "burstDecay",
                "--out", fitted.toString());

        assertEquals(0, run.exitCode, run.toString());
        assertEquals(stored.bookingSystem(), PlanFiles.read(fitted).bookingSystem(),
                "the sample's night parameters have drifted from its fit:\n" + run.out);
        assertTrue(run.out.contains("burstDecay   60 -> " + stored.bookingSystem().night().burstDecayMinutes()),
                run.out);
    }

    @Test
    void printsEachFittedValueAndEachResidualAsJson() {
        CommandLineRun run = CommandLineRun.of("calibrate", INITIAL, "--window", "55–59", "--observed",
                INITIAL_OBSERVED, "--json");
        assertEquals(0, run.exitCode, run.toString());
        String json = run.out.strip();
        assertTrue(json.startsWith("{\"plan\":\"Korea 2021, initial plan\",\"window\":\"c55-59\",\"seed\":1"), json);
        assertTrue(json.contains("\"parameters\":{\"burstDecay\":{\"before\":553.2,\"fitted\":553.2}}"), json);
        assertTrue(json.contains("{\"kind\":\"suspendedAt\",\"at\":\"2021-07-12T15:30\",\"observed\":930,"), json);
        assertTrue(json.contains("{\"kind\":\"bookedBy\",\"at\":\"2021-07-12T15:30\",\"observed\":1850000,"), json);
    }

    @Test
    void fitsTheNamedParametersAndLeavesTheRest() throws IOException {
        Path fitted = folder.resolve("fitted.json");
        CommandLineRun run = CommandLineRun.of("calibrate", INITIAL, "--window", "55–59", "--observed",
                INITIAL_OBSERVED, "--fit", "capacity,persistence", "--out", fitted.toString());
        assertEquals(0, run.exitCode, run.toString());
        Plan before = PlanFiles.read(Path.of(INITIAL));
        Plan after = PlanFiles.read(fitted);
        assertEquals(before.bookingSystem().night(), after.bookingSystem().night());
        assertNotEquals(before.bookingSystem().concurrentSessions(), after.bookingSystem().concurrentSessions());
        assertEquals(after.bookingSystem().concurrentSessions() * 60 / after.bookingSystem().sessionMinutes(),
                after.bookingSystem().peoplePerHour(), 1e-6, "people per hour follows the sessions");
        assertEquals(before.cohorts(), after.cohorts());
        assertTrue(run.out.contains("capacity     25,000 -> "), run.out);
        assertTrue(run.out.contains("persistence  0.9 -> "), run.out);
    }

    @Test
    void refusesAnUnknownWindow() {
        CommandLineRun run = CommandLineRun.of("calibrate", INITIAL, "--window", "60–74", "--observed",
                INITIAL_OBSERVED);
        assertEquals(2, run.exitCode, run.toString());
        assertTrue(run.err.contains("--window: the plan has no booking window named '60–74'"), run.err);
    }

    @Test
    void refusesAnUnknownParameter() {
        CommandLineRun run = CommandLineRun.of("calibrate", INITIAL, "--window", "55–59", "--observed",
                INITIAL_OBSERVED, "--fit", "burstDecay,speed");
        assertEquals(2, run.exitCode, run.toString());
        assertTrue(run.err.contains("--fit: unknown parameter 'speed'"), run.err);
    }

    @Test
    void refusesAMalformedObservedFileNamingTheFileAndTheField() throws IOException {
        Path observed = folder.resolve("observed.json");
        Files.writeString(observed, "{\"observations\": [{\"kind\": \"bookedBy\", \"at\": \"2021-07-12T15:30\","
                + " \"value\": -3, \"source\": \"a report\"}]}");
        CommandLineRun run = CommandLineRun.of("calibrate", INITIAL, "--window", "55–59", "--observed",
                observed.toString());
        assertEquals(2, run.exitCode, run.toString());
        assertTrue(run.err.contains(observed + ": observations[0].value: must be a number above 0"), run.err);

        Files.writeString(observed, "{\"observations\": [{\"kind\": \"queueLength\", \"at\": \"2021-07-12T15:30\"}]}");
        run = CommandLineRun.of("calibrate", INITIAL, "--window", "55–59", "--observed", observed.toString());
        assertEquals(2, run.exitCode, run.toString());
        assertTrue(run.err.contains(observed + ": observations[0].kind: must be one of"), run.err);

        Files.writeString(observed, "{\"observations\": [");
        run = CommandLineRun.of("calibrate", INITIAL, "--window", "55–59", "--observed", observed.toString());
        assertEquals(2, run.exitCode, run.toString());
        assertTrue(run.err.contains(observed + ":1:"), run.err);
        assertTrue(run.err.contains("not valid JSON"), run.err);
    }
}
