package org.cohortplanner.ui.timeline;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.cohortplanner.domain.BookingWindow;
import org.cohortplanner.domain.Holiday;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.ui.common.Texts;

/**
 * What part of the timeline the view shows and where things are on it: the time axis with its zoom and horizontal
 * scroll within the campaign range, the vertical scroll of the rows, the axis labels, and the mapping between times
 * and rows and the body's pixels (x from the left edge of the time area, y from the top of the first visible row),
 * so that the view only paints and forwards the mouse.
 */
public final class TimelineViewport {
    public static final double ROW_HEIGHT = 30;
    public static final double WINDOW_BAR_TOP = 5;
    public static final double WINDOW_BAR_HEIGHT = 12;
    public static final double PERIOD_BAR_TOP = 20;
    public static final double PERIOD_BAR_HEIGHT = 6;
    /** A bar never gets narrower than this, so that a one-hour window in the campaign view can still be clicked. */
    public static final double MIN_BAR_WIDTH = 4;
    /** Closest zoom: half an hour takes 60 pixels, room for the snapped times of a drag. */
    public static final double MAX_HOUR_WIDTH = 120;
    public static final double ZOOM_STEP = 1.5;
    /** Labels of the axis stay at least this far apart. */
    public static final double MIN_TICK_SPACING = 60;
    /** "Opening night": from shortly before the window opens until the morning after. */
    static final Duration NIGHT_BEFORE = Duration.ofHours(2);
    static final Duration NIGHT_AFTER = Duration.ofHours(14);
    private static final int[] TICK_HOURS = {1, 2, 3, 6, 12, 24, 48, 168, 336, 672};
    private static final int HOURS_PER_DAY = 24;
    private static final int HOURS_PER_WEEK = 168;

    /** Where a bar is drawn, in body pixels. */
    public record Box(double x, double y, double width, double height) {
        public boolean contains(double px, double py) {
            return px >= x && px <= x + width && py >= y && py <= y + height;
        }
    }

    private final List<TimelineRow> rows;
    private final Texts texts;
    private final DateTimeFormatter dateTime;

    private final ReadOnlyObjectWrapper<TimeAxis> axis = new ReadOnlyObjectWrapper<>(this, "axis");
    private final ReadOnlyDoubleWrapper verticalOffset = new ReadOnlyDoubleWrapper(this, "verticalOffset");
    private final ReadOnlyStringWrapper rangeText = new ReadOnlyStringWrapper(this, "rangeText");

    private Plan plan;
    private LocalDateTime rangeStart;
    private LocalDateTime rangeEnd;
    private double viewportWidth;
    private double viewportHeight;
    private boolean fitted;

    /** The viewport over {@code rows} (the view model's, read as they change). */
    TimelineViewport(List<TimelineRow> rows, Texts texts, DateTimeFormatter dateTime) {
        this.rows = Objects.requireNonNull(rows, "rows");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.dateTime = Objects.requireNonNull(dateTime, "dateTime");
    }

    // ---- the campaign range

    /** Takes the range of the rows of {@code shown}, or of {@code today} when there are none. */
    void updateRange(Plan shown, LocalDateTime today) {
        plan = shown;
        LocalDateTime first = null;
        LocalDateTime last = null;
        for (TimelineRow row : rows) {
            for (TimelineBar bar : List.of(row.window(), row.vaccination())) {
                first = first == null || bar.from().isBefore(first) ? bar.from() : first;
                last = last == null || bar.to().isAfter(last) ? bar.to() : last;
            }
        }
        if (first == null) {
            first = today.toLocalDate().atStartOfDay();
            last = today.toLocalDate().plusDays(1).atStartOfDay();
        }
        rangeStart = first.toLocalDate().minusDays(1).atStartOfDay();
        rangeEnd = last.toLocalDate().plusDays(2).atStartOfDay();
    }

