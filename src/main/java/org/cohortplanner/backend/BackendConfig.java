package org.cohortplanner.backend;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import org.cohortplanner.domain.Plan;

/**
 * How to run the backend.
 *
 * @param host             the address to listen on (loopback unless told otherwise)
 * @param port             0 for any free port
 * @param databaseUrl      a jdbc:h2: or jdbc:postgresql: URL
 * @param databaseUser     may be empty (H2 uses "sa")
 * @param databasePassword may be empty
 * @param tokens           who may call the planning resources
 * @param keystore         PKCS#12 or JKS keystore for TLS, or null for plain HTTP
 * @param keystorePassword the keystore's password, or null
 * @param clock            the booking desk's clock (a test pretends it is 19 July 2021, 20:05 in Seoul)
 * @param seed             stored into an empty database at start, or null to start empty
 * @param personKey        the key of the person ids' hashes; every instance on one database needs the same
 */
public record BackendConfig(String host, int port, String databaseUrl, String databaseUser, String databasePassword,
                            AccessTokens tokens, Path keystore, char[] keystorePassword, Clock clock, Plan seed,
                            PersonKey personKey) {
    public static final String LOOPBACK = "127.0.0.1";

    public BackendConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(databaseUrl, "databaseUrl");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(personKey, "personKey");
        databaseUser = databaseUser == null ? "" : databaseUser;
        databasePassword = databasePassword == null ? "" : databasePassword;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
        }
    }

    /** Plain HTTP on loopback, any free port, system clock. */
    public static BackendConfig loopback(String databaseUrl, AccessTokens tokens, Plan seed) {
        return new BackendConfig(LOOPBACK, 0, databaseUrl, "", "", tokens, null, null, Clock.systemUTC(), seed,
                PersonKey.random());
    }

    public BackendConfig withClock(Clock newClock) {
        return new BackendConfig(host, port, databaseUrl, databaseUser, databasePassword, tokens, keystore,
                keystorePassword, newClock, seed, personKey);
    }

    public BackendConfig withTls(Path newKeystore, char[] password) {
        return new BackendConfig(host, port, databaseUrl, databaseUser, databasePassword, tokens, newKeystore,
                password, clock, seed, personKey);
    }

    public BackendConfig withPort(int newPort) {
        return new BackendConfig(host, newPort, databaseUrl, databaseUser, databasePassword, tokens, keystore,
                keystorePassword, clock, seed, personKey);
    }

    public BackendConfig withPersonKey(PersonKey newPersonKey) {
        return new BackendConfig(host, port, databaseUrl, databaseUser, databasePassword, tokens, keystore,
                keystorePassword, clock, seed, newPersonKey);
    }

    public boolean tls() {
        return keystore != null;
    }
}
