package org.cohortplanner.ui.simulation;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;
import org.cohortplanner.ui.common.Texts;

/**
 * Controls of the Simulation screen bound both ways to the view model's values: share sliders, number spinners and
 * choices named from the screen's texts. One instance holds the adapters of every spinner of the screen.
 */
final class FormControls {
    private final Texts texts;
    private final NightFormats formats;
    /** Adapters between number properties and spinners: a bidirectional binding holds them only weakly. */
    private final List<Object> adapters = new ArrayList<>();

    FormControls(Texts texts, NightFormats formats) {
        this.texts = texts;
        this.formats = formats;
    }

    Node shareSlider(DoubleProperty share) {
        Slider slider = new Slider(0, 1, share.get());
        slider.valueProperty().bindBidirectional(share);
        slider.setBlockIncrement(0.01);
        Label value = new Label();
        value.textProperty().bind(share.map(v -> formats.percent(v.doubleValue())));
        value.setMinWidth(46);
        HBox box = new HBox(6, slider, value);
        HBox.setHgrow(slider, Priority.ALWAYS);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    Spinner<Double> doubleSpinner(DoubleProperty value, double min, double max, double step) {
        return spinner(new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max, value.get(), step),
                value.asObject());
    }

    Spinner<Integer> intSpinner(IntegerProperty value, int min, int max, int step) {
        return spinner(new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, value.get(), step),
                value.asObject());
    }

    /** An editable spinner whose range keeps typed values sane, bound both ways to the view model's value. */
    private <T> Spinner<T> spinner(SpinnerValueFactory<T> values, ObjectProperty<T> adapter) {
        Spinner<T> spinner = new Spinner<>(values);
        spinner.setEditable(true);
        spinner.setMaxWidth(Double.MAX_VALUE);
        adapters.add(adapter);
        values.valueProperty().bindBidirectional(adapter);
        return spinner;
    }

    <E extends Enum<E>> StringConverter<E> enumTexts(String prefix) {
        return new StringConverter<>() {
            @Override
            public String toString(E value) {
                return value == null ? "" : texts.get(prefix + value.name());
            }

            @Override
            public E fromString(String text) {
                throw new UnsupportedOperationException("choices are picked, not typed");
            }
        };
    }
}
