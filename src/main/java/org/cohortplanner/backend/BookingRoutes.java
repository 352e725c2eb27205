package org.cohortplanner.backend;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Set;

/** The citizens' booking endpoint (no token needed) and the planners' live counts. */
final class BookingRoutes {
    private static final Set<String> FIELDS = Set.of("personId", "birthDate", "region", "group");
    private static final Set<String> CANCEL_FIELDS = Set.of("personId");

    private final BookingDesk desk;

    BookingRoutes(BookingDesk desk) {
        this.desk = desk;
    }

    void register(RoutesConfig app) {
        app.post(Api.PREFIX + "/bookings", this::book);
        app.get(Api.PREFIX + "/bookings/tickets/{ticket}", ctx -> answer(ctx, desk.poll(ctx.pathParam("ticket"))));
        app.delete(Api.PREFIX + "/bookings/{booking}", this::cancel);
        app.get(Api.PREFIX + "/live", this::live);
    }

    private void book(Context ctx) {
        JsonNode body = object(ctx, FIELDS, "a booking has personId, birthDate, region and, for a person of a "
                + "named group, group");
        String personId = personId(body.get("personId"));
        LocalDate birthDate = birthDate(body.get("birthDate"));
        JsonNode region = body.get("region");
        if (region == null || !region.isTextual() || region.asText().isBlank()) {
            throw ApiException.badRequest("region", "is required: the region where the person will be vaccinated");
        }
        JsonNode group = body.get("group");
        if (group != null && !group.isNull() && (!group.isTextual() || group.asText().isBlank())) {
            throw ApiException.badRequest("group", "must be the name of one of the cohort's named groups, or left out");
        }
        answer(ctx, desk.book(personId, birthDate, region.asText(),
                group == null || group.isNull() ? null : group.asText()));
    }

    /** Cancelling needs the booking's person: the verified person id proves it is theirs. */
    private void cancel(Context ctx) {
        String number = ctx.pathParam("booking");
        long booking;
        try {
            booking = Long.parseLong(number);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("booking", "'" + number + "' is not a booking number");
        }
        JsonNode body = object(ctx, CANCEL_FIELDS, "a cancellation has the personId of the booking's person");
        answer(ctx, desk.cancel(booking, personId(body.get("personId"))));
    }

    private static JsonNode object(Context ctx, Set<String> fields, String what) {
        JsonNode body = PlanJson.parse(ctx.body());
        if (!body.isObject()) {
            throw ApiException.badRequest(null, "the request body must be a JSON object: " + what);
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw ApiException.badRequest(name, "unknown field; " + what);
            }
        }
        return body;
    }

    /** The id the identity step verified: opaque, 1 to 128 visible characters; never logged, stored only hashed. */
    private static String personId(JsonNode node) {
        if (node == null || node.isNull()) {
            throw ApiException.badRequest("personId", "is required: the verified person id from the identity step");
        }
        if (!node.isTextual()) {
            throw ApiException.badRequest("personId", "must be a text");
        }
        String id = node.asText();
        if (id.isEmpty() || id.length() > PersonKey.MAX_PERSON_ID_LENGTH) {
            throw ApiException.badRequest("personId", "must be 1 to " + PersonKey.MAX_PERSON_ID_LENGTH
                    + " characters, got " + id.length());
        }
        if (id.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw ApiException.badRequest("personId", "must not hold spaces or control characters");
        }
        return id;
    }

    private static LocalDate birthDate(JsonNode node) {
        if (node == null || node.isNull()) {
            throw ApiException.badRequest("birthDate", "is required, as yyyy-mm-dd");
        }
        if (!node.isTextual()) {
            throw ApiException.badRequest("birthDate", "must be a date text such as \"1968-03-15\", got " + node);
        }
        try {
            return LocalDate.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("birthDate", "'" + node.asText() + "' is not a date (yyyy-mm-dd)");
        }
    }

    private void live(Context ctx) {
        Api.caller(ctx);
        String minutes = ctx.queryParam("minutes");
        int shown;
        try {
            shown = minutes == null ? 60 : Integer.parseInt(minutes);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("minutes", "'" + minutes + "' is not a whole number");
        }
        if (shown < 0 || shown > 1440) {
            throw ApiException.badRequest("minutes", "must be 0 to 1440, got " + shown);
        }
        Api.json(ctx, 200, PlanJson.text(desk.live(shown)));
    }

    private static void answer(Context ctx, BookingAnswers.Answer answer) {
        if (answer.location() != null) {
            ctx.header("Location", answer.location());
        }
        if (answer.retryAfterSeconds() > 0) {
            ctx.header("Retry-After", Long.toString(answer.retryAfterSeconds()));
        }
        Api.json(ctx, answer.status(), PlanJson.text(answer.body()));
    }
}
