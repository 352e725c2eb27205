package org.cohortplanner.sheetimport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.cohortplanner.domain.Allotment;
import org.cohortplanner.domain.Delivery;
import org.cohortplanner.domain.DeliveryStatus;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.Region;

/**
 * Reads the delivery schedule supply officers keep, as {@code .xlsx} (first sheet) or {@code .csv} (UTF-8, comma,
 * double quotes), with the columns {@code id, brand, doses, plannedArrival, expectedArrival, status, note} in any
 * order under a header row. Dates are {@code YYYY-MM-DD} (or date cells in a workbook); an empty expected arrival
 * means the planned one, an empty status PLANNED. Two kinds of column are optional: {@code leadTimeDays} (days from
 * arrival to use at sites; empty means the brand's), and one column per region of the plan, headed by the region's
 * name, holding the doses allotted to that region: a row with any region cell filled is an explicit allotment
 * whose cells must add up to the row's doses; a row without keeps the delivery's allotment (in proportion to
 * appointments for a new one). Nothing touches the plan: the result is a {@link DeliverySheetPreview}.
 */
public final class DeliverySheetImport {
    public static final List<String> COLUMNS = List.of("id", "brand", "doses", "plannedArrival", "expectedArrival",
            "status", "note", "leadTimeDays");
    private static final Set<String> REQUIRED = Set.of("id", "brand", "doses", "plannedArrival");

    private DeliverySheetImport() {
    }

