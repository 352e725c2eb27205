package org.cohortplanner.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Collection;

/**
 * The commands' JSON output, written through Jackson's streaming generator: configured once here (compact, as the
 * documented layouts are; the command's writer stays open), with the two conventions of those layouts Jackson has
 * no setting for. Members are written in the order the command writes them.
 */
final class CommandJson {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    /** What a command writes into a generator. */
    @FunctionalInterface
    interface Content {
        void writeTo(JsonGenerator json) throws IOException;
    }

    /** The members one item of a list writes into the generator of its array. */
    @FunctionalInterface
    interface Members<T> {
        void writeOf(T item) throws IOException;
    }

    private CommandJson() {
    }

    /** A member {@code name} holding an array of one object per item, its members written by {@code members}. */
    static <T> void objectsField(JsonGenerator json, String name, Iterable<T> items, Members<? super T> members)
            throws IOException {
        json.writeFieldName(name);
        json.writeStartArray();
        for (T item : items) {
            json.writeStartObject();
            members.writeOf(item);
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /**
     * A generator writing into {@code out} as the text grows, so that a large output is never held whole; closing
     * it flushes what is left and leaves {@code out} open.
     */
    static JsonGenerator writingTo(Writer out) {
        try {
            return FACTORY.createGenerator(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON text of {@code content}, held whole (the small outputs). */
    static String text(Content content) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = writingTo(text)) {
            content.writeTo(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** A member written as its text ({@code toString()}: dates, names), or null. */
    static void textField(JsonGenerator json, String name, Object value) throws IOException {
        json.writeStringField(name, value == null ? null : value.toString());
    }

    /**
     * A member rounded to a thousandth (minutes, shares), written without a fraction when it is whole; null when it
     * is not finite.
     */
    static void roundedField(JsonGenerator json, String name, double value) throws IOException {
        json.writeFieldName(name);
        if (!Double.isFinite(value)) {
            json.writeNull();
            return;
        }
        double rounded = Math.round(value * 1000) / 1000.0;
        if (rounded == Math.rint(rounded) && Math.abs(rounded) < 1e15) {
            json.writeNumber((long) rounded);
        } else {
            json.writeNumber(rounded);
        }
    }

    /** An array member of texts, each written as its {@code toString()} (names, dates). */
    static void textArrayField(JsonGenerator json, String name, Collection<?> values) throws IOException {
        json.writeFieldName(name);
        json.writeStartArray();
        for (Object value : values) {
            json.writeString(value == null ? null : value.toString());
        }
        json.writeEndArray();
    }

    /** An array member of whole numbers (the figures per minute). */
    static void arrayField(JsonGenerator json, String name, long[] values) throws IOException {
        json.writeFieldName(name);
        json.writeArray(values, 0, values.length);
    }
}
