package org.cohortplanner.planning;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import org.cohortplanner.domain.BirthCohortRange;
import org.cohortplanner.domain.KoreanParticles;
import org.cohortplanner.domain.Phrase;

/**
 * Writes a {@link Phrase} in a language: the pattern of its code from the bundle {@code phrases} beside this class
 * (English, and Korean in {@code phrases_ko}), its arguments in a {@link Style}. The English of the command line is
 * {@link #english(Phrase)}; the console writes phrases in its own language and date style.
 */
public final class PhraseFormat {
    private static final String BUNDLE = PhraseFormat.class.getPackageName() + ".phrases";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    /** How dates, times and shares are written; numbers follow the language's grouping. */
    public interface Style {
        String date(LocalDate day);

        String time(LocalDateTime time);

        /** A day of a year the reader knows from the context: "26 Jul". */
        default String dayMonth(LocalDate day) {
            return day.format(DAY_MONTH);
        }

        /** A region's name as the reader calls it; the command line writes the plan's name. */
        default String region(String name) {
            return name;
        }

        /** People or doses; the command line writes plain digits. */
        default String count(long value) {
            return Long.toString(value);
        }

        /** 0.995 as "99.5 %". */
        default String share(double share) {
            double percent = Math.round(share * 10000) / 100.0;
            return (percent == Math.rint(percent) ? Long.toString((long) percent) : Double.toString(percent)) + " %";
        }
    }

    /** The command line's style: 2021-07-19, 2021-07-19 20:00. */
    public static final Style PLAIN = new Style() {
        @Override
        public String date(LocalDate day) {
            return day.toString();
        }

        @Override
        public String time(LocalDateTime time) {
            return time.format(TIME);
        }
    };

    private final ResourceBundle bundle;
    private final Locale locale;
    private final Style style;
    private final boolean korean;

    private PhraseFormat(Locale locale, Style style) {
        this.locale = Objects.requireNonNull(locale, "locale");
        this.style = Objects.requireNonNull(style, "style");
        this.korean = locale.getLanguage().equals(Locale.KOREAN.getLanguage());
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, PhraseFormat.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static final PhraseFormat ENGLISH = new PhraseFormat(Locale.ROOT, PLAIN);

    /** Phrases in {@code locale} (English unless there is a bundle for it), arguments in {@code style}. */
    public static PhraseFormat of(Locale locale, Style style) {
        return new PhraseFormat(locale, style);
    }

    /** The phrase in the command line's English. */
    public static String english(Phrase phrase) {
        return ENGLISH.format(phrase);
    }

    /** Whether the bundle has a pattern for {@code code} (a test checks every code used). */
    public boolean knows(String code) {
        return bundle.containsKey(code);
    }

    public Locale locale() {
        return locale;
    }

    /** The phrase written out; a code without a pattern shows as {@code !code!} so that the gap is seen. */
    public String format(Phrase phrase) {
        String pattern;
        try {
            pattern = bundle.getString(phrase.code());
        } catch (MissingResourceException missing) {
            return "!" + phrase.code() + "!";
        }
        Object[] arguments = phrase.arguments().stream().map(this::argument).toArray();
        String text = new MessageFormat(pattern, locale).format(arguments);
        return korean ? KoreanParticles.resolve(text) : text;
    }

    private Object argument(Object value) {
        if (value instanceof Phrase nested) {
            return format(nested);
        } else if (value instanceof LocalDateTime time) {
            return style.time(time);
        } else if (value instanceof LocalDate day) {
            return style.date(day);
        } else if (value instanceof Phrase.DayMonth day) {
            return style.dayMonth(day.day());
        } else if (value instanceof Phrase.Count count) {
            return style.count(count.value());
        } else if (value instanceof Phrase.Listed listed) {
            return String.join(listed.separator(), listed.items().stream().map(item -> String.valueOf(argument(item)))
                    .toList());
        } else if (value instanceof Phrase.Region region) {
            return style.region(region.name());
        } else if (value instanceof Phrase.Share share) {
            return style.share(share.value());
        } else if (value instanceof Phrase.Digits digits) {
            return alternatives(digits.digits().stream().map(String::valueOf).toList());
        } else if (value instanceof Phrase.Years years) {
            return ranges(years.years());
        } else if (value == null) {
            return "";
        }
        return value;
    }

    /** "1", "1 or 2", "1, 2 or 3" in the language of the bundle. */
    private String alternatives(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return new MessageFormat(bundle.getString("list.or"), locale).format(new Object[] {
            String.join(", ", items.subList(0, items.size() - 1)), items.get(items.size() - 1)});
    }

    /** 1960, 1961, 1962, 1965 → "1960–1962, 1965". */
    static String ranges(List<Integer> sortedYears) {
        if (sortedYears.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        int start = sortedYears.get(0);
        int end = start;
        for (int year : sortedYears.subList(1, sortedYears.size())) {
            if (year == end + 1) {
                end = year;
            } else {
                parts.add(BirthCohortRange.of(start, end).toString());
                start = year;
                end = year;
            }
        }
        parts.add(BirthCohortRange.of(start, end).toString());
        return String.join(", ", parts);
    }
}
