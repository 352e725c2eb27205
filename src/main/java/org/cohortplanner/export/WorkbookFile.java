package org.cohortplanner.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** One workbook to write: where, and its sheets in tab order. */
public record WorkbookFile(Path target, List<SheetTable<?>> sheets) {
    public WorkbookFile {
        Objects.requireNonNull(target, "target file");
        sheets = List.copyOf(sheets);
        if (sheets.isEmpty()) {
            throw new IllegalArgumentException("a workbook needs at least one sheet: " + target);
        }
    }

    long expectedRows() {
        return sheets.stream().mapToLong(sheet -> Math.max(0, sheet.expectedRows())).sum();
    }
}
