package org.cohortplanner.ui.supply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.cohortplanner.domain.Allotment;
import org.cohortplanner.domain.AllotmentRule;
import org.cohortplanner.domain.Delivery;
import org.cohortplanner.domain.DeliveryStatus;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.Transfer;
import org.cohortplanner.planning.schedule.BrandDay;
import org.cohortplanner.planning.schedule.RegionStockDay;
import org.cohortplanner.sheetimport.DeliverySheetRow;
import org.cohortplanner.planning.slip.Suggestion;
import org.cohortplanner.domain.AuditEntry;
import org.cohortplanner.store.json.PlanFiles;
import org.cohortplanner.ui.InMemoryPlanStore;
import org.cohortplanner.ui.ScriptedDialogs;
import org.cohortplanner.ui.common.DirectTaskRunner;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.common.WorkingPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Supply screen's flows on the initial 2021 sample, without the toolkit. */
class SupplyViewModelTest {
    private static final Plan SAMPLE = PlanFiles.read(Path.of("sample-data", "korea-2021-initial.json"));
    private static final LocalDate JULY_30 = LocalDate.of(2021, 7, 30);

    private final InMemoryPlanStore store = new InMemoryPlanStore(SAMPLE.withVersion(1));
    private final WorkingPlan working = new WorkingPlan(store, new DirectTaskRunner(), store.load().orElseThrow());
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final SupplyViewModel supply = new SupplyViewModel(working, new DirectTaskRunner(), dialogs, "kim",
            Texts.of(SupplyView.class, Locale.ENGLISH));
    private final SlipViewModel slip = supply.slip();

    @TempDir
    Path folder;

    @Test
    void theScreenShowsTheDeliveriesTheStockLineAndTheGuard() {
        assertEquals(SAMPLE.deliveries(), supply.deliveries());
        assertEquals(SAMPLE.brands().get(0).name(), supply.selectedBrandProperty().get());
        assertFalse(supply.brandDays().isEmpty());
        supply.selectedBrandProperty().set("Moderna");
        assertTrue(supply.brandDays().stream().allMatch(day -> day.brand().equals("Moderna")));
        assertTrue(supply.chartSummaryProperty().get().startsWith("Moderna: no shortage"),
                supply.chartSummaryProperty().get());
    }

    @Test
    void theGuardWarnsOfCohortsWhoseSecondDosesLoseTheirDeliveriesAndTheChartMarksShortDays() {
        assertTrue(supply.guard().isEmpty(), "the sample covers every second dose: " + supply.guard());
        Plan plan = working.getPlan();
        // Moderna from mid-August on is what 55–59's second doses are given from.
        for (Delivery delivery : plan.deliveries()) {
            if (delivery.brand().equals("Moderna") && delivery.expectedArrival().isAfter(LocalDate.of(2021, 8, 15))) {
                assertEquals(List.of(), supply.saveDelivery(delivery.id(), new DeliveryForm(delivery.id(), "Moderna",
                        "0", delivery.plannedArrival().toString(), "", delivery.status(), delivery.note())));
            }
        }

        assertFalse(supply.guard().isEmpty());
        assertTrue(supply.guard().stream().anyMatch(warning -> warning.startsWith("55–59: the window opens")),
                supply.guard().toString());
        supply.selectedBrandProperty().set("Moderna");
        assertTrue(supply.brandDays().stream().anyMatch(day -> day.isShort()));
        assertTrue(supply.chartSummaryProperty().get().startsWith("Moderna: short on"),
                supply.chartSummaryProperty().get());
    }

    @Test
    void recordingADelayShowsItsImpactAndSuggestionsBeforeAnythingIsSaved() {
        slip.choose("MOD-2021-W28");
        slip.newDateProperty().set(JULY_30);
        slip.reasonProperty().set("manufacturer's quality inspection");

        slip.showImpact();

        assertNotNull(slip.getImpact());
        assertEquals(List.of("c55-59"), List.copyOf(slip.getImpact().cohortsLosing()));
        assertTrue(slip.getImpact().peopleWithoutDose() > 100_000);
        assertFalse(slip.impactLines().isEmpty());
        assertTrue(slip.impactSummaryProperty().get().contains("55–59"), slip.impactSummaryProperty().get());
        assertEquals(Suggestion.Kind.BRAND_SWAP, slip.suggestions().get(0).kind());
        assertEquals(0, store.writes(), "nothing saved before the officer chooses");
        assertEquals(SAMPLE.withVersion(1), working.getPlan());
    }