    /** Keeps the scroll and the zoom within the rows and the range after they changed. */
    void clampToRange() {
        clampVertical();
        if (axis.get() != null) {
            axis.set(clamped(axis.get()));
        }
    }

    void updateRangeText() {
        TimeAxis shown = axis.get();
        if (shown == null || viewportWidth <= 0) {
            rangeText.set(texts.get("range.zone", plan.zone().getId()));
            return;
        }
        rangeText.set(texts.get("range.shown", dateTime.format(shown.start()),
                dateTime.format(shown.end(viewportWidth)), plan.zone().getId()));
    }

    public ReadOnlyStringProperty rangeTextProperty() {
        return rangeText.getReadOnlyProperty();
    }

    // ---- axis and zoom

    /** The view's time area is {@code width} × {@code height} pixels; the first size shows the whole campaign. */
    public void setViewport(double width, double height) {
        viewportWidth = width;
        viewportHeight = height;
        if (width <= 0) {
            return;
        }
        if (!fitted) {
            fitted = true;
            fitCampaign();
        } else {
            axis.set(clamped(axis.get()));
        }
        clampVertical();
        updateRangeText();
    }

    public double viewportWidth() {
        return viewportWidth;
    }

    /** From the first day any bar touches to the day after the last, with a day to spare each side. */
    public LocalDateTime rangeStart() {
        return rangeStart;
    }

    public LocalDateTime rangeEnd() {
        return rangeEnd;
    }

    /** The widest zoom: the whole campaign across the view. */
    public double minHourWidth() {
        double fit = usableWidth() / TimeAxis.hoursBetween(rangeStart, rangeEnd);
        return Math.min(fit, MAX_HOUR_WIDTH);
    }

    private double usableWidth() {
        return viewportWidth > 0 ? viewportWidth : 1;
    }

    public void fitCampaign() {
        setAxis(new TimeAxis(rangeStart, minHourWidth()));
    }

    public void zoomIn() {
        zoomAt(usableWidth() / 2, ZOOM_STEP);
    }

    public void zoomOut() {
        zoomAt(usableWidth() / 2, 1 / ZOOM_STEP);
    }

    /** Zooms by {@code factor} keeping the time under {@code x} in place (Ctrl + mouse wheel). */
    public void zoomAt(double x, double factor) {
        setAxis(currentAxis().zoomedAt(x, factor, minHourWidth(), MAX_HOUR_WIDTH));
    }

    /** Shows the opening night of {@code row}'s window in hours, and the row. */
    void showOpeningNight(TimelineRow row) {
        LocalDateTime opens = row.window().from();
        LocalDateTime from = opens.minus(NIGHT_BEFORE);
        LocalDateTime to = opens.plus(NIGHT_AFTER);
        TimeAxis night = TimeAxis.fitting(from, to, usableWidth());
        setAxis(night.hourWidth() > MAX_HOUR_WIDTH ? new TimeAxis(from, MAX_HOUR_WIDTH) : night);
        scrollRowIntoView(rows.indexOf(row));
    }

    /** Moves the view right by {@code pixels} (left when negative). */
    public void scrollHorizontally(double pixels) {
        setAxis(currentAxis().scrolledBy(pixels));
    }

    /** Puts the view's left edge {@code hours} after the start of the campaign range (the scroll bar's value). */
    public void scrollToHour(double hours) {
        setAxis(currentAxis().startingAt(rangeStart.plusSeconds(Math.round(hours * 3600))));
    }

    /** Hours from the start of the range to the view's left edge, and how many the range and the view hold. */
    public double hoursScrolled() {
        return TimeAxis.hoursBetween(rangeStart, currentAxis().start());
    }

    public double rangeHours() {
        return TimeAxis.hoursBetween(rangeStart, rangeEnd);
    }

    public double visibleHours() {
        return currentAxis().hoursAcross(usableWidth());
    }

