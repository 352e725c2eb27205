package org.cohortplanner.export;

import java.util.Objects;
import java.util.function.Function;

/**
 * One column of a table sheet: its header, what kind of value it holds and how to get the value from a row.
 * The value function may return null for an empty cell.
 */
public record SheetColumn<R>(String header, SheetValueKind kind, Function<? super R, ?> value) {
    public SheetColumn {
        if (header == null || header.isBlank()) {
            throw new IllegalArgumentException("column header must not be blank");
        }
        Objects.requireNonNull(kind, "kind of column " + header);
        Objects.requireNonNull(value, "value of column " + header);
    }

    public static <R> SheetColumn<R> text(String header, Function<? super R, ?> value) {
        return new SheetColumn<>(header, SheetValueKind.TEXT, value);
    }

    public static <R> SheetColumn<R> integer(String header, Function<? super R, ? extends Number> value) {
        return new SheetColumn<>(header, SheetValueKind.INTEGER, value);
    }

    public static <R> SheetColumn<R> decimal(String header, Function<? super R, ? extends Number> value) {
        return new SheetColumn<>(header, SheetValueKind.DECIMAL, value);
    }

    public static <R> SheetColumn<R> percent(String header, Function<? super R, ? extends Number> value) {
        return new SheetColumn<>(header, SheetValueKind.PERCENT, value);
    }

    public static <R> SheetColumn<R> date(String header, Function<? super R, ?> value) {
        return new SheetColumn<>(header, SheetValueKind.DATE, value);
    }

    public static <R> SheetColumn<R> dateTime(String header, Function<? super R, ?> value) {
        return new SheetColumn<>(header, SheetValueKind.DATE_TIME, value);
    }
}
