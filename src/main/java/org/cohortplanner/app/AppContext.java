package org.cohortplanner.app;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.cohortplanner.cli.CohortPlannerCommand.ConsoleOptions;
import org.cohortplanner.cli.VersionProvider;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.planning.CohortSplitter;
import org.cohortplanner.simulation.BookingNightSimulator;
import org.cohortplanner.simulation.BookingNights;
import org.cohortplanner.store.PlanChange;
import org.cohortplanner.store.PlanStore;
import org.cohortplanner.store.StoreException;
import org.cohortplanner.store.h2.H2PlanStore;
import org.cohortplanner.store.json.PlanFiles;
import org.cohortplanner.store.remote.RemotePlanStore;
import org.cohortplanner.ui.audit.AuditView;
import org.cohortplanner.ui.audit.AuditViewModel;
import org.cohortplanner.ui.cohorts.CohortsView;
import org.cohortplanner.ui.cohorts.CohortsViewModel;
import org.cohortplanner.ui.common.CohortSelection;
import org.cohortplanner.ui.common.ExecutorTaskRunner;
import org.cohortplanner.ui.common.FxUserDialogs;
import org.cohortplanner.ui.common.PlanFileAccess;
import org.cohortplanner.ui.common.TaskRunner;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.common.UserDialogs;
import org.cohortplanner.ui.common.WorkingPlan;
import org.cohortplanner.ui.export.ExportView;
import org.cohortplanner.ui.export.ExportViewModel;
import org.cohortplanner.ui.export.FxExportChoosers;
import org.cohortplanner.ui.export.SystemDesktopOpener;
import org.cohortplanner.ui.remote.BackendSettings;
import org.cohortplanner.ui.remote.PlanStoreSwitch;
import org.cohortplanner.ui.remote.RemoteConnectionViewModel;
import org.cohortplanner.ui.remote.RemoteModeView;
import org.cohortplanner.ui.shell.Screen;
import org.cohortplanner.ui.shell.ShellView;
import org.cohortplanner.ui.shell.ShellViewModel;
import org.cohortplanner.ui.timeline.TimelineView;
import org.cohortplanner.ui.timeline.TimelineViewModel;
import org.cohortplanner.ui.simulation.SimulationView;
import org.cohortplanner.ui.simulation.SimulationViewModel;
import org.cohortplanner.ui.supply.SupplyView;
import org.cohortplanner.ui.supply.SupplyViewModel;

/**
 * The one place where the console is put together: the data store, background work, the working plan, every
 * screen's view model and view. Everything gets what it needs through its constructor.
 */
public final class AppContext implements AutoCloseable {
    /** The plan a new local model starts with, bundled in the jar from sample-data/. */
    public static final String SAMPLE_PLAN_RESOURCE = "/sample-data/korea-2021-initial.json";
    private static final int BACKGROUND_THREADS = 2;

    /** The local model, or the backend while connected (File ▸ Connect to backend…). */
    private final PlanStoreSwitch store;
    private final TaskRunner tasks;
    private final String user;
    private final Plan storedPlan;
    /** The language of every screen's texts (see Texts). */
    private final Locale locale = Locale.getDefault();
    private Stage stage;

    AppContext(PlanStore store, TaskRunner tasks, String user) {
        this.store = new PlanStoreSwitch(Objects.requireNonNull(store, "store"));
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.user = Objects.requireNonNull(user, "user");
        this.storedPlan = this.store.load().orElseGet(this::seedWithSample);
    }

    /**
     * Opens the local model in the data folder ({@code --data-dir}, else the user's data folder), seeding it with the
     * initial sample plan the first time.
     *
     * @throws StoreException when the store cannot be opened, saying why
     */
    public static AppContext open(ConsoleOptions options) {
        PlanStore store = H2PlanStore.open(options.dataDir());
        try {
            return new AppContext(store, ExecutorTaskRunner.withDaemonThreads(BACKGROUND_THREADS, Platform::runLater),
                    PlanChange.currentUser());
        } catch (RuntimeException failure) {
            store.close();
            throw failure;
        }
    }

    private Plan seedWithSample() {
        Plan sample;
        try (InputStream in = AppContext.class.getResourceAsStream(SAMPLE_PLAN_RESOURCE)) {
            if (in == null) {
                throw new StoreException("the sample plan " + SAMPLE_PLAN_RESOURCE + " is missing from this build");
            }
            sample = PlanFiles.read(in, "korea-2021-initial.json (bundled sample)");
        } catch (IOException failure) {
            throw new StoreException("the bundled sample plan cannot be read: " + failure.getMessage(), failure);
        }
        return store.replace(sample, new PlanChange(user, "Started with the sample plan", "",
                sample.name(), "first start"));
    }

    /** Builds the console's screens and shows them in {@code stage}; {@code onExit} ends the program. */
    public void show(Stage window, Runnable onExit) {
        this.stage = window;
        UserDialogs dialogs = new FxUserDialogs(() -> stage);
        WorkingPlan working = new WorkingPlan(store, tasks, storedPlan);
        PlanFileAccess files = new JsonPlanFileAccess();
        CohortSelection selection = new CohortSelection();
        ShellViewModel shell = new ShellViewModel(working, files, tasks, dialogs, user,
                new VersionProvider().getVersion()[0]);

        Map<Screen, Node> screens = new EnumMap<>(Screen.class);
        screens.put(Screen.COHORTS, new CohortsView(new CohortsViewModel(working, selection, dialogs, user, locale))
                .root());
        screens.put(Screen.TIMELINE, new TimelineView(new TimelineViewModel(working, selection, user, locale,
                Clock.systemUTC())).root());
        screens.put(Screen.SUPPLY, new SupplyView(new SupplyViewModel(working, tasks, dialogs, user,
                Texts.of(SupplyView.class, locale))).root());
        screens.put(Screen.SIMULATION, new SimulationView(new SimulationViewModel(working, tasks, selection,
                new BookingNightSimulator(), BookingNights.standard(), new CohortSplitter(), user,
                Texts.of(SimulationView.class, locale))).root());
        Texts exportTexts = Texts.of(ExportView.class, locale);
        screens.put(Screen.EXPORT, new ExportView(new ExportViewModel(working, store, files, tasks, dialogs,
                new FxExportChoosers(() -> stage, exportTexts), new SystemDesktopOpener(), exportTexts),
                exportTexts).root());
        screens.put(Screen.AUDIT, new AuditView(new AuditViewModel(store, working, tasks)).root());

        RemoteConnectionViewModel remote = new RemoteConnectionViewModel(store, working, tasks, dialogs,
                BackendSettings.userPreferences(), RemotePlanStore::new, user,
                Texts.of(RemoteConnectionViewModel.class, locale), shell::savePlanAs);
        RemoteModeView remoteMode = new RemoteModeView(remote, working, tasks, () -> stage);
        ShellView shellView = new ShellView(shell, screens, locale);
        shellView.addFileMenuItems(remoteMode.fileMenuItems().toArray(MenuItem[]::new));
        shellView.addStatusItem(remoteMode.statusNode());
        shellView.showIn(window, onExit);
    }

    /** Ends background work and closes the store. */
    @Override
    public void close() {
        tasks.shutdown();
        store.close();
    }
}
