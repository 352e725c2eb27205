package org.cohortplanner.cli;

import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small streaming JSON writer for command output (Jackson stays in the store packages). Values are written in the
 * order given; commas and quoting are handled here so that the commands read like the documented layout.
 */
final class JsonText {
    /** Text beyond this many characters goes on to the sink, so that a large output is never held whole. */
    private static final int SPILL_CHARACTERS = 1 << 16;

    private final StringBuilder text = new StringBuilder();
    private final Deque<Boolean> firstInScope = new ArrayDeque<>();
    private final PrintWriter sink;
    private boolean afterName;

    /** Text held until {@link #toString()}. */
    JsonText() {
        this(null);
    }

    /**
     * Text passed on to {@code sink} as it grows; {@link #toString()} then gives only what has not been passed on
     * yet, which the caller prints last.
     */
    JsonText(PrintWriter sink) {
        this.sink = sink;
    }

    JsonText beginObject() {
        value();
        text.append('{');
        firstInScope.push(true);
        return this;
    }

    JsonText endObject() {
        firstInScope.pop();
        text.append('}');
        return this;
    }

    JsonText beginArray() {
        value();
        text.append('[');
        firstInScope.push(true);
        return this;
    }

    JsonText endArray() {
        firstInScope.pop();
        text.append(']');
        return this;
    }

    JsonText name(String name) {
        separate();
        quote(name);
        text.append(':');
        afterName = true;
        return this;
    }

    JsonText value(String value) {
        value();
        if (value == null) {
            text.append("null");
        } else {
            quote(value);
        }
        return this;
    }

    JsonText value(long value) {
        value();
        text.append(value);
        return this;
    }

    JsonText value(double value) {
        value();
        text.append(Double.isFinite(value) ? Double.toString(value) : "null");
        return this;
    }

    JsonText value(boolean value) {
        value();
        text.append(value);
        return this;
    }

    JsonText field(String name, String value) {
        return name(name).value(value);
    }

    JsonText field(String name, long value) {
        return name(name).value(value);
    }

    JsonText field(String name, Object value) {
        return name(name).value(value == null ? null : value.toString());
    }

    /** A text field (the simulation's output; {@code field} keeps its own conversions for the schedule's). */
    JsonText put(String name, String value) {
        return name(name).value(value);
    }

    JsonText put(String name, long value) {
        return name(name).value(value);
    }

    /** A number rounded to a thousandth (minutes, shares); null when it is not finite. */
    JsonText put(String name, double value) {
        name(name);
        if (!Double.isFinite(value)) {
            return value(value);
        }
        double rounded = Math.round(value * 1000) / 1000.0;
        if (rounded == Math.rint(rounded) && Math.abs(rounded) < 1e15) {
            return value((long) rounded);
        }
        return value(rounded);
    }

    JsonText put(String name, boolean value) {
        return name(name).value(value);
    }

    JsonText put(String name, long[] values) {
        name(name).beginArray();
        for (long value : values) {
            value(value);
        }
        return endArray();
    }

    private void value() {
        spill();
        if (afterName) {
            afterName = false;
        } else {
            separate();
        }
    }

    private void spill() {
        if (sink != null && text.length() > SPILL_CHARACTERS) {
            sink.append(text);
            text.setLength(0);
        }
    }

    private void separate() {
        if (!firstInScope.isEmpty()) {
            if (!firstInScope.peek()) {
                text.append(',');
            }
            firstInScope.pop();
            firstInScope.push(false);
        }
    }

    private void quote(String value) {
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
