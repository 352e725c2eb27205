package org.cohortplanner.store.h2;

import java.util.Locale;
import org.cohortplanner.store.StoreException;

/**
 * The databases the store's tables run on. The migrations and the statements are portable SQL, so the seam is small:
 * which URLs belong to which database, how the database's own messages are shortened for a planner, and how a URL
 * is shown without its secrets.
 */
public enum SqlDialect {
    /** The embedded H2 model of the console, and the backend's default database. */
    H2("jdbc:h2:"),
    /** The backend's database in a deployment. */
    POSTGRESQL("jdbc:postgresql:");

    private final String urlPrefix;

    SqlDialect(String urlPrefix) {
        this.urlPrefix = urlPrefix;
    }

    /**
     * The dialect of a JDBC URL.
     *
     * @throws StoreException for a URL of another database
     */
    public static SqlDialect of(String url) {
        for (SqlDialect dialect : values()) {
            if (url != null && url.toLowerCase(Locale.ROOT).startsWith(dialect.urlPrefix)) {
                return dialect;
            }
        }
        throw new StoreException("the database URL '" + shown(url) + "' is neither H2 (jdbc:h2:...) nor PostgreSQL "
                + "(jdbc:postgresql:...)");
    }

    /**
     * The URL as it may appear in messages and logs: settings after ';' (H2) and the query after '?' (PostgreSQL),
     * where passwords are given, are left out.
     */
    public static String shown(String url) {
        if (url == null) {
            return "";
        }
        int cut = url.length();
        int semicolon = url.indexOf(';');
        int question = url.indexOf('?');
        if (semicolon >= 0) {
            cut = Math.min(cut, semicolon);
        }
        if (question >= 0) {
            cut = Math.min(cut, question);
        }
        return url.substring(0, cut);
    }
}
