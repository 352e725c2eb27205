package org.cohortplanner.simulation;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cohortplanner.domain.BookingSystem;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.NightAssumptions;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.WaitingRoom;
import org.cohortplanner.work.Cancellation;
import org.cohortplanner.work.Progress;

/**
 * Fits named night parameters of a plan to figures observed on one booking night.
 *
 * <p>Method (deterministic): the parameters chosen are searched inside fixed bounds, each mapped onto 0…1 (capacity,
 * decay and patience on a logarithmic scale, shares linearly). A compass search starts from the middle of every
 * range with a step of a quarter: it tries one step up and one step down along each parameter, moves to the best
 * point that lowers the objective, and halves the step when none does, down to 1/1024 of the range. The objective
 * is the weighted sum of squared relative errors, (modelled − observed) / observed, over the observations, each
 * modelled by one run of the fast model with the same seed (common random numbers, so two points differ only by
 * their parameters). Where the figures leave a range of values equally good (a figure that is reached and then stays,
 * such as "everyone had booked by 15:30"), a tie-break of 10^-6 times the squared distance from the middle of the
 * ranges picks the value nearest the middle. The start does not depend on the plan's current values, so calibrating
 * a plan again that holds its own fit gives the same values. Fitted values are rounded (capacity to whole sessions, shares to 0.001, minutes
 * to 0.1) and the residuals are those of the rounded values, which are what the plan keeps.
 */
public final class NightCalibration {
    private static final double FIRST_STEP = 0.25;
    private static final double LAST_STEP = 1.0 / 1024;
    private static final int MAX_EVALUATIONS = 400;
    /** Weight of the tie-break towards the middle of the ranges: far below any error a figure is reported to. */
    private static final double TIE_BREAK = 1e-6;

    /** A parameter that can be fitted, named in the plan's words (the {@code --fit} names). */
    public enum Parameter {
        /** The booking system's concurrent sessions at its base capacity (its people per hour follows). */
        CAPACITY("capacity", 1_000, 1_000_000, true),
        /** Share of first attempts in the opening burst. */
        BURST_SHARE("burstShare", 0, 1, false),
        /** Mean delay of a burst attempt after the opening, minutes. */
        BURST_DECAY("burstDecay", 1, 600, true),
        /** Chance that a person tries again after a failed attempt or giving up waiting. */
        PERSISTENCE("persistence", 0, 1, false),
        /** Mean patience in the waiting room, minutes. */
        PATIENCE("patience", 1, 600, true);

        private final String key;
        private final double lower;
        private final double upper;
        private final boolean logarithmic;

        Parameter(String key, double lower, double upper, boolean logarithmic) {
            this.key = key;
            this.lower = lower;
            this.upper = upper;
            this.logarithmic = logarithmic;
        }

        public String key() {
            return key;
        }

        public double lower() {
            return lower;
        }

        public double upper() {
            return upper;
        }

        public static Optional<Parameter> byKey(String key) {
            for (Parameter parameter : values()) {
                if (parameter.key.equalsIgnoreCase(key.strip())) {
                    return Optional.of(parameter);
                }
            }
            return Optional.empty();
        }

        double fromUnit(double u) {
            double clamped = Math.max(0, Math.min(1, u));
            return logarithmic ? lower * Math.pow(upper / lower, clamped) : lower + (upper - lower) * clamped;
        }

        double rounded(double value) {
            double result = switch (this) {
                case CAPACITY -> Math.round(value);
                case BURST_SHARE, PERSISTENCE -> Math.round(value * 1000) / 1000.0;
                case BURST_DECAY, PATIENCE -> Math.round(value * 10) / 10.0;
            };
            return Math.max(lower, Math.min(upper, result));
        }

        /** The parameter's value in {@code plan}. */
        public double valueIn(Plan plan) {
            BookingSystem system = plan.bookingSystem();
            return switch (this) {
                case CAPACITY -> system.concurrentSessions();
                case BURST_SHARE -> system.night().burstShare();
                case BURST_DECAY -> system.night().burstDecayMinutes();
                case PERSISTENCE -> system.waitingRoom().retryProbability();
                case PATIENCE -> system.waitingRoom().patienceMinutes();
            };
        }
    }

    /** What can be observed on a night. */
    public enum Kind {
        /** People booked by {@code at} (value: people). */
        BOOKED_BY,
        /** Booking was suspended at {@code at} (value unused). */
        SUSPENDED_AT,
        /** The wait the waiting room showed at {@code at} to a person at the back of the queue (value: minutes). */
        SHOWN_WAIT,
        /** Sessions (access attempts) in the hour from {@code at} (value: sessions). */
        SESSIONS_IN_HOUR
    }

