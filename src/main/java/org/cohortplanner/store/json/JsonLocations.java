package org.cohortplanner.store.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Line and column of every value in a JSON text, by path, so that a problem found after parsing (a date that does
 * not exist, a duplicate id) can still say where it is. Built only when there is something to report. On a broken
 * text it keeps what it saw up to the break and remembers the path that was open there.
 */
final class JsonLocations {
    /** Line and column, 1-based. */
    record Position(int line, int column) {
        static Position of(JsonLocation location) {
            return location == null || location.getLineNr() < 1 ? null
                    : new Position(location.getLineNr(), Math.max(location.getColumnNr(), 0));
        }
    }

    private final Map<JsonPath, Position> positions = new HashMap<>();
    private final Map<JsonPath, String> found = new HashMap<>();
    private JsonPath openAtEnd = JsonPath.root();

    private JsonLocations() {
    }

    static JsonLocations of(PlanText json, JsonFactory factory) {
        JsonLocations locations = new JsonLocations();
        locations.scan(json, factory);
        return locations;
    }

    private void scan(PlanText json, JsonFactory factory) {
        Deque<Frame> open = new ArrayDeque<>();
        try (JsonParser parser = factory.createParser(json.open())) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME) {
                    open.peek().name = parser.currentName();
                    continue;
                }
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    open.pop();
                    openAtEnd = open.isEmpty() ? JsonPath.root() : open.peek().path;
                    continue;
                }
                JsonPath path = open.isEmpty() ? JsonPath.root() : open.peek().childPath();
                Position position = Position.of(parser.currentTokenLocation());
                if (position != null) {
                    positions.putIfAbsent(path, position);
                }
                found.putIfAbsent(path, describe(token, parser));
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    open.push(new Frame(path, token == JsonToken.START_ARRAY));
                    openAtEnd = path;
                }
            }
        } catch (IOException e) {
            // The parse proper reports the break; what was seen up to it is still useful.
        }
    }

    /** Where {@code path} starts, or the nearest enclosing value that is in the text (a missing field's object). */
    Optional<Position> positionOf(JsonPath path) {
        JsonPath current = path;
        while (true) {
            Position position = positions.get(current);
            if (position != null) {
                return Optional.of(position);
            }
            if (current.isRoot()) {
                return Optional.empty();
            }
            current = current.parent();
        }
    }

    /** What the text holds at {@code path}, e.g. {@code text "abc"} or {@code a list}; empty when nothing. */
    Optional<String> foundAt(JsonPath path) {
        return Optional.ofNullable(found.get(path));
    }

    /** The path of the value that starts at {@code position}, if one does. */
    Optional<JsonPath> pathAt(Position position) {
        return positions.entrySet().stream().filter(e -> e.getValue().equals(position)).map(Map.Entry::getKey)
                .findFirst();
    }

    private static String describe(JsonToken token, JsonParser parser) throws IOException {
        switch (token) {
            case START_OBJECT:
                return "an object { ... }";
            case START_ARRAY:
                return "a list [ ... ]";
            case VALUE_STRING:
                return "text \"" + shortened(parser.getText()) + "\"";
            case VALUE_NUMBER_INT:
                return "the whole number " + shortened(parser.getText());
            case VALUE_NUMBER_FLOAT:
                return "the number " + shortened(parser.getText());
            case VALUE_TRUE:
                return "true";
            case VALUE_FALSE:
                return "false";
            case VALUE_NULL:
                return "null";
            default:
                return token.asString() == null ? token.name() : token.asString();
        }
    }

    private static String shortened(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    /** The innermost object or list that was still open where the scan stopped. */
    JsonPath openAtEnd() {
        return openAtEnd;
    }

    private static final class Frame {
        final JsonPath path;
        final boolean list;
        String name;
        int nextIndex;

        Frame(JsonPath path, boolean list) {
            this.path = path;
            this.list = list;
        }

        JsonPath childPath() {
            return list ? path.index(nextIndex++) : path.field(name);
        }
    }
}
