package org.cohortplanner.ui.common;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.control.DatePicker;
import javafx.util.StringConverter;

/**
 * How the console writes numbers, times and periods, one place for every screen. Every method takes the screen's
 * {@link Locale} (Korean dates read "2021. 7. 19.(월) 20:00", English ones "Mon 19 Jul 2021 20:00"): there is no
 * form without one, so no screen can fall back to English on the Korean console.
 */
public final class Formats {

    private Formats() {
    }

    private static boolean korean(Locale locale) {
        return locale.getLanguage().equals(Locale.KOREAN.getLanguage());
    }

    private static DateTimeFormatter pattern(Locale locale, String english, String korean) {
        return korean(locale) ? DateTimeFormatter.ofPattern(korean, locale) : DateTimeFormatter.ofPattern(english,
                Locale.ENGLISH);
    }

    /** People or doses with thousands separators: 3,807,034. */
    public static String count(long value, Locale locale) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** A share 0–1 as a percentage with one decimal: 82.0 %. */
    public static String percent(double share, Locale locale) {
        return String.format(locale, "%.1f %%", share * 100);
    }

    public static String dateTime(LocalDateTime time, Locale locale) {
        return time == null ? "" : pattern(locale, "EEE d MMM yyyy HH:mm", "yyyy. M. d.(E) HH:mm").format(time);
    }

    /** A time without its year, for tables where the year is plain from the rest of the row: "Mon 19 Jul 20:00". */
    public static String shortDateTime(LocalDateTime time, Locale locale) {
        return time == null ? "" : pattern(locale, "EEE d MMM HH:mm", "M. d.(E) HH:mm").format(time);
    }

    /** Brand shares as planners write them: "Moderna", or "Pfizer 60%, Moderna 40%". */
    public static String shares(Map<String, Double> shares, Locale locale) {
        if (shares.isEmpty()) {
            return Texts.of(Formats.class, locale).get("format.noBrand");
        }
        if (shares.size() == 1 && shares.values().iterator().next() == 1.0) {
            return shares.keySet().iterator().next();
        }
        return shares.entrySet().stream()
                .map(share -> share.getKey() + " " + wholeOrOneDecimal(share.getValue() * 100, locale) + "%")
                .collect(Collectors.joining(", "));
    }

    private static String wholeOrOneDecimal(double value, Locale locale) {
        double rounded = Math.round(value * 10) / 10.0;
        return rounded == Math.rint(rounded)
                ? Long.toString(Math.round(rounded))
                : String.format(locale, "%.1f", rounded);
    }

    public static String date(LocalDate day, Locale locale) {
        return day == null ? "" : pattern(locale, "d MMM yyyy", "yyyy. M. d.").format(day);
    }

    /**
     * What a date picker shows and reads, in the console's style for {@code locale} (the same as the tables: "12 Jul
     * 2021", "2021. 7. 12."), so that no picker falls back to the toolkit's "7/12/2021". It also reads ISO dates
     * (2021-07-12); text it cannot read gives null, which a picker shows as no date.
     */
    public static StringConverter<LocalDate> dateConverter(Locale locale) {
        DateTimeFormatter shown = pattern(locale, "d MMM yyyy", "yyyy. M. d.");
        return new StringConverter<>() {
            @Override
            public String toString(LocalDate day) {
                return day == null ? "" : shown.format(day);
            }

            @Override
            public LocalDate fromString(String text) {
                if (text == null || text.isBlank()) {
                    return null;
                }
                String typed = text.strip();
                for (DateTimeFormatter reading : List.of(shown, DateTimeFormatter.ISO_LOCAL_DATE,
                        DateTimeFormatter.ofPattern("yyyy. M. d", Locale.ROOT))) {
                    try {
                        return LocalDate.parse(typed, reading);
                    } catch (DateTimeParseException notThisStyle) {
                        // Try the next style.
                    }
                }
                return null;
            }
        };
    }

    /** Makes {@code picker} show and read dates in the console's style for {@code locale}. */
    public static DatePicker styled(DatePicker picker, Locale locale) {
        picker.setConverter(dateConverter(locale));
        picker.setPromptText(dateConverter(locale).toString(LocalDate.of(2021, 7, 19)));
        return picker;
    }

    /**
     * An instant as wall-clock time in {@code zone}, to the second, for audit entries and saved scenarios, in the
     * style of the dates: "19 Jul 2021 22:00:00", "2021. 7. 19. 22:00:00".
     */
    public static String timestamp(Instant instant, ZoneId zone, Locale locale) {
        return instant == null ? ""
                : pattern(locale, "d MMM yyyy HH:mm:ss", "yyyy. M. d. HH:mm:ss").format(
                        ZonedDateTime.ofInstant(instant, zone));
    }

    /** Two days as a period: "9 Aug – 21 Aug 2021", or with both years when they differ. */
    public static String period(LocalDate first, LocalDate last, Locale locale) {
        if (first.getYear() == last.getYear()) {
            return korean(locale)
                    ? date(first, locale) + " – " + dayMonth(last, locale)
                    : dayMonth(first, locale) + " – " + date(last, locale);
        }
        return date(first, locale) + " – " + date(last, locale);
    }

    /** Two days of one year as a period without the year, for tables: "9 Aug – 21 Aug"; with years otherwise. */
    public static String shortPeriod(LocalDate first, LocalDate last, Locale locale) {
        if (first.getYear() == last.getYear()) {
            return dayMonth(first, locale) + " – " + dayMonth(last, locale);
        }
        return period(first, last, locale);
    }

    /** A day without its year, which the table or axis makes plain: "2 Aug", "8. 2.". */
    public static String dayMonth(LocalDate day, Locale locale) {
        return pattern(locale, "d MMM", "M. d.").format(day);
    }

    /** Birth-day digits: "every day" when none are chosen, else which days: "ending in 0, 5". */
    public static String birthDayDigits(Set<Integer> digits, Locale locale) {
        Texts texts = Texts.of(Formats.class, locale);
        if (digits.isEmpty() || digits.size() == 10) {
            return texts.get("format.everyDay");
        }
        return texts.get("format.endingIn",
                digits.stream().sorted().map(String::valueOf).collect(Collectors.joining(", ")));
    }

    /** A region of the plan by the name planners use in the language: "Seoul", "서울"; other names as they are. */
    public static String region(String name, Locale locale) {
        Texts texts = Texts.of(Formats.class, locale);
        return texts.has("region." + name) ? texts.get("region." + name) : name;
    }

    /** An inclusive range of whole numbers, such as ages: "50–54", or "50" for one. */
    public static String range(int first, int last) {
        return first == last ? Integer.toString(first) : first + "–" + last;
    }
}
