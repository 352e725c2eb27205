package org.cohortplanner.ui.common;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** How the console writes numbers, times and periods, one place for every screen. */
public final class Formats {

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DATE_TIME =
            DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ENGLISH);

    private Formats() {
    }

    /** People or doses with thousands separators: 3,807,034. */
    public static String count(long value) {
        return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(value);
    }

    /** A share 0–1 as a percentage with one decimal: 82.0 %. */
    public static String percent(double share) {
        return String.format(Locale.ENGLISH, "%.1f %%", share * 100);
    }

    public static String dateTime(LocalDateTime time) {
        return time == null ? "" : DATE_TIME.format(time);
    }

    /** A time without its year, for tables where the year is plain from the rest of the row: "Mon 19 Jul 20:00". */
    public static String shortDateTime(LocalDateTime time) {
        return time == null ? "" : SHORT_DATE_TIME.format(time);
    }

    /** Brand shares as planners write them: "Moderna", or "Pfizer 60%, Moderna 40%". */
    public static String shares(Map<String, Double> shares) {
        if (shares.isEmpty()) {
            return "none";
        }
        if (shares.size() == 1 && shares.values().iterator().next() == 1.0) {
            return shares.keySet().iterator().next();
        }
        return shares.entrySet().stream()
                .map(share -> share.getKey() + " " + wholeOrOneDecimal(share.getValue() * 100) + "%")
                .collect(Collectors.joining(", "));
    }

    private static String wholeOrOneDecimal(double value) {
        double rounded = Math.round(value * 10) / 10.0;
        return rounded == Math.rint(rounded)
                ? Long.toString(Math.round(rounded))
                : String.format(Locale.ENGLISH, "%.1f", rounded);
    }

    public static String date(LocalDate day) {
        return day == null ? "" : DATE.format(day);
    }

    /** An instant as wall-clock time in {@code zone}, to the second, for audit entries. */
    public static String timestamp(Instant instant, ZoneId zone) {
        return instant == null ? "" : TIMESTAMP.format(ZonedDateTime.ofInstant(instant, zone));
    }

    /** Two days as a period: "9 Aug – 21 Aug 2021", or with both years when they differ. */
    public static String period(LocalDate first, LocalDate last) {
        if (first.getYear() == last.getYear()) {
            return DAY_MONTH.format(first) + " – " + DATE.format(last);
        }
        return DATE.format(first) + " – " + DATE.format(last);
    }

    /** Two days of one year as a period without the year, for tables: "9 Aug – 21 Aug"; with years otherwise. */
    public static String shortPeriod(LocalDate first, LocalDate last) {
        if (first.getYear() == last.getYear()) {
            return DAY_MONTH.format(first) + " – " + DAY_MONTH.format(last);
        }
        return period(first, last);
    }

    /** Birth-day digits: "every day" when none are chosen, else which days: "ending in 0, 5". */
    public static String birthDayDigits(Set<Integer> digits) {
        if (digits.isEmpty() || digits.size() == 10) {
            return "every day";
        }
        return "ending in " + digits.stream().sorted().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** An inclusive range of whole numbers, such as ages: "50–54", or "50" for one. */
    public static String range(int first, int last) {
        return first == last ? Integer.toString(first) : first + "–" + last;
    }
}
