package org.cohortplanner.ui.cohorts;

import java.util.Locale;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextField;
import org.cohortplanner.ui.common.Formats;

/** The date pickers and time fields of a {@link WindowInput}, bound to it, for the editor and the split dialog. */
final class WindowFields {
    final DatePicker opensDate = new DatePicker();
    final TextField opensTime = new TextField();
    final DatePicker closesDate = new DatePicker();
    final TextField closesTime = new TextField();

    WindowFields(WindowInput window, Locale locale) {
        opensDate.valueProperty().bindBidirectional(window.opensDateProperty());
        opensTime.textProperty().bindBidirectional(window.opensTimeProperty());
        closesDate.valueProperty().bindBidirectional(window.closesDateProperty());
        closesTime.textProperty().bindBidirectional(window.closesTimeProperty());
        for (DatePicker date : new DatePicker[] {opensDate, closesDate}) {
            Formats.styled(date, locale);
            date.setPrefWidth(130);
        }
        for (TextField time : new TextField[] {opensTime, closesTime}) {
            time.setPrefColumnCount(5);
            time.setPromptText("20:00");
        }
    }
}