    @Test
    void savingWithASuggestionAppliesOneEditNamingTheDeliveryAndTheSlip() {
        slip.choose("MOD-2021-W28");
        slip.newDateProperty().set(JULY_30);
        slip.reasonProperty().set("quality inspection");
        slip.showImpact();
        Suggestion swap = slip.suggestions().get(0);

        slip.saveWithSuggestion(1);

        assertEquals(1, store.writes());
        Plan saved = store.load().orElseThrow();
        assertTrue(WorkingPlan.sameContent(swap.plan(), saved));
        // The swap now reaches only the regions and days that need it: it is saved as allocation rules of 55–59.
        assertTrue(saved.cohort("c55-59").orElseThrow().brands().shareOf("Pfizer") > 0
                || saved.allocationRulesOf("c55-59").stream().anyMatch(rule -> rule.brands().shareOf("Pfizer") > 0),
                saved.allocationRules().toString());
        Delivery delayed = saved.delivery("MOD-2021-W28").orElseThrow();
        assertEquals(JULY_30, delayed.expectedArrival());
        assertEquals(DeliveryStatus.DELAYED, delayed.status());
        assertTrue(delayed.note().contains("quality inspection"));
        AuditEntry entry = store.audit().get(0);
        assertTrue(entry.action().contains("MOD-2021-W28"), entry.action());
        assertTrue(entry.reason().startsWith("slip: MOD-2021-W28"), entry.reason());
        assertTrue(entry.reason().contains("quality inspection"), entry.reason());
        assertNull(slip.getImpact(), "the impact is closed once saved");
        assertFalse(slip.moves().isEmpty(), "people whose second dose moves are listed");
        // 55–59 moves to Pfizer; with lead times the Pfizer it takes makes September tighter for the 18–49
        // cohorts that take both mRNA brands, so some of their appointments change brand too.
        assertTrue(slip.moves().stream().anyMatch(move -> move.cohortId().equals("c55-59")));
        assertTrue(slip.moves().stream().allMatch(move -> move.cohortId().equals("c55-59")
                || move.cohortId().startsWith("c18-49")));
    }

    @Test
    void savingTheDelayAloneChangesOnlyTheDelivery() {
        slip.choose("MOD-2021-W28");
        slip.newDateProperty().set(JULY_30);
        slip.showImpact();

        slip.saveDelayOnly();

        Plan saved = store.load().orElseThrow();
        assertEquals(SAMPLE.cohorts(), saved.cohorts());
        assertEquals(JULY_30, saved.delivery("MOD-2021-W28").orElseThrow().expectedArrival());
        assertEquals(1, store.audit().size());
        assertTrue(store.audit().get(0).reason().contains("MOD-2021-W28"));
    }

    @Test
    void cancellingARecordedDelayChangesNothing() {
        slip.choose("MOD-2021-W28");
        slip.newDateProperty().set(JULY_30);
        slip.showImpact();

        slip.cancel();

        assertNull(slip.getImpact());
        assertTrue(slip.suggestions().isEmpty());
        assertEquals(0, store.writes());
        slip.saveDelayOnly();
        assertEquals(0, store.writes(), "nothing to save after cancelling");
        assertFalse(slip.problemProperty().get().isEmpty());
    }

    @Test
    void anImpactShownBeforeAnotherEditIsNotSaved() {
        slip.choose("MOD-2021-W28");
        slip.newDateProperty().set(JULY_30);
        slip.showImpact();
        supply.saveDelivery(null, new DeliveryForm("PFZ-EXTRA", "Pfizer", "1,000", "2021-08-02", "",
                DeliveryStatus.PLANNED, ""));

        slip.saveWithSuggestion(1);

        assertEquals(1, store.writes(), "only the added delivery");
        assertTrue(slip.problemProperty().get().contains("show the impact again"), slip.problemProperty().get());
    }

    @Test
    void theListOfSecondDoseMovesIsExportedAsAWorkbookOrCsv() throws IOException {
        slip.choose("MOD-2021-W28");
        slip.newDateProperty().set(JULY_30);
        slip.showImpact();
        slip.saveWithSuggestion(1);
        Path workbook = folder.resolve("moves.xlsx");
        Path csv = folder.resolve("moves.csv");
        dialogs.choose(workbook).choose(csv);

        slip.exportMoves();
        slip.exportMoves();

        try (Workbook read = WorkbookFactory.create(workbook.toFile())) {
            assertEquals("Dose-2 changes", read.getSheetAt(0).getSheetName());
            assertEquals(slip.moves().size() + 1, read.getSheetAt(0).getPhysicalNumberOfRows());
        }
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(slip.moves().size() + 1, lines.size());
        assertTrue(lines.get(1).startsWith("55–59,"), lines.get(1));
        assertEquals(List.of(), dialogs.errors);
    }

