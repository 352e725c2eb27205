package org.cohortplanner.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.MenuItem;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.cohortplanner.cli.Briefing;
import org.cohortplanner.cli.CohortPlannerCommand.ConsoleOptions;
import org.cohortplanner.cli.VersionProvider;
import org.cohortplanner.domain.AuditEntry;
import org.cohortplanner.domain.Phrase;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.export.BriefingPdf;
import org.cohortplanner.planning.CohortSplitter;
import org.cohortplanner.simulation.BookingNightResult;
import org.cohortplanner.simulation.BookingNightSimulator;
import org.cohortplanner.simulation.BookingNights;
import org.cohortplanner.simulation.CampaignDashboard;
import org.cohortplanner.store.DataLocation;
import org.cohortplanner.domain.PlanChange;
import org.cohortplanner.store.PlanStore;
import org.cohortplanner.store.StoreException;
import org.cohortplanner.store.h2.H2PlanStore;
import org.cohortplanner.store.json.ObservedNightFiles;
import org.cohortplanner.store.json.PlanFiles;
import org.cohortplanner.store.remote.RemotePlanStore;
import org.cohortplanner.store.settings.ConsoleSettings;
import org.cohortplanner.store.settings.SettingsFile;
import org.cohortplanner.store.settings.TableStateFile;
import org.cohortplanner.ui.audit.AuditView;
import org.cohortplanner.ui.audit.AuditViewModel;
import org.cohortplanner.ui.cohorts.CohortsView;
import org.cohortplanner.ui.cohorts.CohortsViewModel;
import org.cohortplanner.ui.dashboard.DashboardTarget;
import org.cohortplanner.ui.dashboard.DashboardView;
import org.cohortplanner.ui.dashboard.DashboardViewModel;
import org.cohortplanner.ui.common.TableMemory;
import org.cohortplanner.ui.common.CohortSelection;
import org.cohortplanner.ui.common.RegionSelection;
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
import org.cohortplanner.ui.provinces.ProvincesView;
import org.cohortplanner.ui.provinces.ProvincesViewModel;
import org.cohortplanner.ui.remote.PlanStoreSwitch;
import org.cohortplanner.ui.remote.RemoteConnectionViewModel;
import org.cohortplanner.ui.remote.RemoteModeView;
import org.cohortplanner.ui.scenarios.ScenariosView;
import org.cohortplanner.ui.scenarios.ScenariosViewModel;
import org.cohortplanner.ui.shell.BriefingDialog;
import org.cohortplanner.ui.shell.BriefingRequest;
import org.cohortplanner.ui.shell.ConsoleSettingsAccess;
import org.cohortplanner.ui.shell.FirstRunView;
import org.cohortplanner.ui.shell.Screen;
import org.cohortplanner.ui.shell.ShellView;
import org.cohortplanner.ui.shell.ShellViewModel;
import org.cohortplanner.ui.shell.StartingPlan;
import org.cohortplanner.ui.simulation.CalibrationViewModel;
import org.cohortplanner.ui.simulation.SimulationView;
import org.cohortplanner.ui.simulation.SimulationViewModel;
import org.cohortplanner.ui.supply.SupplyView;
import org.cohortplanner.ui.supply.SupplyViewModel;
import org.cohortplanner.ui.timeline.TimelineView;
import org.cohortplanner.ui.timeline.TimelineViewModel;

/**
 * The one place where the console is put together: the data store, background work, the settings, the working plan,
 * every screen's view model and view. Everything gets what it needs through its constructor. When the language
 * changes, the screens are built again in it around the same working plan, selection and screen shown.
 */
public final class AppContext implements AutoCloseable {
    /** The plan a new local model starts with, bundled in the jar from sample-data/. */
    public static final String SAMPLE_PLAN_RESOURCE = StartingPlan.INITIAL_SAMPLE.resource();
    /** The console's icon, also used by the installed packages. */
    public static final String ICON_RESOURCE = "/org/cohortplanner/ui/icon.png";
    private static final int BACKGROUND_THREADS = 2;