    private TimeAxis currentAxis() {
        return axis.get() == null ? new TimeAxis(rangeStart, minHourWidth()) : axis.get();
    }

    private void setAxis(TimeAxis wanted) {
        axis.set(clamped(wanted));
        updateRangeText();
    }

    /** Keeps the zoom within its limits and the view within the campaign range. */
    private TimeAxis clamped(TimeAxis wanted) {
        double hourWidth = Math.max(minHourWidth(), Math.min(MAX_HOUR_WIDTH, wanted.hourWidth()));
        TimeAxis zoomed = new TimeAxis(wanted.start(), hourWidth);
        LocalDateTime latestStart = rangeEnd.minusSeconds(Math.round(zoomed.hoursAcross(usableWidth()) * 3600));
        LocalDateTime start = wanted.start();
        if (start.isAfter(latestStart)) {
            start = latestStart;
        }
        if (start.isBefore(rangeStart)) {
            start = rangeStart;
        }
        return zoomed.startingAt(start);
    }

    public ReadOnlyObjectProperty<TimeAxis> axisProperty() {
        return axis.getReadOnlyProperty();
    }

    public TimeAxis getAxis() {
        return currentAxis();
    }

    // ---- vertical scrolling

    public double contentHeight() {
        return rows.size() * ROW_HEIGHT;
    }

    public void scrollVertically(double pixels) {
        setVerticalOffset(verticalOffset.get() + pixels);
    }

    public void setVerticalOffset(double offset) {
        verticalOffset.set(Math.max(0, Math.min(offset, maxVerticalOffset())));
    }

    public double maxVerticalOffset() {
        return Math.max(0, contentHeight() - viewportHeight);
    }

    private void clampVertical() {
        setVerticalOffset(verticalOffset.get());
    }

    private void scrollRowIntoView(int index) {
        double top = index * ROW_HEIGHT;
        if (top < verticalOffset.get()) {
            setVerticalOffset(top);
        } else if (top + ROW_HEIGHT > verticalOffset.get() + viewportHeight) {
            setVerticalOffset(top + ROW_HEIGHT - viewportHeight);
        }
    }

    public ReadOnlyDoubleProperty verticalOffsetProperty() {
        return verticalOffset.getReadOnlyProperty();
    }

    // ---- geometry and hits

    public double rowTop(int index) {
        return index * ROW_HEIGHT - verticalOffset.get();
    }

    public Box box(int rowIndex, TimelineBar bar) {
        return box(rowIndex, bar.kind(), bar.from(), bar.to());
    }

    /** The box of a booking window at other times, for the ghost of a drag. */
    public Box box(int rowIndex, BookingWindow window) {
        LocalDateTime from = window.opens().isAfter(window.closes()) ? window.closes() : window.opens();
        LocalDateTime to = window.opens().isAfter(window.closes()) ? window.opens() : window.closes();
        return box(rowIndex, TimelineBar.Kind.BOOKING_WINDOW, from, to);
    }

    private Box box(int rowIndex, TimelineBar.Kind kind, LocalDateTime from, LocalDateTime to) {
        TimeAxis shown = currentAxis();
        double x = shown.x(from);
        double width = Math.max(MIN_BAR_WIDTH, shown.x(to) - x);
        boolean window = kind == TimelineBar.Kind.BOOKING_WINDOW;
        return new Box(x, rowTop(rowIndex) + (window ? WINDOW_BAR_TOP : PERIOD_BAR_TOP), width,
                window ? WINDOW_BAR_HEIGHT : PERIOD_BAR_HEIGHT);
    }

    /** The row at {@code y}, if any. */
    public Optional<TimelineRow> rowAt(double y) {
        int index = (int) Math.floor((y + verticalOffset.get()) / ROW_HEIGHT);
        return y < 0 || index < 0 || index >= rows.size() ? Optional.empty() : Optional.of(rows.get(index));
    }

