package org.cohortplanner.export;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Workbook;

/** Cell styles shared by all cells of a kind, made once per workbook: a workbook holds at most 64,000 styles. */
final class SheetStyles {
    static final String DATE_FORMAT = "yyyy-mm-dd";
    static final String DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm";
    static final String INTEGER_FORMAT = "#,##0";
    static final String DECIMAL_FORMAT = "#,##0.00";
    static final String PERCENT_FORMAT = "0.0%";

    final CellStyle header;
    final CellStyle quotedText;
    final CellStyle integer;
    final CellStyle decimal;
    final CellStyle percent;
    final CellStyle date;
    final CellStyle dateTime;

    SheetStyles(Workbook workbook) {
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
