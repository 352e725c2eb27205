package org.cohortplanner.export;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.PresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFPresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.DisplayBlanks;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Draws a table's line charts beside it, from the values kept while its rows were written (the charts' caches, so
 * that a viewer shows them without recalculating) and the cell ranges they came from.
 */
final class SheetCharts {
    private static final int CHART_COLUMNS = 12;
    private static final int CHART_ROWS = 20;
    private static final byte[][] SERIES_COLOURS = {
        {(byte) 0x1F, (byte) 0x5F, (byte) 0xA8}, {(byte) 0xD6, (byte) 0x27, (byte) 0x28},
        {(byte) 0x2C, (byte) 0xA0, (byte) 0x2C}, {(byte) 0x7F, (byte) 0x3F, (byte) 0xBF}};

    private SheetCharts() {
    }

    private static XSSFDrawing drawingOf(Sheet sheet) {
        if (sheet instanceof SXSSFSheet streaming) {
            streaming.createDrawingPatriarch();
            return streaming.getDrawingPatriarch();
        }
        return ((XSSFSheet) sheet).createDrawingPatriarch();
    }

    static void draw(Sheet sheet, SheetTable<?> table, SheetChart spec, int index, ChartValues values, int lastRow) {
        if (lastRow < 1) {
            return;
        }
        XSSFDrawing drawing = drawingOf(sheet);
        int left = table.columns().size() + 1;
        int top = 1 + index * (CHART_ROWS + 1);
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, left, top, left + CHART_COLUMNS, top + CHART_ROWS);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(spec.title());
        chart.setTitleOverlay(false);
        // An empty cell is a day whose figure is unknown: bridge it rather than draw a fall to zero. (A gap would be
        // truer, but LibreOffice then drops the rest of the line.)
        chart.displayBlanksAs(DisplayBlanks.SPAN);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis bottom = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis leftAxis = chart.createValueAxis(AxisPosition.LEFT);
        leftAxis.setCrosses(AxisCrosses.AUTO_ZERO);
        leftAxis.setNumberFormat(SheetStyles.INTEGER_FORMAT);
        String sheetName = table.name();
        XDDFCategoryDataSource categories = XDDFDataSourcesFactory.fromArray(
                values.labels(spec.categoryColumn()),
                columnRange(sheetName, spec.categoryColumn(), lastRow));
        XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, bottom, leftAxis);
        data.setVaryColors(false);
        for (int i = 0; i < spec.seriesColumns().size(); i++) {
            int column = spec.seriesColumns().get(i);
            XDDFNumericalDataSource<Double> series = XDDFDataSourcesFactory.fromArray(values.numbers(column),
                    columnRange(sheetName, column, lastRow));
            XDDFLineChartData.Series line = (XDDFLineChartData.Series) data.addSeries(categories, series);
            line.setTitle(table.columns().get(column).header(), new CellReference(sheetName, 0, column, true, true));
            line.setSmooth(false);
            line.setMarkerStyle(MarkerStyle.NONE);
            line.setShapeProperties(lineShape(i));
        }
        chart.plot(data);
    }

    /**
     * Without explicit line properties LibreOffice draws the series invisibly. The first series (demand) is a solid
     * blue line, later ones (capacity) dashed in contrasting colours, so they stay apart in black and white too.
     */
    private static XDDFShapeProperties lineShape(int series) {
        XDDFLineProperties line = new XDDFLineProperties();
        byte[] colour = SERIES_COLOURS[series % SERIES_COLOURS.length];
        line.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(colour)));
        line.setWidth(series == 0 ? 2.25 : 1.75);
        if (series > 0) {
            line.setPresetDash(new XDDFPresetLineDash(PresetLineDash.DASH));
        }
        XDDFShapeProperties shape = new XDDFShapeProperties();
        shape.setLineProperties(line);
        return shape;
    }

    private static String columnRange(String sheetName, int column, int lastRow) {
        return new CellRangeAddress(1, lastRow, column, column).formatAsString(sheetName, true);
    }
}
