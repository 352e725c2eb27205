package org.cohortplanner.ui.timeline;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import org.cohortplanner.domain.BookingWindow;
import org.cohortplanner.domain.CohortStatus;
import org.cohortplanner.domain.Holiday;
import org.cohortplanner.planning.Problem;
import org.cohortplanner.ui.common.ScreenHeading;
import org.cohortplanner.ui.common.Texts;

/**
 * The Timeline screen: cohorts as rows, booking windows and vaccination periods as bars on a zoomable time axis, drawn
 * on one canvas (a few hundred shapes repainted in well under a frame, however many times the plan changes).
 */
public final class TimelineView {
    public static final String CANVAS_ID = "timeline-canvas";
    public static final String ZOOM_IN_ID = "timeline-zoom-in";
    public static final String ZOOM_OUT_ID = "timeline-zoom-out";
    public static final String FIT_ID = "timeline-fit";
    public static final String OPENING_NIGHT_ID = "timeline-opening-night";
    public static final String PROBLEMS_ID = "timeline-problems";
    public static final String TODAY_ID = "timeline-today";
    public static final String RANGE_ID = "timeline-range";
    /** Width of the cohort names at the left and height of the axis labels at the top, in canvas pixels. */
    public static final double NAME_WIDTH = 180;
    public static final double HEADER_HEIGHT = 44;

