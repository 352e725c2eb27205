package org.cohortplanner.simulation;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.cohortplanner.domain.BookingSystem;
import org.cohortplanner.domain.CapacityChange;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.NightAssumptions;
import org.cohortplanner.domain.Overload;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.WaitingRoom;
import org.cohortplanner.planning.CohortFamilies;

/**
 * Turns a plan's booking windows into booking nights: one per cohort that books (a cohort replaced by its split
 * parts does not), with the plan's booking system, the window's appointment limit and the plan's night assumptions
 * (arrival profile, session and patience shapes, time step).
 * The booking system's slots are its concurrent sessions and a session lasts its session minutes; its people per
 * hour is the figure planners quote, which at full load is slots × 60 / session minutes.
 */
public final class BookingNights {
    private final BookingLimit limit;

    public BookingNights(BookingLimit limit) {
        this.limit = limit;
    }

    /** Nights with the plan's supply as the limit. */
    public static BookingNights standard() {
        return new BookingNights(BookingLimit.fromSupply());
    }

    public BookingLimit limit() {
        return limit;
    }

    /** Session lengths of mean {@code meanMinutes} in the shape the plan gives. */
    public static ServiceTime serviceTime(NightAssumptions night, double meanMinutes) {
        return night.sessionKind() == NightAssumptions.SessionKind.EXPONENTIAL ? ServiceTime.exponential(meanMinutes)
                : ServiceTime.logNormal(meanMinutes, night.sessionSpread());
    }

    /** Patience of mean {@code meanMinutes} in the shape the plan gives. */
    public static Patience patience(NightAssumptions night, double meanMinutes) {
        return switch (night.patienceKind()) {
            case EXPONENTIAL -> Patience.exponential(meanMinutes);
            case FIXED -> Patience.fixed(meanMinutes);
            case NONE -> Patience.unlimited();
        };
    }

    /** The plan's time step, or one chosen from the session time when the plan leaves it at 0. */
    public static double stepSeconds(NightAssumptions night, ServiceTime service) {
        double automatic = BookingNightParameters.defaultStepSeconds(service);
        return night.stepSeconds() > 0 ? Math.min(night.stepSeconds(), service.meanMinutes() * 60 / 4) : automatic;
    }

    /** The cohorts that book, by opening time, whose windows close after they open. */
    public List<Cohort> windows(Plan plan) {
        List<Cohort> windows = new ArrayList<>();
        for (Cohort cohort : CohortFamilies.bookingCohorts(plan)) {
            if (cohort.window().isOrdered()) {
                windows.add(cohort);
            }
        }
        windows.sort(Comparator.comparing((Cohort c) -> c.window().opens()));
        return windows;
    }

    /** The booking cohort called {@code nameOrId} (its name, or else its id). */
    public Optional<Cohort> window(Plan plan, String nameOrId) {
        List<Cohort> windows = windows(plan);
        return windows.stream().filter(c -> c.name().equals(nameOrId)).findFirst()
                .or(() -> windows.stream().filter(c -> c.id().equals(nameOrId)).findFirst());
    }

    public BookingNightParameters parameters(Plan plan, Cohort cohort) {
        if (!cohort.window().isOrdered()) {
            throw new IllegalArgumentException("the booking window of " + cohort.name() + " closes before it opens");
        }
        BookingSystem system = plan.bookingSystem();
        LocalDateTime opens = cohort.window().opens();
        LocalDateTime closes = cohort.window().closes();
        double windowMinutes = Duration.between(opens, closes).toSeconds() / 60.0;
        List<SlotChange> changes = new ArrayList<>();
        for (CapacityChange change : system.capacityChanges()) {
            if (change.at().isAfter(opens) && change.at().isBefore(closes)) {
                changes.add(new SlotChange(Duration.between(opens, change.at()).toSeconds() / 60.0,
                        change.concurrentSessions()));
            }
        }
        WaitingRoom room = system.waitingRoom();
        NightAssumptions night = system.night();
        ServiceTime service = serviceTime(night, system.sessionMinutes());
        int slotsAtOpening = system.concurrentSessionsAt(opens);
        Overload overload = system.overload();
        if (overload.enabled()) {
            // The plan's connections go with its base sessions; servers added before the night bring their own.
            overload = new Overload(Math.max(1, Math.round(overload.concurrentRequests() * (double) slotsAtOpening
                    / system.concurrentSessions())), overload.timeoutSeconds(), overload.restartMinutes());
        }
        return new BookingNightParameters(cohort.name(), opens, windowMinutes, cohort.expectedBookers(),
                system.accessMultiplier(), ArrivalProfile.of(night), service, slotsAtOpening,
                changes, room.enabled(), room.admittedPerMinute(), room.order(),
                patience(night, room.patienceMinutes()), room.retryProbability(), room.retryDelayMinutes(),
                limit.appointments(plan, cohort), stepSeconds(night, service), overload);
    }
}
