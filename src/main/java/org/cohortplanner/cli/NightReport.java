package org.cohortplanner.cli;

import java.io.IOException;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.ToLongFunction;
import org.cohortplanner.simulation.BookingLimit;
import org.cohortplanner.simulation.BookingNightParameters;
import org.cohortplanner.simulation.BookingNightResult;
import org.cohortplanner.simulation.SlotChange;

/** Booking-night results as text and as JSON (documented in docs/simulation-output.md). */
final class NightReport {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private NightReport() {
    }

    static String duration(double minutes) {
        if (Double.isNaN(minutes)) {
            return "never";
        }
        long total = Math.round(minutes);
        if (total < 60) {
            return total + " min";
        }
        return total / 60 + " h " + String.format("%02d", total % 60) + " min";
    }

    private static String count(long n) {
        return String.format("%,d", n);
    }

    private static String at(BookingNightParameters p, double minute) {
        return TIME.format(p.opens().plusSeconds(Math.round(minute * 60)));
    }

    static void printText(PrintWriter out, String cohortId, BookingNightResult r) {
        BookingNightParameters p = r.parameters();
        out.printf("Window %s (%s): opens %s, open %s; %s people try, %.1f sessions each%n", p.windowName(),
                cohortId, TIME.format(p.opens()), duration(p.windowMinutes()), count(p.people()),
                p.accessMultiplier());
        StringBuilder capacity = new StringBuilder(count(p.slots()) + " session slots");
        for (SlotChange change : p.slotChanges()) {
            capacity.append(", ").append(count(change.slots())).append(" from ").append(at(p, change.atMinute()));
        }
        out.printf("  Booking system: %s, sessions of %s min (%s); %s; retry %.0f %% after %s%n", capacity,
                trim(p.serviceTime().meanMinutes()), p.serviceTime().kind().name().toLowerCase().replace('_', '-'),
                p.waitingRoom() ? "waiting room " + p.queueOrder() + ", " + count(p.admittedPerMinute())
                        + " a minute, patience " + trim(p.patience().meanMinutes()) + " min"
                        : "no waiting room", p.retryProbability() * 100, duration(p.retryDelayMinutes()));
        if (p.overload().enabled()) {
            out.printf("  Overload: %s connections, refused requests time out after %s s, a crash restarts in %s%n",
                    count(p.connectionsAt(p.slots())), trim(p.overload().timeoutSeconds()),
                    duration(p.overload().restartMinutes()));
        }
        out.printf("  Appointments: %s%n", p.bookingLimit() == BookingLimit.UNLIMITED ? "no limit"
                : count(p.bookingLimit()) + " (from the plan's supply)");
        out.printf("  Booked %s; never got through %s (gave up %s, still trying at the close %s, turned away %s)%n",
                count(r.booked()), count(r.neverGotThrough()), count(r.gaveUp()), count(r.stillTryingAtClose()),
                count(r.turnedAway()));
        out.printf("  Waits until getting through: p50 %s, p95 %s, max %s; %.0f %% waited%n",
                duration(r.waits().p50Minutes()), duration(r.waits().p95Minutes()), duration(r.waits().maxMinutes()),
                r.waits().shareWaited() * 100);
        out.printf("  Bookings: half by %s, 90 %% by %s, 99 %% by %s after the opening%n", duration(r.minutesTo50()),
                duration(r.minutesTo90()), duration(r.minutesTo99()));
        if (!r.positionEstimates().isEmpty()) {
            BookingNightResult.PositionEstimate peak = r.positionEstimates().get(r.positionEstimates().size() - 1);
            out.printf("  Longest queue: %s people at %s, who were shown %s and got in after %s%n",
                    count(peak.position()), at(p, peak.atMinute() + 1), duration(peak.shownMinutes()),
                    Double.isNaN(peak.actualMinutes()) ? "the close" : duration(peak.actualMinutes()));
        }
        out.printf("  Suspended: %s%n", r.suspended() ? "yes, at " + at(p, r.suspendedAtMinute()) + ", "
                + count(r.turnedAway()) + " turned away" : "no");
        if (p.overload().enabled()) {
            StringBuilder crashes = new StringBuilder(r.outages().isEmpty() ? "none" : count(r.outages().size()));
            for (BookingNightResult.Outage outage : r.outages()) {
                crashes.append("; ").append(at(p, outage.fromMinute())).append(" to ").append(at(p, outage.toMinute()));
            }
            out.printf("  Crashes: %s%n", crashes);
        }
        out.printf("  %s sessions, %s events%n", count(r.sessions()), count(r.events()));
        printHours(out, p, r.perMinute());
    }