    /** The local model, or the backend while connected (File ▸ Connect to backend…). */
    private final PlanStoreSwitch store;
    private final TaskRunner tasks;
    private final String user;
    private final ConsoleSettingsAccess settings;
    private ConsoleBackendSettings backendSettings;
    /** True until the user has chosen a starting plan on the first-run screen. */
    private boolean firstRun;
    /** The language of every screen's texts (see Texts); follows the settings. */
    private Locale locale;
    private Stage stage;
    private Runnable exit;
    private Runnable endProgram;
    private WorkingPlan working;
    private CohortSelection selection;
    private RegionSelection regionSelection;
    private ShellViewModel shell;
    /** The Simulation and Export screens' view models while built, and what they held at the last rebuild. */
    private SimulationViewModel simulationShown;
    private ExportViewModel exportShown;
    private BookingNightResult keptNight;
    private ExportViewModel.Choices keptExport;

    AppContext(PlanStore store, TaskRunner tasks, String user) {
        this(store, tasks, user, ConsoleSettingsAccess.inMemory(null), false);
    }

    /**
     * @param firstRun true to let the user choose the starting plan (when the store holds none yet); false seeds an
     *                 empty store with the initial sample at once
     */
    AppContext(PlanStore store, TaskRunner tasks, String user, ConsoleSettingsAccess settings, boolean firstRun) {
        this.store = new PlanStoreSwitch(Objects.requireNonNull(store, "store"));
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.user = Objects.requireNonNull(user, "user");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.locale = settings.settings().locale(Locale.getDefault());
        boolean empty = store.load().isEmpty();
        this.firstRun = firstRun && empty;
        if (empty && !this.firstRun) {
            start(StartingPlan.INITIAL_SAMPLE);
        }
    }

    /**
     * Opens the local model in the data folder ({@code --data-dir}, else the one in the settings, else the user's data
     * folder). Without saved settings and without {@code --data-dir}, the console starts with its first-run screen.
     *
     * @throws StoreException when the store cannot be opened, saying why
     */
    public static AppContext open(ConsoleOptions options, SettingsFile settingsFile) {
        boolean settingsSaved = settingsFile.exists();
        ConsoleSettings saved = settingsFile.read().orElseGet(ConsoleSettings::defaults);
        TableMemory.use(TableStateFile.beside(settingsFile));
        Path dataDir = options.dataDir() != null ? options.dataDir() : saved.dataDirectory();
        SavedSettings settings = new SavedSettings(settingsFile, saved, DataLocation.resolve(dataDir).directory(),
                DataLocation.userDefault().directory());
        PlanStore store = H2PlanStore.open(dataDir);
        try {
            AppContext context = new AppContext(store,
                    ExecutorTaskRunner.withDaemonThreads(BACKGROUND_THREADS, Platform::runLater),
                    PlanChange.currentUser(), settings, !settingsSaved && options.dataDir() == null);
            settings.onChange(context::settingsChanged);
            return context;
        } catch (RuntimeException failure) {
            store.close();
            throw failure;
        }
    }

    /** Puts the chosen starting plan into the (empty) store, with an audit entry that says which. */
    void start(StartingPlan choice) {
        Plan sample = bundledPlan(choice.resource());
        if (choice == StartingPlan.EMPTY) {
            Plan empty = new Plan(newPlanName(), "", sample.zone(), List.of(), sample.brands(), List.of(),
                    sample.sites(), sample.bookingSystem(), sample.holidays(), sample.regions(), sample.population(),
                    sample.settings(), 0);
            store.replace(empty, new PlanChange(user, "Started a new plan", "", empty.name(), "first start")
                    .withWhat(Phrase.of("audit.plan.started")));
        } else {
            store.replace(sample, new PlanChange(user, "Started with the sample plan", "", sample.name(),
                    "first start").withWhat(Phrase.of("audit.plan.startedWithSample")));
        }
        firstRun = false;
    }

    private String newPlanName() {
        return Texts.of(ShellViewModel.class, locale).get("newPlan.name");
    }

