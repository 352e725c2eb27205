package org.cohortplanner.export;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
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
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cohortplanner.files.AtomicFiles;
import org.cohortplanner.work.CancelledException;

/**
 * Writes table sheets to .xlsx workbooks with POI's streaming SXSSF, so that a schedule of a million rows is
 * written with a small heap. Every workbook is first written to a hidden temporary file next to its target and
 * moved into place only when all of them are complete: a failed or cancelled export leaves neither a half-written
 * file nor POI's temporary sheet files, and an existing file is replaced only when the options say the user
 * confirmed it.
 */
public final class WorkbookWriter {

    /** Which POI model writes the cells; the in-memory one exists only to be compared with in the benchmark. */
    enum Engine { STREAMING, IN_MEMORY }

    /** Rows SXSSF keeps in memory before flushing them to its temporary file. */
    static final int ROWS_KEPT_IN_MEMORY = 200;
    static final String DATE_FORMAT = "yyyy-mm-dd";
    static final String DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm";
    static final String INTEGER_FORMAT = "#,##0";
    static final String DECIMAL_FORMAT = "#,##0.00";
    static final String PERCENT_FORMAT = "0.0%";

    private static final int PROGRESS_EVERY_ROWS = 4096;
    private static final int MAX_COLUMN_WIDTH = 60;
    private static final int MIN_COLUMN_WIDTH = 6;
    private static final int CHART_COLUMNS = 12;
    private static final int CHART_ROWS = 20;
    private static final byte[][] SERIES_COLOURS = {
        {(byte) 0x1F, (byte) 0x5F, (byte) 0xA8}, {(byte) 0xD6, (byte) 0x27, (byte) 0x28},
        {(byte) 0x2C, (byte) 0xA0, (byte) 0x2C}, {(byte) 0x7F, (byte) 0x3F, (byte) 0xBF}};


    private final Engine engine;

    public WorkbookWriter() {
        this(Engine.STREAMING);
    }

    WorkbookWriter(Engine engine) {
        this.engine = engine;
    }

    /** Writes one workbook and returns its path. */
    public Path write(Path target, List<SheetTable<?>> sheets, WorkbookWriteOptions options)
            throws WorkbookExportException {
        return writeAll(List.of(new WorkbookFile(target, sheets)), options).get(0);
    }

