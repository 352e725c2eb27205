package org.cohortplanner.backend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server's key for person ids: the backend stores a person only as HMAC-SHA256(key, verified person id), so the
 * database never holds the id in the clear and a copy of it cannot be matched against a list of ids without the key.
 * Every instance serving one night must be given the same key (the same file).
 */
public final class PersonKey {
    private static final String ALGORITHM = "HmacSHA256";
    private static final int KEY_BYTES = 32;
    /** Longest person id accepted: identity systems hand over ids far shorter than this. */
    static final int MAX_PERSON_ID_LENGTH = 128;

    private final SecretKeySpec key;
    /**
     * One initialised Mac per thread: looking the algorithm up and initialising it with the key cost more than
     * hashing an id, once for every booking request.
     */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    private PersonKey(byte[] bytes) {
        if (bytes.length < 16) {
            throw new IllegalArgumentException("a person key must hold at least 16 bytes, got " + bytes.length);
        }
        this.key = new SecretKeySpec(bytes.clone(), ALGORITHM);
    }

    /** A fresh random key (a test's, or a backend whose bookings need not outlive it). */
    public static PersonKey random() {
        byte[] bytes = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        return new PersonKey(bytes);
    }

    /** The key held in {@code file} as hex (64 hex digits for 32 bytes). */
    public static PersonKey read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return new PersonKey(HexFormat.of().parseHex(text));
        } catch (IOException failure) {
            throw new IllegalArgumentException("cannot read the person key " + file + ": " + failure.getMessage(),
                    failure);
        } catch (IllegalArgumentException notHex) {
            throw new IllegalArgumentException("the person key " + file + " must hold hex digits (at least 32): "
                    + notHex.getMessage(), notHex);
        }
    }

    /** The key in {@code file}, made once with owner-only permissions when it does not exist yet. */
    public static PersonKey readOrCreate(Path file) {
        if (!Files.exists(file)) {
            byte[] bytes = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(bytes);
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Path part = Files.createTempFile(file.toAbsolutePath().getParent(), "person-key", ".part");
                try {
                    ownerOnly(part);
                    Files.writeString(part, HexFormat.of().formatHex(bytes) + "\n", StandardCharsets.US_ASCII);
                    Files.move(part, file);
                } finally {
                    Files.deleteIfExists(part);
                }
            } catch (FileAlreadyExistsException madeMeanwhile) {
                // Another instance made it first: use theirs.
            } catch (IOException failure) {
                throw new IllegalArgumentException("cannot create the person key " + file + ": "
                        + failure.getMessage(), failure);
            }
        }
        return read(file);
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file inherits the user's profile folder's permissions.
        }
    }

    /** The keyed hash of a verified person id, 64 hex digits. */
    public String hash(String personId) {
        Objects.requireNonNull(personId, "personId");
        // doFinal leaves the Mac ready for the next id under the same key.
        return HexFormat.of().formatHex(macs.get().doFinal(personId.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException failure) {
            throw new IllegalStateException("HMAC-SHA256 is not available: " + failure.getMessage(), failure);
        }
    }

    @Override
    public String toString() {
        return "PersonKey[hidden]";
    }
}
