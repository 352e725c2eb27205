package org.cohortplanner.ui.simulation;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/** Nodes the Simulation screen's panes build alike: charts over hours, text columns, grids and labels. */
final class SimulationNodes {
    private static final double LABEL_WIDTH = 170;

    private SimulationNodes() {
    }

    static LineChart<Number, Number> lineChart(String id) {
        NumberAxis hours = new NumberAxis();
        hours.setForceZeroInRange(true);
        NumberAxis values = new NumberAxis();
        LineChart<Number, Number> chart = new LineChart<>(hours, values);
        chart.setId(id);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.getStyleClass().add("night-chart");
        return chart;
    }

    static XYChart.Series<Number, Number> series(String name, List<NightCharts.Point> points) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        for (NightCharts.Point point : points) {
            series.getData().add(new XYChart.Data<>(point.hours(), point.value()));
        }
        return series;
    }

    static <R> TableColumn<R, String> textColumn(String title, Function<R, String> text, double width) {
        TableColumn<R, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }

    static Label boundLabel(ObservableValue<String> text) {
        Label label = new Label();
        label.setWrapText(true);
        label.textProperty().bind(text);
        return label;
    }

    /** Two columns: labels of one width, so that the form and the estimate line up, and values taking the rest. */
    static GridPane labelledGrid(double rowGap) {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(rowGap);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(LABEL_WIDTH);
        labels.setPrefWidth(LABEL_WIDTH);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, values);
        return grid;
    }
}
