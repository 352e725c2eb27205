package org.cohortplanner.store.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.cohortplanner.domain.Phrase;

/**
 * The arguments of a {@link Phrase} as JSON, for stores that keep a phrase beside its text (the audit's action):
 * names and numbers as JSON values, the other kinds as objects tagged with their kind ({@code {"date":
 * "2021-07-30"}}, {@code {"phrase": "code", "args": [...]}}). An argument of a kind it does not know is stored as
 * its text, so that nothing is lost from what the entry says.
 */
public final class PhraseJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PhraseJson() {
    }

    /** The arguments of {@code phrase} as a JSON array. */
    public static String arguments(Phrase phrase) {
        try {
            return JSON.writeValueAsString(array(phrase.arguments()));
        } catch (JsonProcessingException cannotHappen) {
            throw new IllegalStateException("JSON of a tree", cannotHappen);
        }
    }

    /** The arguments of {@code phrase} as a JSON tree, for a document that holds them (the backend's audit). */
    public static JsonNode argumentsTree(Phrase phrase) {
        return array(phrase.arguments());
    }

    /**
     * The phrase of {@code code} with the arguments of {@code json}; null when there is no code (an entry saved as
     * text only) or the arguments cannot be read.
     */
    public static Phrase phrase(String code, String json) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            JsonNode arguments = JSON.readTree(json == null || json.isBlank() ? "[]" : json);
            return arguments.isArray() ? new Phrase(code, values(arguments)) : null;
        } catch (JsonProcessingException | RuntimeException unreadable) {
            return null;
        }
    }

    private static ArrayNode array(List<?> arguments) {
        ArrayNode array = NODES.arrayNode();
        arguments.forEach(argument -> array.add(node(argument)));
        return array;
    }

    private static JsonNode node(Object argument) {
        if (argument == null) {
            return NODES.nullNode();
        } else if (argument instanceof String text) {
            return NODES.textNode(text);
        } else if (argument instanceof Integer || argument instanceof Long) {
            return NODES.numberNode(((Number) argument).longValue());
        } else if (argument instanceof Number number) {
            return NODES.numberNode(number.doubleValue());
        } else if (argument instanceof LocalDateTime time) {
            return tagged("time", NODES.textNode(time.toString()));
        } else if (argument instanceof LocalDate day) {
            return tagged("date", NODES.textNode(day.toString()));
        } else if (argument instanceof Phrase.DayMonth day) {
            return tagged("dayMonth", NODES.textNode(day.day().toString()));
        } else if (argument instanceof Phrase.Count count) {
            return tagged("count", NODES.numberNode(count.value()));
        } else if (argument instanceof Phrase.Region region) {
            return tagged("region", NODES.textNode(region.name()));
        } else if (argument instanceof Phrase.Share share) {
            return tagged("share", NODES.numberNode(share.value()));
        } else if (argument instanceof Phrase.Listed listed) {
            ObjectNode node = tagged("listed", array(listed.items()));
            node.put("separator", listed.separator());
            return node;
        } else if (argument instanceof Phrase nested) {
            ObjectNode node = tagged("phrase", NODES.textNode(nested.code()));
            node.set("args", array(nested.arguments()));
            return node;
        }
        return NODES.textNode(String.valueOf(argument));
    }

    private static ObjectNode tagged(String kind, JsonNode value) {
        ObjectNode node = NODES.objectNode();
        node.set(kind, value);
        return node;
    }

    private static List<Object> values(JsonNode array) {
        List<Object> values = new ArrayList<>();
        array.forEach(node -> values.add(value(node)));
        return values;
    }

    private static Object value(JsonNode node) {
        if (node.isNull()) {
            return "";
        } else if (node.isTextual()) {
            return node.asText();
        } else if (node.isIntegralNumber()) {
            return node.asLong();
        } else if (node.isNumber()) {
            return node.asDouble();
        } else if (node.has("time")) {
            return LocalDateTime.parse(node.get("time").asText());
        } else if (node.has("date")) {
            return LocalDate.parse(node.get("date").asText());
        } else if (node.has("dayMonth")) {
            return new Phrase.DayMonth(LocalDate.parse(node.get("dayMonth").asText()));
        } else if (node.has("count")) {
            return new Phrase.Count(node.get("count").asLong());
        } else if (node.has("region")) {
            return new Phrase.Region(node.get("region").asText());
        } else if (node.has("share")) {
            return new Phrase.Share(node.get("share").asDouble());
        } else if (node.has("listed")) {
            return new Phrase.Listed(values(node.get("listed")), node.path("separator").asText(", "));
        } else if (node.has("phrase")) {
            return new Phrase(node.get("phrase").asText(), values(node.path("args")));
        }
        return node.toString();
    }
}
