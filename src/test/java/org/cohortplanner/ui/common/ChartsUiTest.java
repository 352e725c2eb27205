package org.cohortplanner.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.cohortplanner.ui.ScreenStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The charts' shared parts, headless: the empty state in place of axes of nothing, and the shortage bands. */
@DisabledIfSystemProperty(named = "skipUiTests", matches = "true")
class ChartsUiTest {
    private final FxRobot robot = new FxRobot();
    private BandedBarChart chart;
    private StackPane pane;

    private void show() throws TimeoutException {
        ScreenStage.show(() -> {
            chart = new BandedBarChart(new CategoryAxis(), new NumberAxis());
            chart.setAnimated(false);
            pane = ChartEmptyState.of(chart, "Nothing to show yet.");
            return new VBox(pane);
        });
    }

    @AfterEach
    void close() throws TimeoutException {
        ScreenStage.close();
    }

    private Label emptyLabel() {
        return (Label) pane.getChildren().stream().filter(n -> n.getStyleClass().contains(ChartEmptyState.STYLE_CLASS))
                .findFirst().orElseThrow();
    }

    private static XYChart.Series<String, Number> series(String... categories) {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (int i = 0; i < categories.length; i++) {
            series.getData().add(new XYChart.Data<>(categories[i], 10 * (i + 1)));
        }
        return series;
    }

    @Test
    void anEmptyChartSaysSoInsteadOfDrawingAxesAndShowsItselfOnceItHasPoints() throws TimeoutException {
        show();
        assertFalse(chart.isVisible(), "no series: the chart is hidden");
        assertTrue(emptyLabel().isVisible());
        assertEquals("Nothing to show yet.", emptyLabel().getText());

        XYChart.Series<String, Number> empty = new XYChart.Series<>();
        robot.interact(() -> chart.getData().add(empty));
        assertFalse(chart.isVisible(), "a series without points is still nothing to show");

        robot.interact(() -> empty.getData().add(new XYChart.Data<>("w1", 5)));
        assertTrue(chart.isVisible(), "a point: the chart shows");
        assertFalse(emptyLabel().isVisible());

        robot.interact(() -> chart.getData().clear());
        assertFalse(chart.isVisible(), "cleared again: the sentence is back");
        robot.interact(() -> chart.setData(javafx.collections.FXCollections.observableArrayList(List.of(
                series("w1", "w2")))));
        assertTrue(chart.isVisible(), "a new data list is watched as well");
    }

    @Test
    void consecutiveDaysMakeOneRunAndGapsStartANewOne() {
        assertEquals(List.of(new BandedLineChart.Run(3, 5), new BandedLineChart.Run(9, 9),
                new BandedLineChart.Run(11, 12)), BandedLineChart.runsOf(List.of(12L, 3L, 4L, 5L, 9L, 11L, 4L)));
        assertEquals(List.of(), BandedLineChart.runsOf(List.of()));
    }

    @Test
    void aRunOfShortDaysStandsOnOneBandFromItsFirstDayToItsLast() throws TimeoutException {
        BandedLineChart[] line = new BandedLineChart[1];
        ScreenStage.show(() -> {
            NumberAxis days = new NumberAxis(0, 20, 1);
            line[0] = new BandedLineChart(days, new NumberAxis());
            line[0].setAnimated(false);
            XYChart.Series<Number, Number> stock = new XYChart.Series<>();
            for (int day = 0; day <= 20; day++) {
                stock.getData().add(new XYChart.Data<>(day, 100 - day));
            }
            line[0].getData().add(stock);
            line[0].setBanded(BandedLineChart.runsOf(List.of(5L, 6L, 7L)));
            return new VBox(line[0]);
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<Node> bands = robot.lookup("." + BandedBarChart.BAND_CLASS).queryAll().stream()
                .filter(Node::isVisible).toList();
        assertEquals(1, bands.size(), "one band for three days in a row");
        NumberAxis days = (NumberAxis) line[0].getXAxis();
        Bounds band = bands.get(0).getBoundsInParent();
        double dayWidth = days.getDisplayPosition(1) - days.getDisplayPosition(0);
        assertEquals(days.getDisplayPosition(4.5), band.getMinX(), 1, "from half a day before the first");
        assertEquals(3 * dayWidth, band.getWidth(), 1, "three days wide");
    }

    @Test
    void aBandedCategoryStandsOnABandBehindItsBarsAndOnlyThere() throws TimeoutException {
        show();
        robot.interact(() -> {
            chart.getData().add(series("w1", "w2", "w3"));
            chart.setBanded(Set.of("w2"));
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<Node> bands = robot.lookup("." + BandedBarChart.BAND_CLASS).queryAll().stream()
                .filter(Node::isVisible).toList();
        assertEquals(1, bands.size(), "one band for one banded week");
        Bounds band = bands.get(0).localToScene(bands.get(0).getBoundsInLocal());
        Node bar2 = chart.getData().get(0).getData().get(1).getNode();
        Node bar1 = chart.getData().get(0).getData().get(0).getNode();
        Bounds second = bar2.localToScene(bar2.getBoundsInLocal());
        Bounds first = bar1.localToScene(bar1.getBoundsInLocal());
        double middle = (second.getMinX() + second.getMaxX()) / 2;
        assertTrue(band.getMinX() < middle && middle < band.getMaxX(), "the band stands under w2's bar: " + band);
        double firstMiddle = (first.getMinX() + first.getMaxX()) / 2;
        assertFalse(band.getMinX() < firstMiddle && firstMiddle < band.getMaxX(), "not under w1's");
        assertTrue(band.getHeight() > second.getHeight(), "the band is the height of the plot");

        robot.interact(() -> chart.setBanded(Set.of()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, robot.lookup("." + BandedBarChart.BAND_CLASS).queryAll().size(), "no bands when none short");
    }
}