    private static Plan bundledPlan(String resource) {
        try (InputStream in = AppContext.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new StoreException("the sample plan " + resource + " is missing from this build");
            }
            return PlanFiles.read(in, resource.substring(resource.lastIndexOf('/') + 1) + " (bundled sample)");
        } catch (IOException failure) {
            throw new StoreException("the bundled sample plan cannot be read: " + failure.getMessage(), failure);
        }
    }

    /** The first-run screen (new console) or the console itself in {@code window}; {@code onExit} ends the program. */
    public void show(Stage window, Runnable onExit) {
        this.stage = window;
        this.endProgram = onExit;
        this.exit = () -> {
            rememberWindow();
            onExit.run();
        };
        try (InputStream icon = AppContext.class.getResourceAsStream(ICON_RESOURCE)) {
            if (icon != null) {
                window.getIcons().setAll(new Image(icon));
            }
        } catch (IOException noIcon) {
            // The window keeps the toolkit's default icon.
        }
        restoreWindow();
        if (firstRun) {
            showFirstRun();
        } else {
            openConsole();
        }
    }

    private void showFirstRun() {
        FirstRunView welcome = new FirstRunView(settings.settings().language(), settings.dataFolderInUse() == null
                ? DataLocation.userDefault().directory() : settings.dataFolderInUse(), (choice, language) -> {
                    start(choice);
                    // Saving the settings ends the first run: the next start opens the console directly.
                    saveQuietly(settings.settings().withLanguage(language));
                    locale = settings.settings().locale(Locale.getDefault());
                    openConsole();
                });
        Scene scene = new Scene(welcome.root(), ShellView.WIDTH, ShellView.HEIGHT);
        scene.getStylesheets().add(ShellView.stylesheet());
        stage.setScene(scene);
        stage.setTitle("Cohort Planner");
        // Closing the welcome screen saves nothing: the next start asks again.
        stage.setOnCloseRequest(event -> endProgram.run());
        stage.show();
    }

    private void openConsole() {
        Plan stored = store.load().orElseThrow(() -> new StoreException("the data store holds no plan"));
        working = new WorkingPlan(store, tasks, stored);
        selection = new CohortSelection();
        regionSelection = new RegionSelection();
        reassociateLastPlanFile(stored);
        buildConsole(Screen.DASHBOARD, false);
    }

    /** The plan file last opened or saved is the working plan's file again when it holds the same plan. */
    private void reassociateLastPlanFile(Plan stored) {
        Path last = settings.settings().lastPlanFile();
        if (last == null || !Files.isRegularFile(last)) {
            return;
        }
        try {
            Plan inFile = PlanFiles.read(last);
            if (inFile.name().equals(stored.name())) {
                working.savedToFile(last, inFile);
            }
        } catch (RuntimeException unreadable) {
            // The file changed or went away since; the console simply starts without a plan file.
            return;
        }
    }

    /**
     * Builds every screen in the current language around the working plan, and shows {@code shown}; {@code rebuild}
     * puts it in place of the console the window shows.
     */
    private void buildConsole(Screen shown, boolean rebuild) {
        if (rebuild) {
            // The screens left behind must hear of nothing any more, or every switch would keep a whole console alive
            // and busy: the new screens get properties of their own holding the same plan and selections.
            working.newGeneration();
            CohortSelection cohort = new CohortSelection();
            cohort.select(selection.getCohortId());
            selection = cohort;
            RegionSelection region = new RegionSelection();
            region.select(regionSelection.getRegion());
            regionSelection = region;
            // What a screen holds beyond the plan goes over to its successor as values, not as the old view model
            // (which would keep the old screen alive).
            keptNight = simulationShown == null ? keptNight : simulationShown.night().resultProperty().get();
            keptExport = exportShown == null ? keptExport : exportShown.choices();
            simulationShown = null;
            exportShown = null;
        }
        UserDialogs dialogs = new FxUserDialogs(() -> stage, locale);
        PlanFileAccess files = new JsonPlanFileAccess();
        shell = new ShellViewModel(working, files, tasks, dialogs, user, new VersionProvider().getVersion()[0], locale,
                settings);
        shell.show(shown);
        shell.setBriefing(this::writeBriefing, new BriefingDialog(() -> stage, locale), store);

        // The screens are built later, on first showing: they take this console's plan, selections and language.
        WorkingPlan working = this.working;
        CohortSelection selection = this.selection;
        RegionSelection regionSelection = this.regionSelection;
        Locale locale = this.locale;
        ShellViewModel shell = this.shell;
        Map<Screen, Supplier<Node>> screens = new EnumMap<>(Screen.class);
        // Each screen is built the first time it is shown: the console opens on one screen, not nine.
        screens.put(Screen.DASHBOARD, () -> new DashboardView(new DashboardViewModel(working, tasks,
                CampaignDashboard.standard(), selection, regionSelection, target -> shell.show(screenOf(target)),
                Texts.of(DashboardView.class, locale))).root());
        screens.put(Screen.COHORTS, () -> new CohortsView(new CohortsViewModel(working, selection, dialogs, user,
                locale)).root());
        screens.put(Screen.TIMELINE, () -> new TimelineView(new TimelineViewModel(working, selection, user, locale,
                Clock.systemUTC())).root());
        screens.put(Screen.SUPPLY, () -> {
            SupplyViewModel supply = new SupplyViewModel(working, tasks, dialogs, user,
                    Texts.of(SupplyView.class, locale));
            supply.selectedRegionProperty().bindBidirectional(regionSelection.regionProperty());
            return new SupplyView(supply).root();
        });
        screens.put(Screen.SIMULATION, () -> simulationScreen(working, selection, dialogs, locale));
        screens.put(Screen.EXPORT, () -> exportScreen(working, files, dialogs, locale));
        screens.put(Screen.AUDIT, () -> new AuditView(new AuditViewModel(store, working, tasks, locale)).root());
        screens.put(Screen.PROVINCES, () -> new ProvincesView(new ProvincesViewModel(working, tasks,
                CampaignDashboard.standard(), regionSelection, Texts.of(ProvincesView.class, locale))).root());
        screens.put(Screen.SCENARIOS, () -> new ScenariosView(new ScenariosViewModel(working, store, tasks,
                CampaignDashboard.standard(), user, Texts.of(ScenariosView.class, locale))).root());

        RemoteConnectionViewModel remote = new RemoteConnectionViewModel(store, working, tasks, dialogs,
                backendSettings(), RemotePlanStore::new, user,
                Texts.of(RemoteConnectionViewModel.class, locale), shell::savePlanAs);
        RemoteModeView remoteMode = new RemoteModeView(remote, working, tasks, () -> stage);
        ShellView console = new ShellView(shell, screens);
        console.addFileMenuItems(remoteMode.fileMenuItems().toArray(MenuItem[]::new));
        console.addStatusItem(remoteMode.statusNode());
        if (rebuild) {
            console.replaceIn(stage, exit);
        } else {
            console.showIn(stage, exit);
        }
    }

    /** The Simulation screen, showing the last result of the screen it replaces (another language's). */
    private Node simulationScreen(WorkingPlan working, CohortSelection selection, UserDialogs dialogs,
                                  Locale locale) {
        Texts simulationTexts = Texts.of(SimulationView.class, locale);
        SimulationViewModel simulation = new SimulationViewModel(working, tasks, selection,
                new BookingNightSimulator(), BookingNights.standard(), new CohortSplitter(), user, simulationTexts);
        simulation.night().show(keptNight);
        simulationShown = simulation;
        return new SimulationView(simulation, new CalibrationViewModel(working, tasks, dialogs,
                file -> ObservedNightFiles.read(file).observations(), new BookingNightSimulator(),
                BookingNights.standard(), user, simulationTexts)).root();
    }

    /** The Export screen, with the choices of the screen it replaces (another language's). */
    private Node exportScreen(WorkingPlan working, PlanFileAccess files, UserDialogs dialogs, Locale locale) {
        Texts exportTexts = Texts.of(ExportView.class, locale);
        ExportViewModel export = new ExportViewModel(working, store, files, tasks, dialogs,
                new FxExportChoosers(() -> stage, exportTexts), new SystemDesktopOpener(), exportTexts);
        if (keptExport != null) {
            export.restore(keptExport);
        }
        exportShown = export;
        return new ExportView(export, exportTexts).root();
    }

    /**
     * The {@code brief} command's report of the working plan (or of it compared with a scenario), with the decisions
     * of the store's audit trail since the day chosen.
     */
    private void writeBriefing(BriefingRequest request, TaskRunner.Job progress) throws Exception {
        List<Plan> plans = new ArrayList<>();
        plans.add(request.plan());
        request.comparedPlan().ifPresent(plans::add);
        List<Briefing.Briefed> briefed = new ArrayList<>();
        // The figures simulate every opening night: most of the time goes there, the rest to the audit and the PDF.
        for (int i = 0; i < plans.size(); i++) {
            progress.checkCancelled();
            progress.report(0.8 * i / plans.size(), "");
            briefed.add(new Briefing.Briefed(plans.get(i), CampaignDashboard.standard().figures(plans.get(i))));
        }
        progress.checkCancelled();
        progress.report(0.8, "");
        List<AuditEntry> audit = store.audit();
        progress.checkCancelled();
        progress.report(0.9, "");
        BriefingPdf.write(new Briefing(request.language()).document(briefed, audit, request.since(),
                LocalDate.now(Clock.systemUTC().withZone(request.plan().zone()))), request.target(), true);
        progress.report(1, "");
    }

    private static Screen screenOf(DashboardTarget target) {
        return switch (target) {
            case COHORTS -> Screen.COHORTS;
            case TIMELINE -> Screen.TIMELINE;
            case SUPPLY -> Screen.SUPPLY;
            case PROVINCES -> Screen.PROVINCES;
            case SIMULATION -> Screen.SIMULATION;
        };
    }

    /** One for the console's run, so that a token kept for the session outlives a rebuild for another language. */
    private ConsoleBackendSettings backendSettings() {
        if (backendSettings == null) {
            backendSettings = ConsoleBackendSettings.of(settings);
        }
        return backendSettings;
    }

    private void settingsChanged(ConsoleSettings before, ConsoleSettings after) {
        Locale changed = after.locale(Locale.getDefault());
        if (changed.equals(locale)) {
            return;
        }
        locale = changed;
        if (stage != null && working != null) {
            Screen shown = shell.getScreen();
            // After the menu action that asked for it has finished with the old scene graph.
            Platform.runLater(() -> buildConsole(shown, true));
        }
    }

    private void restoreWindow() {
        ConsoleSettings.WindowBounds bounds = settings.settings().window();
        if (bounds == null || javafx.stage.Screen.getScreensForRectangle(new Rectangle2D(bounds.x(), bounds.y(),
                bounds.width(), bounds.height())).isEmpty()) {
            return;
        }
        stage.setX(bounds.x());
        stage.setY(bounds.y());
        stage.setWidth(bounds.width());
        stage.setHeight(bounds.height());
        stage.setMaximized(bounds.maximized());
    }

    private void rememberWindow() {
        if (stage == null || !(stage.getWidth() > 0) || !(stage.getHeight() > 0)) {
            return;
        }
        saveQuietly(settings.settings().withWindow(new ConsoleSettings.WindowBounds(stage.getX(), stage.getY(),
                stage.getWidth(), stage.getHeight(), stage.isMaximized())));
    }

    private void saveQuietly(ConsoleSettings changed) {
        try {
            settings.change(changed);
        } catch (StoreException notSaved) {
            // Settings are a convenience: the console works without them and says nothing to interrupt the user.
            System.err.println("cohort-planner: " + notSaved.getMessage());
        }
    }

    /** The language the screens are built in now. */
    Locale locale() {
        return locale;
    }

    /** True while the first-run screen is (to be) shown. */
    boolean isFirstRun() {
        return firstRun;
    }

    /** Ends background work and closes the store. */
    @Override
    public void close() {
        tasks.shutdown();
        store.close();
    }
}
