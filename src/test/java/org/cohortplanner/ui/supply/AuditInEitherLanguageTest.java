package org.cohortplanner.ui.supply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.cohortplanner.domain.Delivery;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.PlanChange;
import org.cohortplanner.store.json.PlanFiles;
import org.cohortplanner.ui.InMemoryPlanStore;
import org.cohortplanner.ui.ScriptedDialogs;
import org.cohortplanner.ui.audit.AuditRow;
import org.cohortplanner.ui.audit.AuditViewModel;
import org.cohortplanner.ui.common.DirectTaskRunner;
import org.cohortplanner.ui.common.Formats;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.common.WorkingPlan;
import org.junit.jupiter.api.Test;

/**
 * What a planner did on the Korean console reads in English on the English one and back, because the audit keeps
 * the action as a phrase; an entry saved as text only (older versions) shows its text in both.
 */
class AuditInEitherLanguageTest {
    private static final Plan SAMPLE = PlanFiles.read(Path.of("sample-data", "korea-2021-initial.json"));

    private final InMemoryPlanStore store = new InMemoryPlanStore(SAMPLE.withVersion(1));
    private final DirectTaskRunner tasks = new DirectTaskRunner();
    private final WorkingPlan working = new WorkingPlan(store, tasks, store.load().orElseThrow());

    private List<String> actions(Locale locale) {
        return new AuditViewModel(store, working, tasks, locale).rows().stream().map(AuditRow::action).toList();
    }

    @Test
    void anActionSavedInKoreanShowsInTheLanguageTheAuditIsReadIn() {
        working.edit(working.getPlan().withDescription("old"), PlanChange.of("kim", "Renamed the plan (old text)"));
        SupplyViewModel korean = new SupplyViewModel(working, tasks, new ScriptedDialogs(), "kim",
                Texts.of(SupplyView.class, Locale.KOREAN));
        Delivery delivery = working.getPlan().deliveries().get(0);
        assertEquals(List.of(), korean.saveDelivery(delivery.id(), new DeliveryForm(delivery.id(), delivery.brand(),
                Long.toString(delivery.doses() + 1000), delivery.plannedArrival().toString(), "", delivery.status(),
                delivery.note())));
        SlipViewModel slip = korean.slip();
        slip.choose("MOD-2021-W28");
        slip.newDateProperty().set(LocalDate.of(2021, 7, 30));
        slip.showImpact();
        slip.saveWithSuggestion(1);

        List<String> inKorean = actions(Locale.KOREAN);
        List<String> inEnglish = actions(Locale.ENGLISH);
        assertEquals(3, inKorean.size(), inKorean.toString());
        // Newest first: the delay with its suggestion, the edit, the old entry.
        assertTrue(inKorean.get(0).startsWith("MOD-2021-W28 입고 지연 기록 및 조정안 적용: "), inKorean.get(0));
        assertTrue(inEnglish.get(0).startsWith("Recorded a delay of delivery MOD-2021-W28 and accepted: Pfizer "
                + "instead of Moderna in Busan/Gyeonggi/Seoul"), inEnglish.get(0));
        assertEquals(delivery.id() + " 입고 수정", inKorean.get(1));
        assertEquals("Edited delivery " + delivery.id(), inEnglish.get(1));
        assertEquals("Renamed the plan (old text)", inKorean.get(2));
        assertEquals("Renamed the plan (old text)", inEnglish.get(2));
        assertEquals(inKorean.get(1), store.audit().get(1).action(), "the text is kept as written on the console");
        // The delivery's note is the plan's own text; the rest is written in the console's language.
        String before = store.audit().get(1).before().replace(delivery.note(), "");
        assertTrue(before.contains(Formats.count(delivery.doses(), Locale.KOREAN) + "회분"), before);
        assertTrue(before.contains(Formats.date(delivery.plannedArrival(), Locale.KOREAN)), before);
        assertTrue(!before.contains("doses") && !before.contains("planned") && !before.contains("allotted"), before);
    }
}
