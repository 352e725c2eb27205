package org.cohortplanner.ui.remote;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.binding.BooleanExpression;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import org.cohortplanner.ui.common.TaskRunner;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.common.WorkingPlan;

/**
 * The remote mode in the console's frame: File menu items (connect, disconnect, live booking night), the backend and
 * connection state in the status bar with Retry and Save-to-file when the backend is not reached, and the conflict
 * dialog when the backend refuses a save.
 */
public final class RemoteModeView {
    public static final String MENU_CONNECT_ID = "menu-connect-backend";
    public static final String MENU_DISCONNECT_ID = "menu-disconnect-backend";
    public static final String MENU_LIVE_ID = "menu-live-night";
    public static final String STATUS_ID = "status-backend";
    public static final String RETRY_ID = "status-backend-retry";
    public static final String SAVE_ID = "status-backend-save";
    public static final String RESOLVE_ID = "status-backend-resolve";

    private final RemoteConnectionViewModel connection;
    private final WorkingPlan working;
    private final TaskRunner tasks;
    private final Supplier<Window> owner;
    private final Texts texts;
    private boolean asking;
    private LiveNightView liveView;

    public RemoteModeView(RemoteConnectionViewModel connection, WorkingPlan working, TaskRunner tasks,
                          Supplier<Window> owner) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.working = Objects.requireNonNull(working, "working");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.texts = connection.texts();
        connection.conflictProperty().addListener((observable, before, after) -> {
            if (after != null) {
                // Not from inside the store write's callback: a modal dialog waits in its own turn.
                Platform.runLater(this::askAboutConflict);
            }
        });
    }

    /** File menu items: Connect to backend…, Disconnect / Work locally, Live booking night…. */
    public List<MenuItem> fileMenuItems() {
        MenuItem connect = item(texts.get("menu.connect"), MENU_CONNECT_ID, this::showConnectDialog);
        MenuItem disconnect = item(texts.get("menu.disconnect"), MENU_DISCONNECT_ID, connection::disconnect);
        MenuItem live = item(texts.get("menu.live"), MENU_LIVE_ID, this::showLiveNight);
        disconnect.disableProperty().bind(connection.stateProperty().isEqualTo(RemoteConnectionViewModel.State.LOCAL)
                .or(connection.stateProperty().isEqualTo(RemoteConnectionViewModel.State.CONNECTING)));
        return List.of(connect, disconnect, live, new SeparatorMenuItem());
    }

    /** The backend and its state, with Retry / Save my plan to a file… / Resolve… when they apply. */
    public Node statusNode() {
        Label status = new Label();
        status.setId(STATUS_ID);
        status.getStyleClass().addAll("status-text", "remote-status");
        status.textProperty().bind(connection.statusTextProperty());
        status.visibleProperty().bind(connection.statusTextProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        connection.stateProperty().addListener((observable, before, after) -> mark(status, after));
        mark(status, connection.getState());

        Button retry = action(texts.get("offline.retry"), RETRY_ID, connection::retry);
        Button save = action(texts.get("offline.save"), SAVE_ID, connection::saveToFile);
        Button resolve = action(texts.get("conflict.resolve"), RESOLVE_ID, this::askAboutConflict);
        show(retry, connection.stateProperty().isEqualTo(RemoteConnectionViewModel.State.OFFLINE));
        show(save, connection.stateProperty().isEqualTo(RemoteConnectionViewModel.State.OFFLINE)
                .or(connection.stateProperty().isEqualTo(RemoteConnectionViewModel.State.CONFLICT)));
        show(resolve, connection.stateProperty().isEqualTo(RemoteConnectionViewModel.State.CONFLICT));
        HBox box = new HBox(6, status, retry, save, resolve);
        box.setAlignment(Pos.CENTER_LEFT);
        box.sceneProperty().addListener((observable, before, after) -> {
            if (after != null) {
                RemoteStyles.addTo(after);
            }
        });
        return box;
    }

    private static void show(Node node, BooleanExpression when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(when);
    }

    private static void mark(Label status, RemoteConnectionViewModel.State state) {
        status.getStyleClass().removeAll("connected", "connecting", "offline", "conflict");
        if (state != RemoteConnectionViewModel.State.LOCAL) {
            status.getStyleClass().add(state.name().toLowerCase(Locale.ROOT));
        }
    }

    public void showConnectDialog() {
        new ConnectDialog(new ConnectDialogModel(connection, tasks)).show(owner.get());
    }

    public void showLiveNight() {
        if (liveView == null) {
            liveView = new LiveNightView(new LiveNightViewModel(connection, working, tasks, texts));
        }
        liveView.show(owner.get());
    }

    private void askAboutConflict() {
        WorkingPlan.StoreConflict conflict = connection.conflictProperty().get();
        if (conflict == null || asking) {
            return;
        }
        asking = true;
        try {
            ZoneId zone = working.getPlan().zone();
            switch (new ConflictDialog(texts, zone).ask(owner.get(), connection.summary(conflict))) {
                case RELOAD_THEIRS:
                    connection.reloadTheirs();
                    break;
                case REAPPLY_MINE:
                    connection.reapplyMine();
                    break;
                default:
                    break;
            }
        } finally {
            asking = false;
        }
    }

    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(event -> action.run());
        return item;
    }

    private static Button action(String text, String id, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.getStyleClass().add("remote-action");
        button.setFocusTraversable(false);
        button.setOnAction(event -> action.run());
        return button;
    }
}
