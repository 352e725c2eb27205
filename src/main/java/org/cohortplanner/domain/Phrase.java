package org.cohortplanner.domain;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Something the planning layers say to a person, as a code with its arguments rather than as a sentence: the front
 * end that knows the person's language writes it (the console in Korean or English, the command line in English).
 * Arguments are names and numbers as they are ({@link String}, {@link Number}), dates and times
 * ({@link java.time.LocalDate}, {@link java.time.LocalDateTime}), one of the small value types below, or another
 * phrase written in its place.
 */
public record Phrase(String code, List<Object> arguments) {

    public Phrase {
        Objects.requireNonNull(code, "code");
        arguments = List.copyOf(arguments);
    }

    public static Phrase of(String code, Object... arguments) {
        return new Phrase(code, Arrays.asList(arguments));
    }

    /** A share of one (0.8), written as a percentage in the reader's style. */
    public record Share(double value) {
    }

    /** Last digits of the birth day (0–9), written as a list with the language's "or". */
    public record Digits(List<Integer> digits) {
        public Digits {
            digits = List.copyOf(new TreeSet<>(digits));
        }

        public static Digits of(Set<Integer> digits) {
            return new Digits(List.copyOf(digits));
        }
    }

    /**
     * People or doses, written with the reader's thousands separators (3,807,034); the command line writes them as
     * plain digits, as its slip suggestions always have.
     */
    public record Count(long value) {
    }

    /** A day whose year is plain from the rest of the text: "26 Jul", "7. 26.". */
    public record DayMonth(LocalDate day) {
        public DayMonth {
            Objects.requireNonNull(day, "day");
        }
    }

    /** A region of the plan by its name ("Seoul"), written with the reader's name for it where there is one. */
    public record Region(String name) {
        public Region {
            Objects.requireNonNull(name, "name");
        }
    }

    /** Arguments (phrases, regions, names) written one after the other with {@code separator}: "Seoul/Busan". */
    public record Listed(List<?> items, String separator) {
        public Listed {
            items = List.copyOf(items);
            Objects.requireNonNull(separator, "separator");
        }
    }

    /** Regions by name, written one after the other with {@code separator}. */
    public static Listed regions(Collection<String> names, String separator) {
        return new Listed(names.stream().map(Region::new).toList(), separator);
    }

    /** Birth years, written as runs: 1960, 1961, 1962, 1965 as "1960–1962, 1965". */
    public record Years(List<Integer> years) {
        public Years {
            years = List.copyOf(years);
        }
    }
}
