package org.cohortplanner.ui.timeline;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cohortplanner.domain.BookingWindow;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Holiday;
import org.cohortplanner.domain.Phrase;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.planning.CohortFamilies;
import org.cohortplanner.planning.PlanValidator;
import org.cohortplanner.planning.Problem;
import org.cohortplanner.ui.common.CohortSelection;
import org.cohortplanner.ui.common.ProblemTexts;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.common.WorkingPlan;

/**
 * The timeline of the working plan: one row per cohort with its booking window and vaccination period as bars, the
 * time axis and its zoom, the validator's problems on the bars they concern, and moving a booking window by dragging.
 * Geometry is in the body's pixels (x from the left edge of the time area, y from the top of the first visible row),
 * so that the view only paints and forwards the mouse.
 *
 * <p>Rows: every cohort in plan order, each split parent followed by its parts, indented. The parent stays visible,
 * greyed: a planner looking at 53–54 and 50–52 on consecutive nights wants to see the 50–54 window they replaced, and
 * the parent is still in the plan (merging gives it back); greying says it books nobody.
 */
public final class TimelineViewModel {
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
    /** Booking windows move in steps of half an hour, as booking systems announce them. */
    public static final Duration SNAP = Duration.ofMinutes(30);
    /** "Opening night": from shortly before the window opens until the morning after. */
    static final Duration NIGHT_BEFORE = Duration.ofHours(2);
    static final Duration NIGHT_AFTER = Duration.ofHours(14);
    private static final int[] TICK_HOURS = {1, 2, 3, 6, 12, 24, 48, 168, 336, 672};
    private static final int HOURS_PER_DAY = 24;
    private static final int HOURS_PER_WEEK = 168;

    private final WorkingPlan working;
    private final CohortSelection selection;
    private final String user;
    private final Clock clock;
    private final Texts texts;
    private final ProblemTexts problemTexts;
    private final PlanValidator validator = new PlanValidator();
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter date;

    private final ObservableList<TimelineRow> rows = FXCollections.observableArrayList();
    private final ObservableList<TimelineRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<TimeAxis> axis = new ReadOnlyObjectWrapper<>(this, "axis");
    private final ReadOnlyDoubleWrapper verticalOffset = new ReadOnlyDoubleWrapper(this, "verticalOffset");
    private final ReadOnlyObjectWrapper<BookingWindow> movePreview = new ReadOnlyObjectWrapper<>(this, "movePreview");
    private final ReadOnlyStringWrapper problemSummary = new ReadOnlyStringWrapper(this, "problemSummary");
    private final ReadOnlyStringWrapper problemDetails = new ReadOnlyStringWrapper(this, "problemDetails");
    private final ReadOnlyStringWrapper rangeText = new ReadOnlyStringWrapper(this, "rangeText");
    private final ReadOnlyStringWrapper todayText = new ReadOnlyStringWrapper(this, "todayText");
    private final ReadOnlyBooleanWrapper openingNightAvailable =
            new ReadOnlyBooleanWrapper(this, "openingNightAvailable");

    private Plan plan;
    private List<Problem> problems = List.of();
    private LocalDateTime rangeStart;
    private LocalDateTime rangeEnd;
    private double viewportWidth;
    private double viewportHeight;
    private boolean fitted;
    private String movingCohortId;
    private BookingWindow moveOrigin;

    public TimelineViewModel(WorkingPlan working, CohortSelection selection, String user, Locale locale,
                             Clock clock) {
        this.working = Objects.requireNonNull(working, "working");
        this.selection = Objects.requireNonNull(selection, "selection");
        this.user = Objects.requireNonNull(user, "user");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.texts = Texts.of(TimelineView.class, locale);
        this.problemTexts = ProblemTexts.of(locale);
        this.dateTime = DateTimeFormatter.ofPattern(texts.get("format.dateTime"), locale);
        this.date = DateTimeFormatter.ofPattern(texts.get("format.date"), locale);
        working.planProperty().addListener((observable, before, after) -> show(after));
        selection.cohortIdProperty().addListener((observable, before, after) -> updateOpeningNight());
        show(working.getPlan());
    }

    // ---- rows and problems

