package org.cohortplanner.store.h2;

/**
 * A text of the plan or its audit entry is longer than its column holds. Raised while the rows are written, before
 * the database would refuse it, so that the message names the field in the planners' words.
 */
public final class TextTooLongException extends IllegalArgumentException {
    /** Names and identifiers: cohorts, brands, deliveries, site groups, regions, holidays, users. */
    public static final int NAME_LENGTH = 200;
    /** The action of an audit entry. */
    public static final int ACTION_LENGTH = 1000;
    private static final int SHOWN = 40;

    private TextTooLongException(String message) {
        super(message);
    }

    /** {@code text} itself (which may be null), or the exception when it has more than {@code limit} characters. */
    static String requireFits(String text, int limit, String what) {
        if (text != null && text.length() > limit) {
            throw new TextTooLongException(what + " '" + text.substring(0, SHOWN) + "…' has " + text.length()
                    + " characters, more than the " + limit + " that can be stored");
        }
        return text;
    }
}
