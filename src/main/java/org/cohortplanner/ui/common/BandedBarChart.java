package org.cohortplanner.ui.common;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.chart.Axis;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.shape.Rectangle;

/**
 * A bar chart whose marked categories (the weeks with people short, say) stand on a band the height of the plot,
 * so that they are seen at a glance; the bars are drawn over the bands. A band is styled by {@link #BAND_CLASS}.
 */
public final class BandedBarChart extends BarChart<String, Number> {
    /** The style class of a band. */
    public static final String BAND_CLASS = "chart-band";

    private final Set<String> banded = new LinkedHashSet<>();
    private final List<Rectangle> bands = new ArrayList<>();

    public BandedBarChart(CategoryAxis categories, Axis<Number> values) {
        super(categories, values);
    }

    /** Marks these categories (and no other) with a band. */
    public void setBanded(Set<String> categories) {
        banded.clear();
        banded.addAll(categories);
        // The bands are added and removed here, never during a layout (which would ask for another layout).
        getPlotChildren().removeAll(bands);
        bands.clear();
        for (int i = 0; i < banded.size(); i++) {
            Rectangle band = new Rectangle();
            band.getStyleClass().add(BAND_CLASS);
            band.setManaged(false);
            bands.add(band);
        }
        getPlotChildren().addAll(0, bands);
        requestChartLayout();
    }

    /** The categories marked with a band. */
    public Set<String> banded() {
        return Set.copyOf(banded);
    }

    @Override
    protected void layoutPlotChildren() {
        CategoryAxis categories = (CategoryAxis) getXAxis();
        double width = categories.getCategorySpacing();
        double height = getYAxis().getHeight();
        int i = 0;
        for (String category : banded) {
            Rectangle band = bands.get(i++);
            boolean shown = categories.getCategories().contains(category);
            band.setVisible(shown);
            if (shown) {
                band.setX(categories.getDisplayPosition(category) - width / 2);
                band.setY(0);
                band.setWidth(width);
                band.setHeight(height);
            }
        }
        super.layoutPlotChildren();
    }
}
