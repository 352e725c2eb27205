package org.cohortplanner.store.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.cohortplanner.domain.BirthCohortRange;
import org.cohortplanner.domain.BookingSystem;
import org.cohortplanner.domain.AllocationRule;
import org.cohortplanner.domain.Allotment;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.CohortStatus;
import org.cohortplanner.domain.Delivery;
import org.cohortplanner.domain.DeliveryStatus;
import org.cohortplanner.domain.DoseInterval;
import org.cohortplanner.domain.Holiday;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.Region;
import org.cohortplanner.domain.SiteGroup;
import org.cohortplanner.domain.SiteKind;
import org.cohortplanner.domain.VaccineBrand;
import org.cohortplanner.planning.PlanValidator;
import org.cohortplanner.planning.Problem;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two sample plans planners replay 2021 with: they read, validate, round-trip, and carry the figures the
 * supply and simulation replays rely on (the Moderna slip, the 22:00 capacity change, the splits).
 */
class SamplePlansTest {
    private static final Path INITIAL = Path.of("sample-data", "korea-2021-initial.json");
    private static final Path AS_RUN = Path.of("sample-data", "korea-2021-as-run.json");
    private static final Path DELIVERY_SHEET = Path.of("sample-data", "deliveries-2021-q3.csv");
    private static final LocalDate FIRST_VACCINATION_DAY_55_59 = LocalDate.of(2021, 7, 26);
    private static final long ELIGIBLE_55_59 = 3_524_000;
    private static final long ELIGIBLE_50_54 = 3_807_034;
    private static final long ELIGIBLE_18_49 = 16_210_000;

    @TempDir
    Path folder;

    private final Plan initial = PlanFiles.read(INITIAL);
    private final Plan asRun = PlanFiles.read(AS_RUN);

    @TestFactory
    Stream<DynamicTest> eachSampleValidatesWithoutErrors() {
        return Stream.of(INITIAL, AS_RUN).map(file -> DynamicTest.dynamicTest(file.toString(), () -> {
            List<Problem> problems = new PlanValidator().validate(PlanFiles.read(file));
            List<String> errors = problems.stream().filter(Problem::isError).map(Problem::message).toList();
            assertTrue(errors.isEmpty(), file + " has errors:\n" + String.join("\n", errors));
        }));
    }

    @TestFactory
    Stream<DynamicTest> readingThenWritingEachSampleGivesTheSameText() {
        return Stream.of(INITIAL, AS_RUN).map(file -> DynamicTest.dynamicTest(file.toString(), () -> {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertEquals(text, PlanFiles.toJson(PlanFiles.fromJson(text, file.toString())));
        }));
    }

    @TestFactory
    Stream<DynamicTest> writingThenReadingEachSampleGivesTheSamePlan() {
        return Stream.of(INITIAL, AS_RUN).map(file -> DynamicTest.dynamicTest(file.toString(), () -> {
            Plan plan = PlanFiles.read(file);
            Path copy = folder.resolve(file.getFileName());
            PlanFiles.write(plan, copy);
            assertEquals(plan, PlanFiles.read(copy));
        }));
    }

    @Test
    void initialPlanHasOneCohortWithOneWindowPerAgeGroup() {
        assertEquals(List.of("55–59", "50–54", "18–49"), initial.cohorts().stream().map(Cohort::name).toList());
        assertTrue(initial.cohorts().stream().allMatch(c -> c.parentId() == null && c.allBirthDays()
                && c.status() == CohortStatus.PLANNED));

        Cohort late50s = cohort(initial, "55–59");
        assertEquals(BirthCohortRange.of(1962, 1966), late50s.birthYears());
        assertEquals(at(2021, 7, 12, 0, 0), late50s.window().opens());
        assertEquals(1.0, late50s.brands().shareOf("Moderna"));

        Cohort early50s = cohort(initial, "50–54");
        assertEquals(BirthCohortRange.of(1967, 1971), early50s.birthYears());
        assertEquals(at(2021, 7, 19, 20, 0), early50s.window().opens());
        assertEquals(at(2021, 7, 24, 18, 0), early50s.window().closes());
        assertEquals(LocalDate.of(2021, 8, 9), early50s.vaccinationPeriod().firstDay());
        assertEquals(LocalDate.of(2021, 8, 21), early50s.vaccinationPeriod().lastDay());

        assertEquals(BirthCohortRange.of(1972, 2003), cohort(initial, "18–49").birthYears());
    }

