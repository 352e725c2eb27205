package org.cohortplanner.cli;

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

    static void writeJson(JsonText json, String cohortId, BookingNightResult r) {
        BookingNightParameters p = r.parameters();
        json.beginObject();
        json.put("window", p.windowName()).put("cohortId", cohortId);
        json.put("opens", ISO.format(p.opens()));
        json.put("closes", ISO.format(p.opens().plusSeconds(Math.round(p.windowMinutes() * 60))));
        json.put("seed", r.seed());
        writeParameters(json, p);
        json.put("people", r.people()).put("sessions", r.sessions()).put("gotThrough", r.gotThrough());
        json.put("booked", r.booked()).put("neverGotThrough", r.neverGotThrough()).put("gaveUp", r.gaveUp());
        json.put("stillTryingAtClose", r.stillTryingAtClose()).put("turnedAway", r.turnedAway());
        json.name("waits").beginObject()
                .put("shareWaited", r.waits().shareWaited()).put("meanMinutes", r.waits().meanMinutes())
                .put("p50Minutes", r.waits().p50Minutes()).put("p95Minutes", r.waits().p95Minutes())
                .put("maxMinutes", r.waits().maxMinutes()).endObject();
        json.name("bookedBy").beginObject().put("halfMinutes", r.minutesTo50())
                .put("ninetyPercentMinutes", r.minutesTo90()).put("ninetyNinePercentMinutes", r.minutesTo99())
                .endObject();
        json.name("suspension").beginObject().put("suspended", r.suspended())
                .put("atMinute", r.suspendedAtMinute())
                .put("at", r.suspendedAt().map(ISO::format).orElse(null)).endObject();
        json.name("outages").beginArray();
        for (BookingNightResult.Outage outage : r.outages()) {
            json.beginObject().put("fromMinute", outage.fromMinute())
                    .put("from", ISO.format(p.opens().plusSeconds(Math.round(outage.fromMinute() * 60))))
                    .put("toMinute", outage.toMinute())
                    .put("to", ISO.format(p.opens().plusSeconds(Math.round(outage.toMinute() * 60)))).endObject();
        }
        json.endArray();
        json.put("peakQueue", r.peakQueue()).put("peakActive", r.peakActive());
        json.name("positionEstimates").beginArray();
        for (BookingNightResult.PositionEstimate estimate : r.positionEstimates()) {
            json.beginObject().put("atMinute", estimate.atMinute()).put("position", estimate.position())
                    .put("shownMinutes", estimate.shownMinutes()).put("actualMinutes", estimate.actualMinutes())
                    .endObject();
        }
        json.endArray();
        json.put("events", r.events());
        List<BookingNightResult.MinuteFigures> rows = r.perMinute();
        json.name("perMinute").beginObject()
                .put("arrivals", column(rows, BookingNightResult.MinuteFigures::arrivals))
                .put("queue", column(rows, BookingNightResult.MinuteFigures::queue))
                .put("active", column(rows, BookingNightResult.MinuteFigures::active))
                .put("admitted", column(rows, BookingNightResult.MinuteFigures::admitted))
                .put("bookings", column(rows, BookingNightResult.MinuteFigures::bookings))
                .put("abandonments", column(rows, BookingNightResult.MinuteFigures::abandonments))
                .put("failures", column(rows, BookingNightResult.MinuteFigures::failures))
                .endObject();
        json.endObject();
    }

    private static void writeParameters(JsonText json, BookingNightParameters p) {
        json.name("parameters").beginObject();
        json.put("windowMinutes", p.windowMinutes()).put("people", p.people())
                .put("accessMultiplier", p.accessMultiplier());
        json.name("arrivals").beginObject().put("burstShare", p.arrivals().burstShare())
                .put("burstDecayMinutes", p.arrivals().burstDecayMinutes()).endObject();
        json.name("serviceTime").beginObject().put("kind", p.serviceTime().kind().name())
                .put("meanMinutes", p.serviceTime().meanMinutes()).put("spread", p.serviceTime().spread())
                .endObject();
        json.put("slots", p.slots());
        json.name("slotChanges").beginArray();
        for (SlotChange change : p.slotChanges()) {
            LocalDateTime when = p.opens().plusSeconds(Math.round(change.atMinute() * 60));
            json.beginObject().put("atMinute", change.atMinute()).put("at", ISO.format(when))
                    .put("slots", change.slots()).endObject();
        }
        json.endArray();
        json.name("waitingRoom").beginObject().put("enabled", p.waitingRoom())
                .put("admittedPerMinute", p.admittedPerMinute()).put("order", p.queueOrder().name())
                .endObject();
        json.name("patience").beginObject().put("kind", p.patience().kind().name())
                .put("meanMinutes", p.patience().meanMinutes()).endObject();
        json.put("retryProbability", p.retryProbability()).put("retryDelayMinutes", p.retryDelayMinutes());
        if (p.bookingLimit() == BookingLimit.UNLIMITED) {
            json.put("bookingLimit", (String) null);
        } else {
            json.put("bookingLimit", p.bookingLimit());
        }
        json.put("stepSeconds", p.stepSeconds());
        if (p.overload().enabled()) {
            json.name("overload").beginObject().put("concurrentRequests", p.overload().concurrentRequests())
                    .put("timeoutSeconds", p.overload().timeoutSeconds())
                    .put("restartMinutes", p.overload().restartMinutes()).endObject();
        } else {
            json.put("overload", (String) null);
        }
        json.endObject();
    }

    private static long[] column(List<BookingNightResult.MinuteFigures> rows,
                                 ToLongFunction<BookingNightResult.MinuteFigures> figure) {
        return rows.stream().mapToLong(figure).toArray();
    }
}
