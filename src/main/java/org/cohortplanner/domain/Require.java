package org.cohortplanner.domain;

import java.util.Collection;
import java.util.Objects;

/** Small constructor checks shared by the records; messages name the field so they can be shown to a planner. */
final class Require {
    private Require() {
    }

    static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value.strip();
    }

    static long nonNegative(long value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative, got " + value);
        }
        return value;
    }

    static int nonNegative(int value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative, got " + value);
        }
        return value;
    }

    static double nonNegative(double value, String field) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException(field + " must be a number not below 0, got " + value);
        }
        return value;
    }

    static double positive(double value, String field) {
        if (!Double.isFinite(value) || value <= 0) {
            throw new IllegalArgumentException(field + " must be a number above 0, got " + value);
        }
        return value;
    }

    static double share(double value, String field) {
        if (!Double.isFinite(value) || value < 0 || value > 1) {
            throw new IllegalArgumentException(field + " must be between 0 and 1, got " + value);
        }
        return value;
    }

    static <T> T present(T value, String field) {
        return Objects.requireNonNull(value, field + " is missing");
    }

    static <T> void noNulls(Collection<T> values, String field) {
        Objects.requireNonNull(values, field + " is missing");
        for (T value : values) {
            Objects.requireNonNull(value, field + " contains an empty entry");
        }
    }
}
