package org.cohortplanner.ui.timeline;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Where times fall across the timeline: the wall-clock time (in the plan's zone) at the left edge and how many pixels
 * one hour takes. Wall-clock times keep an opening night at 20:00 on the 20:00 line whatever the zone's rules.
 *
 * @param start      the time at x = 0
 * @param hourWidth  pixels per hour, above 0
 */
public record TimeAxis(LocalDateTime start, double hourWidth) {
    private static final double SECONDS_PER_HOUR = 3600;

    public TimeAxis {
        Objects.requireNonNull(start, "start");
        if (!(hourWidth > 0) || Double.isInfinite(hourWidth)) {
            throw new IllegalArgumentException("pixels per hour must be above 0, got " + hourWidth);
        }
    }

    /** The axis that shows {@code from} to {@code to} across {@code width} pixels. */
    public static TimeAxis fitting(LocalDateTime from, LocalDateTime to, double width) {
        double hours = hoursBetween(from, to);
        if (!(hours > 0) || !(width > 0)) {
            throw new IllegalArgumentException("cannot fit " + from + " – " + to + " into " + width + " pixels");
        }
        return new TimeAxis(from, width / hours);
    }

    /** The x of {@code time}; negative left of the start. */
    public double x(LocalDateTime time) {
        return hoursBetween(start, time) * hourWidth;
    }

    /** The time at {@code x}, to the second. */
    public LocalDateTime timeAt(double x) {
        return start.plusSeconds(Math.round(x / hourWidth * SECONDS_PER_HOUR));
    }

    /** The time at the right edge of a view {@code width} pixels wide. */
    public LocalDateTime end(double width) {
        return timeAt(width);
    }

    /** Hours shown across {@code width} pixels. */
    public double hoursAcross(double width) {
        return width / hourWidth;
    }

    /**
     * Zooms by {@code factor} (above 1 zooms in) keeping the time under {@code x} where it is, as a map does under the
     * mouse; pixels per hour stay within {@code minHourWidth}–{@code maxHourWidth}.
     */
    public TimeAxis zoomedAt(double x, double factor, double minHourWidth, double maxHourWidth) {
        double zoomed = Math.max(minHourWidth, Math.min(maxHourWidth, hourWidth * factor));
        LocalDateTime anchor = timeAt(x);
        return new TimeAxis(anchor.minusSeconds(Math.round(x / zoomed * SECONDS_PER_HOUR)), zoomed);
    }

    /** The same zoom moved right by {@code pixels} (left when negative). */
    public TimeAxis scrolledBy(double pixels) {
        return new TimeAxis(timeAt(pixels), hourWidth);
    }

    public TimeAxis startingAt(LocalDateTime newStart) {
        return new TimeAxis(newStart, hourWidth);
    }

    /** The pixels {@code duration} takes. */
    public double width(Duration duration) {
        return duration.getSeconds() / SECONDS_PER_HOUR * hourWidth;
    }

    static double hoursBetween(LocalDateTime from, LocalDateTime to) {
        return ChronoUnit.SECONDS.between(from, to) / SECONDS_PER_HOUR;
    }
}