    private static void printHours(PrintWriter out, BookingNightParameters p,
                                   List<BookingNightResult.MinuteFigures> minutes) {
        out.printf("  %-16s  %12s  %10s  %10s  %10s  %10s  %10s  %12s%n", "hour from", "sessions", "queue",
                "active", "admitted", "booked", "gave up", "failed");
        for (int start = 0; start < minutes.size(); start += 60) {
            List<BookingNightResult.MinuteFigures> hour = minutes.subList(start, Math.min(minutes.size(), start + 60));
            BookingNightResult.MinuteFigures last = hour.get(hour.size() - 1);
            long arrivals = hour.stream().mapToLong(BookingNightResult.MinuteFigures::arrivals).sum();
            long admitted = hour.stream().mapToLong(BookingNightResult.MinuteFigures::admitted).sum();
            long booked = hour.stream().mapToLong(BookingNightResult.MinuteFigures::bookings).sum();
            long abandoned = hour.stream().mapToLong(BookingNightResult.MinuteFigures::abandonments).sum();
            long failed = hour.stream().mapToLong(BookingNightResult.MinuteFigures::failures).sum();
            if (arrivals + admitted + booked + abandoned + failed + last.queue() + last.active() == 0) {
                continue;
            }
            out.printf("  %-16s  %12s  %10s  %10s  %10s  %10s  %10s  %12s%n", at(p, start), count(arrivals),
                    count(last.queue()), count(last.active()), count(admitted), count(booked), count(abandoned),
                    count(failed));
        }
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    static void writeJson(JsonGenerator json, String cohortId, BookingNightResult r) throws IOException {
        BookingNightParameters p = r.parameters();
        json.writeStartObject();
        json.writeStringField("window", p.windowName());
        json.writeStringField("cohortId", cohortId);
        json.writeStringField("opens", ISO.format(p.opens()));
        json.writeStringField("closes", ISO.format(p.opens().plusSeconds(Math.round(p.windowMinutes() * 60))));
        json.writeNumberField("seed", r.seed());
        writeParameters(json, p);
        json.writeNumberField("people", r.people());
        json.writeNumberField("sessions", r.sessions());
        json.writeNumberField("gotThrough", r.gotThrough());
        json.writeNumberField("booked", r.booked());
        json.writeNumberField("neverGotThrough", r.neverGotThrough());
        json.writeNumberField("gaveUp", r.gaveUp());
        json.writeNumberField("stillTryingAtClose", r.stillTryingAtClose());
        json.writeNumberField("turnedAway", r.turnedAway());
        json.writeFieldName("waits");
        json.writeStartObject();
        CommandJson.roundedField(json, "shareWaited", r.waits().shareWaited());
        CommandJson.roundedField(json, "meanMinutes", r.waits().meanMinutes());
        CommandJson.roundedField(json, "p50Minutes", r.waits().p50Minutes());
        CommandJson.roundedField(json, "p95Minutes", r.waits().p95Minutes());
        CommandJson.roundedField(json, "maxMinutes", r.waits().maxMinutes());
        json.writeEndObject();
        json.writeFieldName("bookedBy");
        json.writeStartObject();
        CommandJson.roundedField(json, "halfMinutes", r.minutesTo50());
        CommandJson.roundedField(json, "ninetyPercentMinutes", r.minutesTo90());
        CommandJson.roundedField(json, "ninetyNinePercentMinutes", r.minutesTo99());
        json.writeEndObject();
        json.writeFieldName("suspension");
        json.writeStartObject();
        json.writeBooleanField("suspended", r.suspended());
        CommandJson.roundedField(json, "atMinute", r.suspendedAtMinute());
        json.writeStringField("at", r.suspendedAt().map(ISO::format).orElse(null));
        json.writeEndObject();
        CommandJson.objectsField(json, "outages", r.outages(), outage -> {
            CommandJson.roundedField(json, "fromMinute", outage.fromMinute());
            json.writeStringField("from", ISO.format(p.opens().plusSeconds(Math.round(outage.fromMinute() * 60))));
            CommandJson.roundedField(json, "toMinute", outage.toMinute());
            json.writeStringField("to", ISO.format(p.opens().plusSeconds(Math.round(outage.toMinute() * 60))));
        });
        json.writeNumberField("peakQueue", r.peakQueue());
        json.writeNumberField("peakActive", r.peakActive());
        CommandJson.objectsField(json, "positionEstimates", r.positionEstimates(), estimate -> {
            json.writeNumberField("atMinute", estimate.atMinute());
            json.writeNumberField("position", estimate.position());
            CommandJson.roundedField(json, "shownMinutes", estimate.shownMinutes());
            CommandJson.roundedField(json, "actualMinutes", estimate.actualMinutes());
        });
        json.writeNumberField("events", r.events());
        List<BookingNightResult.MinuteFigures> rows = r.perMinute();
        json.writeFieldName("perMinute");
        json.writeStartObject();
        CommandJson.arrayField(json, "arrivals", column(rows, BookingNightResult.MinuteFigures::arrivals));
        CommandJson.arrayField(json, "queue", column(rows, BookingNightResult.MinuteFigures::queue));
        CommandJson.arrayField(json, "active", column(rows, BookingNightResult.MinuteFigures::active));
        CommandJson.arrayField(json, "admitted", column(rows, BookingNightResult.MinuteFigures::admitted));
        CommandJson.arrayField(json, "bookings", column(rows, BookingNightResult.MinuteFigures::bookings));
        CommandJson.arrayField(json, "abandonments", column(rows, BookingNightResult.MinuteFigures::abandonments));
        CommandJson.arrayField(json, "failures", column(rows, BookingNightResult.MinuteFigures::failures));
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeParameters(JsonGenerator json, BookingNightParameters p) throws IOException {
        json.writeFieldName("parameters");
        json.writeStartObject();
        CommandJson.roundedField(json, "windowMinutes", p.windowMinutes());
        json.writeNumberField("people", p.people());
        CommandJson.roundedField(json, "accessMultiplier", p.accessMultiplier());
        json.writeFieldName("arrivals");
        json.writeStartObject();
        CommandJson.roundedField(json, "burstShare", p.arrivals().burstShare());
        CommandJson.roundedField(json, "burstDecayMinutes", p.arrivals().burstDecayMinutes());
        json.writeEndObject();
        json.writeFieldName("serviceTime");
        json.writeStartObject();
        json.writeStringField("kind", p.serviceTime().kind().name());
        CommandJson.roundedField(json, "meanMinutes", p.serviceTime().meanMinutes());
        CommandJson.roundedField(json, "spread", p.serviceTime().spread());
        json.writeEndObject();
        json.writeNumberField("slots", p.slots());
        json.writeFieldName("slotChanges");
        json.writeStartArray();
        for (SlotChange change : p.slotChanges()) {
            LocalDateTime when = p.opens().plusSeconds(Math.round(change.atMinute() * 60));
            json.writeStartObject();
            CommandJson.roundedField(json, "atMinute", change.atMinute());
            json.writeStringField("at", ISO.format(when));
            json.writeNumberField("slots", change.slots());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeFieldName("waitingRoom");
        json.writeStartObject();
        json.writeBooleanField("enabled", p.waitingRoom());
        json.writeNumberField("admittedPerMinute", p.admittedPerMinute());
        json.writeStringField("order", p.queueOrder().name());
        json.writeEndObject();
        json.writeFieldName("patience");
        json.writeStartObject();
        json.writeStringField("kind", p.patience().kind().name());
        CommandJson.roundedField(json, "meanMinutes", p.patience().meanMinutes());
        json.writeEndObject();
        CommandJson.roundedField(json, "retryProbability", p.retryProbability());
        CommandJson.roundedField(json, "retryDelayMinutes", p.retryDelayMinutes());
        if (p.bookingLimit() == BookingLimit.UNLIMITED) {
            json.writeStringField("bookingLimit", (String) null);
        } else {
            json.writeNumberField("bookingLimit", p.bookingLimit());
        }
        CommandJson.roundedField(json, "stepSeconds", p.stepSeconds());
        if (p.overload().enabled()) {
            json.writeFieldName("overload");
            json.writeStartObject();
            json.writeNumberField("concurrentRequests", p.overload().concurrentRequests());
            CommandJson.roundedField(json, "timeoutSeconds", p.overload().timeoutSeconds());
            CommandJson.roundedField(json, "restartMinutes", p.overload().restartMinutes());
            json.writeEndObject();
        } else {
            json.writeStringField("overload", (String) null);
        }
        json.writeEndObject();
    }

    private static long[] column(List<BookingNightResult.MinuteFigures> rows,
                                 ToLongFunction<BookingNightResult.MinuteFigures> figure) {
        return rows.stream().mapToLong(figure).toArray();
    }
}
