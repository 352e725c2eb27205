package org.cohortplanner.backend;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/**
 * {@code GET /api/v1/notifications?since=N}: the second-dose appointments that a saved change of the plan moved, after
 * sequence number N (0 or left out: from the first), oldest first, so that a messaging system can send each person
 * their new date and ask again from the last sequence it sent. Planners and viewers may read it.
 */
final class NotificationRoutes {
    /** Rows in one answer; {@code more} says when the reader should ask again from the last. */
    static final int PAGE = 10_000;

    private final SecondDoseMover mover;

    NotificationRoutes(SecondDoseMover mover) {
        this.mover = mover;
    }

    void register(RoutesConfig app) {
        app.get(Api.PREFIX + "/notifications", this::list);
    }

    private void list(Context ctx) {
        Caller caller = Api.caller(ctx);
        if (!caller.may(Role.PLANNER) && !caller.may(Role.VIEWER)) {
            throw new ApiException(403, caller.user() + " (" + caller.roleLabels() + ") may not read the second-dose "
                    + "notifications; that needs the planner or viewer role", null, "FORBIDDEN", null, null);
        }
        long since = since(ctx.queryParam("since"));
        List<SecondDoseMover.Notification> found = mover.since(since, PAGE + 1);
        ObjectNode answer = PlanJson.MAPPER.createObjectNode();
        ArrayNode rows = answer.putArray("notifications");
        long last = since;
        for (SecondDoseMover.Notification n : found.subList(0, Math.min(PAGE, found.size()))) {
            rows.addObject().put("sequence", n.sequence()).put("bookingNumber", n.bookingNumber())
                    .put("cohortId", n.cohortId()).put("group", n.group()).put("region", n.region())
                    .put("siteGroup", n.siteGroup()).put("brand", n.brand()).put("firstDay", n.firstDay().toString())
                    .put("secondDayTold", n.secondDayTold().toString())
                    .put("secondDayNow", n.secondDayNow().toString()).put("planVersion", n.planVersion())
                    .put("changedAt", n.changedAtUtc().toString() + "Z").put("moved", !n.notMoved())
                    .put("notMovedReason", n.notMovedReason());
            last = n.sequence();
        }
        answer.put("last", last);
        answer.put("more", found.size() > PAGE);
        Api.json(ctx, 200, PlanJson.text(answer));
    }

    private static long since(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("since", "the sequence number of the last notification read, a whole "
                    + "number 0 or more, got '" + text + "'");
        }
    }
}
