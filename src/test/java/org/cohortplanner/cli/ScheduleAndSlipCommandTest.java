package org.cohortplanner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.store.json.PlanFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduleAndSlipCommandTest {
    private static final String INITIAL = "sample-data/korea-2021-initial.json";

    @TempDir
    Path folder;

    @Test
    void scheduleOfTheInitialSamplePrintsDaysAndNoShortage() {
        CommandLineRun run = CommandLineRun.of("schedule", INITIAL);

        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.out.contains("2021-07-26      250500"), run.out);
        assertTrue(run.out.contains("No shortages"), run.out);
    }

    @Test
    void scheduleAsJsonHasTheDocumentedMembers() {
        CommandLineRun run = CommandLineRun.of("schedule", INITIAL, "--json");

        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.out.startsWith("{\"plan\":\"Korea 2021, initial plan\",\"totals\":{\"firstDoses\":"), run.out
                .substring(0, 200));
        for (String member : new String[] {"\"brandDays\":[", "\"shortages\":[]", "\"secondDoseWarnings\":[]",
            "\"rows\":[{\"day\":\"2021-07-26\""}) {
            assertTrue(run.out.contains(member), member);
        }
    }

    @Test
    void slipPrintsTheImpactAndRankedSuggestions() {
        CommandLineRun run = CommandLineRun.of("slip", INITIAL, "--delivery", "MOD-2021-W28", "--to", "2021-07-30");

        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.out.contains("people would have no dose on their booked day"), run.out);
        // Stock is regional: the first suggestion swaps brands only where it has to and names those regions; the
        // national swap and the later periods follow it.
        assertTrue(run.out.contains("1. Pfizer instead of Moderna in "), run.out);
        assertTrue(run.out.contains("Pfizer instead of Moderna for 55–59 in Seoul, 2021-07-26 to 2021-07-30"),
                run.out);
        assertTrue(run.out.contains("Pfizer instead of Moderna for 55–59\n"), run.out);
        assertTrue(run.out.contains("move 55–59 one week later"), run.out);
    }

    @Test
    void slipAsJsonNumbersTheSuggestions() {
        CommandLineRun run = CommandLineRun.of("slip", INITIAL, "--delivery", "MOD-2021-W28", "--to", "2021-07-30",
                "--json");

        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.out.contains("\"cohorts\":[\"c55-59\"]"), run.out);
        assertTrue(run.out.contains("\"suggestions\":[{\"number\":1,\"kind\":\"BRAND_SWAP\""), run.out);
    }

    @Test
    void applyingASuggestionWritesTheNewPlanAndListsSecondDoseMoves() {
        Path out = folder.resolve("fixed.json");
        CommandLineRun run = CommandLineRun.of("slip", INITIAL, "--delivery", "MOD-2021-W28", "--to", "2021-07-30",
                "--apply", "1", "--out", out.toString());

        assertEquals(0, run.exitCode, run.toString());
        assertTrue(Files.exists(out));
        Plan fixed = PlanFiles.read(out);
        assertEquals("2021-07-30", fixed.delivery("MOD-2021-W28").orElseThrow().expectedArrival().toString());
        // The regional swap is written as allocation rules of the cohort, the stock it frees as transfers.
        assertTrue(fixed.allocationRules().stream().anyMatch(rule -> rule.cohortId().equals("c55-59")
                && rule.regions().contains("Seoul") && rule.brands().shareOf("Pfizer") > 0), fixed.allocationRules()
                .toString());
        assertTrue(!fixed.transfers().isEmpty());
        assertTrue(run.out.contains("people's second dose moves"), run.out);
        CommandLineRun again = CommandLineRun.of("schedule", out.toString());
        assertTrue(again.out.contains("No shortages"), again.out);
    }

    @Test
    void scheduleOfOneRegionShowsThatRegionsShortagesOnly() throws Exception {
        Plan initial = PlanFiles.read(Path.of(INITIAL));
        Plan slipped = initial.withDelivery(initial.delivery("MOD-2021-W28").orElseThrow()
                .withExpectedArrival(java.time.LocalDate.of(2021, 7, 28)));
        Path file = folder.resolve("slipped.json");
        PlanFiles.write(slipped, file);

        CommandLineRun run = CommandLineRun.of("schedule", file.toString(), "--region", "Seoul");

        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.out.startsWith("Schedule of Korea 2021, initial plan in Seoul"), run.out);
        assertTrue(run.out.contains("Shortages in Seoul"), run.out);
        assertTrue(run.out.contains("  2021-07-28  c55-59  Moderna  dose 1: "), run.out);
        assertTrue(!run.out.contains("Busan"), run.out);
    }

    @Test
    void scheduleAsJsonCarriesEachRegionsStockAllotmentsAndShortages() throws Exception {
        Plan initial = PlanFiles.read(Path.of(INITIAL));
        Plan slipped = initial.withDelivery(initial.delivery("MOD-2021-W28").orElseThrow()
                .withExpectedArrival(java.time.LocalDate.of(2021, 7, 28)));
        Path file = folder.resolve("slipped.json");
        PlanFiles.write(slipped, file);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();

        CommandLineRun whole = CommandLineRun.of("schedule", file.toString(), "--json");
        CommandLineRun seoul = CommandLineRun.of("schedule", file.toString(), "--json", "--region", "Seoul");

        assertEquals(0, whole.exitCode, whole.toString());
        assertEquals(0, seoul.exitCode, seoul.toString());
        com.fasterxml.jackson.databind.JsonNode all = json.readTree(whole.out);
        com.fasterxml.jackson.databind.JsonNode one = json.readTree(seoul.out);
        assertEquals(17, all.get("regions").size());
        // The regions' stock adds up to the national stock of each brand and day.
        java.util.Map<String, Long> national = new java.util.HashMap<>();
        all.get("regionStock").forEach(day -> national.merge(day.get("brand").asText() + day.get("day").asText(),
                day.get("given").asLong(), Long::sum));
        all.get("brandDays").forEach(day -> assertEquals(day.get("given").asLong(),
                national.getOrDefault(day.get("brand").asText() + day.get("day").asText(), 0L), 17.0,
                day.toString()));
        assertTrue(one.get("regionStock").size() > 0);
        one.get("regionStock").forEach(day -> assertEquals("Seoul", day.get("region").asText()));
        one.get("allotments").forEach(allotment -> {
            assertEquals(1, allotment.get("dosesByRegion").size(), allotment.toString());
            assertTrue(allotment.get("dosesByRegion").get("Seoul").isIntegralNumber(), allotment.toString());
        });
        assertTrue(one.get("regionShortages").size() > 0, one.get("regionShortages").toString());
        one.get("regionShortages").forEach(shortage -> {
            assertEquals("Seoul", shortage.get("region").asText());
            assertEquals("Moderna", shortage.get("brand").asText());
        });
        assertTrue(seoul.out.length() < whole.out.length() / 5);
    }

    @Test
    void scheduleOfAnUnknownRegionExitsWithTwo() {
        CommandLineRun run = CommandLineRun.of("schedule", INITIAL, "--region", "Atlantis");

        assertEquals(2, run.exitCode);
        assertTrue(run.err.contains("the plan has no region 'Atlantis'"), run.err);
    }

    @Test
    void anUnknownDeliveryExitsWithTwo() {
        CommandLineRun run = CommandLineRun.of("slip", INITIAL, "--delivery", "MOD-1999", "--to", "2021-07-30");

        assertEquals(2, run.exitCode);
        assertTrue(run.err.contains("has no delivery 'MOD-1999'"), run.err);
    }

    @Test
    void aDateThatIsNotADateExitsWithTwo() {
        CommandLineRun run = CommandLineRun.of("slip", INITIAL, "--delivery", "MOD-2021-W28", "--to", "30/07/2021");

        assertEquals(2, run.exitCode);
        assertTrue(run.err.contains("--to '30/07/2021' is not a date"), run.err);
    }

    @Test
    void aSuggestionThatDoesNotExistExitsWithTwo() {
        CommandLineRun run = CommandLineRun.of("slip", INITIAL, "--delivery", "MOD-2021-W28", "--to", "2021-07-30",
                "--apply", "9", "--out", folder.resolve("x.json").toString());

        assertEquals(2, run.exitCode);
        assertTrue(run.err.contains("there is no suggestion 9"), run.err);
    }

    @Test
    void anUnreadablePlanExitsWithTwo() {
        CommandLineRun run = CommandLineRun.of("schedule", folder.resolve("missing.json").toString());

        assertEquals(2, run.exitCode);
        assertTrue(run.err.contains("missing.json"), run.err);
    }
}