    @Test
    void anImportShowsEveryRowsErrorsAndAppliesNothingUntilConfirmed() throws IOException {
        Path sheet = folder.resolve("deliveries.csv");
        Files.writeString(sheet, String.join("\n",
                "id,brand,doses,plannedArrival,expectedArrival,status,note",
                "MOD-2021-W28,Moderna,1150000,2021-07-15,2021-07-30,DELAYED,slipped",
                "AZ-EXTRA,Sputnik,1000,2021-08-01,,,",
                "PFZ-EXTRA,Pfizer,-5,2021-08-01,,,",
                "PFZ-LATE,Pfizer,1000,2021-08-32,,,",
                "PFZ-NEW,Pfizer,250000,2021-08-03,,,") + "\n", StandardCharsets.UTF_8);
        DeliveryImportViewModel importer = supply.importer();
        dialogs.choose(sheet);

        assertTrue(importer.chooseSheet());

        assertEquals(5, importer.rows().size());
        DeliverySheetRow unknownBrand = importer.rows().get(1);
        assertEquals(3, unknownBrand.row());
        assertEquals("brand", unknownBrand.errors().get(0).column());
        assertTrue(DeliveryImportViewModel.errorsText(importer.rows().get(2))
                .startsWith("doses: must not be negative"));
        assertTrue(DeliveryImportViewModel.errorsText(importer.rows().get(3)).contains("not a date"));
        assertEquals("changed", importer.markText(importer.rows().get(0)));
        assertEquals("new", importer.markText(importer.rows().get(4)));
        assertEquals("error", importer.markText(importer.rows().get(1)));
        assertTrue(importer.summaryProperty().get().contains("3 with errors"), importer.summaryProperty().get());
        assertEquals(0, store.writes(), "nothing applied before the officer confirms");

        importer.applyValidRows();

        assertEquals(1, store.writes());
        Plan saved = store.load().orElseThrow();
        assertEquals(JULY_30, saved.delivery("MOD-2021-W28").orElseThrow().expectedArrival());
        assertTrue(saved.delivery("PFZ-NEW").isPresent());
        assertTrue(saved.delivery("AZ-EXTRA").isEmpty());
        assertTrue(store.audit().get(0).reason().contains("3, 4, 5"), store.audit().get(0).reason());
        assertNull(importer.previewProperty().get());
    }

    @Test
    void cancellingAnImportChangesNothing() {
        DeliveryImportViewModel importer = supply.importer();
        dialogs.choose(Path.of("sample-data", "deliveries-2021-q3.xlsx"));
        importer.chooseSheet();
        assertFalse(importer.rows().isEmpty());
        assertTrue(importer.applicableProperty().get());

        importer.cancel();

        assertTrue(importer.rows().isEmpty());
        assertEquals(0, store.writes());
    }

    @Test
    void aDeliveryFormWithMistakesSaysWhatIsWrongAndChangesNothing() {
        List<String> problems = supply.saveDelivery(null, new DeliveryForm("MOD-2021-W28", "Sputnik", "-10",
                "30 July", "2021-07-32", DeliveryStatus.PLANNED, ""));

        assertEquals(5, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("already has a delivery MOD-2021-W28"), problems.get(0));
        assertTrue(problems.get(1).contains("no brand 'Sputnik'"), problems.get(1));
        assertTrue(problems.get(2).contains("-10 is negative"), problems.get(2));
        assertTrue(problems.get(3).startsWith("Planned arrival: '30 July' is not a date"), problems.get(3));
        assertTrue(problems.get(4).startsWith("Expected arrival: '2021-07-32' is not a date"), problems.get(4));
        assertEquals(0, store.writes());
    }