    private static final double INDENT = 16;
    private static final double DRAG_THRESHOLD = 3;
    private static final double WHEEL_ZOOM = 1.25;
    private static final Font LABEL_FONT = Font.font(12);
    private static final Font MAJOR_FONT = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 12);
    private static final Font NAME_FONT = Font.font(13);
    private static final Font BADGE_FONT = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 10);

    static final Color WINDOW = Color.web("#2563eb");
    static final Color WINDOW_SUSPENDED = Color.web("#93c5fd");
    static final Color PERIOD = Color.web("#059669");
    static final Color PARENT = Color.web("#cbd5e1");
    static final Color PARENT_LINE = Color.web("#64748b");
    static final Color HOLIDAY = Color.web("#f59e0b", 0.16);
    static final Color HOLIDAY_LINE = Color.web("#d97706");
    static final Color TODAY = Color.web("#db2777");
    static final Color ERROR = Color.web("#dc2626");
    static final Color WARNING = Color.web("#d97706");
    static final Color SELECTED_ROW = Color.web("#dbeafe");
    static final Color STRIPE = Color.web("#f9fafb");
    static final Color GRID = Color.web("#eceff3");
    static final Color GRID_MAJOR = Color.web("#c7ccd4");
    static final Color INK = Color.web("#1f2937");
    static final Color MUTED = Color.web("#6b7280");
    static final Color HEADER = Color.web("#f3f4f6");

    private final TimelineViewModel viewModel;
    private final Texts texts;
    private final VBox root = new VBox(10);
    private final Canvas canvas = new Canvas();
    private final ScrollBar horizontal = new ScrollBar();
    private final ScrollBar vertical = new ScrollBar();
    private final Tooltip tooltip = new Tooltip();
    private String tooltipText;
    private String pressedCohortId;
    private double pressX;
    private boolean syncingScrollBars;

    public TimelineView(TimelineViewModel viewModel) {
        this.viewModel = viewModel;
        this.texts = viewModel.texts();
        Label title = ScreenHeading.title(texts.get("title"));
        Label range = ScreenHeading.summary(RANGE_ID, viewModel.viewport().rangeTextProperty());
        Label today = new Label();
        today.setId(TODAY_ID);
        today.getStyleClass().add("screen-summary");
        today.textProperty().bind(viewModel.todayTextProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox heading = new HBox(16, title, range, gap, today);
        heading.setAlignment(Pos.BASELINE_LEFT);

        root.getChildren().addAll(heading, toolbar(), legend(), timelineArea(), hint());
        root.getStyleClass().addAll("screen", "timeline-screen");

        InvalidationListener repaint = observable -> {
            updateScrollBars();
            draw();
        };
        viewModel.viewport().axisProperty().addListener(repaint);
        viewModel.viewport().verticalOffsetProperty().addListener(repaint);
        viewModel.movePreviewProperty().addListener(repaint);
        viewModel.rows().addListener((ListChangeListener<TimelineRow>) change -> repaint.invalidated(null));
        viewModel.openingNightAvailableProperty().addListener(repaint);
        // A selection made elsewhere (the Cohorts screen, a problems list) highlights its row here.
        viewModel.selectedCohortIdProperty().addListener(repaint);
    }

    public Parent root() {
        return root;
    }

    private HBox toolbar() {
        Button zoomOut = button(ZOOM_OUT_ID, "button.zoomOut", "tooltip.zoomOut");
        zoomOut.setOnAction(event -> viewModel.viewport().zoomOut());
        Button zoomIn = button(ZOOM_IN_ID, "button.zoomIn", "tooltip.zoomIn");
        zoomIn.setOnAction(event -> viewModel.viewport().zoomIn());
        Button fit = button(FIT_ID, "button.fit", "tooltip.fit");
        fit.setOnAction(event -> viewModel.viewport().fitCampaign());
        Button night = button(OPENING_NIGHT_ID, "button.openingNight", "tooltip.openingNight");
        night.setOnAction(event -> viewModel.zoomToOpeningNight());
        night.disableProperty().bind(viewModel.openingNightAvailableProperty().not());
        for (Button small : List.of(zoomOut, zoomIn)) {
            small.setMinWidth(32);
        }

        Label problems = new Label();
        problems.setId(PROBLEMS_ID);
        problems.getStyleClass().add("timeline-problems");
        problems.textProperty().bind(viewModel.problemSummaryProperty());
        Tooltip details = new Tooltip();
        details.textProperty().bind(viewModel.problemDetailsProperty());
        details.setShowDuration(Duration.INDEFINITE);
        problems.setTooltip(details);
        viewModel.problemSummaryProperty().addListener(observable -> colourProblems(problems));
        colourProblems(problems);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(6, zoomOut, zoomIn, fit, night, spacer, problems);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        return toolbar;
    }

    private void colourProblems(Label problems) {
        boolean errors = viewModel.problems().stream().anyMatch(Problem::isError);
        boolean any = !viewModel.problems().isEmpty();
        problems.setStyle(errors ? "-fx-text-fill: -cp-danger; -fx-font-weight: bold;"
                : any ? "-fx-text-fill: -cp-warning;" : "-fx-text-fill: -cp-muted;");
    }

    private Button button(String id, String textKey, String tooltipKey) {
        Button button = new Button(texts.get(textKey));
        button.setId(id);
        button.setTooltip(new Tooltip(texts.get(tooltipKey)));
        return button;
    }

    private HBox legend() {
        HBox legend = new HBox(16,
                swatch(bar(WINDOW, null, 10), "legend.window"),
                swatch(bar(PERIOD, null, 6), "legend.period"),
                swatch(bar(PARENT, PARENT_LINE, 10), "legend.parent"),
                swatch(bar(HOLIDAY.deriveColor(0, 1, 1, 2.5), null, 14), "legend.holiday"),
                swatch(todayLine(), "legend.today"),
                swatch(bar(Color.WHITE, ERROR, 10), "legend.problem"),
                swatch(bar(SELECTED_ROW, null, 14), "legend.selected"));
        legend.setAlignment(Pos.CENTER_LEFT);
        legend.getStyleClass().add("timeline-legend");
        return legend;
    }

    private static Rectangle bar(Color fill, Color outline, double height) {
        Rectangle rectangle = new Rectangle(22, height, fill);
        rectangle.setArcWidth(4);
        rectangle.setArcHeight(4);
        if (outline != null) {
            rectangle.setStroke(outline);
            rectangle.setStrokeWidth(outline == ERROR ? 2 : 1);
            if (outline == PARENT_LINE) {
                rectangle.getStrokeDashArray().setAll(3.0, 2.0);
            }
        }
        return rectangle;
    }

    private static Line todayLine() {
        Line line = new Line(0, 0, 0, 14);
        line.setStroke(TODAY);
        line.setStrokeWidth(2);
        return line;
    }

    private HBox swatch(Node sample, String key) {
        Label label = new Label(texts.get(key));
        label.getStyleClass().add("timeline-legend-label");
        HBox swatch = new HBox(6, sample, label);
        swatch.setAlignment(Pos.CENTER_LEFT);
        return swatch;
    }

    private Label hint() {
        Label hint = new Label(texts.get("move.hint"));
        hint.getStyleClass().add("screen-summary");
        return hint;
    }

    private BorderPane timelineArea() {
        canvas.setId(CANVAS_ID);
        canvas.setFocusTraversable(true);
        Region host = new Region() {
            {
                getChildren().add(canvas);
                setMinSize(0, 0);
            }

            @Override
            protected void layoutChildren() {
                canvas.setWidth(getWidth());
                canvas.setHeight(getHeight());
                viewModel.viewport().setViewport(Math.max(0, getWidth() - NAME_WIDTH),
                        Math.max(0, getHeight() - HEADER_HEIGHT));
                updateScrollBars();
                draw();
            }
        };
        horizontal.setOrientation(Orientation.HORIZONTAL);
        vertical.setOrientation(Orientation.VERTICAL);
        horizontal.valueProperty().addListener((observable, before, after) -> {
            if (!syncingScrollBars) {
                viewModel.viewport().scrollToHour(after.doubleValue());
            }
        });
        vertical.valueProperty().addListener((observable, before, after) -> {
            if (!syncingScrollBars) {
                viewModel.viewport().setVerticalOffset(after.doubleValue());
            }
        });

        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::hovered);
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, event -> showTooltip(null, event));
        canvas.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        canvas.addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);

        BorderPane area = new BorderPane(host);
        area.setRight(vertical);
        area.setBottom(horizontal);
        area.getStyleClass().add("timeline-area");
        VBox.setVgrow(area, Priority.ALWAYS);
        return area;
    }

    private void updateScrollBars() {
        syncingScrollBars = true;
        try {
            double range = viewModel.viewport().rangeHours();
            double visible = Math.min(range, viewModel.viewport().visibleHours());
            double horizontalMax = Math.max(0, range - visible);
            horizontal.setMin(0);
            horizontal.setMax(horizontalMax);
            horizontal.setVisibleAmount(range > 0 ? horizontalMax * visible / range : 0);
            horizontal.setValue(Math.max(0, Math.min(horizontalMax, viewModel.viewport().hoursScrolled())));
            horizontal.setUnitIncrement(Math.max(1, visible / 20));
            horizontal.setBlockIncrement(Math.max(1, visible * 0.8));
            horizontal.setDisable(horizontalMax <= 0);

            double content = viewModel.viewport().contentHeight();
            double verticalMax = viewModel.viewport().maxVerticalOffset();
            vertical.setMin(0);
            vertical.setMax(verticalMax);
            vertical.setVisibleAmount(content > 0 ? verticalMax * (content - verticalMax) / content : 0);
            vertical.setValue(viewModel.viewport().verticalOffsetProperty().get());
            vertical.setUnitIncrement(TimelineViewport.ROW_HEIGHT);
            vertical.setDisable(verticalMax <= 0);
        } finally {
            syncingScrollBars = false;
        }
    }

    // ---- the mouse and the keyboard

    private void pressed(MouseEvent event) {
        canvas.requestFocus();
        showTooltip(null, event);
        double x = event.getX() - NAME_WIDTH;
        double y = event.getY() - HEADER_HEIGHT;
        pressedCohortId = null;
        if (y < 0) {
            return;
        }
        if (x < 0) {
            viewModel.viewport().rowAt(y).ifPresent(row -> viewModel.select(row.cohortId()));
            return;
        }
        Optional<TimelineBar> bar = viewModel.viewport().barAt(x, y);
        if (bar.isPresent()) {
            viewModel.select(bar.get().cohortId());
            if (bar.get().kind() == TimelineBar.Kind.BOOKING_WINDOW) {
                pressedCohortId = bar.get().cohortId();
                pressX = event.getX();
            }
        }
    }

    private void dragged(MouseEvent event) {
        if (pressedCohortId == null) {
            return;
        }
        double dx = event.getX() - pressX;
        if (!viewModel.isMoving() && Math.abs(dx) >= DRAG_THRESHOLD && !viewModel.startMove(pressedCohortId)) {
            pressedCohortId = null;
            return;
        }
        if (viewModel.isMoving()) {
            canvas.setCursor(Cursor.CLOSED_HAND);
            viewModel.dragBy(dx);
        }
    }

    private void released(MouseEvent event) {
        pressedCohortId = null;
        if (viewModel.isMoving()) {
            viewModel.finishMove();
        }
        hovered(event);
    }

    private void hovered(MouseEvent event) {
        double x = event.getX() - NAME_WIDTH;
        double y = event.getY() - HEADER_HEIGHT;
        String text = null;
        Cursor cursor = Cursor.DEFAULT;
        if (x >= 0 && y >= 0) {
            Optional<TimelineBar> bar = viewModel.viewport().barAt(x, y);
            if (bar.isPresent()) {
                text = viewModel.describe(bar.get());
                boolean movable = bar.get().kind() == TimelineBar.Kind.BOOKING_WINDOW
                        && viewModel.row(bar.get().cohortId()).map(TimelineRow::windowMovable).orElse(false);
                cursor = movable ? Cursor.OPEN_HAND : Cursor.HAND;
            } else {
                text = viewModel.viewport().holidayAt(x).map(viewModel::describe).orElse(null);
            }
        } else if (x < 0 && y >= 0) {
            cursor = viewModel.viewport().rowAt(y).isPresent() ? Cursor.HAND : Cursor.DEFAULT;
        }
        canvas.setCursor(cursor);
        showTooltip(text, event);
    }

    private void showTooltip(String text, MouseEvent event) {
        if (text == null) {
            tooltipText = null;
            tooltip.hide();
            return;
        }
        if (!text.equals(tooltipText) || !tooltip.isShowing()) {
            tooltipText = text;
            tooltip.setText(text);
            tooltip.show(canvas, event.getScreenX() + 14, event.getScreenY() + 18);
        }
    }

    private void scrolled(ScrollEvent event) {
        if (event.isControlDown() || event.isShortcutDown()) {
            if (event.getDeltaY() != 0) {
                viewModel.viewport().zoomAt(Math.max(0, event.getX() - NAME_WIDTH),
                        event.getDeltaY() > 0 ? WHEEL_ZOOM : 1 / WHEEL_ZOOM);
            }
        } else if (event.isShiftDown() || event.getDeltaX() != 0) {
            double delta = event.getDeltaX() != 0 ? event.getDeltaX() : event.getDeltaY();
            viewModel.viewport().scrollHorizontally(-delta);
        } else {
            viewModel.viewport().scrollVertically(-event.getDeltaY());
        }
        event.consume();
    }

    private void keyPressed(KeyEvent event) {
        KeyCode code = event.getCode();
        if (code == KeyCode.ESCAPE && (viewModel.isMoving() || pressedCohortId != null)) {
            pressedCohortId = null;
            viewModel.cancelMove();
            canvas.setCursor(Cursor.DEFAULT);
            event.consume();
        } else if (code == KeyCode.PLUS || code == KeyCode.ADD || code == KeyCode.EQUALS) {
            viewModel.viewport().zoomIn();
            event.consume();
        } else if (code == KeyCode.MINUS || code == KeyCode.SUBTRACT) {
            viewModel.viewport().zoomOut();
            event.consume();
        }
    }

    // ---- painting

    private void draw() {
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        if (width <= 0 || height <= 0) {
            return;
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, width, height);
        List<AxisTick> ticks = viewModel.viewport().ticks();

        g.save();
        clip(g, NAME_WIDTH, HEADER_HEIGHT, width - NAME_WIDTH, height - HEADER_HEIGHT);
        g.translate(NAME_WIDTH, HEADER_HEIGHT);
        drawBody(g, width - NAME_WIDTH, height - HEADER_HEIGHT, ticks);
        g.restore();

        g.save();
        clip(g, 0, HEADER_HEIGHT, NAME_WIDTH, height - HEADER_HEIGHT);
        g.translate(0, HEADER_HEIGHT);
        drawNames(g, height - HEADER_HEIGHT);
        g.restore();

        g.save();
        clip(g, NAME_WIDTH, 0, width - NAME_WIDTH, HEADER_HEIGHT);
        g.translate(NAME_WIDTH, 0);
        drawHeader(g, width - NAME_WIDTH, ticks);
        g.restore();

        g.setFill(HEADER);
        g.fillRect(0, 0, NAME_WIDTH, HEADER_HEIGHT);
        g.setFill(MUTED);
        g.setFont(MAJOR_FONT);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(texts.get("header.cohort"), 10, HEADER_HEIGHT - 12);
        g.setStroke(GRID_MAJOR);
        g.setLineWidth(1);
        g.strokeLine(0, HEADER_HEIGHT - 0.5, width, HEADER_HEIGHT - 0.5);
        g.strokeLine(NAME_WIDTH - 0.5, 0, NAME_WIDTH - 0.5, height);
        if (viewModel.rows().isEmpty()) {
            g.setFill(MUTED);
            g.setFont(NAME_FONT);
            g.fillText(texts.get("placeholder"), NAME_WIDTH + 16, HEADER_HEIGHT + 24);
        }
    }

    private static void clip(GraphicsContext g, double x, double y, double width, double height) {
        g.beginPath();
        g.rect(x, y, width, height);
        g.closePath();
        g.clip();
    }

    private void drawBody(GraphicsContext g, double width, double height, List<AxisTick> ticks) {
        TimeAxis axis = viewModel.viewport().getAxis();
        List<TimelineRow> rows = viewModel.rows();
        int selected = viewModel.selectedRowIndex();
        for (int i = 0; i < rows.size(); i++) {
            double top = viewModel.viewport().rowTop(i);
            if (top + TimelineViewport.ROW_HEIGHT < 0 || top > height) {
                continue;
            }
            if (i == selected) {
                g.setFill(SELECTED_ROW);
                g.fillRect(0, top, width, TimelineViewport.ROW_HEIGHT);
            } else if (i % 2 == 1) {
                g.setFill(STRIPE);
                g.fillRect(0, top, width, TimelineViewport.ROW_HEIGHT);
            }
        }
        for (Holiday holiday : viewModel.holidays()) {
            double from = axis.x(holiday.date().atStartOfDay());
            double to = axis.x(holiday.date().plusDays(1).atStartOfDay());
            if (to >= 0 && from <= width) {
                g.setFill(HOLIDAY);
                g.fillRect(from, 0, to - from, height);
            }
        }
        g.setLineWidth(1);
        for (AxisTick tick : ticks) {
            double x = Math.round(axis.x(tick.time())) + 0.5;
            g.setStroke(tick.major() ? GRID_MAJOR : GRID);
            g.strokeLine(x, 0, x, height);
        }
        for (int i = 0; i < rows.size(); i++) {
            double top = viewModel.viewport().rowTop(i);
            if (top + TimelineViewport.ROW_HEIGHT < 0 || top > height) {
                continue;
            }
            TimelineRow row = rows.get(i);
            drawBar(g, row, viewModel.viewport().box(i, row.vaccination()), row.vaccination(), width);
            drawBar(g, row, viewModel.viewport().box(i, row.window()), row.window(), width);
        }
        drawToday(g, axis, height);
        drawMovePreview(g, width);
    }

    private void drawBar(GraphicsContext g, TimelineRow row, TimelineViewport.Box box, TimelineBar bar,
                         double width) {
        if (box.x() > width || box.x() + box.width() < 0) {
            return;
        }
        boolean window = bar.kind() == TimelineBar.Kind.BOOKING_WINDOW;
        boolean moving = row.cohortId().equals(viewModel.movingCohortId()) && window;
        Color fill;
        if (row.replacedByParts()) {
            fill = PARENT;
        } else if (window) {
            fill = row.status() == CohortStatus.SUSPENDED ? WINDOW_SUSPENDED : WINDOW;
        } else {
            fill = PERIOD;
        }
        g.setGlobalAlpha(moving ? 0.35 : 1);
        g.setFill(fill);
        g.fillRoundRect(box.x(), box.y(), box.width(), box.height(), 4, 4);
        if (row.replacedByParts()) {
            g.setStroke(PARENT_LINE);
            g.setLineWidth(1);
            g.setLineDashes(3, 2);
            g.strokeRoundRect(box.x() + 0.5, box.y() + 0.5, box.width() - 1, box.height() - 1, 4, 4);
            g.setLineDashes();
        }
        g.setGlobalAlpha(1);
        if (bar.hasProblems()) {
            Color mark = bar.hasErrors() ? ERROR : WARNING;
            g.setStroke(mark);
            g.setLineWidth(2);
            g.strokeRoundRect(box.x() - 1, box.y() - 1, box.width() + 2, box.height() + 2, 5, 5);
            double cx = Math.max(8, Math.min(width - 8, box.x() + box.width() + 9));
            drawBadge(g, cx, box.y() + box.height() / 2, mark);
        }
    }

    private static void drawBadge(GraphicsContext g, double cx, double cy, Color color) {
        g.setFill(color);
        g.fillOval(cx - 7, cy - 7, 14, 14);
        g.setFill(Color.WHITE);
        g.setFont(BADGE_FONT);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText("!", cx, cy);
        g.setTextAlign(TextAlignment.LEFT);
    }

    private void drawToday(GraphicsContext g, TimeAxis axis, double height) {
        double x = axis.x(viewModel.today());
        if (x >= 0 && x <= viewModel.viewport().viewportWidth()) {
            g.setStroke(TODAY);
            g.setLineWidth(2);
            g.strokeLine(x, 0, x, height);
        }
    }

    private void drawMovePreview(GraphicsContext g, double width) {
        BookingWindow preview = viewModel.movePreviewProperty().get();
        if (preview == null) {
            return;
        }
        int index = viewModel.rows().indexOf(viewModel.row(viewModel.movingCohortId()).orElseThrow());
        TimelineViewport.Box box = viewModel.viewport().box(index, preview);
        g.setFill(WINDOW.deriveColor(0, 1, 1, 0.55));
        g.fillRoundRect(box.x(), box.y(), box.width(), box.height(), 4, 4);
        g.setStroke(INK);
        g.setLineWidth(1.5);
        g.setLineDashes(4, 3);
        g.strokeRoundRect(box.x(), box.y(), box.width(), box.height(), 4, 4);
        g.setLineDashes();

        String text = viewModel.movePreviewText();
        double textWidth = textWidth(text, MAJOR_FONT) + 12;
        double labelX = Math.max(2, Math.min(width - textWidth - 2, box.x()));
        double labelY = box.y() + TimelineViewport.ROW_HEIGHT - 2;
        if (labelY + 20 > viewModel.viewport().contentHeight() - viewModel.viewport().verticalOffsetProperty().get()) {
            labelY = box.y() - 24;
        }
        g.setFill(INK);
        g.fillRoundRect(labelX, labelY, textWidth, 20, 6, 6);
        g.setFill(Color.WHITE);
        g.setFont(MAJOR_FONT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, labelX + 6, labelY + 10);
    }

    private void drawNames(GraphicsContext g, double height) {
        List<TimelineRow> rows = viewModel.rows();
        int selected = viewModel.selectedRowIndex();
        g.setFill(STRIPE);
        g.fillRect(0, 0, NAME_WIDTH, height);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        for (int i = 0; i < rows.size(); i++) {
            double top = viewModel.viewport().rowTop(i);
            if (top + TimelineViewport.ROW_HEIGHT < 0 || top > height) {
                continue;
            }
            TimelineRow row = rows.get(i);
            if (i == selected) {
                g.setFill(SELECTED_ROW);
                g.fillRect(0, top, NAME_WIDTH, TimelineViewport.ROW_HEIGHT);
                g.setFill(WINDOW);
                g.fillRect(0, top, 3, TimelineViewport.ROW_HEIGHT);
            }
            double x = 12 + row.depth() * INDENT;
            if (row.depth() > 0) {
                g.setStroke(GRID_MAJOR);
                g.setLineWidth(1);
                double mid = top + TimelineViewport.ROW_HEIGHT / 2;
                g.strokeLine(x - 10.5, top, x - 10.5, mid);
                g.strokeLine(x - 10.5, mid + 0.5, x - 3, mid + 0.5);
            }
            g.setFont(NAME_FONT);
            g.setFill(row.replacedByParts() ? MUTED : INK);
            String name = fitted(row.name(), NAME_WIDTH - x - 26, NAME_FONT);
            g.fillText(name, x, top + TimelineViewport.ROW_HEIGHT / 2);
            if (!row.problems().isEmpty()) {
                boolean error = row.problems().stream().anyMatch(Problem::isError);
                drawBadge(g, NAME_WIDTH - 14, top + TimelineViewport.ROW_HEIGHT / 2, error ? ERROR : WARNING);
            }
        }
    }

    private void drawHeader(GraphicsContext g, double width, List<AxisTick> ticks) {
        TimeAxis axis = viewModel.viewport().getAxis();
        g.setFill(HEADER);
        g.fillRect(0, 0, width, HEADER_HEIGHT);
        for (Holiday holiday : viewModel.holidays()) {
            double from = axis.x(holiday.date().atStartOfDay());
            double to = axis.x(holiday.date().plusDays(1).atStartOfDay());
            g.setFill(HOLIDAY);
            g.fillRect(from, HEADER_HEIGHT / 2, to - from, HEADER_HEIGHT / 2);
            g.setFill(HOLIDAY_LINE);
            g.fillRect(from, HEADER_HEIGHT - 3, Math.max(2, to - from), 3);
        }
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        List<AxisTick> majors = new ArrayList<>();
        double lastMinorEnd = Double.NEGATIVE_INFINITY;
        g.setFont(LABEL_FONT);
        g.setLineWidth(1);
        for (AxisTick tick : ticks) {
            if (tick.major()) {
                majors.add(tick);
                continue;
            }
            double x = Math.round(axis.x(tick.time())) + 0.5;
            g.setStroke(GRID_MAJOR);
            g.strokeLine(x, HEADER_HEIGHT - 8, x, HEADER_HEIGHT);
            double labelWidth = textWidth(tick.label(), LABEL_FONT);
            if (x + 4 > lastMinorEnd) {
                g.setFill(MUTED);
                g.fillText(tick.label(), x + 4, HEADER_HEIGHT - 14);
                lastMinorEnd = x + 4 + labelWidth + 6;
            }
        }
        // Day or month names stay readable at the left edge while their day or month is in view.
        g.setFont(MAJOR_FONT);
        for (int i = 0; i < majors.size(); i++) {
            AxisTick tick = majors.get(i);
            double x = axis.x(tick.time());
            double labelWidth = textWidth(tick.label(), MAJOR_FONT);
            double labelX = Math.max(x + 4, 4);
            if (i + 1 < majors.size()) {
                double next = axis.x(majors.get(i + 1).time());
                labelX = Math.min(labelX, next - labelWidth - 8);
                if (labelX < x + 4 && labelX < 4 - labelWidth) {
                    continue;
                }
            }
            if (x > 0 && x + 4 + labelWidth > width) {
                continue;
            }
            if (x > 0) {
                // Only through the upper row: the line would cut a day label of the row below in two.
                g.setStroke(GRID_MAJOR);
                g.strokeLine(Math.round(x) + 0.5, 0, Math.round(x) + 0.5, HEADER_HEIGHT / 2);
            }
            g.setFill(INK);
            g.fillText(tick.label(), labelX, 13);
        }
        LocalDateTime now = viewModel.today();
        double todayX = axis.x(now);
        if (todayX >= 0 && todayX <= width) {
            g.setFill(TODAY);
            g.fillRect(todayX - 1, 0, 2, HEADER_HEIGHT);
        }
    }

    private static String fitted(String text, double room, Font font) {
        if (textWidth(text, font) <= room) {
            return text;
        }
        String shortened = text;
        while (shortened.length() > 1 && textWidth(shortened + "…", font) > room) {
            shortened = shortened.substring(0, shortened.length() - 1);
        }
        return shortened + "…";
    }

    private static double textWidth(String text, Font font) {
        Text measured = new Text(text);
        measured.setFont(font);
        return measured.getLayoutBounds().getWidth();
    }
}