    /**
     * Writes several workbooks (one per region) as one export: none of them is moved into place until all are
     * complete, so a failure or a cancel leaves the folder as it was.
     */
    public List<Path> writeAll(List<WorkbookFile> files, WorkbookWriteOptions options)
            throws WorkbookExportException {
        Set<Path> targets = new HashSet<>();
        for (WorkbookFile file : files) {
            if (!targets.add(file.target().toAbsolutePath().normalize())) {
                throw new WorkbookTargetException("two workbooks of one export would both be written to "
                        + file.target());
            }
            checkTarget(file.target(), options.replaceExisting());
        }
        Progress progress = new Progress(options, files.size(),
                files.stream().mapToLong(WorkbookFile::expectedRows).sum());
        List<AtomicFiles.Temporary> temporaries = new ArrayList<>();
        try {
            for (WorkbookFile file : files) {
                AtomicFiles.removeStaleParts(file.target());
            }
            for (int i = 0; i < files.size(); i++) {
                WorkbookFile file = files.get(i);
                temporaries.add(createTemporary(file.target(), options.replaceExisting()));
                progress.startWorkbook(file.target(), i);
                writeWorkbook(temporaries.get(i).path(), file, options, progress);
            }
            List<Path> written = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                written.add(moveIntoPlace(temporaries.get(i), files.get(i).target(), options.replaceExisting()));
            }
            progress.finished();
            return written;
        } finally {
            temporaries.forEach(AtomicFiles.Temporary::close);
        }
    }

    /**
     * Writes a file that is not a workbook (the dose-2 change list as CSV) the way workbooks are written: into a
     * hidden .part file beside the target, moved into place only when complete, an existing file replaced only when
     * the options say so.
     */
    static Path writeFile(Path target, WorkbookWriteOptions options, AtomicFiles.Content content)
            throws WorkbookExportException {
        checkTarget(target, options.replaceExisting());
        try {
            return AtomicFiles.write(target, options.replaceExisting(), content);
        } catch (FileAlreadyExistsException e) {
            throw new WorkbookTargetExistsException(target);
        } catch (IOException e) {
            throw new WorkbookTargetException(cannotWrite(target, e), e);
        }
    }

    private static void checkTarget(Path target, boolean replaceExisting) throws WorkbookExportException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (folder == null || !Files.exists(folder)) {
            throw new WorkbookTargetException("cannot write " + target + ": folder " + folder + " does not exist");
        }
        if (!Files.isDirectory(folder)) {
            throw new WorkbookTargetException("cannot write " + target + ": " + folder + " is not a folder");
        }
        if (Files.isDirectory(absolute)) {
            throw new WorkbookTargetException("cannot write " + target + ": it is a folder, not a file");
        }
        if (Files.exists(absolute)) {
            if (!replaceExisting) {
                throw new WorkbookTargetExistsException(target);
            }
            if (!Files.isRegularFile(absolute)) {
                throw new WorkbookTargetException("cannot replace " + target + ": it is not a regular file");
            }
        }
        if (!Files.isWritable(folder)) {
            throw new WorkbookTargetException("cannot write " + target + ": folder " + folder + " is read-only");
        }
    }

    private static AtomicFiles.Temporary createTemporary(Path target, boolean replaceExisting)
            throws WorkbookExportException {
        try {
            return AtomicFiles.Temporary.beside(target, replaceExisting);
        } catch (IOException e) {
            throw new WorkbookTargetException(cannotWrite(target, e), e);
        }
    }

    private static Path moveIntoPlace(AtomicFiles.Temporary temporary, Path target, boolean replaceExisting)
            throws WorkbookExportException {
        try {
            return temporary.moveIntoPlace(replaceExisting);
        } catch (FileAlreadyExistsException e) {
            throw new WorkbookTargetExistsException(target);
        } catch (IOException e) {
            throw new WorkbookTargetException(cannotWrite(target, e), e);
        }
    }

    static String cannotWrite(Path target, IOException e) {
        if (e instanceof AccessDeniedException) {
            return "cannot write " + target + ": permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "cannot write " + target + ": folder does not exist";
        }
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return "cannot write " + target + ": " + fileSystem.getReason();
        }
        return "cannot write " + target + ": " + e.getMessage();
    }

    private Workbook newWorkbook() {
        return engine == Engine.STREAMING ? new SXSSFWorkbook(null, ROWS_KEPT_IN_MEMORY, false, false)
                : new XSSFWorkbook();
    }

    private void writeWorkbook(Path temporary, WorkbookFile file, WorkbookWriteOptions options, Progress progress)
            throws WorkbookExportException {
        Workbook workbook = newWorkbook();
        try {
            Styles styles = new Styles(workbook);
            for (SheetTable<?> table : file.sheets()) {
                writeSheet(workbook, table, styles, options.zone(), progress);
            }
            try (OutputStream out = new CancellableOutputStream(
                    new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16), progress)) {
                workbook.write(out);
            }
        } catch (IOException | RuntimeException e) {
            // POI may wrap the stream's cancel in its own exception; the signal is what counts.
            if (progress.isCancelled()) {
                throw progress.cancelledException();
            }
            if (e instanceof IOException io) {
                throw new WorkbookTargetException(cannotWrite(file.target(), io), e);
            }
            throw new WorkbookExportException("cannot write " + file.target() + ": " + e.getMessage(), e);
        } finally {
            close(workbook);
        }
    }

    private static void close(Workbook workbook) {
        if (workbook instanceof SXSSFWorkbook streaming) {
            streaming.dispose();
        }
        try {
            workbook.close();
        } catch (IOException e) {
            // Closing a workbook that was never read from a file releases memory only; nothing to report.
        }
    }

    private <R> void writeSheet(Workbook workbook, SheetTable<R> table, Styles styles, ZoneId zone,
                                Progress progress) throws WorkbookExportException {
        Sheet sheet = workbook.createSheet(table.name());
        progress.startSheet(table.name());
        List<SheetColumn<R>> columns = table.columns();
        int[] widths = new int[columns.size()];
        Row header = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(columns.get(i).header());
            cell.setCellStyle(styles.header);
            // Bold text is wider, and the filter button takes about two characters.
            widths[i] = SheetTextWidth.of(columns.get(i).header()) * 11 / 10 + 3;
        }
        ColumnWriter[] writers = new ColumnWriter[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            writers[i] = new ColumnWriter(table.name(), columns.get(i), styles, zone);
        }
        ChartValues chartValues = table.charts().isEmpty() ? null : new ChartValues(columns.size());
        int maxRow = SpreadsheetVersion.EXCEL2007.getLastRowIndex();
        int rowIndex = 1;
        try {
            for (R item : table.rows()) {
                progress.checkCancelled();
                if (rowIndex > maxRow) {
                    throw new WorkbookExportException("sheet " + table.name() + " has more rows than Excel allows ("
                            + maxRow + "); export a workbook per region instead");
                }
                Row row = sheet.createRow(rowIndex);
                for (int i = 0; i < writers.length; i++) {
                    Object value = columns.get(i).value().apply(item);
                    int width = writers[i].write(row, i, value);
                    if (width > widths[i]) {
                        widths[i] = width;
                    }
                    if (chartValues != null) {
                        chartValues.add(i, value);
                    }
                }
                rowIndex++;
                progress.rowWritten();
            }
        } catch (CancelledException cancelled) {
            throw cancelled;
        } catch (RuntimeException e) {
            throw new WorkbookExportException("export stopped on sheet " + table.name() + " at row " + rowIndex
                    + ": " + e.getMessage(), e);
        }
        sheet.createFreezePane(0, 1);
        fitColumnsToPrintedPage(sheet);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, rowIndex - 1), 0, columns.size() - 1));
        for (int i = 0; i < widths.length; i++) {
            int width = Math.max(MIN_COLUMN_WIDTH, Math.min(MAX_COLUMN_WIDTH, widths[i] + 2));
            sheet.setColumnWidth(i, width * 256);
        }
        for (int i = 0; i < table.charts().size(); i++) {
            drawChart(sheet, table, table.charts().get(i), i, chartValues, rowIndex - 1);
        }
    }

    /** Printed, a sheet is landscape, all columns on one page width, the header repeated on every page. */
    private static void fitColumnsToPrintedPage(Sheet sheet) {
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
    }

    private static XSSFDrawing drawingOf(Sheet sheet) {
        if (sheet instanceof SXSSFSheet streaming) {
            streaming.createDrawingPatriarch();
            return streaming.getDrawingPatriarch();
        }
        return ((XSSFSheet) sheet).createDrawingPatriarch();
    }

    private static void drawChart(Sheet sheet, SheetTable<?> table, SheetChart spec, int index,
                                  ChartValues values, int lastRow) {
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
        leftAxis.setNumberFormat(INTEGER_FORMAT);
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

    /** Cell styles shared by all cells of a kind: a workbook holds at most 64,000 styles. */
    private static final class Styles {
        final CellStyle header;
        final CellStyle quotedText;
        final CellStyle integer;
        final CellStyle decimal;
        final CellStyle percent;
        final CellStyle date;
        final CellStyle dateTime;

        Styles(Workbook workbook) {
            DataFormat formats = workbook.createDataFormat();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            // Excel's own mark for "typed as text": keeps the value text even when a user edits the cell.
            quotedText = workbook.createCellStyle();
            quotedText.setQuotePrefixed(true);
            integer = numberStyle(workbook, formats, INTEGER_FORMAT);
            decimal = numberStyle(workbook, formats, DECIMAL_FORMAT);
            percent = numberStyle(workbook, formats, PERCENT_FORMAT);
            // Centred so that a date never runs into the text of the column after it.
            date = numberStyle(workbook, formats, DATE_FORMAT);
            date.setAlignment(HorizontalAlignment.CENTER);
            dateTime = numberStyle(workbook, formats, DATE_TIME_FORMAT);
            dateTime.setAlignment(HorizontalAlignment.CENTER);
        }

        private static CellStyle numberStyle(Workbook workbook, DataFormat formats, String format) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(formats.getFormat(format));
            return style;
        }
    }

    /** Writes the cells of one column and says how wide each looks. */
    private static final class ColumnWriter {
        private static final int DATE_WIDTH = 10;
        private static final int DATE_TIME_WIDTH = 16;

        private final String sheet;
        private final SheetColumn<?> column;
        private final Styles styles;
        private final ZoneId zone;
        private LocalDate lastDate;
        private double lastDateSerial;

        ColumnWriter(String sheet, SheetColumn<?> column, Styles styles, ZoneId zone) {
            this.sheet = sheet;
            this.column = column;
            this.styles = styles;
            this.zone = zone;
        }

        int write(Row row, int index, Object value) {
            if (value == null) {
                return 0;
            }
            switch (column.kind()) {
                case TEXT:
                    return writeText(row.createCell(index), value.toString());
                case INTEGER: {
                    long number = Math.round(number(value).doubleValue());
                    Cell cell = row.createCell(index);
                    cell.setCellValue(number);
                    cell.setCellStyle(styles.integer);
                    return SheetTextWidth.ofInteger(number);
                }
                case DECIMAL: {
                    double number = number(value).doubleValue();
                    if (!Double.isFinite(number)) {
                        return 0;
                    }
                    Cell cell = row.createCell(index);
                    cell.setCellValue(number);
                    cell.setCellStyle(styles.decimal);
                    return SheetTextWidth.ofInteger((long) number) + 3;
                }
                case PERCENT: {
                    double share = number(value).doubleValue();
                    if (!Double.isFinite(share)) {
                        return 0;
                    }
                    Cell cell = row.createCell(index);
                    cell.setCellValue(share);
                    cell.setCellStyle(styles.percent);
                    return SheetTextWidth.ofInteger((long) (share * 100)) + 3;
                }
                case DATE: {
                    Cell cell = row.createCell(index);
                    cell.setCellValue(dateSerial(date(value)));
                    cell.setCellStyle(styles.date);
                    return DATE_WIDTH;
                }
                case DATE_TIME: {
                    Cell cell = row.createCell(index);
                    cell.setCellValue(dateTime(value));
                    cell.setCellStyle(styles.dateTime);
                    return DATE_TIME_WIDTH;
                }
                default:
                    throw new IllegalStateException("unknown column kind " + column.kind());
            }
        }

        private int writeText(Cell cell, String text) {
            cell.setCellValue(text);
            if (SheetText.couldBeReadAsFormula(text)) {
                cell.setCellStyle(styles.quotedText);
            }
            return SheetTextWidth.of(text);
        }

        /** Days of a schedule repeat for thousands of rows; converting each day once saves most of the work. */
        private double dateSerial(LocalDate day) {
            if (!day.equals(lastDate)) {
                lastDate = day;
                lastDateSerial = DateUtil.getExcelDate(day);
            }
            return lastDateSerial;
        }

        private Number number(Object value) {
            if (value instanceof Number number) {
                return number;
            }
            throw wrongType("a number", value);
        }

        private LocalDate date(Object value) {
            if (value instanceof LocalDate day) {
                return day;
            }
            if (value instanceof LocalDateTime time) {
                return time.toLocalDate();
            }
            throw wrongType("a date", value);
        }

        private LocalDateTime dateTime(Object value) {
            if (value instanceof LocalDateTime time) {
                return time;
            }
            if (value instanceof Instant instant) {
                return LocalDateTime.ofInstant(instant, zone);
            }
            if (value instanceof ZonedDateTime zoned) {
                return zoned.withZoneSameInstant(zone).toLocalDateTime();
            }
            if (value instanceof OffsetDateTime offset) {
                return offset.atZoneSameInstant(zone).toLocalDateTime();
            }
            if (value instanceof LocalDate day) {
                return day.atStartOfDay();
            }
            throw wrongType("a date and time", value);
        }

        private IllegalArgumentException wrongType(String expected, Object value) {
            return new IllegalArgumentException("column " + column.header() + " of sheet " + sheet + " expects "
                    + expected + ", got " + value.getClass().getSimpleName() + " " + value);
        }
    }

    /** The values of a small table kept for its charts' caches. */
    private static final class ChartValues {
        private final List<List<Object>> columns = new ArrayList<>();

        ChartValues(int columnCount) {
            for (int i = 0; i < columnCount; i++) {
                columns.add(new ArrayList<>());
            }
        }

        void add(int column, Object value) {
            columns.get(column).add(value);
        }

        String[] labels(int column) {
            return columns.get(column).stream().map(value -> value == null ? "" : value.toString())
                    .toArray(String[]::new);
        }

        Double[] numbers(int column) {
            return columns.get(column).stream()
                    .map(value -> value instanceof Number number ? number.doubleValue() : null)
                    .toArray(Double[]::new);
        }
    }

    /** Counts rows, tells the listener now and then, and notices a cancel. */
    private static final class Progress {
        private final WorkbookWriteOptions options;
        private final int workbookCount;
        private final long rowsExpected;
        private String workbook = "";
        private int workbookIndex;
        private String sheet = "";
        private long rowsWritten;

        Progress(WorkbookWriteOptions options, int workbookCount, long rowsExpected) {
            this.options = options;
            this.workbookCount = workbookCount;
            this.rowsExpected = rowsExpected;
        }

        void startWorkbook(Path target, int index) {
            checkCancelled();
            workbook = String.valueOf(target.getFileName());
            workbookIndex = index;
            report();
        }

        void startSheet(String name) {
            checkCancelled();
            sheet = name;
            report();
        }

        void rowWritten() {
            rowsWritten++;
            if (rowsWritten % PROGRESS_EVERY_ROWS == 0) {
                report();
            }
        }

        void finished() {
            report();
        }

        boolean isCancelled() {
            return options.cancel().isCancelled();
        }

        void checkCancelled() {
            if (isCancelled()) {
                throw cancelledException();
            }
        }

        CancelledException cancelledException() {
            return new CancelledException("export cancelled; no file was written");
        }

        private void report() {
            // Expected counts are estimates (a region's share of the schedule, sheets of unknown length): a total
            // that has been passed is raised, so that no one reads "32,768 of 31,331 rows".
            long expected = rowsExpected > 0 ? Math.max(rowsExpected, rowsWritten) : rowsExpected;
            WorkbookProgress step = new WorkbookProgress(workbook, workbookIndex, workbookCount, sheet, rowsWritten,
                    expected);
            options.progress().report(step.fraction(), step);
        }
    }

    /** Thrown from inside POI's zip writing when the user cancels, to stop a long final write early. */
    private static final class CancelledWrite extends IOException {
        CancelledWrite() {
            super("cancelled");
        }
    }

    private static final class CancellableOutputStream extends FilterOutputStream {
        private final Progress progress;

        CancellableOutputStream(OutputStream out, Progress progress) {
            super(out);
            this.progress = progress;
        }

        @Override
        public void write(int b) throws IOException {
            check();
            out.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            check();
            out.write(bytes, offset, length);
        }

        private void check() throws CancelledWrite {
            if (progress.isCancelled()) {
                throw new CancelledWrite();
            }
        }
    }
}
