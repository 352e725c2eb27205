package org.cohortplanner.ui.simulation;

import java.text.NumberFormat;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import org.cohortplanner.ui.common.Formats;
import org.cohortplanner.ui.common.Texts;

/**
 * How the Simulation screen writes people, shares, waits and times: in the console's language, with times in the
 * plan's zone and the zone named, so a planner in another time zone never misreads an opening.
 */
final class NightFormats {
    private final Texts texts;
    private final Locale locale;

    NightFormats(Texts texts) {
        this.texts = texts;
        this.locale = texts.locale();
    }

    String count(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    String number(double value, int decimals) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(0);
        format.setMaximumFractionDigits(decimals);
        return format.format(value);
    }

    String percent(double share) {
        if (Double.isNaN(share)) {
            return texts.get("value.none");
        }
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMaximumFractionDigits(1);
        return format.format(share);
    }

    /** A wait or a span of the night: "45 min", "3 h 20 min", "no end" when the queue never empties. */
    String minutes(double minutes) {
        if (Double.isNaN(minutes)) {
            return texts.get("value.none");
        }
        if (Double.isInfinite(minutes)) {
            return texts.get("value.noEnd");
        }
        if (minutes < 1) {
            return texts.get("duration.seconds", Math.round(minutes * 60));
        }
        long whole = Math.round(minutes);
        if (whole < 60) {
            return texts.get("duration.minutes", whole);
        }
        return texts.get("duration.hours", whole / 60, whole % 60);
    }

    /** A moment of the night as a local date-time in the plan's zone. */
    String dateTime(LocalDateTime time, ZoneId zone) {
        return texts.get("time.inZone", dateTime(time), zone.getId());
    }

    /** A moment without its zone, where the zone is named next to it. */
    String dateTime(LocalDateTime time) {
        return Formats.dateTime(time, locale);
    }

    /** A moment without its zone, for tables that name the zone in their heading. */
    String shortDateTime(LocalDateTime time) {
        return Formats.shortDateTime(time, locale);
    }

    /** A span after the opening and the clock time it ends at, for a table that names the zone in its heading. */
    String afterOpening(double minutes, LocalDateTime opens) {
        if (Double.isNaN(minutes) || Double.isInfinite(minutes)) {
            return minutes(minutes);
        }
        return texts.get("time.afterOpening", minutes(minutes),
                shortDateTime(opens.plusSeconds(Math.round(minutes * 60))));
    }
}
