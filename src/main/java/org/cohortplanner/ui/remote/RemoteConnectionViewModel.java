package org.cohortplanner.ui.remote;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.PlanChange;
import org.cohortplanner.store.StoreException;
import org.cohortplanner.store.remote.BackendConflictException;
import org.cohortplanner.store.remote.RemotePlanStore;
import org.cohortplanner.ui.common.Messages;
import org.cohortplanner.ui.common.ProblemTexts;
import org.cohortplanner.ui.common.TaskRunner;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.common.UserDialogs;
import org.cohortplanner.ui.common.WorkingPlan;

/**
 * The console's connection to a booking backend: connecting switches the working plan to the backend's plan,
 * disconnecting goes back to the local model. Watches the working plan's writes to tell the status bar whether the
 * backend is reached (connected), not reached (offline: the edits wait, to be retried or saved to a file), or
 * refused a save because someone else saved first (conflict: settled by taking their plan or re-applying one's own
 * edits on top of it).
 */
public final class RemoteConnectionViewModel {

    /** How the console stands with the backend. */
    public enum State { LOCAL, CONNECTING, CONNECTED, OFFLINE, CONFLICT }

    /** Opens a backend store; tests give shorter timeouts. */
    @FunctionalInterface
    public interface Connector {
        RemotePlanStore open(URI url, String token);
    }

    static final String CONNECT_CHANNEL = "backend-connect";

