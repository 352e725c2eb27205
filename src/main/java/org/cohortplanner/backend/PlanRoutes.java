package org.cohortplanner.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cohortplanner.domain.Phrase;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.AuditEntry;
import org.cohortplanner.store.json.PhraseJson;
import org.cohortplanner.store.json.PlanFiles;

/**
 * The planning resources: the plan, its cohorts, deliveries and site groups, and the audit trail. Every
 * representation carries an ETag; every write needs If-Match with the ETag the client read (428 without it, 412
 * with the current representation when it is stale) and is stored in one transaction with an audit entry in the
 * caller's name.
 */
final class PlanRoutes {
    static final String CHANGE_ACTION = "X-Change-Action";
    static final String CHANGE_REASON = "X-Change-Reason";
    static final String CHANGE_BEFORE = "X-Change-Before";
    static final String CHANGE_AFTER = "X-Change-After";
    /** The action as a phrase: its code and its arguments as a JSON array (optional, kept in the audit). */
    static final String CHANGE_CODE = "X-Change-Code";
    static final String CHANGE_ARGS = "X-Change-Args";

    /** A list of the plan exposed as its own resources, named in the address by its key field. */
    private record Part(String address, String listKey, String keyField, String noun, Role owner) {
    }

    private static final List<Part> PARTS = List.of(
            new Part("cohorts", "cohorts", "id", "cohort", Role.PLANNER),
            new Part("deliveries", "deliveries", "id", "delivery", Role.SUPPLY),
            new Part("site-groups", "sites", "name", "site group", Role.PLANNER));

    private final PlanService plans;

    PlanRoutes(PlanService plans) {
        this.plans = plans;
    }

    void register(RoutesConfig app) {
        app.get(Api.PREFIX + "/plan", this::getPlan);
        app.put(Api.PREFIX + "/plan", this::putPlan);
        app.get(Api.PREFIX + "/audit", this::getAudit);
        for (Part part : PARTS) {
            String list = Api.PREFIX + "/" + part.address();
            app.get(list, ctx -> getList(ctx, part));
            app.post(list, ctx -> postItem(ctx, part));
            app.get(list + "/{key}", ctx -> getItem(ctx, part));
            app.put(list + "/{key}", ctx -> putItem(ctx, part));
            app.delete(list + "/{key}", ctx -> deleteItem(ctx, part));
        }
    }

    private void getPlan(Context ctx) {
        Plan plan = plans.snapshot().require();
        ctx.header("ETag", PlanJson.tagOf(plan.version()));
        Api.json(ctx, 200, PlanFiles.toJson(plan));
    }

    private void putPlan(Context ctx) {
        Caller caller = Api.caller(ctx);
        List<String> ifMatch = Api.ifMatch(ctx);
        // Read the whole plan before deciding: a 412 answered while the client is still sending a large body would
        // otherwise close the connection under it, and the client would see no answer at all.
        String body = ctx.body();
        PlanService.Snapshot saved = plans.write(caller, current -> {
            String tag = PlanJson.tagOf(current.version());
            if (!ifMatch.contains(tag)) {
                throw staleWithLastChange("the plan", tag, current.tree());
            }
            Plan plan = PlanJson.planFrom(body);
            return new PlanService.Edit(plan, header(ctx, CHANGE_ACTION, "Saved the plan '" + plan.name() + "'"),
                    header(ctx, CHANGE_BEFORE, ""), header(ctx, CHANGE_AFTER, ""), header(ctx, CHANGE_REASON, ""),
                    what(ctx, "audit.api.planSaved", plan.name()));
        });
        ctx.header("ETag", PlanJson.tagOf(saved.version()));
        Api.json(ctx, 200, PlanFiles.toJson(saved.plan()));
    }

    private void getAudit(Context ctx) {
        ArrayNode entries = PlanJson.MAPPER.createArrayNode();
        for (AuditEntry entry : plans.audit()) {
            entries.addObject()
                    .put("sequence", entry.sequence())
                    .put("at", entry.at().toString())
                    .put("user", entry.user())
                    .put("action", entry.action())
                    .put("before", entry.before())
                    .put("after", entry.after())
                    .put("reason", entry.reason())
                    .put("planVersion", entry.planVersion());
            if (entry.what() != null) {
                ObjectNode added = (ObjectNode) entries.get(entries.size() - 1);
                added.put("code", entry.what().code());
                added.set("args", PhraseJson.argumentsTree(entry.what()));
            }
        }
        ctx.header("ETag", PlanJson.tagOf(entries));
        Api.json(ctx, 200, PlanJson.text(entries));
    }

