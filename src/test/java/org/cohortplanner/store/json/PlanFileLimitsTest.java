package org.cohortplanner.store.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cohortplanner.domain.PlanLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reading gaps closed by the format's limits: each refused with its place and in the planners' words. */
class PlanFileLimitsTest {
    private static final String VALID = PlanFilesErrorTest.VALID;

    @TempDir
    Path folder;

    private static PlanFileException failure(String json) {
        return PlanFilesErrorTest.failure(json);
    }

    private static String replace(String target, String replacement) {
        return PlanFilesErrorTest.replace(target, replacement);
    }

    private static void assertNoLibraryWords(PlanFileException error) {
        assertFalse(error.getMessage().contains("com.fasterxml") || error.getMessage().contains("Exception")
                || error.getMessage().contains("Jackson") || error.getMessage().contains("StreamReadConstraints"),
                error.getMessage());
    }

    @Test
    void nestingBeyondTheLimitHasItsPlaceAndNoLibraryNames() {
        int depth = 2000;
        PlanFileException error = failure(replace("\"name\": \"Small\",", "\"name\": " + "[".repeat(depth)
                + "]".repeat(depth) + ","));
        assertEquals(3, error.line(), error.getMessage());
        assertTrue(error.path().startsWith("name[0][0]"), error.getMessage());
        assertTrue(error.problem().contains("nested more than " + PlanLimits.NESTING_DEPTH), error.getMessage());
        assertNoLibraryWords(error);
    }

    @Test
    void textAfterThePlanIsReportedWhereItStarts() {
        PlanFileException error = failure(VALID + "\n  {\"name\": \"again\"}\n");
        assertEquals(VALID.lines().count() + 2, error.line(), error.getMessage());
        assertEquals(3, error.column(), error.getMessage());
        assertTrue(error.problem().contains("more text after the end of the plan"), error.getMessage());
    }

    @Test
    void aParentIdNamingNoCohortIsAnError() {
        PlanFileException error = failure(replace("\"brands\": {\"Pfizer\": 1.0}}",
                "\"brands\": {\"Pfizer\": 1.0}, \"parentId\": \"c50-54\"}"));
        assertEquals("cohorts[0].parentId", error.path());
        assertEquals(24, error.line(), error.getMessage());
        assertTrue(error.problem().contains("'c50-54'") && error.problem().contains("no cohort with that id"),
                error.getMessage());
    }

    @Test
    void aLoneSurrogateInANameIsRefusedWithItsPlace() {
        PlanFileException error = failure(replace("\"name\": \"53–54\"", "\"name\": \"53\\ud800\""));
        assertEquals("cohorts[0].name", error.path());
        assertEquals(20, error.line());
        assertTrue(error.problem().contains("character 3") && error.problem().contains("lone surrogate"),
                error.getMessage());
    }

    @Test
    void controlAndTextDirectionCharactersInNamesAreRefusedWithTheirPlace() {
        PlanFileException nul = failure(replace("\"name\": \"Small\"", "\"name\": \"Sm\\u0000all\""));
        assertEquals("name", nul.path());
        assertEquals(3, nul.line());
        assertTrue(nul.problem().contains("control character (U+0000)"), nul.getMessage());
        PlanFileException override = failure(replace("\"id\": \"PFZ-W30\"", "\"id\": \"PFZ\\u202e03W\""));
        assertEquals("deliveries[0].id", override.path());
        assertTrue(override.problem().contains("text-direction control character (U+202E)"), override.getMessage());
    }

    @Test
    void aNameLongerThanTheLimitIsRefused() {
        PlanFileException error = failure(replace("\"name\": \"53–54\"", "\"name\": \"" + "x".repeat(
                PlanLimits.NAME_LENGTH + 1) + "\""));
        assertEquals("cohorts[0].name", error.path());
        assertTrue(error.problem().contains("at most 200"), error.getMessage());
    }

    @Test
    void aLongBookingWindowIsRefusedWithItsPlace() {
        PlanFileException error = failure(replace("\"closes\": \"2021-07-20T18:00\"", "\"closes\": \"2031-07-20T18:00\""));
        assertEquals("cohorts[0].window", error.path());
        assertEquals(22, error.line());
        assertTrue(error.problem().contains("at most " + PlanLimits.WINDOW_DAYS + " days"), error.getMessage());
    }

    @Test
    void aCenturyLongVaccinationPeriodIsRefusedWithItsPlace() {
        PlanFileException error = failure(replace("\"lastDay\": \"2021-08-25\"", "\"lastDay\": \"2121-08-25\""));
        assertEquals("cohorts[0].vaccinationPeriod", error.path());
        assertTrue(error.problem().contains("at most 366 days"), error.getMessage());
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedBeforeItIsRead() throws IOException {
        Path file = folder.resolve("big.json");
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (long written = 0; written <= PlanLimits.FILE_BYTES; written += spaces.length) {
                out.write(spaces);
            }
        }
        PlanFileException error = assertThrows(PlanFileException.class, () -> PlanFiles.read(file));
        assertEquals(0, error.line());
        assertTrue(error.problem().contains("at most 16 MB"), error.getMessage());
    }

    @Test
    void aPlanAtTheLimitsReadsAndABOMAndUtf8StillWork() throws IOException {
        Path file = folder.resolve("bom.json");
        byte[] text = VALID.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        Files.write(file, withBom);
        assertEquals("53–54", PlanFiles.read(file).cohorts().get(0).name());
    }
}
