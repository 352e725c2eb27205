package org.cohortplanner.ui.cohorts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.PlanChange;
import org.cohortplanner.ui.InMemoryPlanStore;
import org.cohortplanner.ui.UiTestPlans;
import org.cohortplanner.ui.common.CohortSelection;
import org.cohortplanner.ui.common.DirectTaskRunner;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.common.WorkingPlan;
import org.junit.jupiter.api.Test;

/** The cohort table and the cohort descriptions (audit, split preview) write dates and numbers in Korean. */
class CohortTextsInKoreanTest {
    /** English month and day names, as the English style writes them ("Mon 19 Jul"). */
    static final Pattern ENGLISH_DATE_WORDS = Pattern.compile(
            "\\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\\b");

    private final InMemoryPlanStore store = new InMemoryPlanStore(UiTestPlans.initial());
    private final WorkingPlan working = new WorkingPlan(store, new DirectTaskRunner(), UiTestPlans.initial());
    private final CohortsViewModel korean = new CohortsViewModel(working, new CohortSelection(), null, "kim",
            Locale.KOREAN);
    private final Cohort cohort = UiTestPlans.fiftyToFiftyFour();

    /** "2021. 7. 19." as the Korean style writes a day; computed from the day, not typed. */
    private static String koreanDay(LocalDate day) {
        return day.getYear() + ". " + day.getMonthValue() + ". " + day.getDayOfMonth() + ".";
    }

    private static String koreanWeekday(LocalDateTime time) {
        return time.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.KOREAN);
    }

    @Test
    void theCohortTableWritesTimesPeriodsAndStatusInKorean() {
        CohortRow row = korean.rows().stream().filter(r -> r.id().equals(cohort.id())).findFirst().orElseThrow();
        LocalDateTime opens = cohort.window().opens();
        LocalDate first = cohort.vaccinationPeriod().firstDay();
        LocalDate last = cohort.vaccinationPeriod().lastDay();

        assertEquals(opens.getMonthValue() + ". " + opens.getDayOfMonth() + ".(" + koreanWeekday(opens) + ") "
                + String.format("%02d:%02d", opens.getHour(), opens.getMinute()), row.windowOpensText());
        assertEquals(first.getMonthValue() + ". " + first.getDayOfMonth() + ". – " + last.getMonthValue() + ". "
                + last.getDayOfMonth() + ".", row.vaccinationPeriodText());
        assertEquals(Texts.of(CohortRow.class, Locale.KOREAN).get("status." + cohort.status().name()),
                row.statusText());
        assertEquals("매일", row.birthDayDigitsText());
        for (String text : new String[] {row.windowOpensText(), row.windowClosesText(), row.vaccinationPeriodText(),
                row.statusText(), row.eligibleText(), row.uptakeText()}) {
            assertFalse(ENGLISH_DATE_WORDS.matcher(text).find(), text);
            assertFalse(text.matches(".*\\p{IsLatin}{3,}.*"), "no English word in " + text);
        }
    }

    @Test
    void theDescriptionsOfACohortWriteKoreanDatesAndNoEnglishDateWords() {
        Texts texts = Texts.of(CohortsViewModel.class, Locale.KOREAN);
        String summary = CohortDescriptions.summary(cohort, texts);
        String fields = String.join("\n", CohortDescriptions.fields(cohort, texts).values());

        assertTrue(summary.contains(koreanDay(cohort.window().opens().toLocalDate())), summary);
        assertTrue(summary.contains(koreanDay(cohort.window().closes().toLocalDate())), summary);
        assertTrue(fields.contains(koreanDay(cohort.vaccinationPeriod().firstDay())), fields);
        assertFalse(ENGLISH_DATE_WORDS.matcher(summary).find(), summary);
        assertFalse(ENGLISH_DATE_WORDS.matcher(fields).find(), fields);
    }

    @Test
    void theDigitsOfARotationGroupAreNamedInKorean() {
        working.edit(working.getPlan().withCohorts(List.of(UiTestPlans.eighteenToFortyNineDigit(3))),
                PlanChange.of("kim", "Rotation"));

        CohortRow row = korean.rows().get(0);
        assertEquals("끝자리 3", row.birthDayDigitsText());
        assertFalse(ENGLISH_DATE_WORDS.matcher(row.windowOpensText()).find(), row.windowOpensText());
    }
}
