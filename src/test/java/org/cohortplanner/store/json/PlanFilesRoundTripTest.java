package org.cohortplanner.store.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.cohortplanner.domain.BookingSystem;
import org.cohortplanner.domain.Overload;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.QueueOrder;
import org.cohortplanner.domain.WaitingRoom;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

class PlanFilesRoundTripTest {
    @TempDir
    Path folder;

    @Test
    void writingThenReadingGivesBackAPlanThatUsesEveryField() {
        Plan plan = PlanSamples.everyField();
        Path file = folder.resolve("plan.json");
        PlanFiles.write(plan, file);
        assertEquals(plan, PlanFiles.read(file));
    }

    @Test
    void readingThenWritingGivesTheSameText() {
        String text = PlanFiles.toJson(PlanSamples.everyField());
        assertEquals(text, PlanFiles.toJson(PlanFiles.fromJson(text)));
    }

    @Test
    void textFromAStreamReadsLikeTheFile() {
        Plan plan = PlanSamples.everyField();
        byte[] bytes = PlanFiles.toJson(plan).getBytes(StandardCharsets.UTF_8);
        assertEquals(plan, PlanFiles.read(new ByteArrayInputStream(bytes), "upload"));
    }

    @Test
    void aFileOfFormatOneOpensWithABookingSystemThatDoesNotBreakUnderLoad() {
        Plan read = PlanFiles.fromJson(PlanFilesErrorTest.VALID);
        assertEquals(Overload.NONE, read.bookingSystem().overload());
        String text = PlanFiles.toJson(read);
        assertTrue(text.startsWith("{\n  \"formatVersion\": 4,\n"), text);
        assertFalse(text.contains("\"overload\""), text);
        assertEquals(read, PlanFiles.fromJson(text));
    }

    @Test
    void fieldsAreWrittenInTheDocumentedOrderAndWholeNumbersWithoutFraction() {
        String text = PlanFiles.toJson(PlanSamples.everyField());
        List<String> topLevel = Stream.of("formatVersion", "name", "description", "zone", "version", "settings",
                "population", "regions", "holidays", "brands", "deliveries", "transfers", "sites", "bookingSystem", "cohorts",
                "allocationRules", "intervalPolicies")
                .toList();
        int previous = -1;
        for (String field : topLevel) {
            int at = text.indexOf("\n  \"" + field + "\": ");
            assertTrue(at > previous, field + " is out of order or missing in\n" + text);
            previous = at;
        }
        assertTrue(text.startsWith("{\n  \"formatVersion\": 4,\n"), text);
        assertTrue(text.contains("\"overload\": {\n      \"concurrentRequests\": 300000,"), text);
        assertTrue(text.contains("\"peoplePerHour\": 300000,"), text);
        assertTrue(text.contains("\"sessionMinutes\": 5.5,"), text);
        assertTrue(text.contains("\"opens\": \"2021-07-19T20:00\""), text);
        assertTrue(text.contains("\"at\": \"2021-08-09T19:30:15\""), text);
        assertTrue(text.contains("\"parentId\": null"), text);
        assertTrue(text.endsWith("}\n"), text);
    }

    @Test
    void emptyListsAndObjectsAreWrittenCompactly() {
        BookingSystem system = new BookingSystem(300_000, 25_000, 5, 1, List.of(),
                new WaitingRoom(false, 0, QueueOrder.FIFO, 60, 0.7, 30));
        String text = PlanFiles.toJson(Plan.empty("Empty", ZoneId.of("Asia/Seoul"), system));
        assertTrue(text.contains("\"cohorts\": []"), text);
        assertTrue(text.contains("\"population\": {}"), text);
        assertEquals(Plan.empty("Empty", ZoneId.of("Asia/Seoul"), system), PlanFiles.fromJson(text));
    }

    @Test
    void writingReplacesAnExistingFileKeepingItsPermissionsAndLeavesNoTemporaryFile() throws IOException {
        Path file = folder.resolve("plan.json");
        Files.writeString(file, "old content");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw----"));
        Plan plan = PlanSamples.everyField();

        PlanFiles.write(plan, file);

        assertEquals(plan, PlanFiles.read(file));
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void writingIntoAMissingFolderSaysSoAndCreatesNothing() {
        Path file = folder.resolve("missing").resolve("plan.json");
        PlanFileException error = assertThrows(PlanFileException.class,
                () -> PlanFiles.write(PlanSamples.everyField(), file));
        assertTrue(error.getMessage().contains("does not exist"), error.getMessage());
        assertFalse(Files.exists(file));
    }

    @TestFactory
    Stream<DynamicTest> everySamplePlanReadsAndWritesBackUnchanged() throws IOException {
        Path samples = Path.of("sample-data");
        if (!Files.isDirectory(samples)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(samples)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream()
                    .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                        Plan plan = PlanFiles.read(file);
                        assertEquals(plan, PlanFiles.fromJson(PlanFiles.toJson(plan)));
                        String written = PlanFiles.toJson(plan);
                        assertEquals(written, PlanFiles.toJson(PlanFiles.fromJson(written)));
                    }));
        }
    }
}
