package org.cohortplanner.store.json;

import org.cohortplanner.store.StoreException;

/**
 * A plan file could not be read or written. The message is meant for the planner as it stands: it names the file,
 * the line and column and the JSON path where the reader stopped (when known), and what is wrong, e.g.
 * {@code plan.json:41:20: cohorts[2].window.opens: '2021-07-32T20:00' is not a date-time ...}.
 */
public class PlanFileException extends StoreException {
    private final String source;
    private final String path;
    private final int line;
    private final int column;
    private final String problem;

    /**
     * @param source  the file name or other source name
     * @param path    JSON path such as {@code cohorts[2].window}, empty for the file as a whole
     * @param line    1-based line, 0 when unknown
     * @param column  1-based column, 0 when unknown
     * @param problem what is wrong, in plain words
     */
    public PlanFileException(String source, String path, int line, int column, String problem, Throwable cause) {
        super(compose(source, path, line, column, problem), cause);
        this.source = source;
        this.path = path == null ? "" : path;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    /** A problem with the file as a whole: missing, unreadable, not writable. */
    public PlanFileException(String source, String problem, Throwable cause) {
        this(source, "", 0, 0, problem, cause);
    }

    private static String compose(String source, String path, int line, int column, String problem) {
        StringBuilder text = new StringBuilder(source);
        if (line > 0) {
            text.append(':').append(line);
            if (column > 0) {
                text.append(':').append(column);
            }
        }
        text.append(": ");
        if (path != null && !path.isEmpty()) {
            text.append(path).append(": ");
        }
        return text.append(problem).toString();
    }

    public String source() {
        return source;
    }

    /** The JSON path, empty when the problem concerns the whole file. */
    public String path() {
        return path;
    }

    /** 1-based line, 0 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column, 0 when unknown. */
    public int column() {
        return column;
    }

    /** What is wrong, without file, line or path. */
    public String problem() {
        return problem;
    }
}