    /** Reads {@code file} by its extension. */
    public static DeliverySheetPreview read(Path file, Plan plan) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return preview(file.getFileName().toString(), readCsv(reader), plan);
            }
        }
        if (name.endsWith(".xlsx")) {
            try (InputStream in = Files.newInputStream(file)) {
                return preview(file.getFileName().toString(), readWorkbook(in), plan);
            }
        }
        throw new IOException(file.getFileName() + " is neither a .xlsx nor a .csv file");
    }

    public static DeliverySheetPreview readCsv(Reader reader, String source, Plan plan) throws IOException {
        return preview(source, readCsv(reader), plan);
    }

    public static DeliverySheetPreview readWorkbook(InputStream in, String source, Plan plan) throws IOException {
        return preview(source, readWorkbook(in), plan);
    }

    /** Comma, double quotes, any line end; blank lines kept as empty rows so that row numbers match the file's. */
    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();

    /**
     * Rows of text cells; the first is the header. A byte-order mark (as spreadsheets write UTF-8 CSV) is skipped.
     *
     * @throws IOException when the text is not CSV (a quote left open), naming the line
     */
    static List<List<String>> readCsv(Reader reader) throws IOException {
        BufferedReader in = new BufferedReader(reader);
        in.mark(1);
        if (in.read() != '\uFEFF') {
            in.reset();
        }
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSV.parse(in)) {
            for (CSVRecord record : parser) {
                rows.add(record.toList());
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return rows;
    }

    static List<List<String>> readWorkbook(InputStream in) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        Workbook opened;
        try {
            opened = WorkbookFactory.create(in);
        } catch (IOException | RuntimeException e) {
            throw new IOException("not a readable .xlsx workbook: " + e.getMessage(), e);
        }
        try (Workbook workbook = opened) {
            if (workbook.getNumberOfSheets() == 0) {
                return rows;
            }
            Sheet sheet = workbook.getSheetAt(0);
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        cells.add(text(row.getCell(c), formatter));
                    }
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType()
                : cell.getCellType();
        if (type == CellType.NUMERIC) {
            if (DateUtil.isCellDateFormatted(cell)) {
                return cell.getLocalDateTimeCellValue().toLocalDate().toString();
            }
            double value = cell.getNumericCellValue();
            return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                    : Double.toString(value);
        }
        return formatter.formatCellValue(cell).strip();
    }

    static DeliverySheetPreview preview(String source, List<List<String>> rows, Plan plan) {
        List<DeliverySheetRow> result = new ArrayList<>();
        int headerIndex = 0;
        while (headerIndex < rows.size() && rows.get(headerIndex).stream().allMatch(String::isBlank)) {
            headerIndex++;
        }
        if (headerIndex == rows.size()) {
            result.add(new DeliverySheetRow(1, null, List.of(new DeliverySheetError(1, "header",
                    "the sheet is empty; expected a header row with " + String.join(", ", COLUMNS))), null));
            return new DeliverySheetPreview(source, result);
        }
        int headerRow = headerIndex + 1;
        Map<String, Integer> columns = new HashMap<>();
        Map<String, Integer> regionColumns = new LinkedHashMap<>();
        List<String> header = rows.get(headerIndex);
        List<DeliverySheetError> headerErrors = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c).strip();
            String known = COLUMNS.stream().filter(k -> k.equalsIgnoreCase(name)).findFirst().orElse(null);
            String region = plan.regions().stream().map(Region::name).filter(name::equals).findFirst()
                    .orElse(null);
            if (known != null) {
                columns.put(known, c);
            } else if (region != null) {
                regionColumns.put(region, c);
            } else if (!name.isBlank()) {
                headerErrors.add(new DeliverySheetError(headerRow, name, "unknown column; the columns are "
                        + String.join(", ", COLUMNS) + (plan.regions().isEmpty() ? ""
                        : ", and the plan's region names for an explicit allotment")));
            }
        }
        for (String required : COLUMNS) {
            if (REQUIRED.contains(required) && !columns.containsKey(required)) {
                headerErrors.add(new DeliverySheetError(headerRow, required, "column is missing"));
            }
        }
        if (!headerErrors.isEmpty()) {
            result.add(new DeliverySheetRow(headerRow, null, headerErrors, null));
            return new DeliverySheetPreview(source, result);
        }
        Set<String> seen = new HashSet<>();
        for (int r = headerIndex + 1; r < rows.size(); r++) {
            List<String> cells = rows.get(r);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            result.add(readRow(r + 1, cells, columns, regionColumns, plan, seen));
        }
        return new DeliverySheetPreview(source, result);
    }

    private static DeliverySheetRow readRow(int rowNumber, List<String> cells, Map<String, Integer> columns,
            Map<String, Integer> regionColumns, Plan plan, Set<String> seen) {
        List<DeliverySheetError> errors = new ArrayList<>();
        String id = cell(cells, columns, "id");
        if (id.isBlank()) {
            errors.add(new DeliverySheetError(rowNumber, "id", "is empty"));
        } else if (!seen.add(id)) {
            errors.add(new DeliverySheetError(rowNumber, "id", "'" + id + "' appears twice in the sheet"));
        }
        String brand = cell(cells, columns, "brand");
        if (brand.isBlank()) {
            errors.add(new DeliverySheetError(rowNumber, "brand", "is empty"));
        } else if (plan.brand(brand).isEmpty()) {
            errors.add(new DeliverySheetError(rowNumber, "brand", "unknown brand '" + brand + "'; the plan's brands are "
                    + String.join(", ", plan.brands().stream().map(b -> b.name()).toList())));
        }
        long doses = doses(cells, columns, rowNumber, errors);
        LocalDate planned = date(cells, columns, "plannedArrival", rowNumber, errors, true);
        LocalDate expected = date(cells, columns, "expectedArrival", rowNumber, errors, false);
        DeliveryStatus status = status(cells, columns, rowNumber, errors);
        Integer leadTime = leadTime(cells, columns, rowNumber, errors);
        Map<String, Long> allotted = allotted(cells, regionColumns, rowNumber, errors);
        long allottedTotal = allotted.values().stream().mapToLong(Long::longValue).sum();
        if (!allotted.isEmpty() && errors.isEmpty() && allottedTotal != doses) {
            errors.add(new DeliverySheetError(rowNumber, "doses", "the region columns allot " + allottedTotal
                    + " doses, but the row has " + doses));
        }
        if (!errors.isEmpty()) {
            return new DeliverySheetRow(rowNumber, null, errors, null);
        }
        Optional<Delivery> existing = plan.delivery(id);
        Integer leadTimeDays = leadTime != null || columns.containsKey("leadTimeDays") ? leadTime
                : existing.map(Delivery::leadTimeDays).orElse(null);
        Allotment allotment = !allotted.isEmpty() ? Allotment.explicit(allotted)
                : existing.map(Delivery::allotment).orElse(Allotment.BY_APPOINTMENTS);
        Delivery delivery = new Delivery(id, brand, doses, planned, expected, status, cell(cells, columns, "note"),
                leadTimeDays, allotment);
        DeliverySheetRow.Change change = existing.map(known -> known.equals(delivery)
                ? DeliverySheetRow.Change.UNCHANGED : DeliverySheetRow.Change.CHANGED)
                .orElse(DeliverySheetRow.Change.NEW);
        return new DeliverySheetRow(rowNumber, delivery, List.of(), change);
    }

    private static long doses(List<String> cells, Map<String, Integer> columns, int rowNumber,
            List<DeliverySheetError> errors) {
        long doses = 0;
        String dosesText = cell(cells, columns, "doses").replace(",", "").replace("_", "").replace(" ", "");
        try {
            doses = Long.parseLong(dosesText);
            if (doses < 0) {
                errors.add(new DeliverySheetError(rowNumber, "doses", "must not be negative, got " + doses));
            }
        } catch (NumberFormatException e) {
            errors.add(new DeliverySheetError(rowNumber, "doses", dosesText.isEmpty() ? "is empty"
                    : "'" + cell(cells, columns, "doses") + "' is not a whole number of doses"));
        }
        return doses;
    }

    private static DeliveryStatus status(List<String> cells, Map<String, Integer> columns, int rowNumber,
            List<DeliverySheetError> errors) {
        DeliveryStatus status = DeliveryStatus.PLANNED;
        String statusText = cell(cells, columns, "status");
        if (!statusText.isBlank()) {
            try {
                status = DeliveryStatus.valueOf(statusText.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new DeliverySheetError(rowNumber, "status", "unknown status '" + statusText
                        + "'; use PLANNED, DELAYED, ARRIVED or CANCELLED"));
            }
        }
        return status;
    }

    /** The row's lead time in days; null when its cell is empty. */
    private static Integer leadTime(List<String> cells, Map<String, Integer> columns, int rowNumber,
            List<DeliverySheetError> errors) {
        Integer leadTime = null;
        String leadTimeText = cell(cells, columns, "leadTimeDays");
        if (!leadTimeText.isEmpty()) {
            try {
                leadTime = Integer.parseInt(leadTimeText);
                if (leadTime < 0) {
                    errors.add(new DeliverySheetError(rowNumber, "leadTimeDays", "must not be negative, got "
                            + leadTime));
                }
            } catch (NumberFormatException e) {
                errors.add(new DeliverySheetError(rowNumber, "leadTimeDays", "'" + leadTimeText
                        + "' is not a whole number of days"));
            }
        }
        return leadTime;
    }

    /** The doses the region columns allot, by region; empty when every one is empty. */
    private static Map<String, Long> allotted(List<String> cells, Map<String, Integer> regionColumns,
            int rowNumber, List<DeliverySheetError> errors) {
        Map<String, Long> allotted = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> column : regionColumns.entrySet()) {
            String text = column.getValue() < cells.size() ? cells.get(column.getValue()).strip() : "";
            String digits = text.replace(",", "").replace("_", "").replace(" ", "");
            if (digits.isEmpty()) {
                continue;
            }
            try {
                long regionDoses = Long.parseLong(digits);
                if (regionDoses < 0) {
                    errors.add(new DeliverySheetError(rowNumber, column.getKey(), "must not be negative, got "
                            + regionDoses));
                }
                allotted.put(column.getKey(), regionDoses);
            } catch (NumberFormatException e) {
                errors.add(new DeliverySheetError(rowNumber, column.getKey(), "'" + text
                        + "' is not a whole number of doses"));
            }
        }
        return allotted;
    }

    private static String cell(List<String> cells, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        return index == null || index >= cells.size() ? "" : cells.get(index).strip();
    }

    private static LocalDate date(List<String> cells, Map<String, Integer> columns, String column, int row,
            List<DeliverySheetError> errors, boolean required) {
        String text = cell(cells, columns, column);
        if (text.isEmpty()) {
            if (required) {
                errors.add(new DeliverySheetError(row, column, "is empty"));
            }
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new DeliverySheetError(row, column, "'" + text + "' is not a date; write it as YYYY-MM-DD"));
            return null;
        }
    }
}