    @Test
    void initialBookingSystemIsTheOriginalOneWithoutWaitingRoomOrExtraCapacity() {
        BookingSystem system = initial.bookingSystem();
        assertEquals(300_000, system.peoplePerHour());
        assertEquals(6.7, system.accessMultiplier());
        assertTrue(system.capacityChanges().isEmpty());
        assertFalse(system.waitingRoom().enabled());
        // Little's law: sessions at once = people a minute × minutes each.
        assertEquals(system.concurrentSessions(), system.peoplePerHour() / 60 * system.sessionMinutes(), 1e-9);
    }

    @Test
    void asRunAddsCapacityAtTenOnTheFirstFiftiesNightAndHasAWaitingRoom() {
        BookingSystem system = asRun.bookingSystem();
        LocalDateTime tenPm = at(2021, 7, 19, 22, 0);
        assertTrue(system.capacityChanges().stream().anyMatch(change -> change.at().equals(tenPm)));
        assertEquals(300_000, system.peoplePerHourAt(tenPm.minusMinutes(1)));
        assertTrue(system.peoplePerHourAt(tenPm) > 300_000);
        assertTrue(system.concurrentSessionsAt(tenPm) > system.concurrentSessionsAt(tenPm.minusMinutes(1)));
        assertTrue(system.waitingRoom().enabled());
    }

    @Test
    void modernaLotOfTheThirdWeekOfJulySlipsToTheLastWeekInTheAsRunPlanOnly() {
        Delivery planned = initial.delivery("MOD-2021-W28").orElseThrow();
        Delivery slipped = asRun.delivery("MOD-2021-W28").orElseThrow();

        assertEquals("Moderna", slipped.brand());
        assertEquals(3, weekOfJuly(slipped.plannedArrival()));
        assertEquals(slipped.plannedArrival(), planned.plannedArrival());
        assertFalse(planned.isSlipped());
        assertEquals(DeliveryStatus.PLANNED, planned.status());

        assertEquals(DeliveryStatus.DELAYED, slipped.status());
        assertTrue(slipped.isSlipped());
        assertTrue(slipped.expectedArrival().isAfter(LocalDate.of(2021, 7, 25))
                && !slipped.expectedArrival().isAfter(LocalDate.of(2021, 7, 31)), "expected in the last week of July");
        assertFalse(slipped.note().isBlank());
        assertEquals(planned.doses(), slipped.doses());
    }

    @Test
    void theSlippedLotAndTheAugustShortfallAreWhatDiffersBetweenTheTwoPlansDeliveries() {
        Map<String, Delivery> before = byId(initial.deliveries(), Delivery::id);
        Map<String, Delivery> after = byId(asRun.deliveries(), Delivery::id);
        Set<String> august = Set.of("MOD-2021-W31", "MOD-2021-W32", "MOD-2021-W33", "MOD-2021-W34", "MOD-2021-W35");
        Set<String> rests = august.stream().map(id -> id + "-REST").collect(Collectors.toSet());
        Set<String> added = after.keySet().stream().filter(id -> !before.containsKey(id)).collect(Collectors.toSet());
        assertEquals(rests, added);
        assertTrue(after.keySet().containsAll(before.keySet()));
        Set<String> changed = before.keySet().stream().filter(id -> !before.get(id).equals(after.get(id)))
                .collect(Collectors.toSet());
        // The slipped lot, the lot on hand on 12 July (the as-run plan records what was reported received, 862,000,
        // and how it was split over the regions) and the August lots, each short by what its rest lot brings later.
        Set<String> expected = new HashSet<>(august);
        expected.addAll(Set.of("MOD-2021-W27", "MOD-2021-W28"));
        assertEquals(expected, changed);
        assertEquals(862_000, after.get("MOD-2021-W27").doses());
        assertTrue(after.get("MOD-2021-W27").allotment().isExplicit());
        assertEquals(862_000, after.get("MOD-2021-W27").allotment().explicitTotal());
        for (String id : august) {
            Delivery rest = after.get(id + "-REST");
            assertEquals(before.get(id).doses(), after.get(id).doses() + rest.doses(), id);
            assertEquals(before.get(id).plannedArrival(), rest.plannedArrival(), id);
            assertEquals(DeliveryStatus.DELAYED, rest.status(), id);
            assertTrue(rest.expectedArrival().getMonthValue() == 9, id);
        }
    }

