package org.cohortplanner.backend;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A request the backend answers with an error status: what is wrong in words, the field it concerns when there is
 * one, a machine-readable reason where clients act on it, and for a conflict the current representation.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String field;
    private final String reason;
    private final transient JsonNode current;
    private final String currentTag;

    public ApiException(int status, String message) {
        this(status, message, null, null, null, null);
    }

    public ApiException(int status, String message, String field, String reason, JsonNode current,
                        String currentTag) {
        super(message);
        this.status = status;
        this.field = field;
        this.reason = reason;
        this.current = current;
        this.currentTag = currentTag;
    }

    public static ApiException badRequest(String field, String message) {
        return new ApiException(400, field == null || field.isEmpty() ? message : field + ": " + message, field,
                null, null, null);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    public int status() {
        return status;
    }

    /** The JSON path of the field the error concerns, or null. */
    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }

    /** For a 412: the resource as it is now; null otherwise. */
    public JsonNode current() {
        return current;
    }

    /** For a 412: the resource's current ETag. */
    public String currentTag() {
        return currentTag;
    }
}
