package org.cohortplanner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every number a plan holds at the ends of its documented range (docs/plan-format.md, "Limits"): at the limit the
 * plan validates and schedule and simulate give sane figures (nothing negative, nothing that overflowed); one step
 * beyond, every command refuses it with the field's place and exit 2.
 */
class ExtremeNumbersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** JSON pointer, a value at the limit, a value beyond it. */
    private static final List<Object[]> FIELDS = List.of(
            new Object[] {"/version", 1_000_000_000_000L, 1_000_000_000_001L},
            new Object[] {"/settings/noShowRate", 1.0, 1.0001},
            new Object[] {"/population/1962", 2_000_000_000L, 2_000_000_001L},
            new Object[] {"/regions/0/population", 2_000_000_000L, 2_000_000_001L},
            new Object[] {"/brands/0/dosesInCourse", 4, 5},
            new Object[] {"/brands/0/interval/maximumDays", 365, 366},
            new Object[] {"/brands/0/minimumAge", 150, 151},
            new Object[] {"/deliveries/0/doses", 10_000_000_000L, 10_000_000_001L},
            new Object[] {"/sites/0/dosesPerDay", 100_000_000, 100_000_001},
            new Object[] {"/bookingSystem/peoplePerHour", 1e9, 1.0000001e9},
            new Object[] {"/bookingSystem/concurrentSessions", 100_000_000, 100_000_001},
            new Object[] {"/bookingSystem/sessionMinutes", 0.5, 0.49},
            new Object[] {"/bookingSystem/sessionMinutes", 240.0, 240.5},
            new Object[] {"/bookingSystem/accessMultiplier", 100.0, 1e308},
            new Object[] {"/bookingSystem/waitingRoom/patienceMinutes", 10_080.0, 10_081.0},
            new Object[] {"/bookingSystem/waitingRoom/retryDelayMinutes", 10_080.0, 10_081.0},
            new Object[] {"/bookingSystem/waitingRoom/retryProbability", 1.0, 1.01},
            new Object[] {"/cohorts/0/eligible", 2_000_000_000L, 2_000_000_001L},
            new Object[] {"/cohorts/0/uptake", 1.0, 1.01},
            new Object[] {"/cohorts/0/birthYears/first", 1850, 1849});

    /** The same for the fields of the booking system's overload and of the regional supply (format version 2). */
    private static final List<Object[]> REGIONAL_FIELDS = List.of(
            new Object[] {"/bookingSystem/overload/concurrentRequests", 10_000_000_000L, 10_000_000_001L},
            new Object[] {"/bookingSystem/overload/timeoutSeconds", 3_600.0, 3_600.5},
            new Object[] {"/bookingSystem/overload/restartMinutes", 1_440.0, 1_441.0},
            new Object[] {"/brands/0/leadTimeDays", 365, 366},
            new Object[] {"/deliveries/0/leadTimeDays", 365, 366},
            new Object[] {"/deliveries/0/allotment/doses/Seoul", 10_000_000_000L, 10_000_000_001L},
            new Object[] {"/transfers/0/doses", 10_000_000_000L, 10_000_000_001L},
            new Object[] {"/transfers/0/leadTimeDays", 365, 366});

    @TempDir
    Path folder;

    @TestFactory
    Stream<DynamicTest> everyNumberAtItsLimitGivesSaneFiguresAndBeyondItIsRefusedWithItsPlace() throws IOException {
        JsonNode sample = JSON.readTree(Files.readString(Path.of("sample-data/korea-2021-initial.json")));
        List<DynamicTest> tests = new ArrayList<>();
        for (Object[] field : FIELDS) {
            String pointer = (String) field[0];
            tests.add(DynamicTest.dynamicTest(pointer + " = " + field[1], () -> atTheLimit(sample, pointer, field[1])));
            tests.add(DynamicTest.dynamicTest(pointer + " = " + field[2], () -> beyond(sample, pointer, field[2])));
        }
        JsonNode regional = withRegionalSupply(sample);
        for (Object[] field : REGIONAL_FIELDS) {
            String pointer = (String) field[0];
            tests.add(DynamicTest.dynamicTest(pointer + " = " + field[1], () -> atTheLimit(regional, pointer,
                    field[1])));
            tests.add(DynamicTest.dynamicTest(pointer + " = " + field[2], () -> beyond(regional, pointer, field[2])));
        }
        tests.add(DynamicTest.dynamicTest("admittedPerMinute at its limit with the waiting room on", () -> {
            JsonNode plan = with(sample, "/bookingSystem/waitingRoom/enabled", true);
            atTheLimit(plan, "/bookingSystem/waitingRoom/admittedPerMinute", 100_000_000);
            beyond(plan, "/bookingSystem/waitingRoom/admittedPerMinute", 100_000_001);
        }));
        return tests.stream();
    }

    private void atTheLimit(JsonNode sample, String pointer, Object value) throws IOException {
        Path file = write(with(sample, pointer, value));
        CommandLineRun validate = CommandLineRun.of("validate", file.toString());
        assertTrue(Set.of(0, 1).contains(validate.exitCode), validate.toString());
        CommandLineRun schedule = CommandLineRun.of("schedule", "--json", file.toString());
        assertEquals(0, schedule.exitCode, schedule.toString());
        assertSane(JSON.readTree(schedule.out), "", pointer + " schedule");
        CommandLineRun simulate = CommandLineRun.of("simulate", "--json", "--window", "c55-59", file.toString());
        assertEquals(0, simulate.exitCode, simulate.toString());
        assertSane(JSON.readTree(simulate.out), "", pointer + " simulate");
    }

    private void beyond(JsonNode sample, String pointer, Object value) throws IOException {
        Path file = write(with(sample, pointer, value));
        String path = pointer.equals("/population/1962") ? "population[\"1962\"]"
                : pointer.substring(1).replaceAll("/(\\d+)(?=/|$)", "[$1]").replace('/', '.');
        // A rule of the record as a whole (a share between 0 and 1) is reported on the record that holds it.
        String place = "(" + java.util.regex.Pattern.quote(path) + "|"
                + java.util.regex.Pattern.quote(path.substring(0, Math.max(0, path.lastIndexOf('.')))) + ")";
        for (String command : List.of("validate", "schedule", "simulate", "slip", "export")) {
            String[] args = switch (command) {
                case "slip" -> new String[] {"slip", "--delivery", "x", "--to", "2021-08-01", file.toString()};
                case "export" -> new String[] {"export", "--out", folder.resolve("x.xlsx").toString(),
                    file.toString()};
                default -> new String[] {command, file.toString()};
            };
            CommandLineRun run = CommandLineRun.of(args);
            assertEquals(2, run.exitCode, command + ": " + run);
            assertTrue(run.err.matches("(?s).*" + java.util.regex.Pattern.quote(file.toString()) + ":\\d+:\\d+: "
                    + place + ": .*"), command + " names the place " + path + ": " + run);
            assertTrue(run.out.isEmpty() || command.equals("validate") && run.out.isEmpty(), "no work done: " + run);
        }
    }

    /** No count below 0 (the unscheduled differences may be), none that overflowed, nothing that is not finite. */
    private static void assertSane(JsonNode node, String where, String what) {
        if (node.isNumber()) {
            BigDecimal value = node.decimalValue();
            assertTrue(value.signum() >= 0 || where.contains("unscheduled"), what + ": " + where + " = " + value);
            assertTrue(value.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 2)) < 0, what + ": " + where
                    + " = " + value);
            return;
        }
        if (node.isTextual()) {
            assertTrue(!node.asText().equals("NaN") && !node.asText().contains("Infinity"), what + ": " + where);
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            assertSane(field.getValue(), where + "." + field.getKey(), what);
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                assertSane(node.get(i), where + "[" + i + "]", what);
            }
        }
    }

    /** The sample with an explicit allotment, a transfer and an allocation rule, so that their numbers are there. */
    private static JsonNode withRegionalSupply(JsonNode sample) throws IOException {
        ObjectNode copy = (ObjectNode) sample.deepCopy();
        long doses = copy.at("/deliveries/0/doses").asLong();
        ((ObjectNode) copy.at("/deliveries/0")).set("allotment", JSON.readTree("{\"rule\": \"EXPLICIT\", "
                + "\"doses\": {\"Seoul\": " + doses + "}}"));
        copy.set("transfers", JSON.readTree("[{\"id\": \"T1\", \"brand\": \"Moderna\", \"doses\": 1000, "
                + "\"fromRegion\": \"Seoul\", \"toRegion\": \"Busan\", \"shipped\": \"2021-07-20\", "
                + "\"leadTimeDays\": 1}]"));
        copy.set("allocationRules", JSON.readTree("[{\"id\": \"R1\", \"cohortId\": \"c55-59\", \"regions\": "
                + "[\"Seoul\"], \"firstDay\": \"2021-07-26\", \"lastDay\": \"2021-07-31\", \"brands\": "
                + "{\"Pfizer\": 1.0}}]"));
        return copy;
    }

    private static JsonNode with(JsonNode sample, String pointer, Object value) {
        JsonNode copy = sample.deepCopy();
        int slash = pointer.lastIndexOf('/');
        ObjectNode parent = (ObjectNode) copy.at(pointer.substring(0, slash));
        String name = pointer.substring(slash + 1);
        if (value instanceof Integer n) {
            parent.put(name, n);
        } else if (value instanceof Long n) {
            parent.put(name, n);
        } else if (value instanceof Boolean b) {
            parent.put(name, b);
        } else {
            parent.put(name, (Double) value);
        }
        return copy;
    }

    private Path write(JsonNode plan) throws IOException {
        Path file = Files.createTempFile(folder, "plan", ".json");
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(plan));
        return file;
    }
}
