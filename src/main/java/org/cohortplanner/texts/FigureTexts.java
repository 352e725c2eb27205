package org.cohortplanner.texts;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.cohortplanner.simulation.CampaignFigures;

/**
 * The dashboard's figures as every side-by-side of plans shows them — the {@code compare} command, the briefing
 * report and the Scenarios screen: which figures, in which order, their names and their units, in English or Korean
 * (the bundle {@code messages} beside this class). Each front end keeps its own way of writing numbers and dates.
 */
public final class FigureTexts {
    private static final String BUNDLE = FigureTexts.class.getPackageName() + ".messages";
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The headline figures of a plan, in the order they are shown. */
    public enum Figure {
        ELIGIBLE("eligible"),
        EXPECTED_BOOKINGS("bookings"),
        DOSES_NEEDED("needed"),
        DOSES_USABLE("usable"),
        PEOPLE_SHORT("peopleShort"),
        SHORTAGE_DAYS("shortageDays"),
        WORST_WAIT("worstWait"),
        SUSPENDED("suspended"),
        PROBLEMS("problems");

        private final String key;

        Figure(String key) {
            this.key = key;
        }
    }

    /** One line of a side-by-side table: a figure's name and its value in each plan. */
    public record Row(String label, List<String> values) {
        public Row {
            values = List.copyOf(values);
        }
    }

    private final ResourceBundle bundle;
    private final Locale locale;
    private final LongFunction<String> counts;
    private final Function<LocalDate, String> dates;

    private FigureTexts(Locale locale, LongFunction<String> counts, Function<LocalDate, String> dates) {
        this.locale = Objects.requireNonNull(locale, "locale");
        this.counts = Objects.requireNonNull(counts, "counts");
        this.dates = Objects.requireNonNull(dates, "dates");
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, FigureTexts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** In {@code locale} (English unless Korean), with the counts and dates written as the caller writes them. */
    public static FigureTexts of(Locale locale, LongFunction<String> counts, Function<LocalDate, String> dates) {
        return new FigureTexts(locale, counts, dates);
    }

    /** In {@code locale}, counts grouped as the language groups them, dates as 2021-07-19. */
    public static FigureTexts of(Locale locale) {
        NumberFormat integers = NumberFormat.getIntegerInstance(locale);
        return new FigureTexts(locale, value -> {
            synchronized (integers) {
                return integers.format(value);
            }
        }, DateTimeFormatter.ISO_LOCAL_DATE::format);
    }

    /** The figure's name, e.g. "Eligible people". */
    public String label(Figure figure) {
        return text("figure." + figure.key);
    }

    /** The name of a region's shortage line, e.g. "Short in Seoul". */
    public String regionLabel(String region) {
        return text("figure.region", region);
    }

    /** A figure's value in one plan, with its unit. */
    public String value(Figure figure, CampaignFigures figures) {
        return switch (figure) {
            case ELIGIBLE -> counts.apply(figures.eligible());
            case EXPECTED_BOOKINGS -> counts.apply(figures.expectedBookings());
            case DOSES_NEEDED -> counts.apply(figures.neededDoses());
            case DOSES_USABLE -> counts.apply(figures.usableDoses());
            case PEOPLE_SHORT -> counts.apply(figures.peopleShort());
            case SHORTAGE_DAYS -> counts.apply(figures.shortageDays());
            case WORST_WAIT -> figures.worstNight().map(night -> text("value.wait", minutes(night.p95Minutes()),
                    dates.apply(night.date()), night.cohortName())).orElse(text("value.none"));
            case SUSPENDED -> figures.suspended().isEmpty() ? text("value.none") : text("value.suspended",
                    counts.apply(figures.suspended().size()), String.join(", ", figures.suspended().stream()
                            .map(s -> s.cohortName() + " " + MINUTE.format(s.at())).toList()));
            case PROBLEMS -> text("value.problems", figures.errors(), figures.warnings());
        };
    }

    /** A region's shortage in one plan ("1,200 people, 3 days"), or a dash when the plan has no such region. */
    public String regionValue(String region, CampaignFigures figures) {
        return figures.region(region).map(r -> text("value.regionShort", counts.apply(r.peopleShort()),
                r.shortageDays())).orElse("–");
    }

    /** A wait in whole minutes with its unit, e.g. "42 min". */
    public String minutes(double minutes) {
        return text("value.minutes", Math.round(minutes));
    }

    /** Every figure of the plans side by side, one row per figure. */
    public List<Row> rows(List<CampaignFigures> plans) {
        List<Row> rows = new ArrayList<>();
        for (Figure figure : Figure.values()) {
            rows.add(new Row(label(figure), plans.stream().map(f -> value(figure, f)).toList()));
        }
        return rows;
    }

    /** As {@link #rows}, followed by each region of the first plan with its shortage in every plan. */
    public List<Row> rowsWithRegions(List<CampaignFigures> plans) {
        List<Row> rows = new ArrayList<>(rows(plans));
        if (!plans.isEmpty()) {
            for (CampaignFigures.RegionFigures region : plans.get(0).regions()) {
                rows.add(new Row(regionLabel(region.region()), plans.stream()
                        .map(f -> regionValue(region.region(), f)).toList()));
            }
        }
        return rows;
    }

    private String text(String key, Object... arguments) {
        String pattern = bundle.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }
}