    @Test
    void modernaOnHandBeforeTheFirstVaccinationDayIsTheAllotmentOfTheTwelveJulyWindow() {
        assertEquals(1_850_000, modernaBefore(initial, FIRST_VACCINATION_DAY_55_59));
        long firstWeekBookers = Math.round(cohort(initial, "55–59").expectedBookers()
                * 6.0 / cohort(initial, "55–59").vaccinationPeriod().days());
        assertTrue(modernaBefore(asRun, FIRST_VACCINATION_DAY_55_59) < firstWeekBookers * 4 / 6,
                "after the slip, the Moderna on hand does not last four days of the first week");
    }

    @Test
    void asRunKeepsTheSuspendedTwelveJulyWindowBeforeTheReopening() {
        Cohort suspended = cohort(asRun, "55–59 12 July");
        Cohort reopened = cohort(asRun, "55–59");
        assertEquals(CohortStatus.SUSPENDED, suspended.status());
        assertEquals(at(2021, 7, 12, 0, 0), suspended.window().opens());
        assertEquals(1_850_000, suspended.expectedBookers());
        assertEquals(ELIGIBLE_55_59, suspended.eligible());

        assertEquals(at(2021, 7, 14, 20, 0), reopened.window().opens());
        assertEquals(at(2021, 7, 24, 18, 0), reopened.window().closes());
        assertFalse(suspended.window().overlaps(reopened.window()));
        assertEquals(ELIGIBLE_55_59 - suspended.expectedBookers(), reopened.eligible());
        assertEquals(3_043_805, suspended.expectedBookers() + reopened.expectedBookers());
        assertEquals(FIRST_VACCINATION_DAY_55_59, suspended.vaccinationPeriod().firstDay());
        assertEquals(LocalDate.of(2021, 8, 7), reopened.vaccinationPeriod().lastDay());
    }

    @Test
    void pfizerIsGivenInsteadOfModernaToPartOfTheFirstVaccinationWeek() {
        Cohort firstWeek = cohort(asRun, "55–59 12 July");
        assertTrue(firstWeek.vaccinationPeriod().lastDay().isBefore(LocalDate.of(2021, 8, 1)));
        assertTrue(firstWeek.brands().sumsToOne());
        // The Seoul-area swap is an allocation rule, not a national share.
        assertEquals(1.0, firstWeek.brands().shareOf("Moderna"));
        AllocationRule swap = asRun.allocationRules().stream().filter(r -> r.id().equals("seoul-area-pfizer"))
                .findFirst().orElseThrow();
        assertEquals(firstWeek.id(), swap.cohortId());
        assertEquals(Set.of("Seoul", "Incheon", "Gyeonggi"), swap.regions());
        assertEquals(LocalDate.of(2021, 7, 26), swap.firstDay());
        assertEquals(LocalDate.of(2021, 7, 31), swap.lastDay());
        assertEquals(1.0, swap.brands().shareOf("Pfizer"));
        assertEquals(1.0, cohort(initial, "55–59").brands().shareOf("Moderna"));

        List<SiteGroup> modernaOnly = asRun.sites().stream().filter(s -> s.brands().equals(Set.of("Moderna")))
                .toList();
        assertEquals(Set.of("Seoul", "Incheon", "Gyeonggi"),
                modernaOnly.stream().map(SiteGroup::region).collect(Collectors.toSet()));
        assertTrue(modernaOnly.stream().allMatch(s -> s.kind() == SiteKind.CLINIC));
    }

