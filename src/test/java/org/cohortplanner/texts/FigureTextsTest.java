package org.cohortplanner.texts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.simulation.CampaignDashboard;
import org.cohortplanner.simulation.CampaignFigures;
import org.cohortplanner.store.json.PlanFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The one list of the dashboard's figures, with names and units, in English and Korean. */
class FigureTextsTest {
    private static CampaignFigures figures;

    @BeforeAll
    static void figuresOfTheSample() {
        Plan sample = PlanFiles.read(Path.of("sample-data", "korea-2021-initial.json"));
        figures = CampaignDashboard.standard().figures(sample);
    }

    @Test
    void everyFigureHasItsNameAndItsValueWithItsUnitInBothLanguages() {
        FigureTexts english = FigureTexts.of(Locale.ENGLISH);
        List<FigureTexts.Row> rows = english.rows(List.of(figures, figures));
        assertEquals(FigureTexts.Figure.values().length, rows.size());
        assertEquals(List.of("Eligible people", "Expected bookings", "Doses needed (first and second)",
                "Doses usable", "People short", "Shortage days", "Worst p95 wait", "Suspended windows",
                "Open problems"), rows.stream().map(FigureTexts.Row::label).toList());
        assertEquals(List.of(english.value(FigureTexts.Figure.ELIGIBLE, figures),
                english.value(FigureTexts.Figure.ELIGIBLE, figures)), rows.get(0).values());
        assertEquals(String.format(Locale.ROOT, "%,d", figures.eligible()), rows.get(0).values().get(0));
        CampaignFigures.NightWait worst = figures.worstNight().orElseThrow();
        assertEquals(Math.round(worst.p95Minutes()) + " min (" + worst.date() + ", " + worst.cohortName() + ")",
                english.value(FigureTexts.Figure.WORST_WAIT, figures));
        assertEquals(figures.errors() + " errors, " + figures.warnings() + " warnings",
                english.value(FigureTexts.Figure.PROBLEMS, figures));

        FigureTexts korean = FigureTexts.of(Locale.KOREAN);
        assertEquals("대상자", korean.label(FigureTexts.Figure.ELIGIBLE));
        assertEquals("서울 부족", korean.regionLabel("서울"));
        assertTrue(korean.value(FigureTexts.Figure.WORST_WAIT, figures).startsWith(Math.round(worst.p95Minutes())
                + "분 ("), korean.value(FigureTexts.Figure.WORST_WAIT, figures));
    }

    @Test
    void regionsFollowTheFiguresAndEachFrontEndWritesItsOwnNumbersAndDates() {
        FigureTexts texts = FigureTexts.of(Locale.ENGLISH, value -> "#" + value, day -> "day " + day.getDayOfMonth());
        List<FigureTexts.Row> rows = texts.rowsWithRegions(List.of(figures));
        assertEquals(FigureTexts.Figure.values().length + figures.regions().size(), rows.size());
        CampaignFigures.RegionFigures seoul = figures.region("Seoul").orElseThrow();
        FigureTexts.Row seoulRow = rows.stream().filter(row -> row.label().equals("Short in Seoul")).findFirst()
                .orElseThrow();
        assertEquals(List.of("#" + seoul.peopleShort() + " people, " + seoul.shortageDays() + " days"),
                seoulRow.values());
        assertEquals("–", texts.regionValue("Atlantis", figures));
        assertEquals("#" + figures.eligible(), texts.value(FigureTexts.Figure.ELIGIBLE, figures));
        assertTrue(texts.value(FigureTexts.Figure.WORST_WAIT, figures).contains("(day "),
                texts.value(FigureTexts.Figure.WORST_WAIT, figures));
    }
}
