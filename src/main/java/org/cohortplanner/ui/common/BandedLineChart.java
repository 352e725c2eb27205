package org.cohortplanner.ui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.shape.Rectangle;

/**
 * A line chart over days (or any whole numbers on its x axis) whose marked runs (the days with people short, say)
 * stand on bands the height of the plot, behind the lines; a band is styled by {@link BandedBarChart#BAND_CLASS}.
 */
public final class BandedLineChart extends LineChart<Number, Number> {
    /** A run of whole x values, {@code from} to {@code to}, both included. */
    public record Run(long from, long to) {
    }

    private final List<Run> runs = new ArrayList<>();
    private final List<Rectangle> bands = new ArrayList<>();

    public BandedLineChart(NumberAxis x, NumberAxis y) {
        super(x, y);
    }

    /** Marks these runs (and no other) with a band. */
    public void setBanded(List<Run> marked) {
        runs.clear();
        runs.addAll(marked);
        // The bands are added and removed here, never during a layout (which would ask for another layout).
        getPlotChildren().removeAll(bands);
        bands.clear();
        for (int i = 0; i < runs.size(); i++) {
            Rectangle band = new Rectangle();
            band.getStyleClass().add(BandedBarChart.BAND_CLASS);
            band.setManaged(false);
            bands.add(band);
        }
        getPlotChildren().addAll(0, bands);
        requestChartLayout();
    }

    /** The runs marked with a band. */
    public List<Run> banded() {
        return List.copyOf(runs);
    }

    /** The runs of consecutive values among {@code values} (in any order, repeats allowed). */
    public static List<Run> runsOf(List<Long> values) {
        List<Long> sorted = values.stream().distinct().sorted().toList();
        List<Run> found = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            long from = sorted.get(i);
            while (i + 1 < sorted.size() && sorted.get(i + 1) == sorted.get(i) + 1) {
                i++;
            }
            found.add(new Run(from, sorted.get(i)));
        }
        return found;
    }

    @Override
    protected void layoutPlotChildren() {
        NumberAxis x = (NumberAxis) getXAxis();
        double height = getYAxis().getHeight();
        for (int i = 0; i < runs.size(); i++) {
            Run run = runs.get(i);
            double left = Math.max(0, x.getDisplayPosition(run.from() - 0.5));
            double right = Math.min(x.getWidth(), x.getDisplayPosition(run.to() + 0.5));
            Rectangle band = bands.get(i);
            band.setVisible(right > left);
            band.setX(left);
            band.setY(0);
            band.setWidth(Math.max(0, right - left));
            band.setHeight(height);
        }
        super.layoutPlotChildren();
    }
}
