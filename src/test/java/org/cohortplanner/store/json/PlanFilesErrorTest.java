package org.cohortplanner.store.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanFilesErrorTest {
    /** A small valid plan; line numbers in the tests refer to this layout (line 1 is the opening brace). */
    static final String VALID = """
            {
              "formatVersion": 1,
              "name": "Small",
              "zone": "Asia/Seoul",
              "population": {"1967": 760000, "1968": 761000},
              "brands": [
                {"name": "Pfizer", "dosesInCourse": 2,
                 "interval": {"days": 21, "minimumDays": 21, "maximumDays": 42},
                 "minimumAge": 12, "platform": "MRNA", "siteKinds": ["VACCINATION_CENTRE"]}
              ],
              "deliveries": [
                {"id": "PFZ-W30", "brand": "Pfizer", "doses": 1200000, "plannedArrival": "2021-07-26"}
              ],
              "bookingSystem": {
                "peoplePerHour": 300000, "concurrentSessions": 25000, "sessionMinutes": 5,
                "waitingRoom": {"enabled": false, "admittedPerMinute": 0, "patienceMinutes": 60,
                                "retryProbability": 0.7, "retryDelayMinutes": 30}
              },
              "cohorts": [
                {"id": "c53-54", "name": "53–54", "birthYears": {"first": 1967, "last": 1968},
                 "eligible": 1520000, "uptake": 0.82,
                 "window": {"opens": "2021-07-19T20:00", "closes": "2021-07-20T18:00"},
                 "vaccinationPeriod": {"firstDay": "2021-08-16", "lastDay": "2021-08-25"},
                 "brands": {"Pfizer": 1.0}}
              ]
            }
            """;

    @TempDir
    Path folder;

    static PlanFileException failure(String json) {
        return assertThrows(PlanFileException.class, () -> PlanFiles.fromJson(json, "small.json"));
    }

    static String replace(String target, String replacement) {
        assertTrue(VALID.contains(target), target);
        return VALID.replace(target, replacement);
    }

    private static void assertFailure(String json, String path, int line, String problemPart) {
        PlanFileException error = failure(json);
        assertEquals(path, error.path(), error.getMessage());
        assertEquals(line, error.line(), error.getMessage());
        assertTrue(error.problem().contains(problemPart), error.getMessage());
        assertTrue(error.getMessage().startsWith("small.json:" + line + ":"), error.getMessage());
    }

    @Test
    void theSmallPlanIsValid() {
        assertEquals("53–54", PlanFiles.fromJson(VALID).cohorts().get(0).name());
    }

    @Test
    void aCutOffFileSaysTheFileEndsBeforeItIsClosed() {
        String cut = VALID.substring(0, VALID.indexOf("\"closes\""));
        assertFailure(cut, "cohorts[0].window", 22, "ends before");
    }

    @Test
    void textThatIsNotJsonSaysWhereTheSyntaxBreaks() {
        assertFailure(replace("\"uptake\": 0.82,", "\"uptake\": 0.82,,"), "cohorts[0]", 21, "not valid JSON");
    }

    @Test
    void aFieldGivenTwiceIsNamed() {
        assertFailure(replace("\"name\": \"Small\",", "\"name\": \"Small\", \"name\": \"Again\","), "", 3,
                "'name' appears twice");
    }

    @Test
    void moreTextAfterThePlanIsRefused() {
        PlanFileException error = failure(VALID + "{}");
        assertTrue(error.problem().contains("more text after"), error.getMessage());
    }

    @Test
    void aWrongTypeNamesWhatWasExpectedAndFound() {
        assertFailure(replace("\"eligible\": 1520000", "\"eligible\": \"many\""), "cohorts[0].eligible", 21,
                "expected a whole number, found text \"many\"");
    }

    @Test
    void aNumberWrittenAsTextIsAWrongType() {
        assertFailure(replace("\"doses\": 1200000", "\"doses\": \"1200000\""), "deliveries[0].doses", 12,
                "expected a whole number, found text \"1200000\"");
    }

    @Test
    void aNumberWhereTextBelongsIsAWrongType() {
        assertFailure(replace("\"name\": \"Small\"", "\"name\": 5"), "name", 3,
                "expected text in double quotes, found the whole number 5");
    }

    @Test
    void textWhereTrueOrFalseBelongsIsAWrongType() {
        assertFailure(replace("\"enabled\": false", "\"enabled\": \"no\""), "bookingSystem.waitingRoom.enabled",
                16, "expected true or false, found text \"no\"");
    }

    @Test
    void aNullEntryInAListIsRefused() {
        assertFailure(replace("\"cohorts\": [", "\"cohorts\": [null,"), "cohorts[0]", 19,
                "a list entry must not be null");
    }

    @Test
    void aFractionWhereAWholeNumberBelongsIsAWrongType() {
        assertFailure(replace("\"doses\": 1200000", "\"doses\": 1200000.5"), "deliveries[0].doses", 12,
                "expected a whole number, found the number 1200000.5");
    }

    @Test
    void anObjectWhereAListBelongsIsAWrongType() {
        assertFailure(replace("\"siteKinds\": [\"VACCINATION_CENTRE\"]", "\"siteKinds\": {}"),
                "brands[0].siteKinds", 9, "expected a list [ ... ], found an object");
    }

    @Test
    void textWhereAnObjectBelongsIsAWrongType() {
        assertFailure(replace("\"birthYears\": {\"first\": 1967, \"last\": 1968}", "\"birthYears\": \"1967-1968\""),
                "cohorts[0].birthYears", 20, "expected an object { ... }, found text \"1967-1968\"");
    }

    @Test
    void aMissingRequiredFieldIsNamedByItsPath() {
        assertFailure(replace("\"opens\": \"2021-07-19T20:00\", ", ""), "cohorts[0].window.opens", 22,
                "required field is missing");
    }

    @Test
    void aMissingBookingSystemIsNamed() {
        String json = VALID.substring(0, VALID.indexOf("  \"bookingSystem\"")) + VALID.substring(
                VALID.indexOf("  \"cohorts\""));
        PlanFileException error = failure(json);
        assertEquals("bookingSystem", error.path());
        assertTrue(error.problem().contains("required field is missing"), error.getMessage());
    }

    @Test
    void anUnknownFieldIsNamedWithTheFieldsAllowedThere() {
        assertFailure(replace("\"uptake\": 0.82,", "\"uptake\": 0.82, \"uptak\": 0.8,"), "cohorts[0].uptak", 21,
                "unknown field 'uptak'; fields allowed here: birthDayDigits, birthYears, brands, eligible, groups, id, "
                        + "name, parentId, status, uptake, vaccinationPeriod, window");
    }

    @Test
    void anUnknownEnumValueListsTheAllowedValues() {
        assertFailure(replace("\"platform\": \"MRNA\"", "\"platform\": \"mRNA\""), "brands[0].platform", 9,
                "'mRNA' is not a platform; allowed: MRNA, VECTOR, PROTEIN, INACTIVATED");
    }

    @Test
    void anUnknownEnumValueInAListIsNamedByItsIndex() {
        assertFailure(replace("[\"VACCINATION_CENTRE\"]", "[\"VACCINATION_CENTRE\", \"HOSPITAL\"]"),
                "brands[0].siteKinds[1]", 9, "'HOSPITAL' is not a site kind; allowed: VACCINATION_CENTRE, CLINIC");
    }

    @Test
    void aDateThatDoesNotExistIsRefused() {
        assertFailure(replace("\"firstDay\": \"2021-08-16\"", "\"firstDay\": \"2021-08-32\""),
                "cohorts[0].vaccinationPeriod.firstDay", 23, "'2021-08-32' is not a date; expected YYYY-MM-DD");
    }

    @Test
    void aDateTimeWithoutTimeIsRefused() {
        assertFailure(replace("\"closes\": \"2021-07-20T18:00\"", "\"closes\": \"2021-07-20\""),
                "cohorts[0].window.closes", 22, "'2021-07-20' is not a date-time; expected YYYY-MM-DDTHH:MM");
    }

    @Test
    void anUnknownTimeZoneIsRefused() {
        assertFailure(replace("\"Asia/Seoul\"", "\"Asia/Busan\""), "zone", 4, "'Asia/Busan' is not a time zone");
    }

    @Test
    void aNewerFormatVersionIsRefusedBeforeAnythingElse() {
        assertFailure(replace("\"formatVersion\": 1,", "\"formatVersion\": 5, \"futureField\": true,"),
                "formatVersion", 2,
                "unsupported formatVersion 5; this version of Cohort Planner reads formatVersion 1 to 4");
    }

    @Test
    void aVersionOneFileWithAFieldOfVersionTwoIsRefusedAtThatField() {
        assertFailure(replace("\"doses\": 1200000", "\"doses\": 1200000, \"leadTimeDays\": 3"),
                "deliveries[0].leadTimeDays", 12, "this field needs formatVersion 2; the file says formatVersion 1");
    }

    @Test
    void aMissingFormatVersionIsRefused() {
        assertFailure(replace("\"formatVersion\": 1,", ""), "formatVersion", 1, "required field is missing");
    }

    @Test
    void negativeDosesAreReportedAtTheDelivery() {
        assertFailure(replace("\"doses\": 1200000", "\"doses\": -5"), "deliveries[0]", 12,
                "doses of delivery PFZ-W30 must not be negative, got -5");
    }

    @Test
    void anUnknownBrandReferencedByACohortIsReportedAtTheShare() {
        assertFailure(replace("\"brands\": {\"Pfizer\": 1.0}", "\"brands\": {\"Modena\": 1.0}"),
                "cohorts[0].brands.Modena", 24, "cohort 53–54 refers to unknown brand 'Modena'; the plan's brands "
                        + "are Pfizer");
    }

    @Test
    void anUnknownBrandReferencedByADeliveryIsReportedAtTheDelivery() {
        assertFailure(replace("\"brand\": \"Pfizer\"", "\"brand\": \"Moderna\""), "deliveries[0].brand", 12,
                "delivery PFZ-W30 refers to unknown brand 'Moderna'");
    }

    @Test
    void aDuplicateCohortIdIsReportedAtTheSecondCohort() {
        int start = VALID.indexOf("    {\"id\": \"c53-54\"");
        int end = VALID.indexOf("]\n}");
        String cohort = VALID.substring(start, end).stripTrailing();
        String json = VALID.substring(0, end).stripTrailing() + ",\n" + cohort.replace("53–54\"", "53–54 again\"")
                + "\n  ]\n}\n";
        assertFailure(json, "cohorts[1].id", 25, "duplicate cohort id 'c53-54' (also used by cohorts[0])");
    }

    @Test
    void anUptakeAboveOneIsReportedAtTheCohort() {
        assertFailure(replace("\"uptake\": 0.82", "\"uptake\": 1.5"), "cohorts[0]", 20,
                "uptake of 53–54 must be between 0 and 1, got 1.5");
    }

    @Test
    void reversedBirthYearsAreReportedAtTheRange() {
        assertFailure(replace("{\"first\": 1967, \"last\": 1968}", "{\"first\": 1968, \"last\": 1967}"),
                "cohorts[0].birthYears", 20, "first birth year 1968 is after last birth year 1967");
    }

    @Test
    void aPopulationKeyThatIsNotAYearIsRefused() {
        assertFailure(replace("\"1968\": 761000", "\"68\": 761000, \"nineteen\": 5"), "population.nineteen", 5,
                "'nineteen' is not a birth year");
    }

    @Test
    void aNumberTooLargeIsRefused() {
        assertFailure(replace("\"eligible\": 1520000", "\"eligible\": 99999999999999999999999"),
                "cohorts[0].eligible", 21, "the number 99999999999999999999999 is too large");
    }

    @Test
    void aListAtTheTopLevelIsNotAPlan() {
        assertFailure("[1, 2]", "", 1, "a plan file is a JSON object { ... }, but this is a list");
    }

    @Test
    void anEmptyFileSaysSo() {
        PlanFileException error = failure("  \n");
        assertEquals("small.json: the file is empty; a plan file is a JSON object { ... }", error.getMessage());
    }

    @Test
    void aMissingFileSaysSo() {
        Path missing = folder.resolve("nowhere.json");
        PlanFileException error = assertThrows(PlanFileException.class, () -> PlanFiles.read(missing));
        assertEquals(missing + ": no such file", error.getMessage());
    }

    @Test
    void aFolderIsNotAPlanFile() {
        PlanFileException error = assertThrows(PlanFileException.class, () -> PlanFiles.read(folder));
        assertEquals(folder + ": is a folder, not a plan file", error.getMessage());
    }

    @Test
    void aFileThatIsNotUtf8SaysSo() throws IOException {
        Path file = folder.resolve("latin1.json");
        Files.write(file, VALID.replace("Small", "Sm\u00e4ll").getBytes(StandardCharsets.ISO_8859_1));
        PlanFileException error = assertThrows(PlanFileException.class, () -> PlanFiles.read(file));
        assertEquals(file + ": is not UTF-8 text; a plan file is UTF-8 JSON", error.getMessage());
    }

    @Test
    void errorsInAFileNameTheFile() throws IOException {
        Path file = folder.resolve("broken.json");
        Files.writeString(file, replace("\"doses\": 1200000", "\"doses\": -5"));
        PlanFileException error = assertThrows(PlanFileException.class, () -> PlanFiles.read(file));
        assertTrue(error.getMessage().startsWith(file + ":12:"), error.getMessage());
    }
}
