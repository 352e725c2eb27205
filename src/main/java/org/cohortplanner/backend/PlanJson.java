package org.cohortplanner.backend;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.store.json.PlanFileException;
import org.cohortplanner.store.json.PlanFiles;

/**
 * The plan and its parts as JSON, in the plan file format (docs/plan-format.md) so that a cohort read from the API
 * is the cohort of a plan file. Parts are read by putting them into the plan's JSON and reading the whole with the
 * plan file reader: the same checks, the same messages, and nothing that the file would refuse gets in.
 */
final class PlanJson {
    static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private PlanJson() {
    }

    static ObjectNode tree(Plan plan) {
        try {
            return (ObjectNode) MAPPER.readTree(PlanFiles.toJson(plan));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("the plan writer wrote JSON it cannot read back", impossible);
        }
    }

    static String text(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a JSON tree could not be written", impossible);
        }
    }

    /** The ETag of a part of the plan: a digest of its JSON, so it changes exactly when the part does. */
    static String tagOf(JsonNode node) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text(node).getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 8) + "\"";
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }

    /** The ETag of the whole plan: its version. */
    static String tagOf(long planVersion) {
        return "\"" + planVersion + "\"";
    }

    /**
     * Parses a request body as JSON, strictly (duplicate keys, trailing text).
     *
     * @throws ApiException 400 naming line and column when it is not JSON
     */
    static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest(null, "the request body is empty; send JSON");
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw ApiException.badRequest(null, "the request body is not valid JSON" + where + ": "
                    + e.getOriginalMessage());
        }
    }

    /** A whole plan from a request body, read by the plan file reader. */
    static Plan planFrom(String body) {
        try {
            return PlanFiles.fromJson(body, "request body");
        } catch (PlanFileException e) {
            throw ApiException.badRequest(e.path(), e.problem() + where(e));
        }
    }

    /**
     * The plan with {@code item} put into its list {@code collection} at {@code index} (appended when index is -1).
     *
     * @throws ApiException 400 whose field is the path within the item (or within the plan when the problem lies
     *                      outside it, e.g. a broken reference)
     */
    static Plan planWith(ObjectNode planTree, String collection, int index, JsonNode item) {
        if (!item.isObject()) {
            throw ApiException.badRequest(null, "the request body must be a JSON object");
        }
        ObjectNode changed = planTree.deepCopy();
        ArrayNode list = changed.withArray(collection);
        int position = index < 0 ? list.size() : index;
        if (index < 0) {
            list.add(item);
        } else {
            list.set(index, item);
        }
        try {
            return PlanFiles.fromJson(text(changed), "request body");
        } catch (PlanFileException e) {
            String prefix = collection + "[" + position + "]";
            String path = e.path();
            if (path.equals(prefix)) {
                throw ApiException.badRequest(null, e.problem());
            }
            if (path.startsWith(prefix + ".")) {
                throw ApiException.badRequest(path.substring(prefix.length() + 1), e.problem());
            }
            throw ApiException.badRequest(path, e.problem());
        }
    }

    /** Without a list of the plan: the plan read back from its JSON with that item left out. */
    static Plan planWithout(ObjectNode planTree, String collection, int index) {
        ObjectNode changed = planTree.deepCopy();
        changed.withArray(collection).remove(index);
        try {
            return PlanFiles.fromJson(text(changed), "the plan");
        } catch (PlanFileException e) {
            throw new ApiException(409, "removing it would leave a plan that cannot be stored: " + e.getMessage(),
                    e.path(), "STILL_REFERENCED", null, null);
        }
    }

    private static String where(PlanFileException e) {
        return e.line() > 0 ? " (line " + e.line() + ", column " + e.column() + ")" : "";
    }
}
