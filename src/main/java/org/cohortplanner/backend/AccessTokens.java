package org.cohortplanner.backend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The bearer tokens the backend accepts, read once at start from the tokens file (docs/api.md, "Tokens"). The file
 * holds SHA-256 hashes of the tokens, never the tokens: one line per token,
 * <pre>
 * # user    roles            sha256 of the token
 * kim       planner          sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
 * lee       supply,viewer    sha256:...
 * </pre>
 * A presented token is hashed and compared with every line in constant time, so neither the file nor the timing of
 * an answer gives a token away.
 */
public final class AccessTokens {
    private static final String HASH_PREFIX = "sha256:";

    private record Entry(String user, Set<Role> roles, byte[] hash) {
    }

    private final List<Entry> entries;

    private AccessTokens(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** No token at all: every request that needs one is refused with 401. */
    public static AccessTokens none() {
        return new AccessTokens(List.of());
    }

    /**
     * Reads the tokens file.
     *
     * @throws IllegalArgumentException naming the file and line when a line is not "user roles sha256:hex"
     */
    public static AccessTokens read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException missing) {
            throw new IllegalArgumentException("the tokens file " + file + " does not exist", missing);
        } catch (IOException failure) {
            throw new IllegalArgumentException("cannot read the tokens file " + file + ": " + failure.getMessage(),
                    failure);
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            entries.add(parse(line, file + ":" + (i + 1)));
        }
        return new AccessTokens(entries);
    }

    /** Tokens given in code (tests, the load run): each entry is user, roles and the token itself. */
    public static AccessTokens of(List<TokenGrant> grants) {
        List<Entry> entries = new ArrayList<>();
        for (TokenGrant grant : grants) {
            entries.add(new Entry(grant.user(), grant.roles(), sha256(grant.token())));
        }
        return new AccessTokens(entries);
    }

    /** A token given in code, for {@link #of}. */
    public record TokenGrant(String user, Set<Role> roles, String token) {
    }

    private static Entry parse(String line, String where) {
        String[] fields = line.split("\\s+");
        if (fields.length != 3) {
            throw new IllegalArgumentException(where + ": expected 'user roles sha256:hex', found " + fields.length
                    + " fields");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String label : fields[1].split(",")) {
            roles.add(Role.parse(label).orElseThrow(() -> new IllegalArgumentException(where + ": unknown role '"
                    + label + "'; roles are planner, supply and viewer")));
        }
        String hash = fields[2].toLowerCase(Locale.ROOT);
        if (!hash.startsWith(HASH_PREFIX) || hash.length() != HASH_PREFIX.length() + 64
                || !hash.substring(HASH_PREFIX.length()).chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException(where + ": the token must be given as sha256: and 64 hexadecimal "
                    + "digits (the SHA-256 of the token), not the token itself");
        }
        return new Entry(fields[0], roles, HexFormat.of().parseHex(hash.substring(HASH_PREFIX.length())));
    }

    /** The caller holding {@code token}, when it is one of the file's. */
    public Optional<Caller> caller(String token) {
        byte[] presented = sha256(token);
        Entry found = null;
        for (Entry entry : entries) {
            // Every entry is compared, so the time taken does not tell which line matched.
            if (MessageDigest.isEqual(entry.hash(), presented) && found == null) {
                found = entry;
            }
        }
        return found == null ? Optional.empty() : Optional.of(new Caller(found.user(), found.roles()));
    }

    public int size() {
        return entries.size();
    }

    /** The line to put in a tokens file for {@code token}: its SHA-256 with the prefix the file expects. */
    public static String hashLine(String token) {
        return HASH_PREFIX + HexFormat.of().formatHex(sha256(token));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }
}
