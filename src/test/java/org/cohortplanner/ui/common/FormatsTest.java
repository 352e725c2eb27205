package org.cohortplanner.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FormatsTest {
    @Test
    void peopleGetThousandsSeparators() {
        assertEquals("16,210,000", Formats.count(16_210_000, Locale.ENGLISH));
        assertEquals("0", Formats.count(0, Locale.ENGLISH));
    }

    @Test
    void aSingleBrandIsJustItsNameAndSharesArePercentages() {
        assertEquals("Moderna", Formats.shares(Map.of("Moderna", 1.0), Locale.ENGLISH));
        Map<String, Double> mixed = new LinkedHashMap<>();
        mixed.put("Pfizer", 0.6);
        mixed.put("Moderna", 0.4);
        assertEquals("Pfizer 60%, Moderna 40%", Formats.shares(mixed, Locale.ENGLISH));
        assertEquals("Pfizer 33.3%", Formats.shares(Map.of("Pfizer", 1 / 3.0), Locale.ENGLISH));
        assertEquals("none", Formats.shares(Map.of(), Locale.ENGLISH));
    }

    @Test
    void periodsNameTheYearOnceUnlessItChanges() {
        assertEquals("26 Jul – 7 Aug 2021", Formats.period(LocalDate.of(2021, 7, 26), LocalDate.of(2021, 8, 7),
                Locale.ENGLISH));
        assertEquals("20 Dec 2021 – 3 Jan 2022",
                Formats.period(LocalDate.of(2021, 12, 20), LocalDate.of(2022, 1, 3), Locale.ENGLISH));
    }

    @Test
    void tablePeriodsLeaveOutTheYearWithinAYear() {
        assertEquals("26 Jul – 7 Aug", Formats.shortPeriod(LocalDate.of(2021, 7, 26), LocalDate.of(2021, 8, 7),
                Locale.ENGLISH));
        assertEquals("20 Dec 2021 – 3 Jan 2022",
                Formats.shortPeriod(LocalDate.of(2021, 12, 20), LocalDate.of(2022, 1, 3), Locale.ENGLISH));
    }

    @Test
    void everyBirthDayWhenNoDigitsOrAllTen() {
        assertEquals("every day", Formats.birthDayDigits(Set.of(), Locale.ENGLISH));
        assertEquals("every day", Formats.birthDayDigits(Set.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), Locale.ENGLISH));
        assertEquals("ending in 0, 5", Formats.birthDayDigits(Set.of(5, 0), Locale.ENGLISH));
    }

    @Test
    void auditTimesAreWrittenInTheGivenZoneInTheStyleOfTheDates() {
        Instant at = Instant.parse("2021-07-19T13:00:00Z");
        assertEquals("19 Jul 2021 22:00:00", Formats.timestamp(at, ZoneId.of("Asia/Seoul"), Locale.ENGLISH));
        assertEquals("2021. 7. 19. 22:00:00", Formats.timestamp(at, ZoneId.of("Asia/Seoul"), Locale.KOREAN));
        assertEquals(Formats.date(LocalDate.of(2021, 7, 19), Locale.KOREAN) + " 22:00:00",
                Formats.timestamp(at, ZoneId.of("Asia/Seoul"), Locale.KOREAN), "the same style as the dates");
    }

    @Test
    void inKoreanDatesReadYearMonthDayAndDigitsAreNamedInKorean() {
        assertEquals("2021. 7. 19.(월) 20:00", Formats.dateTime(LocalDateTime.of(2021, 7, 19, 20, 0), Locale.KOREAN));
        assertEquals("7. 26. – 8. 7.", Formats.shortPeriod(LocalDate.of(2021, 7, 26), LocalDate.of(2021, 8, 7),
                Locale.KOREAN));
        assertEquals("3,807,034", Formats.count(3_807_034, Locale.KOREAN));
        assertEquals("매일", Formats.birthDayDigits(Set.of(), Locale.KOREAN));
        assertEquals("끝자리 0, 5", Formats.birthDayDigits(Set.of(5, 0), Locale.KOREAN));
        assertEquals("Mon 19 Jul 2021 20:00", Formats.dateTime(LocalDateTime.of(2021, 7, 19, 20, 0), Locale.ENGLISH));
    }

    @Test
    void datePickersShowAndReadTheTablesStyleInBothLanguages() {
        java.time.LocalDate day = java.time.LocalDate.of(2021, 7, 19);
        javafx.util.StringConverter<java.time.LocalDate> english = Formats.dateConverter(java.util.Locale.ENGLISH);
        javafx.util.StringConverter<java.time.LocalDate> korean = Formats.dateConverter(java.util.Locale.KOREAN);
        assertEquals("19 Jul 2021", english.toString(day));
        assertEquals(Formats.date(day, java.util.Locale.ENGLISH), english.toString(day));
        assertEquals("2021. 7. 19.", korean.toString(day));
        assertEquals(day, english.fromString("19 Jul 2021"));
        assertEquals(day, english.fromString(" 2021-07-19 "));
        assertEquals(day, korean.fromString("2021. 7. 19."));
        assertEquals(day, korean.fromString("2021-07-19"));
        assertEquals(null, english.fromString("7/19/2021"), "text it cannot read is no date, not an exception");
        assertEquals(null, korean.fromString(""));
        assertEquals("", english.toString(null));
    }
}
