package org.cohortplanner.store.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a value sits in a plan file, written the way a planner reads it: {@code cohorts[2].window.opens}. Keys
 * that are not plain words (birth years in the population table, brand names with spaces) are quoted:
 * {@code population["1962"]}.
 */
final class JsonPath {
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final JsonPath ROOT = new JsonPath(List.of());

    private final List<Object> segments;

    private JsonPath(List<Object> segments) {
        this.segments = segments;
    }

    static JsonPath root() {
        return ROOT;
    }

    JsonPath field(String name) {
        return append(name);
    }

    JsonPath index(int index) {
        return append(index);
    }

    private JsonPath append(Object segment) {
        List<Object> longer = new ArrayList<>(segments);
        longer.add(segment);
        return new JsonPath(Collections.unmodifiableList(longer));
    }

    boolean isRoot() {
        return segments.isEmpty();
    }

    /** The enclosing object or list; the root is its own parent. */
    JsonPath parent() {
        return isRoot() ? this : new JsonPath(segments.subList(0, segments.size() - 1));
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Object segment : segments) {
            if (segment instanceof Integer index) {
                text.append('[').append(index).append(']');
            } else {
                String name = (String) segment;
                if (PLAIN_NAME.matcher(name).matches()) {
                    if (text.length() > 0) {
                        text.append('.');
                    }
                    text.append(name);
                } else {
                    text.append("[\"").append(name.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"]");
                }
            }
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonPath path && path.segments.equals(segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }
}