    private void getList(Context ctx, Part part) {
        plans.snapshot().require();
        JsonNode list = plans.snapshot().tree().path(part.listKey());
        ctx.header("ETag", PlanJson.tagOf(list));
        Api.json(ctx, 200, PlanJson.text(list));
    }

    private void getItem(Context ctx, Part part) {
        PlanService.Snapshot current = plans.snapshot();
        current.require();
        JsonNode item = current.tree().path(part.listKey()).get(indexOf(current, part, ctx.pathParam("key")));
        ctx.header("ETag", PlanJson.tagOf(item));
        Api.json(ctx, 200, PlanJson.text(item));
    }

    private void putItem(Context ctx, Part part) {
        Caller caller = Api.caller(ctx);
        Permissions.requireAny(caller, part.owner());
        List<String> ifMatch = Api.ifMatch(ctx);
        String key = ctx.pathParam("key");
        PlanService.Snapshot saved = plans.write(caller, current -> {
            current.require();
            int index = indexOf(current, part, key);
            JsonNode before = current.tree().path(part.listKey()).get(index);
            String tag = PlanJson.tagOf(before);
            if (!ifMatch.contains(tag)) {
                throw stale("the " + part.noun() + " " + key, tag, before);
            }
            JsonNode body = PlanJson.parse(ctx.body());
            if (body.isObject()) {
                JsonNode given = body.get(part.keyField());
                if (given == null || given.isNull()) {
                    ((ObjectNode) body).put(part.keyField(), key);
                } else if (!given.isTextual() || !given.asText().equals(key)) {
                    throw ApiException.badRequest(part.keyField(), "is " + given + " but the address names '" + key
                            + "'; a " + part.noun() + " keeps its " + part.keyField() + " (add a new one to rename)");
                }
            }
            Plan plan = PlanJson.planWith(current.tree(), part.listKey(), index, body);
            return new PlanService.Edit(plan, header(ctx, CHANGE_ACTION, "Changed " + part.noun() + " " + key),
                    PlanJson.text(before), PlanJson.text(body), header(ctx, CHANGE_REASON, ""),
                    what(ctx, "audit.api.changed." + part.listKey(), key));
        });
        JsonNode item = saved.tree().path(part.listKey()).get(indexOf(saved, part, key));
        ctx.header("ETag", PlanJson.tagOf(item));
        Api.json(ctx, 200, PlanJson.text(item));
    }

    private void postItem(Context ctx, Part part) {
        Caller caller = Api.caller(ctx);
        Permissions.requireAny(caller, part.owner());
        List<String> ifMatch = Api.ifMatch(ctx);
        String[] created = new String[1];
        PlanService.Snapshot saved = plans.write(caller, current -> {
            current.require();
            JsonNode list = current.tree().path(part.listKey());
            String tag = PlanJson.tagOf(list);
            if (!ifMatch.contains(tag)) {
                throw stale("the list of " + part.address(), tag, list);
            }
            JsonNode body = PlanJson.parse(ctx.body());
            JsonNode key = body.path(part.keyField());
            if (body.isObject() && key.isTextual() && find(current, part, key.asText()) >= 0) {
                throw new ApiException(409, "a " + part.noun() + " with " + part.keyField() + " '" + key.asText()
                        + "' exists already; change it with PUT " + Api.PREFIX + "/" + part.address() + "/"
                        + key.asText(), part.keyField(), "EXISTS", null, null);
            }
            Plan plan = PlanJson.planWith(current.tree(), part.listKey(), -1, body);
            created[0] = key.asText();
            return new PlanService.Edit(plan, header(ctx, CHANGE_ACTION, "Added " + part.noun() + " " + key.asText()),
                    "", PlanJson.text(body), header(ctx, CHANGE_REASON, ""),
                    what(ctx, "audit.api.added." + part.listKey(), key.asText()));
        });
        JsonNode item = saved.tree().path(part.listKey()).get(indexOf(saved, part, created[0]));
        ctx.header("ETag", PlanJson.tagOf(item));
        ctx.header("Location", Api.PREFIX + "/" + part.address() + "/" + encode(created[0]));
        Api.json(ctx, 201, PlanJson.text(item));
    }