    @Test
    void addingEditingAndDeletingADeliveryAreOneStepEach() {
        assertEquals(List.of(), supply.saveDelivery(null, new DeliveryForm("PFZ-EXTRA", "Pfizer", "1,200,000",
                "2021-08-02", "", DeliveryStatus.PLANNED, "extra lot")));
        Delivery added = working.getPlan().delivery("PFZ-EXTRA").orElseThrow();
        assertEquals(1_200_000, added.doses());
        assertEquals(added.plannedArrival(), added.expectedArrival());

        assertEquals(List.of(), supply.saveDelivery("PFZ-EXTRA", new DeliveryForm("PFZ-EXTRA", "Pfizer", "900000",
                "2021-08-02", "2021-08-04", DeliveryStatus.DELAYED, "extra lot")));
        assertEquals(900_000, working.getPlan().delivery("PFZ-EXTRA").orElseThrow().doses());

        dialogs.answer(false).answer(true);
        supply.deleteDelivery("PFZ-EXTRA");
        assertTrue(working.getPlan().delivery("PFZ-EXTRA").isPresent(), "kept when the officer says no");
        supply.deleteDelivery("PFZ-EXTRA");

        assertTrue(working.getPlan().delivery("PFZ-EXTRA").isEmpty());
        assertEquals(List.of("Added delivery PFZ-EXTRA", "Edited delivery PFZ-EXTRA", "Deleted delivery PFZ-EXTRA"),
                store.audit().stream().map(AuditEntry::action).toList());
        assertEquals(supply.deliveries(), working.getPlan().deliveries());
    }

    @Test
    void aDeliveryIsAllottedToRegionsByAnExplicitSplitThatMustAddUp() {
        Delivery delivery = working.getPlan().delivery("MOD-2021-W28").orElseThrow();
        DeliveryForm form = DeliveryForm.of(delivery);
        Map<String, String> split = DeliveryForm.splitFor(working.getPlan(), Map.of("Seoul", "600,000",
                "Gyeonggi", "500000"));
        assertEquals(17, split.size(), "one field per region of the plan");
        DeliveryForm short50k = withSplit(form, split);

        List<String> problems = supply.saveDelivery(delivery.id(), short50k);

        assertEquals(List.of("Allotment: the regions get 1,100,000 doses, but the delivery has 1,150,000: 50,000 "
                + "still to allot."), problems);
        assertEquals(0, store.writes());
        split.put("Incheon", "50000");
        split.put("Busan", "ten");
        assertEquals(List.of("Allotment: 'ten' for Busan is not a whole number of doses."),
                supply.saveDelivery(delivery.id(), withSplit(form, split)));
        split.put("Busan", "");

        assertEquals(List.of(), supply.saveDelivery(delivery.id(), withSplit(form, split)));

        Delivery saved = working.getPlan().delivery("MOD-2021-W28").orElseThrow();
        assertEquals(Map.of("Seoul", 600_000L, "Incheon", 50_000L, "Gyeonggi", 500_000L),
                saved.allotment().dosesByRegion());
        assertTrue(store.audit().get(0).after().contains("allotted Seoul 600,000; Incheon 50,000; Gyeonggi 500,000"),
                store.audit().get(0).after());
        // Editing the delivery again keeps its split: the form starts from it.
        assertEquals(AllotmentRule.EXPLICIT, DeliveryForm.of(saved).allotmentRule());
        assertEquals(List.of(), supply.saveDelivery(saved.id(), DeliveryForm.of(saved).withNote("checked")));
        assertEquals(saved.allotment(), working.getPlan().delivery("MOD-2021-W28").orElseThrow().allotment());

        working.undo();
        working.undo();
        assertEquals(Allotment.BY_APPOINTMENTS, working.getPlan().delivery("MOD-2021-W28").orElseThrow().allotment());
    }

    @Test
    void aDeliveryCanHaveALeadTimeOfItsOwnOrTheBrands() {
        Delivery delivery = working.getPlan().delivery("MOD-2021-W28").orElseThrow();
        DeliveryForm form = DeliveryForm.of(delivery);
        assertEquals("", form.leadTimeDays(), "the sample's deliveries take the brand's lead time");

        assertEquals(List.of("Lead time: 'soon' is not a whole number of days (0 or more); leave it empty for the "
                + "brand's."), supply.saveDelivery(delivery.id(), withLeadTime(form, "soon")));
        assertEquals(List.of(), supply.saveDelivery(delivery.id(), withLeadTime(form, "3")));

        assertEquals(3, working.getPlan().delivery("MOD-2021-W28").orElseThrow().leadTimeDays());
        assertEquals(List.of(), supply.saveDelivery(delivery.id(), withLeadTime(form, "")));
        assertNull(working.getPlan().delivery("MOD-2021-W28").orElseThrow().leadTimeDays());
    }

