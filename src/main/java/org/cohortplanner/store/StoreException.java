package org.cohortplanner.store;

/** The store could not be read or written; the message says what and where, for the status bar. */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
