package org.cohortplanner.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.PlanChange;
import org.cohortplanner.store.ScenarioNameTakenException;
import org.cohortplanner.store.ScenarioStore.SavedScenario;
import org.cohortplanner.store.h2.JdbcPlanStore;
import org.cohortplanner.store.h2.TextTooLongException;
import org.cohortplanner.store.json.PlanFileException;
import org.cohortplanner.store.json.PlanFiles;

/**
 * The plan's saved scenarios, shared by every planner of the plan: {@code GET /api/v1/scenarios} lists them,
 * {@code POST} saves a plan as a new one under a name no other scenario has (409 when it is taken), {@code GET} and
 * {@code DELETE /api/v1/scenarios/{id}} read and delete one. Every role reads; saving and deleting need the planner
 * role and are recorded in the audit trail in the caller's name, in the same transaction. A scenario is never changed
 * once saved, so writes need no If-Match: there is nothing another planner could have changed in between.
 */
final class ScenarioRoutes {
    private static final String LIST = Api.PREFIX + "/scenarios";

    private final JdbcPlanStore store;

    ScenarioRoutes(JdbcPlanStore store) {
        this.store = store;
    }

    void register(RoutesConfig app) {
        app.get(LIST, this::list);
        app.post(LIST, this::save);
        app.get(LIST + "/{id}", this::get);
        app.delete(LIST + "/{id}", this::delete);
    }

    private void list(Context ctx) {
        Api.caller(ctx);
        ObjectNode answer = PlanJson.MAPPER.createObjectNode();
        ArrayNode rows = answer.putArray("scenarios");
        for (SavedScenario scenario : store.scenarios()) {
            rows.add(summary(scenario));
        }
        ctx.header("ETag", PlanJson.tagOf(answer));
        Api.json(ctx, 200, PlanJson.text(answer));
    }

    private void get(Context ctx) {
        Api.caller(ctx);
        SavedScenario scenario = store.scenario(id(ctx)).orElseThrow(() -> missing(ctx));
        ObjectNode body = whole(scenario);
        ctx.header("ETag", PlanJson.tagOf(body));
        Api.json(ctx, 200, PlanJson.text(body));
    }

    private void save(Context ctx) {
        Caller caller = Api.caller(ctx);
        Permissions.require(caller, Role.PLANNER, "save scenarios");
        JsonNode body = PlanJson.parse(ctx.body());
        if (!body.isObject()) {
            throw ApiException.badRequest(null, "the request body must be a JSON object with a name and a plan");
        }
        JsonNode nameNode = body.get("name");
        if (nameNode == null || nameNode.isNull()) {
            throw ApiException.badRequest("name", "is missing; a scenario is saved under a name");
        }
        if (!nameNode.isTextual() || nameNode.asText().isBlank()) {
            throw ApiException.badRequest("name", "must be a text that is not empty, got " + nameNode);
        }
        String name = nameNode.asText().strip();
        if (name.length() > TextTooLongException.NAME_LENGTH) {
            throw ApiException.badRequest("name", "has " + name.length() + " characters, more than the "
                    + TextTooLongException.NAME_LENGTH + " a scenario's name may have");
        }
        Plan plan = plan(body.get("plan"));
        String action = PlanRoutes.header(ctx, PlanRoutes.CHANGE_ACTION, "Saved scenario " + name);
        String reason = PlanRoutes.header(ctx, PlanRoutes.CHANGE_REASON, "");
        SavedScenario saved;
        try {
            saved = store.createScenario(name, plan, new PlanChange(caller.user(), action, "", name, reason,
                    PlanRoutes.what(ctx, "audit.scenario.saved", name)));
        } catch (ScenarioNameTakenException taken) {
            ObjectNode existing = PlanJson.MAPPER.createObjectNode().put("name", taken.name())
                    .put("savedBy", taken.savedBy()).put("savedAt", String.valueOf(taken.savedAt()));
            throw new ApiException(409, "a scenario named '" + name + "' exists already (saved by " + taken.savedBy()
                    + " at " + taken.savedAt() + "); choose another name, or delete that one first", "name",
                    "EXISTS", existing, null);
        }
        ObjectNode answer = whole(saved);
        ctx.header("ETag", PlanJson.tagOf(answer));
        ctx.header("Location", LIST + "/" + saved.id());
        Api.json(ctx, 201, PlanJson.text(answer));
    }

    private void delete(Context ctx) {
        Caller caller = Api.caller(ctx);
        Permissions.require(caller, Role.PLANNER, "delete scenarios");
        long id = id(ctx);
        SavedScenario scenario = store.scenario(id).orElseThrow(() -> missing(ctx));
        String action = PlanRoutes.header(ctx, PlanRoutes.CHANGE_ACTION, "Deleted scenario " + scenario.name());
        String reason = PlanRoutes.header(ctx, PlanRoutes.CHANGE_REASON, "");
        if (!store.deleteScenario(id, new PlanChange(caller.user(), action, scenario.name(), "", reason,
                PlanRoutes.what(ctx, "audit.scenario.deleted", scenario.name())))) {
            throw missing(ctx);
        }
        ctx.status(204);
    }

    /** The plan of a save, read by the plan file reader; its problems name their place under {@code plan}. */
    private static Plan plan(JsonNode node) {
        if (node == null || node.isNull()) {
            throw ApiException.badRequest("plan", "is missing; send the plan to save, as in a plan file");
        }
        if (!node.isObject()) {
            throw ApiException.badRequest("plan", "must be a plan as in a plan file (a JSON object), got " + node);
        }
        try {
            return PlanFiles.fromJson(PlanJson.text(node), "plan");
        } catch (PlanFileException e) {
            String path = e.path() == null || e.path().isEmpty() ? "plan" : "plan." + e.path();
            throw ApiException.badRequest(path, e.problem());
        }
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException notANumber) {
            throw missing(ctx);
        }
    }

    private static ApiException missing(Context ctx) {
        return ApiException.notFound("the plan has no scenario numbered '" + ctx.pathParam("id") + "'; GET " + LIST
                + " lists them");
    }

    private static ObjectNode summary(SavedScenario scenario) {
        ObjectNode node = PlanJson.MAPPER.createObjectNode();
        node.put("id", scenario.id())
                .put("name", scenario.name())
                .put("savedAt", scenario.savedAt().toString())
                .put("savedBy", scenario.savedBy())
                .put("basedOnVersion", scenario.basedOnVersion())
                .put("cohorts", scenario.plan().cohorts().size());
        return node;
    }

    private static ObjectNode whole(SavedScenario scenario) {
        ObjectNode node = summary(scenario);
        node.set("plan", PlanJson.tree(scenario.plan()));
        return node;
    }
}
