package org.cohortplanner.app;

import java.util.Objects;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.cohortplanner.store.settings.ConsoleSettings;
import org.cohortplanner.ui.remote.BackendSettings;
import org.cohortplanner.ui.shell.ConsoleSettingsAccess;

/**
 * The backend's address in the settings file, the one place the console keeps it; the token for this session only,
 * never written anywhere. An operating-system keyring would keep it across runs, but none answers on a headless
 * machine and no keyring library on Maven Central is both well kept and free of native set-up, so a token is typed
 * again after a restart.
 * <p>
 * Consoles before this kept both in Java preferences (node {@value #LEGACY_NODE}), the token in plain text: the first
 * start takes the address over into the settings file (unless the file names one already) and removes both keys, so
 * the plain-text token is gone and the migration happens once.
 */
final class ConsoleBackendSettings implements BackendSettings {
    static final String LEGACY_NODE = "org/cohortplanner/console";
    static final String LEGACY_URL_KEY = "backendUrl";
    static final String LEGACY_TOKEN_KEY = "backendToken";

    private final ConsoleSettingsAccess settings;
    /** Read and written from any thread; the only state of its own, so no lock is needed. */
    private volatile String sessionToken;

    private ConsoleBackendSettings(ConsoleSettingsAccess settings) {
        this.settings = settings;
    }

    /** The user's settings, with the preferences of an older console migrated first. */
    static ConsoleBackendSettings of(ConsoleSettingsAccess settings) {
        return migrated(settings, Preferences.userRoot().node(LEGACY_NODE));
    }

    static ConsoleBackendSettings migrated(ConsoleSettingsAccess settings, Preferences legacy) {
        Objects.requireNonNull(settings, "settings");
        String url = legacy.get(LEGACY_URL_KEY, null);
        boolean hadToken = legacy.get(LEGACY_TOKEN_KEY, null) != null;
        if (url != null && !url.isBlank() && settings.settings().backendUrl().isEmpty()) {
            settings.change(settings.settings().withBackendUrl(url));
        }
        if (url != null || hadToken) {
            legacy.remove(LEGACY_URL_KEY);
            legacy.remove(LEGACY_TOKEN_KEY);
            try {
                legacy.flush();
            } catch (BackingStoreException notWritten) {
                // Tried again at the next start; the console works without it.
            }
        }
        return new ConsoleBackendSettings(settings);
    }

    @Override
    public Optional<String> backendUrl() {
        return Optional.of(settings.settings().backendUrl()).filter(url -> !url.isBlank());
    }

    @Override
    public Optional<String> token() {
        return Optional.ofNullable(sessionToken);
    }

    @Override
    public void remember(String url, String token) {
        sessionToken = token;
        ConsoleSettings current = settings.settings();
        if (!current.backendUrl().equals(url)) {
            settings.change(current.withBackendUrl(url));
        }
    }
}