    private void deleteItem(Context ctx, Part part) {
        Caller caller = Api.caller(ctx);
        Permissions.requireAny(caller, part.owner());
        List<String> ifMatch = Api.ifMatch(ctx);
        String key = ctx.pathParam("key");
        plans.write(caller, current -> {
            current.require();
            int index = indexOf(current, part, key);
            JsonNode before = current.tree().path(part.listKey()).get(index);
            String tag = PlanJson.tagOf(before);
            if (!ifMatch.contains(tag)) {
                throw stale("the " + part.noun() + " " + key, tag, before);
            }
            Plan plan = PlanJson.planWithout(current.tree(), part.listKey(), index);
            return new PlanService.Edit(plan, header(ctx, CHANGE_ACTION, "Removed " + part.noun() + " " + key),
                    PlanJson.text(before), "", header(ctx, CHANGE_REASON, ""),
                    what(ctx, "audit.api.removed." + part.listKey(), key));
        });
        ctx.status(204);
    }

    private static int indexOf(PlanService.Snapshot snapshot, Part part, String key) {
        int index = find(snapshot, part, key);
        if (index < 0) {
            throw ApiException.notFound("the plan has no " + part.noun() + " with " + part.keyField() + " '" + key
                    + "'");
        }
        return index;
    }

    private static int find(PlanService.Snapshot snapshot, Part part, String key) {
        JsonNode list = snapshot.tree().path(part.listKey());
        for (int i = 0; i < list.size(); i++) {
            if (key.equals(list.get(i).path(part.keyField()).asText(null))) {
                return i;
            }
        }
        return -1;
    }

    /** As {@link #stale}, naming who saved last and what, for the console's conflict dialog. */
    private ApiException staleWithLastChange(String what, String tag, JsonNode current) {
        ApiException stale = stale(what, tag, current);
        List<AuditEntry> audit = plans.audit();
        if (audit.isEmpty() || current == null) {
            return stale;
        }
        AuditEntry last = audit.get(audit.size() - 1);
        ObjectNode withChange = PlanJson.MAPPER.createObjectNode();
        withChange.set("plan", current);
        ObjectNode lastChange = withChange.putObject("lastChange")
                .put("user", last.user())
                .put("action", last.action())
                .put("at", last.at().toString())
                .put("reason", last.reason())
                .put("planVersion", last.planVersion());
        if (last.what() != null) {
            lastChange.put("code", last.what().code());
            lastChange.set("args", PhraseJson.argumentsTree(last.what()));
        }
        return new ApiException(412, what + " was changed by " + last.user() + " (" + last.action() + ") since you "
                + "read it; nothing was changed: read it again, re-apply your edit and send it with ETag " + tag,
                null, "VERSION_MISMATCH", withChange, tag);
    }

    private static ApiException stale(String what, String tag, JsonNode current) {
        return new ApiException(412, what + " was changed since you read it (its ETag is now " + tag + "); nothing "
                + "was changed: read it again, re-apply your edit and send it with the new ETag", null,
                "VERSION_MISMATCH", current, tag);
    }

    /** A header's text, percent-encoded UTF-8 on the wire so that "50–54" survives HTTP's Latin-1 headers. */
    /**
     * What a change says as a phrase, so that the audit shows it in the reader's language: the client's own
     * (X-Change-Code and X-Change-Args), else, when the client gave no text of its own either, the backend's phrase for
     * what the request did; a client that says only a text (X-Change-Action) keeps it as it is.
     */
    static Phrase what(Context ctx, String code, Object... arguments) {
        Phrase given = PhraseJson.phrase(header(ctx, CHANGE_CODE, ""), header(ctx, CHANGE_ARGS, ""));
        if (given != null) {
            return given;
        }
        return header(ctx, CHANGE_ACTION, "").isEmpty() ? Phrase.of(code, arguments) : null;
    }

    static String header(Context ctx, String name, String otherwise) {
        String value = ctx.header(name);
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw ApiException.badRequest(null, "header " + name + " is not percent-encoded UTF-8");
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
