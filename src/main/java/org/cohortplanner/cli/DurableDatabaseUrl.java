package org.cohortplanner.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Makes the database URL given to {@code serve} one on which every write answered 2xx survives a hard kill, or
 * refuses it saying which setting and why. H2 acknowledges a commit before writing it unless {@code WRITE_DELAY=0}
 * (its default delay lost thousands of answered bookings on kill -9), so that setting is added when absent; settings
 * that cannot be durable are refused rather than silently overridden, as the operator asked for them.
 * <p>
 * In-memory H2 ({@code jdbc:h2:mem:}, {@code memFS:}, {@code nioMemFS:}) is refused: it loses everything when the
 * process stops. PostgreSQL commits durably unless told otherwise, so only a {@code synchronous_commit} other than
 * {@code on} in the URL's options is refused.
 * <p>
 * Not for durability but for the night's speed: unless the URL sets {@code CACHE_SIZE}, an H2 URL gets a page cache
 * of a quarter of the heap (at least H2's own 16 MB, at most 1 GB). With H2's default of 16 MB the booking writer
 * read index pages back from the file on most inserts (a third of its time in a profile of a booking run); with a
 * quarter of a 1 GB heap it read none.
 */
final class DurableDatabaseUrl {
    private static final String H2 = "jdbc:h2:";

    private DurableDatabaseUrl() {
    }

    /**
     * The URL as {@code serve} uses it.
     *
     * @throws IllegalArgumentException naming the setting that cannot keep an answered write
     */
    static String of(String url) {
        return of(url, cacheKilobytes(Runtime.getRuntime().maxMemory()));
    }

    /** As {@link #of(String)}, with an H2 page cache of {@code cacheKilobytes} unless the URL sets one. */
    static String of(String url, long cacheKilobytes) {
        if (url.regionMatches(true, 0, H2, 0, H2.length())) {
            return h2(url, cacheKilobytes);
        }
        String lower = url.toLowerCase(Locale.ROOT).replace("%3d", "=").replace("%20", " ");
        int at = lower.indexOf("synchronous_commit");
        if (at >= 0) {
            String rest = lower.substring(at + "synchronous_commit".length()).replaceFirst("^\\s*=\\s*", "");
            if (!rest.startsWith("on") && !rest.startsWith("remote_apply")) {
                throw new IllegalArgumentException("the database URL sets synchronous_commit to something other "
                        + "than on: PostgreSQL would answer a commit before it is on disk, and a crash would lose "
                        + "bookings already confirmed; leave the setting out");
            }
        }
        return url;
    }

    /** The URL as the banner and the log show it: every setting, with a password in it masked. */
    static String shown(String url) {
        return url.replaceAll("(?i)((?:^|[;?&])password=)[^;&]*", "$1***");
    }

    /** A quarter of the heap, at least H2's default of 16 MB and at most 1 GB, in kilobytes. */
    static long cacheKilobytes(long maxHeapBytes) {
        return Math.max(16_384, Math.min(1_048_576, maxHeapBytes / 4 / 1024));
    }

    private static String h2(String url, long cacheKilobytes) {
        String[] parts = url.split(";", -1);
        String location = parts[0].substring(H2.length());
        String lowerLocation = location.toLowerCase(Locale.ROOT);
        if (lowerLocation.startsWith("mem:") || lowerLocation.startsWith("memfs:")
                || lowerLocation.startsWith("niomemfs:") || lowerLocation.startsWith("niomemlzf:")
                || lowerLocation.startsWith("memlzf:")) {
            throw new IllegalArgumentException("the database URL '" + parts[0] + "' keeps the database in memory: "
                    + "every booking would be lost when serve stops; give a file (jdbc:h2:file:PATH) or leave --db "
                    + "out for the default file in the data folder");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].isBlank()) {
                continue;
            }
            int equals = parts[i].indexOf('=');
            String name = (equals < 0 ? parts[i] : parts[i].substring(0, equals)).strip().toUpperCase(Locale.ROOT);
            String value = equals < 0 ? "" : parts[i].substring(equals + 1).strip();
            settings.put(name, value);
            order.add(parts[i]);
        }
        refuse(settings, "WRITE_DELAY", "0", "H2 would answer a commit up to that many milliseconds before "
                + "writing it, and a kill would lose bookings already confirmed");
        refuse(settings, "LOG", "2", "without H2's transaction log synced to disk a crash loses confirmed writes");
        if (settings.containsKey("FILE_LOCK") && settings.get("FILE_LOCK").equalsIgnoreCase("NO")) {
            throw new IllegalArgumentException("the database URL sets FILE_LOCK=NO: two processes could then write "
                    + "the same H2 file and corrupt it; leave the setting out");
        }
        refuse(settings, "DB_CLOSE_ON_EXIT", "FALSE", "serve closes the database itself once the requests in "
                + "flight are done; H2 closing it on exit as well would fail those requests");
        StringBuilder used = new StringBuilder(parts[0]);
        order.forEach(setting -> used.append(';').append(setting));
        if (!settings.containsKey("WRITE_DELAY")) {
            used.append(";WRITE_DELAY=0");
        }
        if (!settings.containsKey("DB_CLOSE_ON_EXIT")) {
            used.append(";DB_CLOSE_ON_EXIT=FALSE");
        }
        if (!settings.containsKey("CACHE_SIZE")) {
            used.append(";CACHE_SIZE=").append(cacheKilobytes);
        }
        return used.toString();
    }

    private static void refuse(Map<String, String> settings, String name, String durable, String why) {
        String value = settings.get(name);
        if (value != null && !value.equalsIgnoreCase(durable)) {
            throw new IllegalArgumentException("the database URL sets " + name + "=" + value + ": " + why
                    + "; leave the setting out or give " + name + "=" + durable);
        }
    }
}
