package org.cohortplanner.ui.supply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.cohortplanner.domain.Delivery;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.planning.slip.Suggestion;
import org.cohortplanner.store.json.PlanFiles;
import org.cohortplanner.ui.InMemoryPlanStore;
import org.cohortplanner.ui.ScriptedDialogs;
import org.cohortplanner.ui.common.DirectTaskRunner;
import org.cohortplanner.ui.common.Formats;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.common.WorkingPlan;
import org.junit.jupiter.api.Test;

/** The Supply screen in Korean on the 2021 sample: its summary, guard and slip texts have no English dates. */
class SupplyTextsInKoreanTest {
    static final Pattern ENGLISH_DATE_WORDS = Pattern.compile(
            "\\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\\b");
    private static final Plan SAMPLE = PlanFiles.read(Path.of("sample-data", "korea-2021-initial.json"));

    private final InMemoryPlanStore store = new InMemoryPlanStore(SAMPLE.withVersion(1));
    private final WorkingPlan working = new WorkingPlan(store, new DirectTaskRunner(), store.load().orElseThrow());
    private final SupplyViewModel supply = new SupplyViewModel(working, new DirectTaskRunner(), new ScriptedDialogs(),
            "kim", Texts.of(SupplyView.class, Locale.KOREAN));

    private static String koreanDay(LocalDate day) {
        return day.getYear() + ". " + day.getMonthValue() + ". " + day.getDayOfMonth() + ".";
    }

    @Test
    void theSummaryCountsDosesWithSeparatorsInKorean() {
        long doses = SAMPLE.deliveries().stream().mapToLong(Delivery::doses).sum();
        String summary = supply.summaryProperty().get();

        assertTrue(summary.contains(Formats.count(doses, Locale.KOREAN) + "회분"), summary);
        assertTrue(summary.startsWith("입고 " + SAMPLE.deliveries().size() + "건"), summary);
    }

    @Test
    void theGuardWritesTheWindowAndTheFirstShortDayInTheKoreanStyle() {
        for (Delivery delivery : working.getPlan().deliveries()) {
            if (delivery.brand().equals("Moderna") && delivery.expectedArrival().isAfter(LocalDate.of(2021, 8, 15))) {
                assertEquals(List.of(), supply.saveDelivery(delivery.id(), new DeliveryForm(delivery.id(), "Moderna",
                        "0", delivery.plannedArrival().toString(), "", delivery.status(), delivery.note())));
            }
        }

        assertFalse(supply.guard().isEmpty());
        for (String warning : supply.guard()) {
            assertFalse(ENGLISH_DATE_WORDS.matcher(warning).find(), warning);
            assertTrue(Pattern.compile("2021\\. \\d{1,2}\\. \\d{1,2}\\.").matcher(warning).find(), warning);
        }
    }

    @Test
    void theSlipImpactSummaryWritesItsPeriodInTheKoreanStyle() {
        SlipViewModel slip = supply.slip();
        slip.choose("MOD-2021-W28");
        slip.newDateProperty().set(LocalDate.of(2021, 7, 30));
        slip.reasonProperty().set("품질 검사");

        slip.showImpact();

        String summary = slip.impactSummaryProperty().get();
        LocalDate firstShort = slip.getImpact().daysLosing().first();
        assertTrue(summary.contains(koreanDay(firstShort)), summary);
        assertFalse(ENGLISH_DATE_WORDS.matcher(summary).find(), summary);
    }

    /** Runs of three or more ASCII letters that are not a brand's name: English words left in a Korean text. */
    private static List<String> englishWords(String text) {
        return LETTERS.matcher(text).results().map(match -> match.group())
                .filter(word -> !BRANDS.contains(word)).toList();
    }

    private static final Pattern LETTERS = Pattern.compile("[A-Za-z]{3,}");
    private static final java.util.Set<String> BRANDS = java.util.Set.of("Pfizer", "Moderna", "AstraZeneca",
            "Janssen", "Novavax");
    private static final Pattern PAIRED = Pattern.compile("\\((를|을|가|이|는|은|와|과|으)\\)");

    private List<String> suggestionTexts(String delivery, LocalDate to) {
        SlipViewModel slip = supply.slip();
        slip.choose(delivery);
        slip.newDateProperty().set(to);
        slip.showImpact();
        assertFalse(slip.suggestions().isEmpty(), delivery + " to " + to + " has suggestions");
        List<String> texts = new java.util.ArrayList<>();
        texts.add(slip.impactSummaryProperty().get());
        for (Suggestion suggestion : slip.suggestions()) {
            texts.add(slip.title(suggestion));
            texts.add(slip.regionsText(suggestion));
            texts.add(slip.details(suggestion));
        }
        return texts;
    }

    @Test
    void theSlipsSuggestionsReadInKoreanWithOnlyBrandNamesInLatinLetters() {
        List<String> texts = new java.util.ArrayList<>(suggestionTexts("MOD-2021-W28", LocalDate.of(2021, 7, 30)));
        // A later slip also offers a longer dose-2 interval.
        texts.addAll(suggestionTexts("MOD-2021-W33", LocalDate.of(2021, 8, 31)));
        assertTrue(supply.slip().suggestions().stream().anyMatch(s -> s.kind() == Suggestion.Kind.INTERVAL_POLICY),
                "the interval suggestion is among those written");

        for (String text : texts) {
            assertEquals(List.of(), englishWords(text), text);
            assertFalse(text.contains("!"), text);
            assertFalse(PAIRED.matcher(text).find(), text);
            assertFalse(ENGLISH_DATE_WORDS.matcher(text).find(), text);
        }
        // The same suggestion still reads in English for the command line, from the same phrases.
        Suggestion first = supply.slip().suggestions().get(0);
        assertEquals(first.summary(), org.cohortplanner.planning.PhraseFormat.english(first.title()));
        assertTrue(texts.stream().anyMatch(text -> text.contains("서울")), "regions by their Korean names");
    }
}