    private void show(Plan shown) {
        cancelMove();
        plan = shown;
        problems = validator.validate(shown);
        Map<String, List<Problem>> byCohort = new HashMap<>();
        for (Problem problem : problems) {
            if (problem.cohortId() != null) {
                byCohort.computeIfAbsent(problem.cohortId(), id -> new ArrayList<>()).add(problem);
            }
        }
        Set<String> booking = new HashSet<>();
        CohortFamilies.bookingCohorts(shown).forEach(cohort -> booking.add(cohort.id()));
        Map<String, TimelineRow> built = new LinkedHashMap<>();
        for (Cohort cohort : shown.cohorts()) {
            boolean hasParentInPlan = cohort.parentId() != null && !cohort.parentId().equals(cohort.id())
                    && shown.cohort(cohort.parentId()).isPresent();
            if (!hasParentInPlan) {
                addWithParts(shown, cohort, 0, booking, byCohort, built);
            }
        }
        // A family whose parents name each other has no top; show its cohorts rather than lose them.
        for (Cohort cohort : shown.cohorts()) {
            if (!built.containsKey(cohort.id())) {
                addWithParts(shown, cohort, 0, booking, byCohort, built);
            }
        }
        rows.setAll(built.values());
        updateRange();
        updateTexts();
        updateOpeningNight();
        clampVertical();
        if (axis.get() != null) {
            axis.set(clamped(axis.get()));
        }
    }

    private void addWithParts(Plan shown, Cohort cohort, int depth, Set<String> booking,
                              Map<String, List<Problem>> byCohort, Map<String, TimelineRow> built) {
        if (built.containsKey(cohort.id())) {
            return;
        }
        built.put(cohort.id(), row(cohort, depth, !booking.contains(cohort.id()),
                byCohort.getOrDefault(cohort.id(), List.of())));
        for (Cohort part : CohortFamilies.partsOf(shown, cohort.id())) {
            addWithParts(shown, part, depth + 1, booking, byCohort, built);
        }
    }

    private static TimelineRow row(Cohort cohort, int depth, boolean replaced, List<Problem> cohortProblems) {
        List<Problem> onWindow = new ArrayList<>();
        List<Problem> onPeriod = new ArrayList<>();
        for (Problem problem : cohortProblems) {
            // The window bar carries what decides who books when; the period bar what happens at the sites.
            String field = problem.field();
            if (field.equals(Problem.FIELD_VACCINATION_PERIOD) || field.equals(Problem.FIELD_BRANDS)) {
                onPeriod.add(problem);
            } else {
                onWindow.add(problem);
            }
        }
        TimelineBar window = new TimelineBar(cohort.id(), TimelineBar.Kind.BOOKING_WINDOW, cohort.window().opens(),
                cohort.window().closes(), onWindow);
        TimelineBar period = new TimelineBar(cohort.id(), TimelineBar.Kind.VACCINATION_PERIOD,
                cohort.vaccinationPeriod().firstDay().atStartOfDay(),
                cohort.vaccinationPeriod().lastDay().plusDays(1).atStartOfDay(), onPeriod);
        return new TimelineRow(cohort.id(), cohort.name(), depth, replaced, cohort.status(), window, period,
                cohortProblems);
    }

    private void updateRange() {
        LocalDateTime first = null;
        LocalDateTime last = null;
        for (TimelineRow row : rows) {
            for (TimelineBar bar : List.of(row.window(), row.vaccination())) {
                first = first == null || bar.from().isBefore(first) ? bar.from() : first;
                last = last == null || bar.to().isAfter(last) ? bar.to() : last;
            }
        }
        if (first == null) {
            LocalDate today = today().toLocalDate();
            first = today.atStartOfDay();
            last = today.plusDays(1).atStartOfDay();
        }
        rangeStart = first.toLocalDate().minusDays(1).atStartOfDay();
        rangeEnd = last.toLocalDate().plusDays(2).atStartOfDay();
    }

