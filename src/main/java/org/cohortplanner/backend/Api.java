package org.cohortplanner.backend;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/** What every route shares: the address prefix, JSON answers, the caller and If-Match. */
final class Api {
    static final String PREFIX = "/api/v1";
    static final String CALLER = "cohort-planner.caller";
    static final String JSON = "application/json; charset=utf-8";

    private Api() {
    }

    static void json(Context ctx, int status, String body) {
        ctx.status(status);
        ctx.contentType(JSON);
        ctx.result(body);
    }

    static Caller caller(Context ctx) {
        Caller caller = ctx.attribute(CALLER);
        if (caller == null) {
            throw new ApiException(401, "this needs a bearer token");
        }
        return caller;
    }

    /**
     * The ETags of If-Match, without weak markers.
     *
     * @throws ApiException 428 when the header is missing or is '*', which would overwrite whatever is there
     */
    static List<String> ifMatch(Context ctx) {
        String header = ctx.header("If-Match");
        if (header == null || header.isBlank()) {
            throw new ApiException(428, "a write needs If-Match with the ETag of what you read, so that no one's "
                    + "change is overwritten unseen", "If-Match", "IF_MATCH_REQUIRED", null, null);
        }
        List<String> tags = new ArrayList<>();
        for (String part : header.split(",")) {
            String tag = part.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*")) {
                throw new ApiException(428, "If-Match: * would overwrite whatever is stored; send the ETag you read",
                        "If-Match", "IF_MATCH_REQUIRED", null, null);
            }
            if (!tag.startsWith("\"")) {
                tag = "\"" + tag + "\"";
            }
            tags.add(tag);
        }
        return tags;
    }
}
