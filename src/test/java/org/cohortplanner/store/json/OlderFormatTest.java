package org.cohortplanner.store.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

import org.cohortplanner.domain.Allotment;
import org.cohortplanner.domain.Delivery;
import org.cohortplanner.domain.NightAssumptions;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.VaccineBrand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OlderFormatTest {
    @TempDir
    Path folder;

    /** The sample as a version 1 file would hold it: no lead times, allotments, transfers or rules. */
    private static String versionOneText() {
        Plan sample = PlanSamples.everyField();
        Plan plain = new Plan(sample.name(), sample.description(), sample.zone(), sample.cohorts(),
                sample.brands().stream().map(b -> b.withLeadTimeDays(0)).toList(),
                sample.deliveries().stream().map(d -> d.withLeadTimeDays(null).withAllotment(Allotment.BY_APPOINTMENTS))
                        .toList(),
                sample.sites(), sample.bookingSystem(), sample.holidays(), sample.regions(), sample.population(),
                sample.settings(), sample.version());
        return PlanFiles.toJson(plain)
                .replace("\"formatVersion\": 3,", "\"formatVersion\": 1,")
                .replaceAll(",\\n\\s*\"night\": \\{[^}]*}", "")
                .replaceAll(",\\n\\s*\"leadTimeDays\": (0|null)", "")
                .replaceAll(",\\n\\s*\"allotment\": \\{\\n\\s*\"rule\": \"APPOINTMENTS\",\\n\\s*\"doses\": \\{}\\n\\s*}", "")
                .replaceAll(",\\n\\s*\"transfers\": \\[]", "")
                .replaceAll(",\\n\\s*\"allocationRules\": \\[]", "")
                .replaceAll(",\\n\\s*\"reservationCap\": \\d+", "");
    }

    @Test
    void aVersionOneFileOpensWithLeadTimeZeroAllotmentByAppointmentsAndNoRules() throws Exception {
        String text = versionOneText();
        assertTrue(text.contains("\"formatVersion\": 1,") && !text.contains("leadTimeDays")
                && !text.contains("allotment") && !text.contains("allocationRules") && !text.contains("transfers"),
                text);
        Path file = folder.resolve("old.json");
        Files.writeString(file, text);

        Plan plan = PlanFiles.read(file);

        for (VaccineBrand brand : plan.brands()) {
            assertEquals(0, brand.leadTimeDays(), brand.name());
        }
        for (Delivery delivery : plan.deliveries()) {
            assertNull(delivery.leadTimeDays(), delivery.id());
            assertEquals(Allotment.BY_APPOINTMENTS, delivery.allotment(), delivery.id());
            assertEquals(delivery.expectedArrival(), delivery.usableFrom(plan.brand(delivery.brand()).orElseThrow()));
        }
        assertTrue(plan.transfers().isEmpty());
        assertTrue(plan.allocationRules().isEmpty());
        assertEquals(OptionalInt.of(1), PlanFiles.formatVersionOf(file));
    }

    @Test
    void aVersionTwoFileOpensWithTheNightAssumptionsOfVersionTwo() throws Exception {
        Plan sample = PlanSamples.everyField();
        Plan fitted = sample.withBookingSystem(sample.bookingSystem().withNight(
                new NightAssumptions(0.3, 20, List.of(0.1, 0.2), NightAssumptions.SessionKind.LOG_NORMAL, 0.5,
                        NightAssumptions.PatienceKind.FIXED, 2)));
        String current = PlanFiles.toJson(fitted);
        assertTrue(current.contains("\"formatVersion\": 3,") && current.contains("\"night\": {"), current);
        String versionTwo = current.replace("\"formatVersion\": 3,", "\"formatVersion\": 2,")
                .replaceAll(",\\n\\s*\"night\": \\{[^}]*}", "")
                .replaceAll(",\\n\\s*\"reservationCap\": \\d+", "");
        Path file = folder.resolve("two.json");
        Files.writeString(file, versionTwo);

        Plan plan = PlanFiles.read(file);

        assertEquals(NightAssumptions.FORMAT_2_READING, plan.bookingSystem().night());
        assertEquals(fitted.bookingSystem().night(), PlanFiles.fromJson(current).bookingSystem().night());
        PlanFileException refused = assertThrows(PlanFileException.class, () -> PlanFiles.fromJson(
                current.replace("\"formatVersion\": 3,", "\"formatVersion\": 2,")
                        .replaceAll(",\\n\\s*\"reservationCap\": \\d+", "")));
        PlanFileException capRefused = assertThrows(PlanFileException.class, () -> PlanFiles.fromJson(
                versionTwo.replace("\"closes\": \"2021-07-22T18:00\"",
                        "\"closes\": \"2021-07-22T18:00\",\n\"reservationCap\": 10")));
        assertTrue(capRefused.getMessage().contains("window.reservationCap: this field needs formatVersion 3"),
                capRefused.getMessage());
        assertTrue(refused.getMessage().contains("bookingSystem.night: this field needs formatVersion 3; the file says "
                + "formatVersion 2"), refused.getMessage());
    }

    @Test
    void savingAVersionOneFileWritesTheCurrentVersionWithTheSamePlan() throws Exception {
        Path file = folder.resolve("old.json");
        Files.writeString(file, versionOneText());
        Plan plan = PlanFiles.read(file);

        PlanFiles.write(plan, file);

        assertEquals(OptionalInt.of(PlanFiles.FORMAT_VERSION), PlanFiles.formatVersionOf(file));
        assertEquals(plan, PlanFiles.read(file));
    }

    @Test
    void regionalSupplyFieldsSurviveARoundTrip() {
        Plan plan = PlanSamples.everyField();
        Plan again = PlanFiles.fromJson(PlanFiles.toJson(plan));
        assertEquals(plan.transfers(), again.transfers());
        assertEquals(plan.allocationRules(), again.allocationRules());
        assertEquals(plan.deliveries(), again.deliveries());
        assertEquals(1_850_000L, again.cohort("c50-54-d37").orElseThrow().window().reservationCap());
        assertEquals(2, again.brand("Pfizer").orElseThrow().leadTimeDays());
        assertEquals(Integer.valueOf(3), again.delivery("MOD-2021-W29").orElseThrow().leadTimeDays());
        assertEquals(1_000_000L, again.delivery("MOD-2021-W29").orElseThrow().allotment().dosesByRegion()
                .get("Seoul"));
    }
}