    /**
     * One figure observed that night.
     *
     * @param weight the observation's weight in the objective (1 when the file does not say)
     * @param source where the figure was reported
     */
    public record Observation(Kind kind, LocalDateTime at, double value, double weight, String source) {
        public Observation {
            if (kind == null || at == null) {
                throw new IllegalArgumentException("an observation needs a kind and a time");
            }
            if (kind != Kind.SUSPENDED_AT && (!Double.isFinite(value) || value <= 0)) {
                throw new IllegalArgumentException("an observed figure must be above 0, got " + value);
            }
            if (!Double.isFinite(weight) || weight <= 0) {
                throw new IllegalArgumentException("an observation's weight must be above 0, got " + weight);
            }
            source = source == null ? "" : source.strip();
        }
    }

    /**
     * An observation beside what the fitted night gives.
     *
     * @param observed what was observed, in the observation's unit (minutes after the opening for a suspension)
     * @param modelled what the model gives (the close of the window when it never suspends)
     */
    public record Residual(Observation observation, double observed, double modelled) {
        public double relativeError() {
            return (modelled - observed) / observed;
        }
    }

    /**
     * The result of a fit.
     *
     * @param values      fitted value of each parameter, rounded as the plan keeps it
     * @param residuals   each observation beside the fitted night
     * @param objective   weighted sum of squared relative errors at the fitted values
     * @param evaluations nights run
     * @param fittedPlan  the plan with the fitted values
     */
    public record Fit(Map<Parameter, Double> values, List<Residual> residuals, double objective, int evaluations,
                      Plan fittedPlan) {
        public Fit {
            values = Map.copyOf(values);
            residuals = List.copyOf(residuals);
        }
    }

    /**
     * What is fitted when the user names nothing: the arrival burst's decay, how fast the night's demand comes. The
     * figures most nights leave (a suspension, people booked by a time) identify it, while the capacity is a design
     * figure planners know before the night; fit the capacity too when a figure separates the two (sessions in an
     * hour, a wait shown).
     */
    public static final List<Parameter> DEFAULT_PARAMETERS = List.of(Parameter.BURST_DECAY);

    private final BookingNightModel model;

    public NightCalibration(BookingNightModel model) {
        this.model = model;
    }

