package org.cohortplanner.ui.common;

import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/**
 * A chart that says so when it has nothing to show: while none of its series has a point, the chart (with its
 * axes of nothing) is hidden and a sentence stands in its place.
 */
public final class ChartEmptyState {
    /** The style class of the sentence shown in place of an empty chart. */
    public static final String STYLE_CLASS = "chart-empty";

    private ChartEmptyState() {
    }

    /** {@code chart} in a pane that shows {@code message} instead while the chart has no data. */
    public static StackPane of(XYChart<?, ?> chart, String message) {
        return of(chart, chart, message);
    }

    /**
     * {@code shown} (a chart, or charts laid over each other) in a pane that shows {@code message} instead while
     * {@code chart} has no data.
     */
    public static StackPane of(Node shown, XYChart<?, ?> chart, String message) {
        Label empty = new Label(message);
        empty.getStyleClass().add(STYLE_CLASS);
        empty.setWrapText(true);
        empty.setMaxWidth(420);
        StackPane pane = new StackPane(shown, empty);
        StackPane.setAlignment(empty, Pos.CENTER);
        InvalidationListener update = observable -> {
            boolean nothing = isEmpty(chart);
            shown.setVisible(!nothing);
            empty.setVisible(nothing);
        };
        ListChangeListener<XYChart.Series<?, ?>> series = change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(s -> s.getData().addListener(update));
                change.getRemoved().forEach(s -> s.getData().removeListener(update));
            }
            update.invalidated(null);
        };
        watch(chart, series, update);
        update.invalidated(null);
        return pane;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void watch(XYChart<?, ?> chart, ListChangeListener series, InvalidationListener update) {
        chart.getData().forEach(s -> s.getData().addListener(update));
        chart.getData().addListener(series);
        chart.dataProperty().addListener((observable, before, after) -> {
            if (before != null) {
                before.removeListener(series);
            }
            if (after != null) {
                after.addListener(series);
                after.forEach(s -> ((XYChart.Series<?, ?>) s).getData().addListener(update));
            }
            update.invalidated(null);
        });
    }

    /** Whether no series of the chart has a point. */
    public static boolean isEmpty(XYChart<?, ?> chart) {
        return chart.getData() == null || chart.getData().stream().allMatch(s -> s.getData().isEmpty());
    }
}
