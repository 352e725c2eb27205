package org.cohortplanner.export;

import java.util.ArrayList;
import java.util.List;

/** The values of a small table kept for its charts' caches. */
final class ChartValues {
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