    /** The bar under the point, if any; a click a little beside a thin bar still reaches it. */
    public Optional<TimelineBar> barAt(double x, double y) {
        Optional<TimelineRow> row = rowAt(y);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        int index = rows.indexOf(row.get());
        for (TimelineBar bar : List.of(row.get().window(), row.get().vaccination())) {
            Box box = box(index, bar);
            if (new Box(box.x() - 2, box.y() - 2, box.width() + 4, box.height() + 4).contains(x, y)) {
                return Optional.of(bar);
            }
        }
        return Optional.empty();
    }

    /** The holiday on the day at {@code x}, if any. */
    public Optional<Holiday> holidayAt(double x) {
        LocalDate day = currentAxis().timeAt(x).toLocalDate();
        return plan.holidays().stream().filter(holiday -> holiday.date().equals(day)).findFirst();
    }

    // ---- axis labels

    /** The labelled lines of the shown part of the axis: hours under days when zoomed in, days under months out. */
    public List<AxisTick> ticks() {
        TimeAxis shown = currentAxis();
        LocalDateTime from = shown.start();
        LocalDateTime to = shown.end(usableWidth());
        int step = tickStepHours(shown.hourWidth());
        List<AxisTick> ticks = new ArrayList<>();
        if (step < HOURS_PER_DAY) {
            hourTicks(from, to, step, ticks);
        } else {
            dayTicks(from, to, step, ticks);
        }
        return Collections.unmodifiableList(ticks);
    }

    /** Hours every {@code step}, under each day. */
    private void hourTicks(LocalDateTime from, LocalDateTime to, int step, List<AxisTick> ticks) {
        DateTimeFormatter hour = formatter("format.hour");
        LocalDateTime tick = from.truncatedTo(ChronoUnit.HOURS);
        while (tick.getHour() % step != 0) {
            tick = tick.minusHours(1);
        }
        for (; !tick.isAfter(to); tick = tick.plusHours(step)) {
            ticks.add(new AxisTick(tick, hour.format(tick), false));
        }
        DateTimeFormatter day = formatter("format.majorDay");
        for (LocalDate d = from.toLocalDate(); !d.atStartOfDay().isAfter(to); d = d.plusDays(1)) {
            ticks.add(new AxisTick(d.atStartOfDay(), day.format(d), true));
        }
    }

    /** Days (or weeks from a Monday) every {@code step} hours, under each month. */
    private void dayTicks(LocalDateTime from, LocalDateTime to, int step, List<AxisTick> ticks) {
        LocalDate first = from.toLocalDate();
        DateTimeFormatter label;
        if (step >= HOURS_PER_WEEK) {
            first = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            label = formatter("format.week");
        } else {
            label = formatter("format.day");
            while (first.toEpochDay() % (step / HOURS_PER_DAY) != 0) {
                first = first.minusDays(1);
            }
        }
        for (LocalDate d = first; !d.atStartOfDay().isAfter(to); d = d.plusDays(step / HOURS_PER_DAY)) {
            ticks.add(new AxisTick(d.atStartOfDay(), label.format(d), false));
        }
        DateTimeFormatter month = formatter("format.month");
        for (LocalDate m = from.toLocalDate().withDayOfMonth(1); !m.atStartOfDay().isAfter(to);
             m = m.plusMonths(1)) {
            ticks.add(new AxisTick(m.atStartOfDay(), month.format(m), true));
        }
    }

    /** The smallest step between labelled lines that keeps labels {@link #MIN_TICK_SPACING} apart. */
    public static int tickStepHours(double hourWidth) {
        for (int hours : TICK_HOURS) {
            if (hours * hourWidth >= MIN_TICK_SPACING) {
                return hours;
            }
        }
        return TICK_HOURS[TICK_HOURS.length - 1];
    }

    private DateTimeFormatter formatter(String key) {
        return DateTimeFormatter.ofPattern(texts.get(key), texts.locale());
    }
}
