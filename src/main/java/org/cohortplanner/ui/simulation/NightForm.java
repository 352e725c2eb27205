package org.cohortplanner.ui.simulation;

import java.util.List;
import java.util.Objects;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.NightAssumptions;
import org.cohortplanner.domain.Overload;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.QueueOrder;
import org.cohortplanner.simulation.ArrivalProfile;
import org.cohortplanner.simulation.BookingLimit;
import org.cohortplanner.simulation.BookingNightParameters;
import org.cohortplanner.simulation.Patience;
import org.cohortplanner.simulation.ServiceTime;
import org.cohortplanner.simulation.SlotChange;
import org.cohortplanner.ui.common.Texts;

/**
 * The booking night's parameters as the Simulation screen's form holds them: filled from the plan for a window,
 * changed freely without touching the plan, and turned into the model's parameters with their validation.
 */
public final class NightForm {
    private final Texts texts;

    private final DoubleProperty uptake = new SimpleDoubleProperty(this, "uptake");
    private final DoubleProperty accessMultiplier = new SimpleDoubleProperty(this, "accessMultiplier", 1);
    private final DoubleProperty burstShare = new SimpleDoubleProperty(this, "burstShare");
    private final DoubleProperty burstDecayMinutes = new SimpleDoubleProperty(this, "burstDecayMinutes", 60);
    private final BooleanProperty arrivalTable = new SimpleBooleanProperty(this, "arrivalTable");
    private final ReadOnlyBooleanWrapper planHasArrivalTable =
            new ReadOnlyBooleanWrapper(this, "planHasArrivalTable");
    private final ObjectProperty<Patience.Kind> patienceKind =
            new SimpleObjectProperty<>(this, "patienceKind", Patience.Kind.EXPONENTIAL);
    private final DoubleProperty stepSeconds = new SimpleDoubleProperty(this, "stepSeconds");
    private final IntegerProperty concurrentRequests = new SimpleIntegerProperty(this, "concurrentRequests");
    private final DoubleProperty timeoutSeconds = new SimpleDoubleProperty(this, "timeoutSeconds");
    private final DoubleProperty restartMinutes = new SimpleDoubleProperty(this, "restartMinutes");
    private final IntegerProperty concurrentSessions = new SimpleIntegerProperty(this, "concurrentSessions", 1);
    private final DoubleProperty sessionMinutes = new SimpleDoubleProperty(this, "sessionMinutes", 5);
    private final ObjectProperty<ServiceTime.Kind> serviceKind =
            new SimpleObjectProperty<>(this, "serviceKind", ServiceTime.Kind.EXPONENTIAL);
    private final DoubleProperty serviceSpread = new SimpleDoubleProperty(this, "serviceSpread", 1);
    private final BooleanProperty capacityChanges = new SimpleBooleanProperty(this, "capacityChanges", true);
    private final BooleanProperty waitingRoom = new SimpleBooleanProperty(this, "waitingRoom");
    private final IntegerProperty admittedPerMinute = new SimpleIntegerProperty(this, "admittedPerMinute");
    private final ObjectProperty<QueueOrder> queueOrder =
            new SimpleObjectProperty<>(this, "queueOrder", QueueOrder.FIFO);
    private final DoubleProperty patienceMinutes = new SimpleDoubleProperty(this, "patienceMinutes");
    private final DoubleProperty retryProbability = new SimpleDoubleProperty(this, "retryProbability");
    private final DoubleProperty retryDelayMinutes = new SimpleDoubleProperty(this, "retryDelayMinutes");
    private final BooleanProperty limitBySupply = new SimpleBooleanProperty(this, "limitBySupply", true);
    private final LongProperty seed = new SimpleLongProperty(this, "seed", 1);

    private boolean resetting;

    NightForm(Texts texts) {
        this.texts = Objects.requireNonNull(texts, "texts");
    }

    /** The values that change the night (not the seed), in the order the form shows them. */
    List<Observable> nightInputs() {
        return List.of(uptake, accessMultiplier, burstShare, burstDecayMinutes, arrivalTable,
                concurrentSessions, sessionMinutes, serviceKind, serviceSpread, capacityChanges, waitingRoom,
                admittedPerMinute, queueOrder, patienceMinutes, patienceKind, retryProbability, retryDelayMinutes,
                stepSeconds, concurrentRequests, timeoutSeconds, restartMinutes, limitBySupply);
    }

    /** True while {@link #reset} sets the values one by one, so that listeners wait for the whole form. */
    boolean isResetting() {
        return resetting;
    }

    /** Puts every value back to what {@code plan} says for the window of {@code cohort} ({@code planned}). */
    void reset(Plan plan, Cohort cohort, BookingNightParameters planned) {
        resetting = true;
        try {
            uptake.set(cohort.uptake());
            accessMultiplier.set(planned.accessMultiplier());
            NightAssumptions planNight = plan.bookingSystem().night();
            burstShare.set(planNight.burstShare());
            burstDecayMinutes.set(planNight.burstDecayMinutes());
            planHasArrivalTable.set(planNight.hasArrivalTable());
            arrivalTable.set(planNight.hasArrivalTable());
            patienceKind.set(planned.patience().kind());
            stepSeconds.set(planNight.stepSeconds());
            concurrentRequests.set((int) Math.min(Integer.MAX_VALUE, planned.overload().concurrentRequests()));
            timeoutSeconds.set(planned.overload().timeoutSeconds());
            restartMinutes.set(planned.overload().restartMinutes());
            concurrentSessions.set(planned.slots());
            sessionMinutes.set(planned.serviceTime().meanMinutes());
            serviceKind.set(planned.serviceTime().kind());
            serviceSpread.set(planned.serviceTime().spread());
            capacityChanges.set(true);
            waitingRoom.set(planned.waitingRoom());
            admittedPerMinute.set(planned.admittedPerMinute());
            queueOrder.set(planned.queueOrder());
            patienceMinutes.set(plan.bookingSystem().waitingRoom().patienceMinutes());
            retryProbability.set(planned.retryProbability());
            retryDelayMinutes.set(planned.retryDelayMinutes());
            limitBySupply.set(true);
        } finally {
            resetting = false;
        }
    }