    @Test
    void recordingEditingAndDeletingATransferAreOneUndoableAuditedStepEach() {
        TransferForm empty = TransferForm.empty(working.getPlan());
        assertEquals("TR-1", empty.id());
        List<String> problems = supply.saveTransfer(null, new TransferForm("", "Sputnik", "many", "Seoul", "Seoul",
                "26 July", "-1", ""));
        assertEquals(List.of("Transfer: give the transfer an id, such as TR-1.",
                "Brand: the plan has no brand 'Sputnik'; its brands are Pfizer, Moderna, AstraZeneca, Janssen.",
                "Doses: 'many' is not a whole number of doses.",
                "To: the doses must go to another region than Seoul.",
                "Shipped: '26 July' is not a date; write it as YYYY-MM-DD, such as 2021-07-30.",
                "Lead time: '-1' is not a whole number of days (0 or more)."), problems);
        assertEquals(0, store.writes());

        assertEquals(List.of(), supply.saveTransfer(null, new TransferForm("TR-1", "Pfizer", "120,000", "Busan",
                "Seoul", "2021-07-24", "2", "Seoul-area swap")));
        Transfer recorded = working.getPlan().transfers().get(0);
        assertEquals(new Transfer("TR-1", "Pfizer", 120_000, "Busan", "Seoul", LocalDate.of(2021, 7, 24), 2,
                "Seoul-area swap"), recorded);
        assertEquals(LocalDate.of(2021, 7, 26), recorded.usableFrom());
        assertEquals(List.of(recorded), supply.transfers());

        assertEquals(List.of(), supply.saveTransfer("TR-1", TransferForm.of(recorded).withDoses("150000")));
        assertEquals(150_000, working.getPlan().transfers().get(0).doses());

        dialogs.answer(true);
        supply.deleteTransfer("TR-1");
        assertTrue(working.getPlan().transfers().isEmpty());
        assertEquals(List.of("Recorded transfer TR-1", "Edited transfer TR-1", "Deleted transfer TR-1"),
                store.audit().stream().map(AuditEntry::action).toList());
        assertEquals("TR-1: 120,000 doses of Pfizer from Busan to Seoul, shipped 24 Jul 2021, lead time 2 days, "
                + "Seoul-area swap", store.audit().get(1).before());

        working.undo();
        assertEquals(150_000, supply.transfers().get(0).doses());
        working.undo();
        assertEquals(120_000, supply.transfers().get(0).doses());
        working.undo();
        assertTrue(supply.transfers().isEmpty());
    }

    @Test
    void theChartShowsOneRegionOrAllAndTheRegionByDayViewHasEveryRegion() {
        supply.selectedBrandProperty().set("Moderna");
        List<BrandDay> national = List.copyOf(supply.brandDays());
        assertEquals(17, supply.regionRows().size(), "one row per region of the plan");

        supply.selectedRegionProperty().set("Seoul");

        assertTrue(supply.chartSummaryProperty().get().startsWith("Moderna in Seoul"),
                supply.chartSummaryProperty().get());
        List<BrandDay> seoul = List.copyOf(supply.brandDays());
        List<RegionStockDay> seoulStock = supply.scheduleProperty().get().regionStock("Seoul", "Moderna");
        assertEquals(seoulStock.size(), seoul.size());
        for (int d = 0; d < seoul.size(); d++) {
            RegionStockDay day = seoulStock.get(d);
            assertEquals(day.allotted() + day.transferredIn(), seoul.get(d).arrived(), "what reached Seoul arrived");
            assertEquals(day.stock(), seoul.get(d).stock());
            assertEquals(day.peopleShort(), seoul.get(d).peopleShort());
        }
        assertEquals(supply.scheduleProperty().get().regions(), supply.regionRows().stream()
                .map(SupplyViewModel.RegionStockRow::region).toList());
        assertTrue(seoul.stream().mapToLong(BrandDay::given).sum() < national.stream().mapToLong(BrandDay::given)
                .sum(), "Seoul gives part of the nation's doses");

        supply.selectedRegionProperty().set(null);
        assertEquals(national, supply.brandDays());
    }

    private static DeliveryForm withSplit(DeliveryForm form, Map<String, String> split) {
        return new DeliveryForm(form.id(), form.brand(), form.doses(), form.plannedArrival(), form.expectedArrival(),
                form.status(), form.note(), form.leadTimeDays(), AllotmentRule.EXPLICIT, split);
    }

    private static DeliveryForm withLeadTime(DeliveryForm form, String leadTime) {
        return new DeliveryForm(form.id(), form.brand(), form.doses(), form.plannedArrival(), form.expectedArrival(),
                form.status(), form.note(), leadTime, form.allotmentRule(), form.split());
    }
}
