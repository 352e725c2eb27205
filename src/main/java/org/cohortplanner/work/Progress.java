package org.cohortplanner.work;

/**
 * Told how far work has got, from the thread that does it; a screen hands it on to its own thread.
 *
 * @param <S> what the work says it is doing, as data for whoever shows it (the export's workbook, sheet and rows);
 *            work with nothing to say but the fraction (a simulation) reports none and takes a {@code Progress<?>}
 */
@FunctionalInterface
public interface Progress<S> {

    /**
     * @param fraction 0–1, or a negative number when the amount of work is not known
     * @param step     what is being done, or null
     */
    void report(double fraction, S step);

    /** How far the work has got, with nothing more to say. */
    default void report(double fraction) {
        report(fraction, null);
    }

    /** A listener that ignores every report. */
    static <S> Progress<S> none() {
        return (fraction, step) -> { };
    }
}
