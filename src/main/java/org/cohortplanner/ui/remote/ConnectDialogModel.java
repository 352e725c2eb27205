package org.cohortplanner.ui.remote;

import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.cohortplanner.store.remote.BackendProbe;
import org.cohortplanner.ui.common.Messages;
import org.cohortplanner.ui.common.TaskRunner;
import org.cohortplanner.ui.common.Texts;

/**
 * The connect dialog: the backend's address and a token, a connection test that runs in the background and says
 * plainly what it found, and Connect.
 */
public final class ConnectDialogModel {

    /** How the last test or connect attempt ended, for the colour of its message. */
    public enum Outcome { NONE, WORKING, GOOD, BAD }

    static final String TEST_CHANNEL = "backend-test";

    private final RemoteConnectionViewModel connection;
    private final TaskRunner tasks;
    private final Texts texts;
    private final StringProperty url = new SimpleStringProperty(this, "url", "");
    private final StringProperty token = new SimpleStringProperty(this, "token", "");
    private final BooleanProperty rememberToken = new SimpleBooleanProperty(this, "rememberToken");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome", Outcome.NONE);
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(this, "connected");

    public ConnectDialogModel(RemoteConnectionViewModel connection, TaskRunner tasks) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.texts = connection.texts();
        url.set(connection.rememberedUrl());
        connection.rememberedToken().ifPresent(kept -> {
            token.set(kept);
            rememberToken.set(true);
        });
    }

    /** Checks the address and token in the background without connecting. */
    public void test() {
        busy.set(true);
        show(Outcome.WORKING, texts.get("test.running"));
        String address = url.get();
        String key = token.get();
        tasks.run(TEST_CHANNEL, progress -> connection.open(address, key).probe(), probe -> {
            busy.set(false);
            show(probe.outcome() == BackendProbe.Outcome.REACHABLE ? Outcome.GOOD : Outcome.BAD, describe(probe));
        }, failure -> {
            busy.set(false);
            show(Outcome.BAD, Messages.describe(failure, texts.locale()));
        });
    }

    String describe(BackendProbe probe) {
        switch (probe.outcome()) {
            case REACHABLE:
                return texts.get("test.reachable", probe.user(), String.join(", ", probe.roles().stream()
                        .map(role -> texts.get("role." + role)).toList()), probe.planVersion());
            case BAD_TOKEN:
                return texts.get("test.badToken");
            case NO_ANSWER:
                return texts.get("test.noAnswer", probe.message());
            case UNREACHABLE:
                return texts.get("test.unreachable", probe.message());
            default:
                return texts.get("test.notBackend", probe.message());
        }
    }

    /** Connects; {@link #connectedProperty()} turns true when the console works on the backend. */
    public void connect() {
        busy.set(true);
        show(Outcome.WORKING, texts.get("connect.running"));
        tasks.cancel(TEST_CHANNEL);
        connection.connect(url.get(), token.get(), rememberToken.get(), worked -> {
            busy.set(false);
            if (worked) {
                show(Outcome.GOOD, texts.get("connect.done"));
                connected.set(true);
            } else {
                show(Outcome.BAD, connection.connectProblemProperty().get());
            }
        });
    }

    /** Stops a test still running (the dialog was closed). */
    public void cancel() {
        tasks.cancel(TEST_CHANNEL);
        busy.set(false);
    }

    private void show(Outcome kind, String text) {
        outcome.set(kind);
        result.set(text);
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty tokenProperty() {
        return token;
    }

    public BooleanProperty rememberTokenProperty() {
        return rememberToken;
    }

    /** True while a test or a connect attempt runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What the last test or connect attempt found, in words. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    public Texts texts() {
        return texts;
    }
}
