package org.cohortplanner.ui.cohorts;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.cohortplanner.domain.BookingWindow;

/**
 * A booking window as the planner types it: a date and a time ("20:00") for when it opens and when it closes, in the
 * plan's zone. Used by the cohort editor and by the split dialog's first night.
 */
public final class WindowInput {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter TIME_INPUT = DateTimeFormatter.ofPattern("H:mm", Locale.ROOT);

    private final ObjectProperty<LocalDate> opensDate = new SimpleObjectProperty<>(this, "opensDate");
    private final StringProperty opensTime = new SimpleStringProperty(this, "opensTime");
    private final ObjectProperty<LocalDate> closesDate = new SimpleObjectProperty<>(this, "closesDate");
    private final StringProperty closesTime = new SimpleStringProperty(this, "closesTime");

    WindowInput(BookingWindow window) {
        opensDate.set(window.opens().toLocalDate());
        opensTime.set(TIME.format(window.opens()));
        closesDate.set(window.closes().toLocalDate());
        closesTime.set(TIME.format(window.closes()));
    }

    /** Every field, for listening to any change. */
    List<Observable> fields() {
        return List.of(opensDate, opensTime, closesDate, closesTime);
    }

    /** When it opens, or empty when the date is missing or the time cannot be read. */
    Optional<LocalDateTime> opens() {
        return read(opensDate.get(), opensTime.get());
    }

    Optional<LocalDateTime> closes() {
        return read(closesDate.get(), closesTime.get());
    }

    /** The window, or empty when either end cannot be read. */
    Optional<BookingWindow> window() {
        Optional<LocalDateTime> opens = opens();
        Optional<LocalDateTime> closes = closes();
        return opens.isPresent() && closes.isPresent()
                ? Optional.of(new BookingWindow(opens.get(), closes.get())) : Optional.empty();
    }

    private static Optional<LocalDateTime> read(LocalDate day, String time) {
        if (day == null || time == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(day.atTime(LocalTime.parse(time.strip(), TIME_INPUT)));
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }

    public ObjectProperty<LocalDate> opensDateProperty() {
        return opensDate;
    }

    /** "20:00", in the plan's zone. */
    public StringProperty opensTimeProperty() {
        return opensTime;
    }

    public ObjectProperty<LocalDate> closesDateProperty() {
        return closesDate;
    }

    public StringProperty closesTimeProperty() {
        return closesTime;
    }
}