    private final PlanStoreSwitch stores;
    private final WorkingPlan working;
    private final TaskRunner tasks;
    private final UserDialogs dialogs;
    private final BackendSettings settings;
    private final Connector connector;
    private final String user;
    private final Texts texts;
    private final Runnable saveToFile;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.LOCAL);
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
    private final ReadOnlyObjectWrapper<WorkingPlan.StoreConflict> conflict =
            new ReadOnlyObjectWrapper<>(this, "conflict");
    private final ReadOnlyStringWrapper connectProblem = new ReadOnlyStringWrapper(this, "connectProblem", "");
    private boolean connecting;

    /**
     * @param saveToFile asks for a file and saves the working plan there (the File menu's Save as…), so edits the
     *                   backend did not take can be kept
     */
    public RemoteConnectionViewModel(PlanStoreSwitch stores, WorkingPlan working, TaskRunner tasks,
                                     UserDialogs dialogs, BackendSettings settings, Connector connector, String user,
                                     Texts texts, Runnable saveToFile) {
        this.stores = Objects.requireNonNull(stores, "stores");
        this.working = Objects.requireNonNull(working, "working");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.connector = Objects.requireNonNull(connector, "connector");
        this.user = Objects.requireNonNull(user, "user");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.saveToFile = Objects.requireNonNull(saveToFile, "saveToFile");
        working.setConflictHandler(conflict::set);
        working.storeStateProperty().addListener((observable, before, after) -> refresh());
        working.storeProblemProperty().addListener((observable, before, after) -> refresh());
        conflict.addListener((observable, before, after) -> refresh());
        refresh();
    }

    /** The address the connect dialog starts with: the one used last. */
    public String rememberedUrl() {
        return settings.backendUrl().orElse("");
    }

    /** The token kept on this computer, if the user asked for that. */
    public Optional<String> rememberedToken() {
        return settings.token();
    }

    /** A backend store for {@code url} and {@code token}; a malformed address gives a StoreException saying so. */
    RemotePlanStore open(String url, String token) {
        String trimmed = url == null ? "" : url.strip();
        if (trimmed.isEmpty()) {
            throw new StoreException(texts.get("connect.noUrl"));
        }
        URI address;
        try {
            address = new URI(trimmed);
        } catch (URISyntaxException malformed) {
            throw new StoreException(texts.get("connect.badUrl", trimmed));
        }
        return connector.open(address, token == null ? "" : token.strip());
    }

    /**
     * Reads the backend's plan in the background and, when it comes, works on it. Refused while edits have not
     * reached the current store (they would be left behind). {@code onDone} hears whether it worked.
     */
    public void connect(String url, String token, boolean rememberToken, Consumer<Boolean> onDone) {
        if (working.getStoreState() != WorkingPlan.StoreState.SAVED) {
            connectProblem.set(texts.get("connect.pendingEdits"));
            onDone.accept(false);
            return;
        }
        connecting = true;
        connectProblem.set("");
        refresh();
        tasks.run(CONNECT_CHANNEL, progress -> {
            RemotePlanStore backend = open(url, token);
            Plan plan = backend.load().orElseThrow(() -> new StoreException(
                    texts.get("connect.noPlan", backend.location())));
            return new Opened(backend, plan);
        }, opened -> {
            connecting = false;
            stores.use(opened.store());
            working.reload(opened.plan());
            settings.remember(opened.store().location(), rememberToken ? token.strip() : null);
            refresh();
            onDone.accept(true);
        }, failure -> {
            connecting = false;
            connectProblem.set(Messages.describe(failure, texts.locale()));
            refresh();
            onDone.accept(false);
        });
    }

    /** Goes back to the local model, after asking when edits have not reached the backend. */
    public void disconnect() {
        if (stores.isLocal()) {
            return;
        }
        if (working.getStoreState() != WorkingPlan.StoreState.SAVED
                && !dialogs.confirm(texts.get("disconnect.title"), texts.get("disconnect.pendingEdits"))) {
            return;
        }
        tasks.run(CONNECT_CHANNEL, progress -> stores.local().load().orElseThrow(
                () -> new StoreException(texts.get("disconnect.noLocalPlan"))), local -> {
                    stores.useLocal();
                    conflict.set(null);
                    working.reload(local);
                    refresh();
                }, failure -> dialogs.showError(texts.get("disconnect.title"), Messages.describe(failure, texts.locale())));
    }

    /** Tries the waiting writes again (after the backend was down or slow). */
    public void retry() {
        working.retryStoreWrites();
    }

    /** Saves the working plan, with the edits the backend has not taken, to a plan file. */
    public void saveToFile() {
        saveToFile.run();
    }

    /** Settles the conflict by taking the plan as the backend holds it: one's own unsaved edits are dropped. */
    public void reloadTheirs() {
        WorkingPlan.StoreConflict settled = conflict.get();
        if (settled == null) {
            return;
        }
        Optional<Plan> stored = settled.failure().storedPlan();
        if (stored.isPresent()) {
            conflict.set(null);
            working.reload(stored.get());
            return;
        }
        tasks.run(CONNECT_CHANNEL, progress -> stores.load().orElseThrow(
                () -> new StoreException(texts.get("connect.noPlan", stores.location()))), plan -> {
                    conflict.set(null);
                    working.reload(plan);
                }, failure -> dialogs.showError(texts.get("conflict.title"), Messages.describe(failure, texts.locale())));
    }

    /** Settles the conflict by making one's own edits again on top of the stored plan and saving that. */
    public void reapplyMine() {
        WorkingPlan.StoreConflict settled = conflict.get();
        if (settled == null) {
            return;
        }
        Optional<Plan> stored = settled.failure().storedPlan();
        if (stored.isEmpty()) {
            tasks.run(CONNECT_CHANNEL, progress -> stores.load().orElseThrow(
                    () -> new StoreException(texts.get("connect.noPlan", stores.location()))),
                    plan -> reapplyOn(settled, plan),
                    failure -> dialogs.showError(texts.get("conflict.title"), Messages.describe(failure, texts.locale())));
            return;
        }
        reapplyOn(settled, stored.get());
    }

    private void reapplyOn(WorkingPlan.StoreConflict settled, Plan theirs) {
        Plan merged;
        try {
            merged = ReappliedEdits.onto(settled.base(), settled.mine(), theirs);
        } catch (IllegalArgumentException impossible) {
            dialogs.showError(texts.get("conflict.title"), texts.get("conflict.cannotReapply",
                    Messages.describe(impossible, texts.locale())));
            return;
        }
        conflict.set(null);
        working.reapply(theirs, merged, new PlanChange(user, texts.get("conflict.reappliedAction",
                ConflictSummary.actions(settled.myChanges(), ProblemTexts.of(texts.locale()))), settled.base().name(),
                merged.name(),
                texts.get("conflict.reappliedReason", theirs.version())));
    }

    /** What the conflict dialog shows: the other planner's change and one's own. */
    public ConflictSummary summary(WorkingPlan.StoreConflict shown) {
        BackendConflictException.OtherChange other = shown.failure() instanceof BackendConflictException
                ? ((BackendConflictException) shown.failure()).otherChange().orElse(null) : null;
        return ConflictSummary.of(shown, other, ProblemTexts.of(texts.locale()));
    }

    private void refresh() {
        if (connecting) {
            state.set(State.CONNECTING);
            statusText.set(texts.get("status.connecting"));
            return;
        }
        if (stores.isLocal()) {
            state.set(State.LOCAL);
            statusText.set("");
            return;
        }
        String where = stores.location();
        if (conflict.get() != null) {
            state.set(State.CONFLICT);
            statusText.set(texts.get("status.conflict", where));
        } else if (working.getStoreState() == WorkingPlan.StoreState.FAILED) {
            state.set(State.OFFLINE);
            statusText.set(texts.get("status.offline", where));
        } else {
            state.set(State.CONNECTED);
            statusText.set(texts.get("status.connected", where));
        }
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State getState() {
        return state.get();
    }

    /** The backend and the connection state in words, for the status bar; empty when working locally. */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /** The conflict waiting to be settled, or null. */
    public ReadOnlyObjectProperty<WorkingPlan.StoreConflict> conflictProperty() {
        return conflict.getReadOnlyProperty();
    }

    /** Why the last connect attempt failed, empty otherwise. */
    public ReadOnlyStringProperty connectProblemProperty() {
        return connectProblem.getReadOnlyProperty();
    }

    public boolean isRemote() {
        return !stores.isLocal();
    }

    /** The backend store while connected, for the live view. */
    public Optional<RemotePlanStore> backend() {
        return stores.current() instanceof RemotePlanStore
                ? Optional.of((RemotePlanStore) stores.current()) : Optional.empty();
    }

    public Texts texts() {
        return texts;
    }

    private record Opened(RemotePlanStore store, Plan plan) {
    }
}
