package org.cohortplanner.ui.remote;

import java.util.Optional;

/**
 * What the console remembers about the backend: the address between runs, the token only when the user asked for it
 * ("remember token until the console closes") and never beyond the session.
 */
public interface BackendSettings {

    Optional<String> backendUrl();

    Optional<String> token();

    /** Remembers {@code url}; remembers {@code token} when it is not null, else forgets any token kept before. */
    void remember(String url, String token);

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
}