    @Test
    void asRunSplitsFiftyToFiftyFourOnTwoNightsWithACatchUpAfterThem() {
        Cohort parent = cohort(asRun, "50–54");
        List<Cohort> parts = partsOf(asRun, parent);
        assertEquals(List.of("53–54", "50–52"), parts.stream().map(Cohort::name).toList());
        assertEquals(CohortStatus.CLOSED, parent.status());
        assertEquals(BirthCohortRange.of(1967, 1968), parts.get(0).birthYears());
        assertEquals(BirthCohortRange.of(1969, 1971), parts.get(1).birthYears());
        assertEquals(ELIGIBLE_50_54, parent.eligible());
        assertEquals(parent.eligible(), parts.stream().mapToLong(Cohort::eligible).sum());
        assertEquals(at(2021, 7, 19, 20, 0), parts.get(0).window().opens());
        assertEquals(at(2021, 7, 20, 18, 0), parts.get(0).window().closes());
        assertEquals(at(2021, 7, 20, 20, 0), parts.get(1).window().opens());
        assertEquals(at(2021, 7, 21, 18, 0), parts.get(1).window().closes());

        Cohort catchUp = cohort(asRun, "50–54 catch-up");
        assertNull(catchUp.parentId());
        assertEquals(parent.birthYears(), catchUp.birthYears());
        assertEquals(at(2021, 7, 21, 20, 0), catchUp.window().opens());
        assertEquals(at(2021, 7, 24, 18, 0), catchUp.window().closes());
        assertTrue(parts.stream().noneMatch(part -> part.window().overlaps(catchUp.window())));
        long partBookers = parts.stream().mapToLong(Cohort::expectedBookers).sum();
        assertEquals(parent.eligible() - partBookers, catchUp.eligible());
        assertEquals(3_128_258, partBookers + catchUp.expectedBookers());

        for (Cohort cohort : List.of(parts.get(0), parts.get(1), catchUp)) {
            assertEquals(LocalDate.of(2021, 8, 16), cohort.vaccinationPeriod().firstDay());
            assertEquals(LocalDate.of(2021, 8, 25), cohort.vaccinationPeriod().lastDay());
        }
    }

    @Test
    void asRunRotatesEighteenToFortyNineByBirthDayDigitOnTenConsecutiveNights() {
        Cohort parent = cohort(asRun, "18–49");
        List<Cohort> parts = partsOf(asRun, parent);
        assertEquals(10, parts.size());
        List<Integer> digits = new ArrayList<>();
        for (int night = 0; night < parts.size(); night++) {
            Cohort part = parts.get(night);
            assertEquals(1, part.birthDayDigits().size(), part.name());
            int digit = part.birthDayDigits().iterator().next();
            digits.add(digit);
            LocalDateTime opens = at(2021, 8, 9, 20, 0).plusDays(night);
            assertEquals(opens, part.window().opens(), part.name());
            assertEquals(opens.plusHours(22), part.window().closes(), part.name());
            assertEquals(opens.getDayOfMonth() % 10, digit, part.name() + " books on the night of its digit");
            assertEquals("18–49 digit " + digit, part.name());
            assertEquals(parent.birthYears(), part.birthYears());
        }
        assertEquals(IntStream.range(0, 10).boxed().collect(Collectors.toSet()), new HashSet<>(digits));
        assertEquals(ELIGIBLE_18_49, parts.stream().mapToLong(Cohort::eligible).sum());
        long largest = parts.stream().mapToLong(Cohort::eligible).max().orElseThrow();
        assertEquals(parts.stream().filter(p -> p.birthDayDigits().contains(1)).findFirst().orElseThrow().eligible(),
                largest, "digit 1 has the most birth days (1, 11, 21 and 31)");
        assertTrue(largest < 1_950_000, "each night's pool stays under about 1.9 M");
    }

    @Test
    void eligiblePeopleMatchTheReferenceFiguresAndThePopulationTable() {
        Map<Integer, Long> people = initial.population().peoplePerBirthYear();
        assertEquals(new TreeSet<>(IntStream.rangeClosed(1962, 2003).boxed().toList()), people.keySet());
        assertEquals(people, asRun.population().peoplePerBirthYear());
        assertEquals(ELIGIBLE_55_59, initial.population().peopleBornIn(BirthCohortRange.of(1962, 1966)));
        assertEquals(ELIGIBLE_50_54, initial.population().peopleBornIn(BirthCohortRange.of(1967, 1971)));
        assertEquals(ELIGIBLE_18_49, initial.population().peopleBornIn(BirthCohortRange.of(1972, 2003)));
        for (Cohort cohort : initial.cohorts()) {
            assertEquals(initial.population().peopleBornIn(cohort.birthYears()), cohort.eligible(), cohort.name());
        }
        assertEquals(0.86, cohort(initial, "55–59").uptake());
        assertEquals(0.82, cohort(initial, "50–54").uptake());
    }