    /** The night {@code base} with the form's values; throws IllegalArgumentException naming one it cannot take. */
    BookingNightParameters apply(BookingNightParameters base, Cohort cohort) {
        if (!(uptake.get() >= 0 && uptake.get() <= 1)) {
            throw new IllegalArgumentException(texts.get("problem.uptake"));
        }
        if (!(sessionMinutes.get() > 0)) {
            throw new IllegalArgumentException(texts.get("problem.sessionMinutes"));
        }
        ServiceTime service = serviceKind.get() == ServiceTime.Kind.LOG_NORMAL
                ? ServiceTime.logNormal(sessionMinutes.get(), serviceSpread.get())
                : ServiceTime.exponential(sessionMinutes.get());
        List<SlotChange> changes = capacityChanges.get() ? base.slotChanges() : List.of();
        boolean room = waitingRoom.get();
        ArrivalProfile arrivals = arrivalTable.get() && base.arrivals().hasTable() ? base.arrivals()
                : ArrivalProfile.burst(burstShare.get(), burstDecayMinutes.get());
        double step = stepSeconds.get() > 0 ? Math.min(Math.min(stepSeconds.get(),
                BookingNightParameters.MAX_STEP_SECONDS), service.meanMinutes() * 60 / 4)
                : BookingNightParameters.defaultStepSeconds(service);
        Patience patience = patienceMinutes.get() > 0 && patienceKind.get() != Patience.Kind.NONE
                ? new Patience(patienceKind.get(), patienceMinutes.get()) : Patience.unlimited();
        BookingNightParameters night = base
                .withPeople(Math.round(cohort.eligible() * uptake.get()))
                .withAccessMultiplier(accessMultiplier.get())
                .withArrivals(arrivals)
                .withServiceTime(service)
                .withStepSeconds(step)
                .withOverload(new Overload(Math.max(0, concurrentRequests.get()), Math.max(0, timeoutSeconds.get()),
                        Math.max(0, restartMinutes.get())))
                .withCapacity(concurrentSessions.get(), changes)
                .withWaitingRoom(room, room ? Math.max(1, admittedPerMinute.get()) : admittedPerMinute.get(),
                        queueOrder.get())
                .withPatience(patience)
                .withRetries(retryProbability.get(), retryDelayMinutes.get());
        return limitBySupply.get() ? night : night.withBookingLimit(BookingLimit.UNLIMITED);
    }

    public DoubleProperty uptakeProperty() {
        return uptake;
    }

    public DoubleProperty accessMultiplierProperty() {
        return accessMultiplier;
    }

    public DoubleProperty burstShareProperty() {
        return burstShare;
    }

    public DoubleProperty burstDecayMinutesProperty() {
        return burstDecayMinutes;
    }

    /** Use the plan's quarter-hour arrival table instead of the burst (only when the plan has one). */
    public BooleanProperty arrivalTableProperty() {
        return arrivalTable;
    }

    public ReadOnlyBooleanProperty planHasArrivalTableProperty() {
        return planHasArrivalTable.getReadOnlyProperty();
    }

    public ObjectProperty<Patience.Kind> patienceKindProperty() {
        return patienceKind;
    }

    /** Time step of the fast model in seconds; 0 = chosen from the session time. */
    public DoubleProperty stepSecondsProperty() {
        return stepSeconds;
    }

    /** Connections the system holds at the opening; 0 = it does not break under load. */
    public IntegerProperty concurrentRequestsProperty() {
        return concurrentRequests;
    }

    public DoubleProperty timeoutSecondsProperty() {
        return timeoutSeconds;
    }

    public DoubleProperty restartMinutesProperty() {
        return restartMinutes;
    }

    public IntegerProperty concurrentSessionsProperty() {
        return concurrentSessions;
    }

    public DoubleProperty sessionMinutesProperty() {
        return sessionMinutes;
    }

    public ObjectProperty<ServiceTime.Kind> serviceKindProperty() {
        return serviceKind;
    }

    public DoubleProperty serviceSpreadProperty() {
        return serviceSpread;
    }

    public BooleanProperty capacityChangesProperty() {
        return capacityChanges;
    }

    public BooleanProperty waitingRoomProperty() {
        return waitingRoom;
    }

    public IntegerProperty admittedPerMinuteProperty() {
        return admittedPerMinute;
    }

    public ObjectProperty<QueueOrder> queueOrderProperty() {
        return queueOrder;
    }

    public DoubleProperty patienceMinutesProperty() {
        return patienceMinutes;
    }

    public DoubleProperty retryProbabilityProperty() {
        return retryProbability;
    }

    public DoubleProperty retryDelayMinutesProperty() {
        return retryDelayMinutes;
    }

    public BooleanProperty limitBySupplyProperty() {
        return limitBySupply;
    }

    public LongProperty seedProperty() {
        return seed;
    }
}
