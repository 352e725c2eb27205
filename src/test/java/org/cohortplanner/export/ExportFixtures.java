package org.cohortplanner.export;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.cohortplanner.domain.BirthCohortRange;
import org.cohortplanner.domain.BookingSystem;
import org.cohortplanner.domain.BookingWindow;
import org.cohortplanner.domain.BrandAllocation;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.CohortStatus;
import org.cohortplanner.domain.Delivery;
import org.cohortplanner.domain.DeliveryStatus;
import org.cohortplanner.domain.DoseInterval;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.PlanSettings;
import org.cohortplanner.domain.Platform;
import org.cohortplanner.domain.PopulationTable;
import org.cohortplanner.domain.Region;
import org.cohortplanner.domain.SiteGroup;
import org.cohortplanner.domain.SiteKind;
import org.cohortplanner.domain.VaccinationPeriod;
import org.cohortplanner.domain.VaccineBrand;
import org.cohortplanner.domain.WaitingRoom;
import org.cohortplanner.planning.schedule.ScheduleRow;
import org.cohortplanner.domain.AuditEntry;

/** A small Korean July 2021 plan and synthetic schedules for the export tests and the benchmark. */
public final class ExportFixtures {
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    public static final String INJECTED_NAME = "=HYPERLINK(\"http://x\",\"y\")";
    public static final List<String> REGIONS = List.of("서울특별시", "부산광역시", "대구광역시", "인천광역시",
            "광주광역시", "대전광역시", "울산광역시", "세종특별자치시", "경기도", "강원도", "충청북도", "충청남도",
            "전라북도", "전라남도", "경상북도", "경상남도", "제주특별자치도");
    static final List<String> BRANDS = List.of("Pfizer", "Moderna");

    private ExportFixtures() {
    }

    public static Plan plan() {
        VaccineBrand pfizer = new VaccineBrand("Pfizer", 2, new DoseInterval(28, 21, 42), 12, Platform.MRNA,
                EnumSet.allOf(SiteKind.class));
        VaccineBrand moderna = new VaccineBrand("Moderna", 2, new DoseInterval(28, 28, 42), 18, Platform.MRNA,
                EnumSet.allOf(SiteKind.class));
        Map<String, Double> mixed = new LinkedHashMap<>();
        mixed.put("Pfizer", 0.4);
        mixed.put("Moderna", 0.6);
        Cohort older = new Cohort("c55", "55–59세", BirthCohortRange.of(1962, 1966), Set.of(), 3_524_000, 0.86,
                new BookingWindow(LocalDateTime.of(2021, 7, 14, 20, 0), LocalDateTime.of(2021, 7, 24, 18, 0)),
                new VaccinationPeriod(LocalDate.of(2021, 7, 26), LocalDate.of(2021, 8, 7)),
                new BrandAllocation(mixed), null, CohortStatus.OPEN);
        Cohort younger = new Cohort("c53", "53–54세", BirthCohortRange.of(1967, 1968), Set.of(), 1_520_000, 0.82,
                new BookingWindow(LocalDateTime.of(2021, 7, 19, 20, 0), LocalDateTime.of(2021, 7, 20, 18, 0)),
                new VaccinationPeriod(LocalDate.of(2021, 8, 16), LocalDate.of(2021, 8, 25)),
                BrandAllocation.single("Moderna"), "c55", CohortStatus.PLANNED);
        Cohort injected = new Cohort("cx", INJECTED_NAME, BirthCohortRange.of(1969, 1971), Set.of(3, 8), 760_000,
                0.8, new BookingWindow(LocalDateTime.of(2021, 7, 20, 20, 0), LocalDateTime.of(2021, 7, 21, 18, 0)),
                new VaccinationPeriod(LocalDate.of(2021, 8, 16), LocalDate.of(2021, 8, 25)),
                BrandAllocation.single("Pfizer"), null, CohortStatus.PLANNED);
        List<Delivery> deliveries = List.of(
                new Delivery("P-0726", "Pfizer", 1_500_000, LocalDate.of(2021, 7, 21), null, DeliveryStatus.ARRIVED,
                        ""),
                new Delivery("M-0721", "Moderna", 2_000_000, LocalDate.of(2021, 7, 19), LocalDate.of(2021, 7, 26),
                        DeliveryStatus.DELAYED, "품질 검사 지연 (quality inspection)"),
                new Delivery("M-0802", "Moderna", 850_000, LocalDate.of(2021, 8, 2), null, DeliveryStatus.PLANNED,
                        "+ extra lot"));
        List<Region> regions = REGIONS.stream().map(name -> new Region(name, 1_000_000)).toList();
        List<SiteGroup> sites = new ArrayList<>();
        for (String region : REGIONS) {
            sites.add(new SiteGroup(region + " 예방접종센터", region, SiteKind.VACCINATION_CENTRE, 9_000,
                    Set.of("Pfizer", "Moderna"), EnumSet.noneOf(DayOfWeek.class)));
            sites.add(new SiteGroup(region + " 위탁의료기관", region, SiteKind.CLINIC, 6_000, Set.of("Pfizer"),
                    EnumSet.of(DayOfWeek.SUNDAY)));
        }
        BookingSystem booking = new BookingSystem(300_000, 300_000, 5, 6.7, List.of(),
                WaitingRoom.none(30, 0.5, 10));
        return new Plan("2021년 7월 50대 접종", "reference campaign", SEOUL, List.of(older, younger, injected),
                List.of(pfizer, moderna), deliveries, sites, booking, List.of(), regions, PopulationTable.empty(),
                PlanSettings.DEFAULT, 3);
    }

    static List<AuditEntry> audit() {
        return List.of(
                new AuditEntry(1, Instant.parse("2021-07-12T03:00:00Z"), "planner", "Suspend 55–59 window",
                        "open", "suspended", "Moderna allotment used up", 1),
                new AuditEntry(2, Instant.parse("2021-07-14T11:00:00Z"), "planner", "Reopen 55–59 window",
                        "suspended", "open", "@reopen", 2));
    }

    /** {@code count} schedule rows cycling over days, regions, cohorts, brands and doses. */
    static Stream<ScheduleRow> schedule(long count) {
        LocalDate first = LocalDate.of(2021, 7, 26);
        String[] cohorts = {"c55", "c53", "cx"};
        int perDay = REGIONS.size() * cohorts.length * BRANDS.size() * 2;
        return Stream.iterate(0L, i -> i + 1).limit(count).map(i -> {
            int slot = (int) (i % perDay);
            int dose = slot % 2 + 1;
            String brand = BRANDS.get(slot / 2 % BRANDS.size());
            String cohort = cohorts[slot / 2 / BRANDS.size() % cohorts.length];
            String region = REGIONS.get(slot / 2 / BRANDS.size() / cohorts.length);
            long appointments = 1_000 + i % 977;
            long shortage = i % 13 == 0 ? appointments / 10 : 0;
            return new ScheduleRow(first.plusDays(i / perDay), region, cohort, brand, dose, appointments, 12_000,
                    2_500_000 - i % 100_000, shortage, 40_000);
        });
    }

    static PlanWorkbookContent content(long scheduleRows) {
        return new PlanWorkbookContent(plan(), () -> schedule(scheduleRows), scheduleRows, audit());
    }

    /** Every region's name, for checking a folder of per-region workbooks. */
    static List<String> regionFileNames() {
        List<String> names = new ArrayList<>();
        IntStream.range(0, REGIONS.size()).forEach(i -> names.add(REGIONS.get(i) + ".xlsx"));
        return names;
    }
}
