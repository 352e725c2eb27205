package org.cohortplanner.export;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;

/** Writes the cells of one column and says how wide each looks. */
final class ColumnWriter {
    private static final int DATE_WIDTH = 10;
    private static final int DATE_TIME_WIDTH = 16;

    private final String sheet;
    private final SheetColumn<?> column;
    private final SheetStyles styles;
    private final ZoneId zone;
    private LocalDate lastDate;
    private double lastDateSerial;

    ColumnWriter(String sheet, SheetColumn<?> column, SheetStyles styles, ZoneId zone) {
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
            case DECIMAL:
                return writeFraction(row, index, number(value).doubleValue(), styles.decimal, 1);
            case PERCENT:
                return writeFraction(row, index, number(value).doubleValue(), styles.percent, 100);
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

    /** A decimal (a share: {@code shown} 100) and its width as shown; no cell when it is not finite. */
    private static int writeFraction(Row row, int index, double number, CellStyle style, int shown) {
        if (!Double.isFinite(number)) {
            return 0;
        }
        Cell cell = row.createCell(index);
        cell.setCellValue(number);
        cell.setCellStyle(style);
        return SheetTextWidth.ofInteger((long) (number * shown)) + 3;
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
