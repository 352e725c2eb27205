package org.cohortplanner.ui.timeline;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cohortplanner.domain.BookingWindow;
import org.cohortplanner.domain.Holiday;
import org.cohortplanner.domain.Cohort;
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
 * validator's problems on the bars they concern, and moving a booking window by dragging. What part of it is shown
 * and where things are in the body's pixels (the time axis and its zoom, the scrolling, the axis labels) is the
 * {@link TimelineViewport}'s, so that the view only paints and forwards the mouse.
 *
 * <p>Rows: every cohort in plan order, each split parent followed by its parts, indented. The parent stays visible,
 * greyed: a planner looking at 53–54 and 50–52 on consecutive nights wants to see the 50–54 window they replaced, and
 * the parent is still in the plan (merging gives it back); greying says it books nobody.
 */
public final class TimelineViewModel {
    /** Booking windows move in steps of half an hour, as booking systems announce them. */
    public static final Duration SNAP = Duration.ofMinutes(30);

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
    private final TimelineViewport viewport;
    private final ReadOnlyObjectWrapper<BookingWindow> movePreview = new ReadOnlyObjectWrapper<>(this, "movePreview");
    private final ReadOnlyStringWrapper problemSummary = new ReadOnlyStringWrapper(this, "problemSummary");
    private final ReadOnlyStringWrapper problemDetails = new ReadOnlyStringWrapper(this, "problemDetails");
    private final ReadOnlyStringWrapper todayText = new ReadOnlyStringWrapper(this, "todayText");
    private final ReadOnlyBooleanWrapper openingNightAvailable =
            new ReadOnlyBooleanWrapper(this, "openingNightAvailable");

    private Plan plan;
    private List<Problem> problems = List.of();
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
        this.viewport = new TimelineViewport(readOnlyRows, texts, dateTime);
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
        viewport.updateRange(shown, today());
        updateTexts();
        updateOpeningNight();
        viewport.clampToRange();
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

    private void updateTexts() {
        long errors = problems.stream().filter(Problem::isError).count();
        long warnings = problems.size() - errors;
        problemSummary.set(problems.isEmpty() ? texts.get("problems.none")
                : texts.get("problems.count", errors, warnings));
        problemDetails.set(String.join("\n", problems.stream().map(problemTexts::message).toList()));
        LocalDateTime now = today();
        String zone = plan.zone().getId();
        todayText.set(now.isBefore(viewport.rangeStart()) || now.isAfter(viewport.rangeEnd())
                ? texts.get("today.outside", dateTime.format(now), zone)
                : texts.get("today.inside", dateTime.format(now), zone));
        viewport.updateRangeText();
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

    /** What part of the timeline is shown, and where its rows and bars are in the body's pixels. */
    public TimelineViewport viewport() {
        return viewport;
    }

    /** Shows the selected cohort's opening night in hours; does nothing when no shown cohort is selected. */
    public void zoomToOpeningNight() {
        selectedRow().ifPresent(viewport::showOpeningNight);
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
        movePreview.set(moveOrigin.shiftedBy(snappedShift(moveOrigin.opens(),
                pixels / viewport.getAxis().hourWidth())));
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
