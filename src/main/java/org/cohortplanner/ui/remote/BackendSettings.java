package org.cohortplanner.ui.remote;

import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the console remembers about the backend between runs: the address always, the token only when the user asked
 * for it ("remember token on this computer").
 */
public interface BackendSettings {

    Optional<String> backendUrl();

    Optional<String> token();

    /** Remembers {@code url}; remembers {@code token} when it is not null, else forgets any token kept before. */
    void remember(String url, String token);

    /** Kept in the user's Java preferences, node {@value #NODE}. */
    static BackendSettings userPreferences() {
        return new PreferencesSettings(Preferences.userRoot().node(NODE));
    }

    /** Nothing kept between runs: for tests, and for a console that must not write preferences. */
    static BackendSettings inMemory() {
        return new BackendSettings() {
            private String url;
            private String token;

            @Override
            public Optional<String> backendUrl() {
                return Optional.ofNullable(url);
            }

            @Override
            public Optional<String> token() {
                return Optional.ofNullable(token);
            }

            @Override
            public void remember(String newUrl, String newToken) {
                url = newUrl;
                token = newToken;
            }
        };
    }

    String NODE = "org/cohortplanner/console";
    String URL_KEY = "backendUrl";
    String TOKEN_KEY = "backendToken";

    /** java.util.prefs: a file under the user's home on Linux, the registry on Windows. */
    final class PreferencesSettings implements BackendSettings {
        private final Preferences node;

        PreferencesSettings(Preferences node) {
            this.node = node;
        }

        @Override
        public Optional<String> backendUrl() {
            return Optional.ofNullable(node.get(URL_KEY, null)).filter(url -> !url.isBlank());
        }

        @Override
        public Optional<String> token() {
            return Optional.ofNullable(node.get(TOKEN_KEY, null)).filter(token -> !token.isBlank());
        }

        @Override
        public void remember(String url, String token) {
            node.put(URL_KEY, url);
            if (token == null) {
                node.remove(TOKEN_KEY);
            } else {
                node.put(TOKEN_KEY, token);
            }
            try {
                node.flush();
            } catch (BackingStoreException notKept) {
                // The connection works without it; the address is simply asked again next time.
            }
        }
    }
}