    private void updateTexts() {
        long errors = problems.stream().filter(Problem::isError).count();
        long warnings = problems.size() - errors;
        problemSummary.set(problems.isEmpty() ? texts.get("problems.none")
                : texts.get("problems.count", errors, warnings));
        problemDetails.set(String.join("\n", problems.stream().map(problemTexts::message).toList()));
        LocalDateTime now = today();
        String zone = plan.zone().getId();
        todayText.set(now.isBefore(rangeStart) || now.isAfter(rangeEnd)
                ? texts.get("today.outside", dateTime.format(now), zone)
                : texts.get("today.inside", dateTime.format(now), zone));
        updateRangeText();
    }

    private void updateRangeText() {
        TimeAxis shown = axis.get();
        if (shown == null || viewportWidth <= 0) {
            rangeText.set(texts.get("range.zone", plan.zone().getId()));
            return;
        }
        rangeText.set(texts.get("range.shown", dateTime.format(shown.start()),
                dateTime.format(shown.end(viewportWidth)), plan.zone().getId()));
    }

    private void updateOpeningNight() {
        openingNightAvailable.set(selectedRow().isPresent());
    }

    /** Now, on the plan's clocks. */
    public LocalDateTime today() {
        return LocalDateTime.now(clock.withZone(plan.zone()));
    }

    public ObservableList<TimelineRow> rows() {
        return readOnlyRows;
    }

    public Optional<TimelineRow> row(String cohortId) {
        return rows.stream().filter(row -> row.cohortId().equals(cohortId)).findFirst();
    }

    public List<Problem> problems() {
        return problems;
    }

    public List<Holiday> holidays() {
        return plan.holidays();
    }

    public String zone() {
        return plan.zone().getId();
    }

    // ---- selection

    public void select(String cohortId) {
        selection.select(cohortId);
    }

    public String selectedCohortId() {
        return selection.getCohortId();
    }

    /** The shared selection's cohort id, for repainting when another screen selects a cohort. */
    public ReadOnlyObjectProperty<String> selectedCohortIdProperty() {
        return selection.cohortIdProperty();
    }

    private Optional<TimelineRow> selectedRow() {
        String id = selection.getCohortId();
        return id == null ? Optional.empty() : row(id);
    }