    /**
     * Fits {@code parameters} of {@code plan} to what was observed in the booking window of {@code window}.
     *
     * @param appointments the window's appointment limit (from the plan's supply; fitting does not change it)
     */
    public Fit fit(Plan plan, Cohort window, long appointments, List<Observation> observed,
                   List<Parameter> parameters, long seed, Progress<?> progress, Cancellation cancellation) {
        if (observed.isEmpty()) {
            throw new IllegalArgumentException("nothing observed to fit to");
        }
        List<Parameter> chosen = parameters.stream().distinct().toList();
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("no parameter to fit");
        }
        Search search = new Search(plan, window, appointments, observed, chosen, seed, cancellation);
        double[] point = new double[chosen.size()];
        java.util.Arrays.fill(point, 0.5);
        double best = search.objective(point);
        double step = FIRST_STEP;
        int levels = (int) Math.round(Math.log(FIRST_STEP / LAST_STEP) / Math.log(2)) + 1;
        int level = 0;
        while (step >= LAST_STEP && search.evaluations < MAX_EVALUATIONS) {
            double[] bestNeighbour = null;
            double bestValue = best;
            for (int i = 0; i < point.length; i++) {
                for (int sign = 1; sign >= -1; sign -= 2) {
                    double[] neighbour = point.clone();
                    neighbour[i] = Math.max(0, Math.min(1, point[i] + sign * step));
                    if (neighbour[i] == point[i]) {
                        continue;
                    }
                    double value = search.objective(neighbour);
                    if (value < bestValue) {
                        bestValue = value;
                        bestNeighbour = neighbour;
                    }
                }
            }
            if (bestNeighbour != null) {
                point = bestNeighbour;
                best = bestValue;
            } else {
                step /= 2;
                level++;
                progress.report(Math.min(1, level / (double) levels));
            }
        }
        Map<Parameter, Double> values = new EnumMap<>(Parameter.class);
        for (int i = 0; i < chosen.size(); i++) {
            values.put(chosen.get(i), chosen.get(i).rounded(chosen.get(i).fromUnit(point[i])));
        }
        Plan fitted = apply(plan, values);
        BookingNightResult night = search.run(fitted);
        List<Residual> residuals = residuals(night, observed);
        progress.report(1);
        return new Fit(values, residuals, objective(residuals), search.evaluations + 1, fitted);
    }

    /** The figures of a night beside what was observed. */
    public static List<Residual> residuals(BookingNightResult night, List<Observation> observed) {
        List<Residual> residuals = new ArrayList<>();
        for (Observation observation : observed) {
            residuals.add(residual(night, observation));
        }
        return residuals;
    }

    private static double objective(List<Residual> residuals) {
        double sum = 0;
        for (Residual residual : residuals) {
            double error = residual.relativeError();
            sum += residual.observation().weight() * error * error;
        }
        return sum;
    }

    private static Residual residual(BookingNightResult night, Observation observation) {
        BookingNightParameters p = night.parameters();
        double atMinute = Duration.between(p.opens(), observation.at()).toSeconds() / 60.0;
        List<BookingNightResult.MinuteFigures> rows = night.perMinute();
        return switch (observation.kind()) {
            case BOOKED_BY -> {
                long booked = 0;
                for (BookingNightResult.MinuteFigures row : rows) {
                    if (row.minute() + 1 <= atMinute + 1e-9) {
                        booked += row.bookings();
                    }
                }
                yield new Residual(observation, observation.value(), booked);
            }
            case SUSPENDED_AT -> new Residual(observation, Math.max(1, atMinute),
                    night.suspended() ? night.suspendedAtMinute() : p.windowMinutes());
            case SHOWN_WAIT -> {
                int minute = (int) Math.max(0, Math.min(rows.size() - 1, Math.floor(atMinute)));
                yield new Residual(observation, observation.value(),
                        night.shownWaitMinutes(minute, rows.get(minute).queue()));
            }
            case SESSIONS_IN_HOUR -> {
                long sessions = 0;
                for (BookingNightResult.MinuteFigures row : rows) {
                    if (row.minute() >= atMinute - 1e-9 && row.minute() < atMinute + 60 - 1e-9) {
                        sessions += row.arrivals();
                    }
                }
                yield new Residual(observation, observation.value(), sessions);
            }
        };
    }

    /** {@code plan} with {@code values} in place of its own. */
    public static Plan apply(Plan plan, Map<Parameter, Double> values) {
        BookingSystem system = plan.bookingSystem();
        int sessions = system.concurrentSessions();
        double perHour = system.peoplePerHour();
        NightAssumptions night = system.night();
        WaitingRoom room = system.waitingRoom();
        for (Map.Entry<Parameter, Double> entry : values.entrySet()) {
            double value = entry.getValue();
            switch (entry.getKey()) {
                case CAPACITY -> {
                    sessions = (int) Math.max(1, Math.round(value));
                    perHour = sessions * 60 / system.sessionMinutes();
                }
                case BURST_SHARE -> night = night.withBurst(value, night.burstDecayMinutes());
                case BURST_DECAY -> night = night.withBurst(night.burstShare(), value);
                case PERSISTENCE -> room = new WaitingRoom(room.enabled(), room.admittedPerMinute(), room.order(),
                        room.patienceMinutes(), value, room.retryDelayMinutes());
                case PATIENCE -> room = new WaitingRoom(room.enabled(), room.admittedPerMinute(), room.order(),
                        value, room.retryProbability(), room.retryDelayMinutes());
                default -> throw new IllegalStateException("unknown parameter " + entry.getKey());
            }
        }
        BookingSystem fitted = new BookingSystem(Math.round(perHour * 1000) / 1000.0, sessions,
                system.sessionMinutes(), system.accessMultiplier(), system.capacityChanges(), room,
                system.overload(), night);
        return plan.withBookingSystem(fitted);
    }

    /** The runs of one fit, remembered by point so that no night is run twice. */
    private final class Search {
        private final Plan plan;
        private final Cohort window;
        private final BookingNights nights;
        private final List<Observation> observed;
        private final List<Parameter> parameters;
        private final long seed;
        private final Cancellation cancellation;
        private final Map<String, Double> seen = new HashMap<>();
        private int evaluations;

        Search(Plan plan, Cohort window, long appointments, List<Observation> observed, List<Parameter> parameters,
               long seed, Cancellation cancellation) {
            this.plan = plan;
            this.window = window;
            this.nights = new BookingNights(BookingLimit.fixed(appointments));
            this.observed = observed;
            this.parameters = parameters;
            this.seed = seed;
            this.cancellation = cancellation;
        }

        double objective(double[] point) {
            StringBuilder key = new StringBuilder();
            Map<Parameter, Double> values = new EnumMap<>(Parameter.class);
            for (int i = 0; i < point.length; i++) {
                key.append(String.format(Locale.ROOT, "%.6f;", point[i]));
                values.put(parameters.get(i), parameters.get(i).fromUnit(point[i]));
            }
            Double known = seen.get(key.toString());
            if (known != null) {
                return known;
            }
            cancellation.throwIfCancelled();
            double value = NightCalibration.objective(residuals(run(apply(plan, values)), observed));
            for (double u : point) {
                value += TIE_BREAK * (u - 0.5) * (u - 0.5);
            }
            evaluations++;
            seen.put(key.toString(), value);
            return value;
        }

        BookingNightResult run(Plan variant) {
            return model.run(nights.parameters(variant, window), seed, Progress.none(), cancellation);
        }
    }
}
