package org.cohortplanner.cli;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes JSON for the headless commands (the command line stays free of the JSON library the plan files use).
 * Numbers that are not finite are written as null.
 */
final class JsonText {
    private final StringBuilder text = new StringBuilder();
    private final Deque<Boolean> firstInLevel = new ArrayDeque<>();
    private boolean afterName;

    JsonText beginObject() {
        separate();
        text.append('{');
        firstInLevel.push(true);
        return this;
    }

    JsonText endObject() {
        firstInLevel.pop();
        text.append('}');
        return this;
    }

    JsonText beginArray() {
        separate();
        text.append('[');
        firstInLevel.push(true);
        return this;
    }

    JsonText endArray() {
        firstInLevel.pop();
        text.append(']');
        return this;
    }

    JsonText name(String name) {
        separate();
        string(name);
        text.append(':');
        afterName = true;
        return this;
    }

    JsonText value(String value) {
        separate();
        if (value == null) {
            text.append("null");
        } else {
            string(value);
        }
        return this;
    }

    JsonText value(long value) {
        separate();
        text.append(value);
        return this;
    }

    JsonText value(double value) {
        separate();
        if (Double.isFinite(value)) {
            double rounded = Math.round(value * 1000) / 1000.0;
            text.append(rounded == Math.rint(rounded) && Math.abs(rounded) < 1e15 ? Long.toString((long) rounded)
                    : Double.toString(rounded));
        } else {
            text.append("null");
        }
        return this;
    }

    JsonText value(boolean value) {
        separate();
        text.append(value);
        return this;
    }

    JsonText field(String name, String value) {
        return name(name).value(value);
    }

    JsonText field(String name, long value) {
        return name(name).value(value);
    }

    JsonText field(String name, double value) {
        return name(name).value(value);
    }

    JsonText field(String name, boolean value) {
        return name(name).value(value);
    }

    JsonText field(String name, long[] values) {
        name(name).beginArray();
        for (long value : values) {
            value(value);
        }
        return endArray();
    }

    private void separate() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (!firstInLevel.isEmpty()) {
            if (!firstInLevel.peek()) {
                text.append(',');
            }
            firstInLevel.pop();
            firstInLevel.push(false);
        }
    }

    private void string(String value) {
        text.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> {
                    if (c < 0x20) {
                        text.append(String.format("\\u%04x", (int) c));
                    } else {
                        text.append(c);
                    }
                }
            }
        }
        text.append('"');
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