    /** The row index of the selected cohort, or -1. */
    public int selectedRowIndex() {
        return selectedRow().map(rows::indexOf).orElse(-1);
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

    /** Shows the selected cohort's opening night in hours; does nothing when no shown cohort is selected. */
    public void zoomToOpeningNight() {
        selectedRow().ifPresent(row -> {
            LocalDateTime opens = row.window().from();
            LocalDateTime from = opens.minus(NIGHT_BEFORE);
            LocalDateTime to = opens.plus(NIGHT_AFTER);
            TimeAxis night = TimeAxis.fitting(from, to, usableWidth());
            setAxis(night.hourWidth() > MAX_HOUR_WIDTH ? new TimeAxis(from, MAX_HOUR_WIDTH) : night);
            scrollRowIntoView(rows.indexOf(row));
        });
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

    /** Where a bar is drawn, in body pixels. */
    public record Box(double x, double y, double width, double height) {
        public boolean contains(double px, double py) {
            return px >= x && px <= x + width && py >= y && py <= y + height;
        }
    }

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
        } else {
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
        return Collections.unmodifiableList(ticks);
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

    // ---- texts

    /** What a tooltip says about a bar: the exact times in the plan's zone, and its problems. */
    public String describe(TimelineBar bar) {
        TimelineRow row = row(bar.cohortId()).orElseThrow();
        StringBuilder text = new StringBuilder();
        if (bar.kind() == TimelineBar.Kind.BOOKING_WINDOW) {
            text.append(texts.get("tooltip.window", row.name(), dateTime.format(bar.start()),
                    dateTime.format(bar.end()), plan.zone().getId()));
        } else {
            text.append(texts.get("tooltip.period", row.name(), date.format(bar.start()),
                    date.format(bar.end().minusDays(1))));
        }
        text.append('\n').append(texts.get("tooltip.status", texts.get("status." + row.status().name())));
        if (row.replacedByParts()) {
            text.append('\n').append(texts.get("tooltip.replaced"));
        }
        for (Problem problem : bar.problems()) {
            text.append('\n').append(texts.get(problem.isError() ? "tooltip.error" : "tooltip.warning",
                    problemTexts.message(problem)));
        }
        return text.toString();
    }

    public String describe(Holiday holiday) {
        return texts.get("tooltip.holiday", holiday.name(), date.format(holiday.date()));
    }

    public Texts texts() {
        return texts;
    }

    public ReadOnlyStringProperty problemSummaryProperty() {
        return problemSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemDetailsProperty() {
        return problemDetails.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rangeTextProperty() {
        return rangeText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty todayTextProperty() {
        return todayText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty openingNightAvailableProperty() {
        return openingNightAvailable.getReadOnlyProperty();
    }

    // ---- moving a booking window

    /** Starts dragging {@code cohortId}'s booking window; false when it may not move (a split parent). */
    public boolean startMove(String cohortId) {
        Optional<TimelineRow> row = row(cohortId);
        if (row.isEmpty() || !row.get().windowMovable()) {
            return false;
        }
        movingCohortId = cohortId;
        moveOrigin = plan.cohort(cohortId).orElseThrow().window();
        movePreview.set(moveOrigin);
        return true;
    }

    /** The drag is {@code pixels} right of where it started: the window follows, its opening snapped to 30 min. */
    public void dragBy(double pixels) {
        if (movingCohortId == null) {
            return;
        }
        movePreview.set(moveOrigin.shiftedBy(snappedShift(moveOrigin.opens(), pixels / currentAxis().hourWidth())));
    }

    /** The shift that puts {@code opens} moved by {@code hours} on the nearest half hour. */
    static Duration snappedShift(LocalDateTime opens, double hours) {
        LocalDateTime moved = opens.plusSeconds(Math.round(hours * 3600));
        return Duration.between(opens, snapped(moved));
    }

    /** The half hour nearest to {@code time}. */
    static LocalDateTime snapped(LocalDateTime time) {
        LocalDateTime day = time.truncatedTo(ChronoUnit.DAYS);
        long seconds = Duration.between(day, time).getSeconds();
        long step = SNAP.getSeconds();
        return day.plusSeconds(Math.round((double) seconds / step) * step);
    }

    /** Ends the drag: the window takes its new times as one edit, or nothing happens when it did not move. */
    public void finishMove() {
        if (movingCohortId == null) {
            return;
        }
        String cohortId = movingCohortId;
        Duration shift = Duration.between(moveOrigin.opens(), movePreview.get().opens());
        cancelMove();
        if (!shift.isZero()) {
            moveWindow(cohortId, shift);
        }
    }

    /** Ends the drag leaving the plan as it was (Escape). */
    public void cancelMove() {
        movingCohortId = null;
        moveOrigin = null;
        movePreview.set(null);
    }

    public boolean isMoving() {
        return movingCohortId != null;
    }

    public String movingCohortId() {
        return movingCohortId;
    }

    /** Where the dragged window would go, or null when nothing is dragged. */
    public ReadOnlyObjectProperty<BookingWindow> movePreviewProperty() {
        return movePreview.getReadOnlyProperty();
    }

    /** The dragged window's new times, for the label beside the ghost. */
    public String movePreviewText() {
        BookingWindow preview = movePreview.get();
        return preview == null ? "" : texts.get("move.preview", dateTime.format(preview.opens()),
                dateTime.format(preview.closes()));
    }

    /** Moves {@code cohortId}'s booking window by {@code shift}: one edit, with before → after in the audit trail. */
    public void moveWindow(String cohortId, Duration shift) {
        Cohort cohort = plan.cohort(cohortId)
                .orElseThrow(() -> new IllegalArgumentException("no cohort " + cohortId + " in the plan"));
        BookingWindow moved = cohort.window().shiftedBy(shift);
        working.edit(plan.withCohort(cohort.withWindow(moved)), ProblemTexts.of(texts.locale()).change(user,
                Phrase.of("audit.window.moved", cohort.name()), windowText(cohort.window()), windowText(moved), ""));
    }

    private String windowText(BookingWindow window) {
        return texts.get("audit.window", dateTime.format(window.opens()), dateTime.format(window.closes()),
                plan.zone().getId());
    }
}