    @Test
    void bothSamplesShareBrandsSitesRegionsAndHolidays() {
        assertEquals(initial.brands(), asRun.brands());
        assertEquals(initial.sites(), asRun.sites());
        assertEquals(initial.regions(), asRun.regions());
        assertEquals(initial.holidays(), asRun.holidays());
        assertEquals("Asia/Seoul", asRun.zone().getId());

        Map<String, VaccineBrand> brands = byId(initial.brands(), VaccineBrand::name);
        assertEquals(Set.of("Pfizer", "Moderna", "AstraZeneca", "Janssen"), brands.keySet());
        assertEquals(new DoseInterval(21, 21, 42), brands.get("Pfizer").interval());
        assertEquals(new DoseInterval(28, 28, 42), brands.get("Moderna").interval());
        assertEquals(new DoseInterval(84, 56, 84), brands.get("AstraZeneca").interval());
        assertEquals(1, brands.get("Janssen").dosesInCourse());
        assertEquals(DoseInterval.NONE, brands.get("Janssen").interval());

        Set<LocalDate> holidays = initial.holidays().stream().map(Holiday::date).collect(Collectors.toSet());
        assertTrue(holidays.containsAll(Set.of(LocalDate.of(2021, 8, 16), LocalDate.of(2021, 9, 20),
                LocalDate.of(2021, 9, 21), LocalDate.of(2021, 9, 22))));
    }

    @Test
    void everyProvinceAndMetropolitanCityHasVaccinationCentresAndClinics() {
        assertEquals(17, initial.regions().size());
        long people = initial.regions().stream().mapToLong(Region::population).sum();
        assertTrue(people > 51_000_000 && people < 52_500_000, "about 51.7 M people, got " + people);
        for (Region region : initial.regions()) {
            for (SiteKind kind : SiteKind.values()) {
                assertTrue(initial.sites().stream().anyMatch(s -> s.region().equals(region.name()) && s.kind() == kind
                        && s.gives("Pfizer") && s.gives("Moderna") && s.dosesPerDay() > 0), region.name() + " " + kind);
            }
        }
        assertTrue(initial.sites().stream().filter(s -> s.kind() == SiteKind.CLINIC && s.brands().size() > 1)
                .allMatch(s -> s.closedDays().equals(Set.of(DayOfWeek.SUNDAY))));
    }

    @Test
    void deliverySheetListsTheAsRunDeliveries() throws IOException {
        List<String> lines = Files.readAllLines(DELIVERY_SHEET, StandardCharsets.UTF_8);
        assertEquals(List.of("id", "brand", "doses", "plannedArrival", "expectedArrival", "status", "note"),
                csvFields(lines.get(0)));
        List<Delivery> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> fields = csvFields(line);
            assertEquals(7, fields.size(), line);
            rows.add(new Delivery(fields.get(0), fields.get(1), Long.parseLong(fields.get(2)),
                    LocalDate.parse(fields.get(3)), LocalDate.parse(fields.get(4)),
                    DeliveryStatus.valueOf(fields.get(5)), fields.get(6)));
        }
        // The sheet lists the arrivals; how the lot on hand was split over the regions is in the plan.
        assertEquals(asRun.deliveries().stream().map(d -> d.withAllotment(Allotment.BY_APPOINTMENTS)).toList(), rows);
    }

    private static Cohort cohort(Plan plan, String name) {
        return plan.cohortNamed(name).orElseThrow(() -> new AssertionError(plan.name() + " has no cohort " + name));
    }

    private static List<Cohort> partsOf(Plan plan, Cohort parent) {
        return plan.cohorts().stream().filter(c -> parent.id().equals(c.parentId())).toList();
    }

    private static long modernaBefore(Plan plan, LocalDate day) {
        return plan.deliveries().stream()
                .filter(d -> d.brand().equals("Moderna") && d.status() != DeliveryStatus.CANCELLED
                        && d.expectedArrival().isBefore(day))
                .mapToLong(Delivery::doses).sum();
    }

    /** Weeks of July counted the Korean way: the week (Monday to Sunday) holding 1 July (a Thursday) is the first. */
    private static int weekOfJuly(LocalDate day) {
        LocalDate firstOfJuly = LocalDate.of(day.getYear(), 7, 1);
        return day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) - firstOfJuly.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + 1;
    }

    private static LocalDateTime at(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute);
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity()));
    }

    /** One line of the delivery sheet: comma-separated, fields with commas in double quotes. */
    private static List<String> csvFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
